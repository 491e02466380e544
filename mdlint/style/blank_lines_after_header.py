"""ST008 blank-lines-after-header: exactly N blank lines between the closing fence and the body.

The only style rule that edits the body's side of the file, and only its first bytes: the blank
lines right under the closing fence (`Document.tail`). The body's text is never decoded nor
touched. A file whose body is empty (or only blank lines) is left alone: there is nothing to
separate the header from. Extra blank lines go from the end of the run; missing ones are added
right under the fence, with the fence's own line break.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..edits import Edit
from ..findings import Finding
from .base import Line, StyleContext, StyleRule
from .plans import StyleFix
from .settings import FormatSettings

CODE = "ST008"


def enabled(settings: FormatSettings) -> bool:
    value = settings.blank_lines_after_header
    return isinstance(value, int) and not isinstance(value, bool)


def check(context: StyleContext) -> Iterator[Finding]:
    wanted = context.settings.blank_lines_after_header
    assert isinstance(wanted, int)
    document = context.document
    fence = context.closing_fence_line
    if fence is None or fence.next == fence.end or document.tail_end >= len(document.data):
        return  # no body: nothing to separate
    blanks = [line for line in context.lines if line.index > fence.index]
    if len(blanks) == wanted:
        return
    count = len(blanks)
    message = (
        f"{count} blank {'line' if count == 1 else 'lines'} between the header and the body; "
        f"blank-lines-after-header is {wanted}"
    )
    fix = StyleFix(
        (_edit(context, fence, blanks, wanted),), "blank lines after the header adjusted"
    )
    if count > wanted:  # at the first blank line too many
        yield context.finding(CODE, message, blanks[wanted].start, blanks[wanted].next, fix)
    else:  # at the first line of the body
        last = blanks[-1] if blanks else fence
        yield context.finding(CODE, message, last.next, last.next, fix, line_after=last)


def _edit(context: StyleContext, fence: Line, blanks: list[Line], wanted: int) -> Edit:
    if len(blanks) > wanted:
        return Edit(blanks[wanted].start, blanks[-1].next, "")
    newline = context.text[fence.end - context.base : fence.next - context.base]
    return Edit(fence.next, fence.next, newline * (wanted - len(blanks)))


RULE = StyleRule(CODE, "blank-lines-after-header", enabled, check)
