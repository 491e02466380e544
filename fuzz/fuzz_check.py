"""Coverage-guided fuzzing of the check path with atheris (libFuzzer for Python).

Every input is a whole Markdown file. `mdlint.checker.analyse` must return findings for it and
never raise; each finding must carry a known rule code and a position inside the file. Any
exception or broken invariant is a crash that libFuzzer saves as `crash-<sha1>` for replay.

    .venv/bin/python fuzz/fuzz_check.py fuzz/corpus -dict=fuzz/yaml.dict -runs=1000000

See fuzz/README.md.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["mdlint"]):
    from mdlint.checker import CheckOptions, analyse
    from mdlint.rules import BY_CODE
    from mdlint.schema import load_schema

SCHEMA = load_schema()
OPTIONS = CheckOptions()
# A small size limit and value budget now and then, so the limits' own paths get fuzzed too.
SMALL = CheckOptions(max_header_bytes=64, value_budget=50)


def file_lines(data: bytes) -> list[str]:
    """The file's lines as mdlint counts them (LF, CRLF and a lone CR end a line; nothing else),
    decoded as mdlint decodes them to count columns."""
    return [
        line.decode("utf-8", errors="replace")
        for line in data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    ]


def check_one(data: bytes) -> None:
    options = SMALL if data[-1:] == b"\x01" else OPTIONS
    findings = analyse(data, SCHEMA, options).findings
    lines = file_lines(data)
    for finding in findings:
        if finding.code not in BY_CODE:
            raise AssertionError(f"unknown rule code {finding.code!r}: {finding}")
        if not (1 <= finding.line <= len(lines) + 1 and finding.col >= 1):
            raise AssertionError(f"position outside the file ({len(lines)} lines): {finding}")
        if finding.line <= len(lines) and finding.col > len(lines[finding.line - 1]) + 1:
            raise AssertionError(f"column past the end of line {finding.line}: {finding}")
        if not finding.message or not all(inert(char) for char in finding.message):
            raise AssertionError(f"a message must be one non-empty printable line: {finding}")


def inert(char: str) -> bool:
    """Prints as itself: no line break (LF, CR, NEL, LS, PS), no control or bidi character."""
    return char.isprintable() or char in "\u200c\u200d"


def main() -> None:
    atheris.Setup(sys.argv, check_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
