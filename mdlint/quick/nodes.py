"""The nodes of a header that quick.header reads, with the spans libyaml gives them, without libyaml.

A plain header that is not valid needs its nodes, to place each finding and plan each fix.
`read_nodes(text)` makes them straight from the text, as `yaml_tree.compose_raw(text).tree`
would (the same node types, tags, values, styles and spans), for a text that
`quick.header.read_header` reads: composing it with libyaml and converting libyaml's nodes cost
an invalid header ~40% of its check. tests/test_quick_nodes.py holds it to libyaml.

Where libyaml puts what (the subset has no other cases):
- the mapping starts at its first key and ends where the text ends: at the line after the last
  (column 0), whether or not the text ends with a line break;
- a CRLF is one line break, of two characters (offsets count both);
- an empty value is an empty null scalar just after its key's `:`, an empty item one just after
  its `-`;
- a block sequence starts at its first `-` and ends where the next key's line starts (or the
  mapping ends), past any blank or comment line between; but a text that ends, with no line
  break, on spaces short of the sequence's dashes ends it after those spaces;
- a flow sequence spans its brackets; a quoted scalar its quotes; a plain scalar its text, without
  the spaces and the comment after it.

What a line holds, with its columns, is the same wherever the line is: it is kept by the line's
text (`_SHAPES`), and a line met again in this header or another costs a lookup, not a match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..tree import MAP, NULL, SEQ, STR, Mapping, Node, Scalar, Sequence, resolve_plain
from . import header as subset
from .scan import flow_items, line_parts

if TYPE_CHECKING:
    from .scan import Line


def read_nodes(text: str) -> Mapping | None:
    """The header's root mapping, for a text `quick.header.read_header` reads; None otherwise."""
    try:
        return _read(text)
    except Exception:  # outside the subset after all: libyaml will compose it
        return None


def _read(text: str) -> Mapping | None:
    end = (len(text), text.count("\n") + (0 if text.endswith("\n") else 1), 0)
    pairs: list[tuple[Node, Node]] = []
    sequence: Sequence | None = None  # the block sequence being read
    offset = 0  # where the line starts
    crlf = "\r" in text  # then each CR ends a line, before its LF (quick.header says so)
    for number, written in enumerate(text.split("\n")):
        line = written[:-1] if crlf and written[-1:] == "\r" else written
        shape = _SHAPES.get(line) or subset.remembered(_SHAPES, line, _shape)
        if shape is _OUTSIDE:
            return None
        key, dash, value = shape
        if key is not None:
            if sequence is not None:
                sequence.end, sequence = (offset, number, 0), None
            key_end = (offset + len(key), number, len(key))
            pairs.append(
                (
                    Scalar(STR, key, None, (offset, number, 0), key_end),
                    _placed(value, offset, number),
                )
            )
        elif dash is not None:
            if sequence is None:
                last_key, last_value = pairs[-1]
                if not isinstance(last_value, Scalar) or last_value.tag != NULL or last_value.value:
                    return None  # items after a key with a value: not the subset
                column = len(dash)
                sequence = Sequence(SEQ, [], False, (offset + column, number, column), end)
                pairs[-1] = (last_key, sequence)
            sequence.items.append(_placed(value, offset, number))
        offset += len(written) + 1
    if not pairs:
        return None
    if sequence is not None and _ends_inside_indent(line, sequence):
        sequence.end = (len(text), number, len(line))
    return Mapping(MAP, pairs, False, pairs[0][0].start, end)


def _ends_inside_indent(last_line: str, sequence: Sequence) -> bool:
    """Whether the text ends, without a line break, on spaces that stop left of the open block
    sequence's dashes: libyaml then closes the sequence there, before the end of the text."""
    return last_line.strip(" ") == "" and len(last_line) < sequence.start[2]


# A line's shape: its key (or None), its dash's indentation (None when it is no sequence item)
# and its value's, as columns in the line: the same wherever the line is, so kept by its text
# (the lines of a site's headers repeat; see quick.header). A scalar's is (tag, value, style,
# start, stop); a flow sequence's (start, stop, its items' shapes); None for no value (a blank
# or comment line).
_Shape = tuple[str | None, str | None, Any]
_OUTSIDE: _Shape = ("", "", None)  # a line outside the subset (by identity)
_SHAPES: dict[str, _Shape] = {}


def _shape(line: str) -> _Shape:
    parts = line_parts(line)
    if parts is None:
        return _OUTSIDE
    key, dash = parts[:2]
    if key is not None:
        return key, None, _on_line(parts, len(key) + 1, key=True)
    if dash is not None:
        return None, dash, _on_line(parts, len(dash) + 1, key=False)
    return None, None, None


def _placed(shape: Any, offset: int, number: int) -> Node:
    """The node of a value's `shape`, on the line that starts at `offset`, numbered `number`."""
    if len(shape) == 5:
        tag, value, style, start, stop = shape
        return Scalar(
            tag, value, style, (offset + start, number, start), (offset + stop, number, stop)
        )
    start, stop, items = shape
    return Sequence(
        SEQ,
        [_placed(item, offset, number) for item in items],
        True,
        (offset + start, number, start),
        (offset + stop, number, stop),
    )


def _on_line(parts: Line, after: int, *, key: bool) -> Any:
    """The shape of the value on a key's or an item's line: quoted (`line_parts` read it), empty
    (a null at `after`, just past the `:` or the `-`), or what the rest of the line holds: on a
    key's line a flow sequence or a plain scalar, on an item's a plain scalar."""
    _, _, double, single, rest, column = parts
    if double is not None or single is not None:
        return _quoted(double, single, column)
    if not rest or rest[0] == "#":
        return (NULL, "", None, after, after)
    if key and rest[0] == "[":
        return _flow_sequence(rest, column)
    return _scalar(rest, column)


def _scalar(rest: str, column: int) -> Any:
    """A plain scalar: quick.header reads no other quoted one than those `line_parts` reads."""
    if rest[0] == '"' or rest[0] == "'":
        raise ValueError("a quoted scalar line_parts did not read: quick.header refuses it")
    text = subset.plain_text(rest)
    return (resolve_plain(text), text, None, column, column + len(text))


def _quoted(double: str | None, single: str | None, column: int) -> Any:
    """The scalar whose quotes hold `double` (double quotes), or else `single`, its opening
    quote at `column`."""
    value = subset.quoted_value(double, single)
    held, style = (double, '"') if double is not None else (single, "'")
    assert held is not None
    return (STR, value, style, column, column + len(held) + 2)


def _flow_sequence(rest: str, column: int) -> Any:
    found = flow_items(rest)
    if found is None:
        raise ValueError("not a flow sequence quick.header reads")
    items = []
    for double, single, plain, start, stop in found[0]:
        if plain is None:
            items.append(_quoted(double, single, column + start))
        else:
            items.append((resolve_plain(plain), plain, None, column + start, column + stop))
    return (column, column + found[1], items)
