"""ST003 list-style: lists of values written as blocks (`- item` lines) or in flow (`[a, b]`).

Only a list that is a key's value and holds single-line scalars is rewritten; each item keeps its
own text (its quotes are ST002's business), except that a plain item that flow syntax would read
differently (`a, b`, `x: y`) is double-quoted when the list goes into flow. A block list takes the
indentation `list-indent` gives (else the one the header's block lists use, else 2). An empty
list stays `[]`, the only way to write it. Comments inside a list would have no place in the
other style, so such a list is reported and left to a person.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator

from ..edits import Edit
from ..findings import Finding
from ..tree import Scalar, Sequence, quote
from ..yaml_emit import double_quoted, plain_is_safe
from .base import StyleContext, StyleRule
from .plans import StyleFix, StyleRefusal
from .settings import PRESERVE, FormatSettings

CODE = "ST003"
_FLOW_GLUE = re.compile(r"[\s,]*")


def enabled(settings: FormatSettings) -> bool:
    return settings.list_style not in (None, PRESERVE)


def check(context: StyleContext) -> Iterator[Finding]:
    want_flow = context.settings.list_style == "flow"
    for visit, key in context.block_pairs:
        node = visit.node
        if not isinstance(node, Sequence) or node.explicit_tag or not node.items:
            continue
        if node.flow == want_flow:
            continue
        fix = _to_flow(context, node, key) if want_flow else _to_block(context, node, key)
        style = "in flow style ([a, b])" if node.flow else "as a block (- item lines)"
        wanted = "in flow style" if want_flow else "as a block"
        message = f"the list {quote(str(key.value), 40)} is written {style}; list-style writes it {wanted}"
        start = node.span.start
        end = node.span.end if node.flow else context.line_at(node.span.start).end
        yield context.finding(CODE, message, start, end, fix, visit.path)


def block_indent(context: StyleContext) -> int:
    """Columns between a key and its list's `-`: `list-indent`, else the one the top level's
    block lists use most (as fixers measure it, so both write lists alike), else 2."""
    configured = context.settings.list_indent
    if isinstance(configured, int):
        return configured
    indents = Counter(
        dash_column(context, value) - key.span.start_col
        for key, value in context.root.pairs
        if isinstance(value, Sequence) and not value.flow and value.items
    )
    indents = Counter({indent: n for indent, n in indents.items() if indent >= 0})
    return indents.most_common(1)[0][0] if indents else 2


def dash_column(context: StyleContext, node: Sequence) -> int:
    """The column of a block list's first `-`."""
    dash = context.header.rfind("-", 0, node.items[0].span.start)
    return dash - context.line_at(dash).start


def _single_line_scalars(node: Sequence) -> bool:
    """Items that are one-line flow scalars written in place (not aliases, whose spans lie at
    their anchors)."""
    return all(
        isinstance(item, Scalar)
        and item.span.start > node.span.start
        and item.style not in ("|", ">")
        and item.span.start_line == item.span.end_line
        and item.span.end > item.span.start
        for item in node.items
    )


def _to_block(context: StyleContext, node: Sequence, key: Scalar) -> StyleFix | StyleRefusal:
    header = context.header
    if not _single_line_scalars(node) or key.span.start_line != node.span.start_line:
        return StyleRefusal("only a list of one-line values on its key's line is rewritten")
    if context.own_start(node) != node.span.start:
        return StyleRefusal("the list has an anchor or a tag")
    glue = [header[a.span.end : b.span.start] for a, b in itertools.pairwise(node.items)]
    inside = [header[node.span.start + 1 : node.items[0].span.start], *glue]
    inside.append(header[node.items[-1].span.end : node.span.end - 1])
    if any(not _FLOW_GLUE.fullmatch(text) for text in inside):
        return StyleRefusal("a comment sits inside the list")
    colon = header.index(":", key.span.end) + 1
    line_end = context.line_at(node.span.end).end
    comment = header[node.span.end : line_end]
    newline = context.document.newline
    indent = " " * (key.span.start_col + block_indent(context))
    items = [f"{indent}- {header[item.span.start : item.span.end]}" for item in node.items]
    kept_comment = comment if comment.strip() else ""
    text = kept_comment + newline + newline.join(items)
    return StyleFix((Edit(colon, line_end, text),), "list written as a block")


def _to_flow(context: StyleContext, node: Sequence, key: Scalar) -> StyleFix | StyleRefusal:
    header = context.header
    if not _single_line_scalars(node):
        return StyleRefusal("only a list of one-line values is rewritten")
    colon = header.index(":", key.span.end) + 1
    key_line = context.line_at(colon)
    after_colon = header[colon : key_line.end]
    if after_colon.strip(" \t") and not after_colon.lstrip(" \t").startswith("#"):
        return StyleRefusal("the key's line holds more than the key")
    last = node.items[-1]
    pieces = [header[key_line.next : node.items[0].span.start]]
    pieces += [header[a.span.end : b.span.start] for a, b in itertools.pairwise(node.items)]
    if any("#" in piece for piece in pieces) or context.comment_gap(last.span.end) is not None:
        return StyleRefusal("a comment sits inside the list")
    if not context.rest_of_line_blank(last.span.end):
        return StyleRefusal("something follows the last item on its line")
    items = ", ".join(_flow_item(context, item) for item in node.items if isinstance(item, Scalar))
    comment = after_colon.rstrip(" \t") if after_colon.strip() else ""
    # `key:  # note` + items -> `key: [a, b]  # note`
    text = f" [{items}]" + (comment if comment else "")
    return StyleFix((Edit(colon, last.span.end, text),), "list written in flow style")


def _flow_item(context: StyleContext, item: Scalar) -> str:
    text = context.header[item.span.start : item.span.end]
    if item.style is None and not item.explicit_tag and not plain_is_safe(text):
        if _flow_reads_plain(text):
            return text
        return double_quoted(item.value)
    return text


def _flow_reads_plain(text: str) -> bool:
    """Whether a plain item that is not plain-safe is still read the same inside `[...]`: only
    text free of flow indicators and of `: ` / ` #` (numbers, booleans, `yes`...)."""
    return (
        not any(char in text for char in ",[]{}#") and ": " not in text and not text.endswith(":")
    )


RULE = StyleRule(CODE, "list-style", enabled, check)
