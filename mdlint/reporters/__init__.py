"""Reporters turn results into text. Each is registered by the name `--output-format` takes.

A reporter is a function `(results, out, options)` that writes the findings of `results` to `out`;
the summary line is the command's business, not the reporter's. Its module is imported only when
its format is used, so that `mdlint --version` and a pre-commit run on one file stay fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

from ..findings import FileResult, Finding
from ..records import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import TextIO


class ReportOptions(NamedTuple):
    color: bool = False
    # path -> index of a finding in its FileResult -> a note about it (`mdlint fix`: why it was not
    # fixed). Shown by the human formats.
    notes: Mapping[str, Mapping[int, str]] = MappingProxyType({})
    # The bytes of a file, for the source lines the `full` format shows; None: read the file.
    source: Callable[[str], bytes | None] | None = None


Reporter = Callable[[Iterable[FileResult], "TextIO", ReportOptions], None]


class Format(NamedTuple):
    name: str
    module: str  # in this package
    function: str
    machine: bool  # read by programs: no summary line and no progress bar on its stream
    help: str


FORMATS: dict[str, Format] = {
    entry.name: entry
    for entry in (
        Format(
            "full",
            "full",
            "report_full",
            False,
            "each finding with its source line, the span underlined, and how to fix it",
        ),
        Format("concise", "text", "report_concise", False, "one PATH:LINE:COL: CODE message line"),
        Format("json", "json_format", "report_json", True, "a JSON list of findings"),
        Format("github", "github", "report_github", True, "GitHub Actions error annotations"),
        Format("sarif", "sarif", "report_sarif", True, "SARIF 2.1.0 (GitHub code scanning)"),
        Format("junit", "junit", "report_junit", True, "JUnit XML, one test case per file"),
    )
}
REPORTER_NAMES = tuple(FORMATS)
DEFAULT_FORMAT = "full"


def get_reporter(name: str) -> Reporter:
    """The reporter registered as `name`; KeyError for a name that is not registered."""
    entry = FORMATS[name]
    # __import__ rather than importlib.import_module: importing importlib (and warnings) would
    # cost a run answered from the cache ~0.5 ms.
    module = __import__(f"{__name__}.{entry.module}", fromlist=[entry.function])
    reporter: Reporter = getattr(module, entry.function)
    return reporter


MAX_SHOWN_LINES = 6  # of a span over many lines, `full` shows the first ones, then "..."


def shown_lines(finding: Finding) -> range:
    """The numbers of the lines the `full` format shows for `finding`."""
    return range(finding.line, min(region_end(finding)[0], finding.line + MAX_SHOWN_LINES - 1) + 1)


def source_lines(data: bytes, findings: Iterable[Finding]) -> tuple[tuple[int, str], ...]:
    """The lines of `data` (the start of a file) that the `full` format shows for `findings`,
    as (number, text) pairs: what a check keeps with its result, so that reporting it, now or
    from the cache, reads no file. A line `data` may hold only part of is left out."""
    wanted = sorted({number for finding in findings for number in shown_lines(finding)})
    if not wanted:
        return ()
    whole = split_lines(data)[:-1]  # the last piece may be a line cut short
    return tuple(
        (number, whole[number - 1].decode("utf-8", errors="replace"))
        for number in wanted
        if number <= len(whole)
    )


def split_lines(data: bytes) -> list[bytes]:
    """`data` cut at each CRLF, CR and LF, as re.split would: the last piece is what follows the
    last line break, maybe empty. (bytes.splitlines does the cutting ten times faster.)"""
    lines = data.splitlines()
    if not data or data.endswith((b"\n", b"\r")):
        lines.append(b"")
    return lines


def region_end(finding: Finding) -> tuple[int, int | None]:
    """The end of a finding's span for formats that show lines: a span that ends at the start of a
    line (a block list's value takes its last line break) ends with the line before instead.
    Returns (end_line, end_column), the column exclusive, or None for "the end of that line"."""
    if finding.end_line > finding.line and finding.end_col <= 1:
        return finding.end_line - 1, None
    return finding.end_line, finding.end_col
