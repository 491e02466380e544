"""The header's nodes, which know their exact place in the header text; no parser here.

`yaml_tree` composes them with libyaml, `quick.nodes` straight from a plain header's text.
Checking and fixing read them, so this module imports neither PyYAML nor dataclasses: a process
whose invalid headers are all plain never loads either for them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import ClassVar

from .records import NamedTuple

TAG_PREFIX = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null"))
SEQ, MAP = TAG_PREFIX + "seq", TAG_PREFIX + "map"

# The implicit tags of YAML 1.2's core schema, in the order they are tried, each with the first
# characters it can start with (PyYAML's resolvers are registered from these).
PLAIN_TAGS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", tuple("tTfF")),
    (NULL, r"^(?:~|null|Null|NULL|)$", ("~", "n", "N", "")),
    (INT, r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", tuple("-+0123456789")),
    (
        FLOAT,
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        tuple("-+.0123456789"),
    ),
)
# PyYAML tries only the patterns registered for a text's first character (the empty text's own
# for an empty one): `$` also matches before a final line break, so the patterns alone would take
# "\n" for a null. tests/test_tree.py holds resolve_plain to PyYAML's resolver.
_BY_FIRST_CHARACTER: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _tag, _pattern, _firsts in PLAIN_TAGS:
    for _first in _firsts:
        _BY_FIRST_CHARACTER.setdefault(_first, []).append((_tag, re.compile(_pattern)))


def resolve_plain(text: str) -> str:
    """The tag YAML 1.2's core schema gives `text` written as a plain (unquoted) scalar."""
    for tag, pattern in _BY_FIRST_CHARACTER.get(text[:1], ()):
        if pattern.match(text):
            return tag
    return STR


class Span(NamedTuple):
    """A place in the header text: offsets and 0-based lines and columns, end exclusive."""

    start: int
    end: int
    start_line: int
    start_col: int
    end_line: int
    end_col: int


# A place in the header: (character offset, 0-based line, 0-based column), as libyaml's marks give
# them. A tuple, not an object: an invalid header's nodes need ~90 of them.
Mark = tuple[int, int, int]


class _Node:
    """What every node has: its tag, whether the tag was written, and the marks where it starts
    and ends (end exclusive), from which `span` is made when a finding needs it. Nodes compare by
    identity."""

    __slots__ = ("end", "explicit_tag", "start", "tag")
    tag: str
    start: Mark
    end: Mark
    explicit_tag: bool

    @property
    def span(self) -> Span:
        (start, start_line, start_col), (end, end_line, end_col) = self.start, self.end
        return Span(start, end, start_line, start_col, end_line, end_col)

    _shown: ClassVar[tuple[str, ...]] = ()  # what repr() shows besides the span

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{type(self).__name__}({shown}, span={tuple(self.span)})"


class Scalar(_Node):
    __slots__ = ("style", "value")
    _shown = ("tag", "value", "style")

    def __init__(
        self,
        tag: str,
        value: str,
        style: str | None,  # None (plain), "'", '"', "|" or ">"
        start: Mark,
        end: Mark,
        explicit_tag: bool = False,
    ) -> None:
        self.tag, self.value, self.style = tag, value, style
        self.start, self.end, self.explicit_tag = start, end, explicit_tag


class Sequence(_Node):
    __slots__ = ("flow", "items")
    _shown = ("tag", "flow")

    def __init__(
        self,
        tag: str,
        items: list[Node],
        flow: bool,
        start: Mark,
        end: Mark,
        explicit_tag: bool = False,
    ) -> None:
        self.tag, self.items, self.flow = tag, items, flow
        self.start, self.end, self.explicit_tag = start, end, explicit_tag


class Mapping(_Node):
    __slots__ = ("_index", "flow", "pairs")
    _shown = ("tag", "flow")

    def __init__(
        self,
        tag: str,
        pairs: list[tuple[Node, Node]],
        flow: bool,
        start: Mark,
        end: Mark,
        explicit_tag: bool = False,
    ) -> None:
        self.tag, self.pairs, self.flow = tag, pairs, flow
        self.start, self.end, self.explicit_tag = start, end, explicit_tag
        self._index: dict[str, tuple[Node, Node]] | None = None

    def get(self, key: str) -> tuple[Node, Node] | None:
        """The first pair whose key is the plain text `key`."""
        if len(self.pairs) <= 16:
            for pair in self.pairs:
                if isinstance(pair[0], Scalar) and pair[0].value == key:
                    return pair
            return None
        # A finding per key of a huge mapping must not make checking quadratic: index it once.
        if self._index is None:  # pairs never change once composed
            self._index = {}
            for pair in self.pairs:
                if isinstance(pair[0], Scalar):
                    self._index.setdefault(pair[0].value, pair)
        return self._index.get(key)


Node = Scalar | Sequence | Mapping
PathItem = str | int


def find(
    root: Node | None, path: Iterator[PathItem] | list[PathItem]
) -> tuple[Node | None, Node | None]:
    """The (key node, value node) at `path`; the key is None for list items and the root."""
    key: Node | None = None
    node = root
    for part in path:
        if isinstance(node, Mapping) and isinstance(part, str):
            pair = node.get(part)
            if pair is None:
                return key, node
            key, node = pair
        elif isinstance(node, Sequence) and isinstance(part, int) and 0 <= part < len(node.items):
            key, node = None, node.items[part]
        else:
            return key, node
    return key, node


def format_path(path: Iterator[PathItem] | list[PathItem]) -> str:
    """`widgets[1]`, `menu.main.weight`; keys that are not identifiers are quoted: `params["a b"]`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_$][\w$-]*", part):
            text += f".{part}" if text else part
        else:  # JSON's escapes: a key holding a line break still makes a one-line path
            text += "[" + json.dumps(part, ensure_ascii=False) + "]"
    return text


def quote(text: str, limit: int = 80) -> str:
    """`text` in double quotes for a message: escaped as in JSON, and every other invisible or
    controlling character too (NEL, LS, a C1 escape, a bidi override), so it prints as one inert
    line; cut at `limit`."""
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    quoted = json.dumps(text, ensure_ascii=False)
    if quoted.isprintable():
        return quoted
    return "".join(char if shows(char) else _escaped(char) for char in quoted)


def _escaped(char: str) -> str:
    return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"


def shows(char: str) -> bool:
    """Whether `char` can stand in a message as it is."""
    # zero-width (non-)joiners are invisible but harmless, and part of many emoji
    return char.isprintable() or char in "\u200c\u200d"
