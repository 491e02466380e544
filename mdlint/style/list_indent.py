"""ST004 list-indent: a block list's `-` sits `list-indent` columns (0, 2 or 4) right of its key.

```yaml
tags:          # list-indent = 2
  - markets
```

The whole list moves: every line from its first item to its last content line shifts by the same
number of columns, so what is nested in the items (mappings, other lists, block scalars, their
comments) keeps its shape and its value. Blank lines stay empty, and comments less indented than
the list stay where they are. A list nested in a list that also moves waits for the next pass.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..edits import Edit
from ..findings import Finding
from ..tree import Sequence, quote
from .base import StyleContext, StyleRule
from .list_style import dash_column
from .plans import StyleFix, StyleRefusal
from .settings import FormatSettings

CODE = "ST004"


def enabled(settings: FormatSettings) -> bool:
    return isinstance(settings.list_indent, int) and not isinstance(settings.list_indent, bool)


def check(context: StyleContext) -> Iterator[Finding]:
    wanted = context.settings.list_indent
    assert isinstance(wanted, int)
    for visit, key in context.block_pairs:
        node = visit.node
        if not isinstance(node, Sequence) or node.flow or not node.items:
            continue
        if node.span.start_line <= key.span.start_line:
            continue  # not a list under its key
        dash = dash_column(context, node)
        indent = dash - key.span.start_col
        if indent == wanted:
            continue
        fix = _shift(context, node, dash, wanted - indent)
        message = (
            f"the items of {quote(str(key.value), 40)} are indented {indent} "
            f"{'column' if abs(indent) == 1 else 'columns'} from their key; list-indent is {wanted}"
        )
        line = context.line_at(node.span.start)
        yield context.finding(
            CODE, message, line.start + dash, line.start + dash + 1, fix, visit.path
        )


def _shift(context: StyleContext, node: Sequence, dash: int, delta: int) -> StyleFix | StyleRefusal:
    edits = []
    for index in range(node.span.start_line, context.last_line(node) + 1):
        line = context.header_line(index)
        if not line.text:
            continue  # an empty line stays empty
        if line.index in context.block_scalar_lines and line.is_blank:
            # blanks in a block scalar: spaces beyond the content's indentation are text
            edits.append(_indent(line.start, max(delta, -line.indent)))
            continue
        if line.is_blank:
            continue  # trailing blanks on an empty line are ST006's business
        if line.indent < dash:
            if line.index in context.block_scalar_lines:
                return StyleRefusal("a block scalar in the list is indented less than its items")
            continue  # a comment less indented than the list: not the list's
        edits.append(_indent(line.start, delta))
    return StyleFix(tuple(edit for edit in edits if edit is not None), "list re-indented")


def _indent(start: int, delta: int) -> Edit | None:
    """Add `delta` spaces at a line's start, or remove -`delta` of them."""
    if delta > 0:
        return Edit(start, start, " " * delta)
    if delta < 0:
        return Edit(start, start - delta, "")
    return None


RULE = StyleRule(CODE, "list-indent", enabled, check)
