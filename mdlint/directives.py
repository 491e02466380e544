"""Inline directives: YAML comments in the header that silence findings.

    title: "x"  # mdlint: disable=SC001,SC002     silences those codes on this line
    # mdlint: disable-next-line=SC006             silences them on the next line
    # mdlint: disable-file                        silences everything in the file (or
                                                  `disable-file=CODE,...`: those codes)

Codes may be prefixes (`SC`, `SC00`), as in `select`; `disable` and `disable-next-line` without
codes silence every code on their line. A directive with an unknown code (DR001), one that
silences nothing (DR002), or one that cannot be read (DR003) is reported itself, so stale
directives get cleaned up. A `#` inside a quoted or block scalar is text, not a comment.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from .findings import Finding
from .selection import is_known_selector, matches

Kind = Literal["disable", "disable-next-line", "disable-file"]
_KIND_OF: dict[str, Kind] = {
    "disable": "disable",
    "disable-next-line": "disable-next-line",
    "disable-file": "disable-file",
}

# YAML 1.2's line breaks; NEL, LS and PS are ordinary characters (as yaml_tree reads them).
_LINE_BREAK = re.compile(r"\r\n|[\n\r]")
_NOT_BREAKS = {0x85: "_", 0x2028: "_", 0x2029: "_"}  # one for one, so offsets stay
_COMMENT_START = re.compile(r"(?:^|(?<=[ \t\r\n]))#")
_DIRECTIVE = re.compile(r"#[ \t]*mdlint:")
_BODY = re.compile(
    r"[ \t]*(?P<kind>[A-Za-z][\w-]*)"
    r"(?:[ \t]*=[ \t]*(?P<codes>[^\s,]*(?:[ \t]*,[ \t]*[^\s,]*)*))?"
    r"(?P<rest>.*)"
)


@dataclass
class Directive:
    kind: Kind
    codes: tuple[str, ...]  # upper-cased known selectors; empty: every code
    line: int  # file line of the comment (line 1 is the opening fence)
    col: int  # 1-based column of the `#`, in characters
    end_col: int
    start: int  # offsets of the directive's text in the header, for a fixer that removes it
    end: int
    own_line: bool
    text: str
    used: set[str] = field(default_factory=set)  # the selectors that silenced something
    used_bare: bool = False

    @property
    def target_line(self) -> int | None:
        if self.kind == "disable-file":
            return None
        return self.line + 1 if self.kind == "disable-next-line" else self.line

    def covers(self, finding: Finding) -> str | None:
        """The selector that silences `finding` ("" for a directive without codes), or None."""
        if self.target_line is not None and finding.line != self.target_line:
            return None
        if not self.codes:
            return ""
        return next((code for code in self.codes if matches(code, finding.code)), None)


@dataclass
class Scan:
    directives: list[Directive]
    problems: list[Finding]  # DR001 and DR003, found while reading the directives


def apply_directives(
    header: str, findings: Iterable[Finding], first_line: int = 2
) -> list[Finding]:
    """The findings the header's directives leave, plus the directives' own findings."""
    findings = list(findings)
    if "mdlint:" not in header:  # the common case costs one substring search
        return findings
    scan = scan_directives(header, first_line)
    kept = [finding for finding in findings if not _silence(finding, scan.directives)]
    return kept + scan.problems + list(_unused(scan.directives))


def _silence(finding: Finding, directives: list[Directive]) -> bool:
    silenced = False
    for directive in directives:
        selector = directive.covers(finding)
        if selector is None:
            continue
        silenced = True
        if selector:
            directive.used.add(selector)
        else:
            directive.used_bare = True
    return silenced


def scan_directives(header: str, first_line: int = 2) -> Scan:
    header = header.translate(_NOT_BREAKS)  # libyaml would break lines at them
    lines = _LineIndex(header)
    scan = Scan([], [])
    for start, end in _comments(header):
        found = _DIRECTIVE.search(header, start, end)
        if found is None:
            continue
        line, col = lines.position(found.start())
        text = header[found.start() : end].rstrip()
        directive = Directive(
            kind="disable",
            codes=(),
            line=first_line + line,
            col=col + 1,
            end_col=col + 1 + len(text),
            start=found.start(),
            end=found.start() + len(text),
            own_line=not header[lines.line_start(start) : start].strip(),
            text=text,
        )
        _read(header[found.end() : end], directive, scan)
    return scan


def _read(body: str, directive: Directive, scan: Scan) -> None:
    """Fill in `directive` from the text after `mdlint:`; keep it, or report why not."""
    parsed = _BODY.fullmatch(body)
    kind = parsed.group("kind") if parsed else ""
    rest = parsed.group("rest") if parsed else body
    codes_text = parsed.group("codes") if parsed else None
    raw = [code.strip() for code in codes_text.split(",")] if codes_text is not None else []
    if kind not in _KIND_OF or (rest and not rest[0].isspace()) or "" in raw:
        scan.problems.append(_malformed(directive))
        return
    unknown = [code for code in raw if not is_known_selector(code.upper())]
    scan.problems.extend(_unknown_code(code, directive) for code in unknown)
    known = tuple(code.upper() for code in raw if code not in unknown)
    if raw and not known:
        return
    directive.kind, directive.codes = _KIND_OF[kind], known
    scan.directives.append(directive)


def _finding(code: str, message: str, directive: Directive) -> Finding:
    line = directive.line
    return Finding(code, message, line, directive.col, line, directive.end_col, detail=directive)


def _malformed(directive: Directive) -> Finding:
    return _finding(
        "DR003",
        f'cannot read the directive {quote(directive.text)}; expected "mdlint: disable=CODE,...", '
        '"mdlint: disable-next-line=CODE,..." or "mdlint: disable-file"',
        directive,
    )


def _unknown_code(code: str, directive: Directive) -> Finding:
    return _finding(
        "DR001",
        f"unknown rule code {quote(code)} in the directive {quote(directive.text)} (see `mdlint rule --all`)",
        directive,
    )


def _unused(directives: list[Directive]) -> Iterator[Finding]:
    for directive in directives:
        if directive.codes:
            idle = [code for code in directive.codes if code not in directive.used]
        else:
            idle = [] if directive.used_bare else ["*"]
        if not idle:
            continue
        what = "finding" if idle == ["*"] else " or ".join(idle) + " finding"
        where = {
            "disable": f"on line {directive.line}",
            "disable-next-line": f"on line {directive.line + 1}",
            "disable-file": "in this file",
        }[directive.kind]
        message = f"the directive {quote(directive.text)} silences nothing: no {what} {where}"
        if directive.kind == "disable" and directive.own_line:
            message += " (on a line of its own it covers only that line; use disable-next-line)"
        yield _finding("DR002", message, directive)


# --- Where the comments are ----------------------------------------------------------------------


def _comments(header: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of each comment: a `#` after a blank or at a line's start, outside strings."""
    spans = list(_scalar_spans(header))
    starts = [start for start, _ in spans]
    for match in _COMMENT_START.finditer(header):
        position = match.start()
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and spans[index][0] <= position < spans[index][1]:
            continue
        line_end = _LINE_BREAK.search(header, position)
        yield position, line_end.start() if line_end else len(header)


def _scalar_spans(header: str) -> Iterator[tuple[int, int]]:
    """Spans of the header's scalars, as far as the YAML scanner can read (a broken header too)."""
    import yaml  # only for a header that holds a directive

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        for token in yaml.scan(header, Loader=loader):
            if isinstance(token, yaml.ScalarToken):
                yield token.start_mark.index, token.end_mark.index
    except yaml.YAMLError:
        return


def quote(text: str) -> str:
    from .tree import quote as quote_for_a_message

    return quote_for_a_message(text)


class _LineIndex:
    def __init__(self, text: str) -> None:
        self.starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """0-based line and column (in characters) of `offset`."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, offset - self.starts[line]

    def line_start(self, offset: int) -> int:
        return self.starts[bisect.bisect_right(self.starts, offset) - 1]
