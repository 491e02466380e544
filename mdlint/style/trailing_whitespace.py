"""ST006 trim-trailing-whitespace: no spaces or tabs at the end of a front-matter line.

Covers both fences and every header line, except the content lines of block scalars (`|`, `>`),
where trailing blanks are part of the value. In a quoted or plain value that spans lines the
blanks before a line break are folded away by YAML, so trimming them changes nothing, except
after a backslash in double quotes, where `\\ ` is an escaped space: that one stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..edits import Edit
from ..findings import Finding
from .base import Line, StyleContext, StyleRule
from .plans import StyleFix
from .settings import FormatSettings

CODE = "ST006"


def enabled(settings: FormatSettings) -> bool:
    return settings.trim_trailing_whitespace is True


_TRAILING = re.compile(r"[ \t](?:\r\n|\n|\r|\Z)")


def check(context: StyleContext) -> Iterator[Finding]:
    if not _TRAILING.search(context.text):
        return
    closing = context.closing_fence_line
    last = closing.index if closing is not None else len(context.lines) - 1
    for line in context.lines[: last + 1]:
        if line.index in context.block_scalar_lines:
            continue
        start = _trailing_start(context, line)
        if start is None:
            continue
        width = line.end - start
        message = f"trailing whitespace ({width} {'character' if width == 1 else 'characters'})"
        fix = StyleFix((Edit(start, line.end, ""),), "trailing whitespace removed")
        yield context.finding(CODE, message, start, line.end, fix)


def _trailing_start(context: StyleContext, line: Line) -> int | None:
    """The offset where the line's trailing blanks start, or None when there are none to trim."""
    stripped = line.text.rstrip(" \t")
    if len(stripped) == len(line.text):
        return None
    start = line.start + len(stripped)
    if _escaped(context, line, stripped, start):
        start += 1  # `\` + blank in double quotes is an escape: keep the escaped blank
        if start == line.end:
            return None
    return start


def _escaped(context: StyleContext, line: Line, stripped: str, start: int) -> bool:
    backslashes = len(stripped) - len(stripped.rstrip("\\"))
    if backslashes % 2 == 0:
        return False
    return any(begin < start < end for begin, end in context.double_quoted_spans)


RULE = StyleRule(CODE, "trim-trailing-whitespace", enabled, check)
