"""ST007 max-blank-lines: at most N blank lines in a row inside the header (0: none at all).

A blank line inside a value that spans lines (a block scalar, a quoted or plain scalar) is a line
break of that value, not layout: those are never counted nor removed. A run that is too long
loses its last lines; the first N stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..edits import Edit
from ..findings import Finding
from .base import Line, StyleContext, StyleRule
from .plans import StyleFix
from .settings import FormatSettings

CODE = "ST007"
_BLANK_LINE = re.compile(r"(?:\A|\n|\r)[ \t]*(?:\r\n|\n|\r)")


def enabled(settings: FormatSettings) -> bool:
    value = settings.max_blank_lines
    return isinstance(value, int) and not isinstance(value, bool)


def check(context: StyleContext) -> Iterator[Finding]:
    allowed = context.settings.max_blank_lines
    assert isinstance(allowed, int)
    if not _BLANK_LINE.search(context.header):
        return
    for run in _blank_runs(context):
        if len(run) <= allowed:
            continue
        extra = run[allowed:]
        count = len(run)
        message = (
            f"{count} blank {'line' if count == 1 else 'lines'} in the header; "
            f"max-blank-lines is {allowed}"
        )
        fix = StyleFix((Edit(extra[0].start, extra[-1].next, ""),), "blank lines removed")
        yield context.finding(CODE, message, extra[0].start, extra[0].end, fix)


def _blank_runs(context: StyleContext) -> Iterator[list[Line]]:
    run: list[Line] = []
    for line in context.header_lines:
        if line.is_blank and line.index not in context.scalar_inner_lines:
            run.append(line)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


RULE = StyleRule(CODE, "max-blank-lines", enabled, check)
