"""The nodes of a header that quick.header reads, with the spans libyaml gives them, without libyaml.

A plain header that is not valid needs its nodes, to place each finding and plan each fix.
`read_nodes(text)` makes them straight from the text, as `yaml_tree.compose_raw(text).tree`
would (the same node types, tags, values, styles and spans), for a text that
`quick.header.read_header` reads: composing it with libyaml and converting libyaml's nodes cost
an invalid header ~40% of its check. tests/test_quick_nodes.py holds it to libyaml.

Where libyaml puts what (the subset has no other cases):
- the mapping starts at its first key and ends where the text ends: at the line after the last
  (column 0), whether or not the text ends with a line break;
- an empty value is an empty null scalar just after its key's `:`, an empty item one just after
  its `-`;
- a block sequence starts at its first `-` and ends where the next key's line starts (or the
  mapping ends), past any blank or comment line between; but a text that ends, with no line
  break, on spaces short of the sequence's dashes ends it after those spaces;
- a flow sequence spans its brackets; a quoted scalar its quotes; a plain scalar its text, without
  the spaces and the comment after it.
"""

from __future__ import annotations

import re

from ..records import NamedTuple
from ..tree import MAP, NULL, SEQ, STR, Mapping, Node, Scalar, Sequence, resolve_plain
from . import header as subset


class Mark:
    """A place in the text, as libyaml's marks give it: a character offset, 0-based line and
    column."""

    __slots__ = ("column", "index", "line")

    def __init__(self, index: int, line: int, column: int) -> None:
        self.index, self.line, self.column = index, line, column


def read_nodes(text: str) -> Mapping | None:
    """The header's root mapping, for a text `quick.header.read_header` reads; None otherwise."""
    try:
        return _read(text)
    except Exception:  # outside the subset after all: libyaml will compose it
        return None


def _read(text: str) -> Mapping | None:
    end = Mark(len(text), text.count("\n") + (0 if text.endswith("\n") else 1), 0)
    pairs: list[tuple[Node, Node]] = []
    sequence: Sequence | None = None  # the block sequence being read
    offset = 0
    for number, line in enumerate(text.split("\n")):
        match = subset.LINE.fullmatch(line)
        if match is None:
            return None
        key, dash, rest = match.groups()
        at = _Place(offset, number)
        if key is not None:
            if sequence is not None:
                sequence.end, sequence = at.mark(0), None
            value: Node
            if not rest or rest[0] == "#":
                value = _null(at.mark(len(key) + 1))
            else:
                value = _value(rest, at, match.start("rest"))
            pairs.append((Scalar(STR, key, None, at.mark(0), at.mark(len(key))), value))
        elif dash is not None:
            if sequence is None:
                last_key, last_value = pairs[-1]
                if not isinstance(last_value, Scalar) or last_value.tag != NULL or last_value.value:
                    return None  # items after a key with a value: not the subset
                sequence = Sequence(SEQ, [], False, at.mark(len(dash)), end)
                pairs[-1] = (last_key, sequence)
            if not rest or rest[0] == "#":
                sequence.items.append(_null(at.mark(len(dash) + 1)))
            else:
                sequence.items.append(_scalar(rest, at, match.start("rest")))
        offset += len(line) + 1
    if not pairs:
        return None
    if sequence is not None and _ends_inside_indent(line, sequence):
        sequence.end = Mark(len(text), number, len(line))
    return Mapping(MAP, pairs, False, pairs[0][0].start, end)


def _ends_inside_indent(last_line: str, sequence: Sequence) -> bool:
    """Whether the text ends, without a line break, on spaces that stop left of the open block
    sequence's dashes: libyaml then closes the sequence there, before the end of the text."""
    return last_line.strip(" ") == "" and len(last_line) < sequence.start.column


class _Place(NamedTuple):
    """A line of the text: its offset and number."""

    offset: int
    number: int

    def mark(self, column: int) -> Mark:
        return Mark(self.offset + column, self.number, column)


def _null(mark: Mark) -> Scalar:
    return Scalar(NULL, "", None, mark, mark)


def _value(rest: str, at: _Place, column: int) -> Node:
    return _flow_sequence(rest, at, column) if rest[0] == "[" else _scalar(rest, at, column)


def _scalar(rest: str, at: _Place, column: int) -> Scalar:
    if rest[0] == '"' or rest[0] == "'":
        match = subset.QUOTED.fullmatch(rest)
        assert match is not None
        return _quoted(match, 1, at, column)
    text = subset.plain_text(rest)
    return Scalar(resolve_plain(text), text, None, at.mark(column), at.mark(column + len(text)))


def _quoted(match: re.Match[str], group: int, at: _Place, column: int) -> Scalar:
    """The double-quoted scalar in `group`, or else the single-quoted one in the group after it
    (the groups hold what is between the quotes)."""
    double, single = match.group(group, group + 1)
    value = subset.quoted_value(double, single)
    held, style = (group, '"') if double is not None else (group + 1, "'")
    start, end = column + match.start(held) - 1, column + match.end(held) + 1
    return Scalar(STR, value, style, at.mark(start), at.mark(end))


def _flow_sequence(rest: str, at: _Place, column: int) -> Sequence:
    matches, end = subset.flow_items(rest)
    items: list[Node] = []
    for match in matches:
        plain = match[3]
        if plain is None:
            items.append(_quoted(match, 1, at, column))
        else:
            start, stop = column + match.start(3), column + match.end(3)
            items.append(Scalar(resolve_plain(plain), plain, None, at.mark(start), at.mark(stop)))
    return Sequence(SEQ, items, True, at.mark(column), at.mark(column + end))
