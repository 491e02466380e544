"""ST001 key-order: the header's top-level keys in the configured order.

`key-order = "schema"` is the order of the schema's top-level `properties`; a list names the
order itself. Keys the order does not name keep their relative order after the
named ones. Only the top level is ordered: that is where the schema's order is meaningful.

A key moves with its whole block: the comment lines directly above it (at its own indentation,
no blank line between), its line (with an end-of-line comment), its value's lines, and comment
lines indented under it. Blank lines and other comments between blocks stay where they are, so
a header laid out in sections keeps its sections. Only the keys out of place are reported (those
outside the longest run already in order); one edit rewrites the span from the first block that
moves to the last, and nothing outside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..edits import Edit
from ..findings import Finding
from ..tree import Scalar, quote
from .base import StyleContext, StyleRule, same_data
from .plans import StyleFix, StyleRefusal
from .settings import PRESERVE, FormatSettings

CODE = "ST001"


def enabled(settings: FormatSettings) -> bool:
    return settings.key_order not in (None, PRESERVE)


@dataclass(frozen=True)
class Block:
    key: str
    start: int  # offset of its first line
    end: int  # offset just past its last line's line break


def check(context: StyleContext) -> Iterator[Finding]:
    root = context.root
    keys = [key.value if isinstance(key, Scalar) else None for key, _ in root.pairs]
    if root.flow or None in keys or len(set(keys)) != len(keys):
        return  # a flow header, a complex or a duplicate key: nothing sound to order (FM rules)
    names = [key for key in keys if key is not None]
    ranks = _ranks(names, context)
    order = sorted(range(len(names)), key=lambda index: ranks[index])  # stable
    if order == list(range(len(names))):
        return
    fix = _fix(context, order)
    in_place = _longest_ordered_run(ranks)
    for index, name in enumerate(names):
        if index in in_place:
            continue
        key_node = root.pairs[index][0]
        message = f"{quote(name, 40)} is out of order; {_where(index, names, order)}"
        message += f" ({_order_name(context)})"
        yield context.finding(CODE, message, key_node.span.start, key_node.span.end, fix, (name,))


def _ranks(names: list[str], context: StyleContext) -> list[int]:
    """Each key's place: (its index in the order, or after all named keys), for a stable sort."""
    setting = context.settings.key_order
    if setting == "schema":
        wanted = {key: i for i, key in enumerate(context.schema.property_order)}
    else:
        assert isinstance(setting, tuple)
        wanted = {key: i for i, key in enumerate(setting)}
    unnamed = len(wanted) + 1
    return [wanted.get(name, unnamed) for name in names]


def _order_name(context: StyleContext) -> str:
    setting = context.settings.key_order
    return "the schema's order" if setting == "schema" else "key-order"


def _where(index: int, names: list[str], order: list[int]) -> str:
    """Where the key belongs: after the key that precedes it in the wanted order."""
    slot = order.index(index)
    if slot == 0:
        return "it belongs first"
    return f"it belongs after {quote(names[order[slot - 1]], 40)}"


def _longest_ordered_run(ranks: list[int]) -> set[int]:
    """Indices of a longest non-decreasing subsequence: the keys that can stay where they are."""
    import bisect

    tails: list[int] = []  # smallest tail rank of a run of each length
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(ranks)
    for index, rank in enumerate(ranks):
        length = bisect.bisect_right(tails, rank)
        if length == len(tails):
            tails.append(rank)
            tail_index.append(index)
        else:
            tails[length], tail_index[length] = rank, index
        previous[index] = tail_index[length - 1] if length else -1
    kept: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        kept.add(index)
        index = previous[index]
    return kept


def _fix(context: StyleContext, order: list[int]) -> StyleFix | StyleRefusal:
    if context.has_aliases:
        return StyleRefusal("the header uses aliases; moving keys could put one before its anchor")
    blocks = _blocks(context)
    if blocks is None:
        return StyleRefusal("the keys are not each on a line of their own")
    moved = [slot for slot, source in enumerate(order) if slot != source]
    first, last = moved[0], moved[-1]
    header = context.header
    pieces = []
    for slot in range(first, last + 1):
        block = blocks[order[slot]]
        pieces.append(header[block.start : block.end])
        if slot < last:
            pieces.append(header[blocks[slot].end : blocks[slot + 1].start])  # the gap stays
    edit = Edit(blocks[first].start, blocks[last].end, "".join(pieces))
    if not _keeps_the_data(context, edit):
        return StyleRefusal(
            "moving the keys would change a value (a block scalar that keeps its trailing "
            "line breaks, `|+`, would take in the blank lines after it)"
        )
    return StyleFix((edit,), "keys reordered", priority=0)


def _keeps_the_data(context: StyleContext, edit: Edit) -> bool:
    """Whether the reordered header reads as the same data. Lines move whole, so only a value
    whose extent depends on what follows it can change: checked by reading the result (once per
    file that is out of order)."""
    from ..edits import apply_edits
    from ..yaml_tree import Builder, YamlSyntaxError, compose

    try:
        moved = compose(apply_edits(context.header, [edit]))
    except YamlSyntaxError:
        return False
    if moved is None:
        return False
    try:
        return same_data(Builder().build(context.root), Builder().build(moved))
    except Exception:  # too complex to compare: leave the order as it is
        return False


def _blocks(context: StyleContext) -> list[Block] | None:
    """Each top-level key's block of whole lines, or None when the keys do not each start a line
    at one column after the previous value's last line."""
    pairs = context.root.pairs
    column = pairs[0][0].span.start_col
    blocks: list[Block] = []
    previous_last = -1  # 0-based header line of the previous block's last line
    for index, (key, value) in enumerate(pairs):
        key_line = key.span.start_line
        line = context.header_line(key_line)
        if key.span.start_col != column or line.text[:column].strip() or key_line <= previous_last:
            return None
        first = key_line
        while first - 1 > previous_last and _is_comment_at(context, first - 1, column):
            first -= 1
        if blocks:  # deeper comments right under the previous block belong to it
            previous = blocks[-1]
            last_prev = previous_last
            while last_prev + 1 < first and _is_comment_deeper(context, last_prev + 1, column):
                last_prev += 1
            blocks[-1] = Block(previous.key, previous.start, context.header_line(last_prev).next)
        last = max(context.last_line(value), key_line)
        if index + 1 < len(pairs) and last >= pairs[index + 1][0].span.start_line:
            return None
        name = key.value if isinstance(key, Scalar) else ""
        blocks.append(Block(name, context.header_line(first).start, context.header_line(last).next))
        previous_last = last
    # the last block takes the deeper comments right under it too
    last_line = len(context.header_lines) - 1
    trailing = previous_last
    while trailing + 1 <= last_line and _is_comment_deeper(context, trailing + 1, column):
        trailing += 1
    blocks[-1] = Block(blocks[-1].key, blocks[-1].start, context.header_line(trailing).next)
    return blocks


def _is_comment_at(context: StyleContext, header_line: int, column: int) -> bool:
    line = context.header_line(header_line)
    return line.text.lstrip(" ").startswith("#") and line.indent == column


def _is_comment_deeper(context: StyleContext, header_line: int, column: int) -> bool:
    line = context.header_line(header_line)
    return line.text.lstrip(" ").startswith("#") and line.indent > column


RULE = StyleRule(CODE, "key-order", enabled, check)
