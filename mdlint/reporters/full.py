"""The `full` format (the default): each finding, then its source line with the span underlined,
as ruff and rustc show them, and how to fix it when `mdlint fix` can.

    content/posts/a.md:16:11: SC001 [*] "false" is a string; expected a boolean (write false ...)
       |
    16 | comments: "false"
       |           ^^^^^^^ SC001
       |
       = help: `mdlint fix` fixes this

The first line is the `concise` line, so editors and terminals still jump to the place. Tabs are
expanded, wide characters take two columns and control characters are shown as U+FFFD, so the
carets stay under the span and no byte of a file reaches the terminal as a control sequence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from ..findings import FileResult, Finding
from . import MAX_SHOWN_LINES, ReportOptions, region_end, split_lines
from .text import concise_line, paint

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import TextIO  # typing imports re: ~6 ms of a run that reports nothing

TAB_WIDTH = 4
MAX_LINE_CHARACTERS = 200  # of a longer line: a window around the span, then "..."
_READ_CHUNK = 65536
_READ_LIMIT = 16 * 1024 * 1024
_HIDDEN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))

HELP = {
    "safe": "`mdlint fix` fixes this",
    "unsafe": "`mdlint fix --unsafe-fixes` fixes this with a guess; review the change",
}


def report_full(results: Iterable[FileResult], out: TextIO, options: ReportOptions) -> None:
    for result in results:
        if not result.findings:
            continue
        last_line = max(region_end(finding)[0] for finding in result.findings)
        source = SourceLines(result.path, options.source, last_line, dict(result.lines))
        notes = options.notes.get(result.path, {})
        for index, finding in enumerate(result.findings):
            out.write(render(result.path, finding, source, options.color, notes.get(index)) + "\n")


def render(
    path: str,
    finding: Finding,
    source: SourceLines,
    color: bool = False,
    note: str | None = None,
) -> str:
    """One finding as the `full` format shows it, ending with a line break."""
    lines = [concise_line(path, finding, color)]
    snippet = _snippet(finding, source, color)
    footer = []
    if note:
        footer.append(("note", note))
    elif finding.fix in HELP:
        footer.append(("help", HELP[finding.fix]))
    width = max((len(str(number)) for number, _, _ in snippet if number is not None), default=1)
    gutter = paint(" " * width + " |", color, fg="blue", bold=True)
    if snippet:
        lines.append(gutter)
        for number, text, underline in snippet:
            label = paint(f"{number or '':>{width}} |", color, fg="blue", bold=True)
            lines.append(f"{label} {text}".rstrip())
            if underline is not None:
                lines.append(f"{gutter} {underline}")
        lines.append(gutter)
    for kind, text in footer:
        equals = paint(" " * width + " =", color, fg="blue", bold=True)
        lines.append(f"{equals} {paint(kind + ':', color, bold=True)} {text}")
    return "\n".join(lines) + "\n"


class SourceLines:
    """The lines of one file: those its check kept (`known`), else read once and only as far as
    the findings need."""

    def __init__(
        self,
        path: str,
        source: Callable[[str], bytes | None] | None = None,
        wanted: int = 1,
        known: Mapping[int, str] | None = None,
    ) -> None:
        self.path = path
        self._known = known or {}
        self._source = source
        self._wanted = wanted  # read at least this many lines at the first read
        self._lines: list[bytes] | None = None
        self._complete = False

    def line(self, number: int) -> str | None:
        """Line `number` (1-based) as text without its line break, or None when there is none."""
        known = self._known.get(number)
        if known is not None:
            return known
        lines = self._read(number)
        if lines is None or not 1 <= number <= len(lines):
            return None
        return lines[number - 1].decode("utf-8", errors="replace")

    def _read(self, wanted: int) -> list[bytes] | None:
        if self._lines is not None and (self._complete or len(self._lines) > wanted):
            return self._lines
        if self._source is not None:
            data = self._source(self.path)
            self._complete = True
        else:
            data, self._complete = _read_head_lines(self.path, max(wanted, self._wanted))
        if data is None:
            self._complete = True
            self._lines = []
            return None
        self._lines = split_lines(data)
        if not self._complete:
            self._lines.pop()  # the last piece may be a line cut short by the read
        return self._lines


def _read_head_lines(path: str, wanted: int) -> tuple[bytes | None, bool]:
    """The start of the file holding at least `wanted` whole lines; (data, read to the end)."""
    try:
        with open(path, "rb") as handle:
            chunks: list[bytes] = []
            size = breaks = 0
            while size < _READ_LIMIT:
                chunk = handle.read(_READ_CHUNK)
                if not chunk:
                    return b"".join(chunks), True
                chunks.append(chunk)
                size += len(chunk)
                # a CRLF cut in two counts twice
                breaks += chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")
                if breaks > wanted + 1:
                    return b"".join(chunks), False
            return b"".join(chunks), False
    except OSError:
        return None, True


def _snippet(
    finding: Finding, source: SourceLines, color: bool
) -> list[tuple[int | None, str, str | None]]:
    """(line number, shown text, underline or None) for each line of the span that is shown; the
    line number is None for the "..." that stands for the lines of a long span left out."""
    end_line, end_col = region_end(finding)
    last = min(end_line, finding.line + MAX_SHOWN_LINES - 1)
    shown: list[tuple[int | None, str, str | None]] = []
    for number in range(finding.line, last + 1):
        text = source.line(number)
        if text is None:
            break
        start = finding.col - 1 if number == finding.line else _indent(text)
        stop = end_col - 1 if number == end_line and end_col is not None else len(text)
        if number == 1 and text.startswith("\ufeff"):  # the BOM counts as a column; never shown
            text, start, stop = text[1:], max(start - 1, 0), max(stop - 1, 0)
        start = min(max(start, 0), len(text))
        stop = min(max(stop, start), len(text))
        text, start, stop = _window(text, start, stop)
        display, offsets = _display(text)
        first, after = offsets[start], offsets[stop]
        carets = max(after - first, 1)
        underline = " " * first + "^" * carets
        if number == finding.line:
            underline += f" {finding.code}"
        shown.append((number, display, paint(underline, color, fg="red", bold=True)))
    if shown and last < end_line:
        shown.append((None, "...", None))
    return shown


def _window(text: str, start: int, stop: int) -> tuple[str, int, int]:
    """A long line cut to MAX_LINE_CHARACTERS around the span's start, "..." marking the cuts;
    the span's start and stop moved to match."""
    if len(text) <= MAX_LINE_CHARACTERS:
        return text, start, stop
    begin = max(0, min(start - MAX_LINE_CHARACTERS // 4, len(text) - MAX_LINE_CHARACTERS))
    end = begin + MAX_LINE_CHARACTERS
    prefix = "..." if begin > 0 else ""
    suffix = "..." if end < len(text) else ""
    shown = prefix + text[begin:end] + suffix
    start = len(prefix) + min(start, end) - begin
    stop = len(prefix) + min(stop, end) - begin
    return shown, start, max(stop, start)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t"))


def _display(text: str) -> tuple[str, list[int]]:
    """The text as a terminal shows it, and the display column where each character starts (plus
    one entry for the end)."""
    if text.isascii() and text.isprintable():  # no tab, no control character: one column each
        return text, list(range(len(text) + 1))
    import unicodedata  # only for a line that is not plain ASCII (a C module of ~1 MB)

    shown: list[str] = []
    offsets: list[int] = []
    column = 0
    for char in text:
        offsets.append(column)
        if char == "\t":
            spaces = TAB_WIDTH - column % TAB_WIDTH
            shown.append(" " * spaces)
            column += spaces
            continue
        category = unicodedata.category(char)
        if category in _HIDDEN:  # control, format (bidi overrides, the BOM), separators
            char = "\ufffd"
        shown.append(char)
        if category in ("Mn", "Me"):  # combining marks sit on the character before
            continue
        column += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    offsets.append(column)
    return "".join(shown), offsets
