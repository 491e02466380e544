"""The YAML header as a tree of nodes that know their exact place in the header text.

Parsing is libyaml's (through PyYAML's C parser when it is built, its pure-Python twin otherwise):
about 3x faster than ruamel.yaml's C parser for the same spans. Scalars are resolved with the
YAML 1.2 core schema: `yes`, `on` and timestamps stay strings; nothing ever constructs an object.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.resolver import BaseResolver


def _pure_python_parser() -> Any:
    """PyYAML's own parser, for a PyYAML built without libyaml: slower, the same nodes and spans."""
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class PureParser(Reader, Scanner, Parser, Composer):
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    return PureParser


def _libyaml_parser() -> Any:
    try:
        from yaml import cyaml
    except ImportError:
        return None
    return getattr(cyaml, "CParser", None)


_Parser: Any = _libyaml_parser() or _pure_python_parser()


TAG_PREFIX = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null"))
SEQ, MAP = TAG_PREFIX + "seq", TAG_PREFIX + "map"
# Explicit tags that only restate a plain type; `!!timestamp` and `!!binary` keep the text.
_KNOWN_SCALAR_TAGS = {
    STR,
    INT,
    FLOAT,
    BOOL,
    NULL,
    TAG_PREFIX + "timestamp",
    TAG_PREFIX + "binary",
    "!",
}


class _Yaml12Resolver(BaseResolver):
    """Implicit tags of the YAML 1.2 core schema, and nothing else."""


for _tag, _pattern, _first in (
    (BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (INT, r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        FLOAT,
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
):
    _Yaml12Resolver.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


class _Loader(_Parser, _Yaml12Resolver):  # type: ignore[misc]
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Yaml12Resolver.__init__(self)


@dataclass(slots=True)
class Span:
    """A place in the header text: offsets and 0-based lines and columns, end exclusive."""

    start: int
    end: int
    start_line: int
    start_col: int
    end_line: int
    end_col: int


@dataclass(slots=True, eq=False)
class Scalar:
    tag: str
    value: str
    style: str | None  # None (plain), "'", '"', "|" or ">"
    span: Span
    explicit_tag: bool = False


@dataclass(slots=True, eq=False)
class Sequence:
    tag: str
    items: list[Node]
    flow: bool
    span: Span
    explicit_tag: bool = False


@dataclass(slots=True, eq=False)
class Mapping:
    tag: str
    pairs: list[tuple[Node, Node]]
    flow: bool
    span: Span
    explicit_tag: bool = False

    def get(self, key: str) -> tuple[Node, Node] | None:
        """The first pair whose key is the plain text `key`."""
        for pair in self.pairs:
            if isinstance(pair[0], Scalar) and pair[0].value == key:
                return pair
        return None


Node = Scalar | Sequence | Mapping
PathItem = str | int


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def compose(text: str) -> Node | None:
    """Parse the header into nodes; None for an empty header. Raises YamlSyntaxError."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = error.problem or error.context or "invalid YAML"
        if error.context and error.problem:
            context_line = error.context_mark.line + 2 if error.context_mark else None
            message += f" ({error.context}" + (
                f" that starts on line {context_line})" if context_line else ")"
            )
        if "expected a single document" in message or "but found another document" in message:
            message = "a second YAML document starts inside the header"
        raise YamlSyntaxError(
            message or str(error), mark.line if mark else 0, mark.column if mark else 0
        ) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(str(error), 0, 0) from None
    finally:
        loader.dispose()
    return None if root is None else _convert(root, {})


def _span(node: yaml.Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.index, end.index, start.line, start.column, end.line, end.column)


def _convert(node: yaml.Node, seen: dict[int, Node]) -> Node:
    """PyYAML's nodes to ours. Aliases share one node, so `seen` keeps the graph a DAG, not a tree."""
    known = seen.get(id(node))
    if known is not None:
        return known
    result: Node
    if isinstance(node, yaml.ScalarNode):
        explicit = not _resolves_implicitly(node)
        result = Scalar(node.tag, node.value, node.style or None, _span(node), explicit)
    elif isinstance(node, yaml.SequenceNode):
        result = Sequence(node.tag, [], bool(node.flow_style), _span(node), node.tag != SEQ)
        seen[id(node)] = result
        result.items = [_convert(item, seen) for item in node.value]
    else:
        assert isinstance(node, yaml.MappingNode)
        result = Mapping(node.tag, [], bool(node.flow_style), _span(node), node.tag != MAP)
        seen[id(node)] = result
        result.pairs = [(_convert(k, seen), _convert(v, seen)) for k, v in node.value]
    seen[id(node)] = result
    return result


_RESOLVER = _Yaml12Resolver()


def resolve_plain(text: str) -> str:
    """The tag YAML 1.2's core schema gives `text` written as a plain (unquoted) scalar."""
    return str(_RESOLVER.resolve(yaml.ScalarNode, text, (True, False)))  # type: ignore[no-untyped-call]


def _resolves_implicitly(node: yaml.ScalarNode) -> bool:
    if node.style:  # quoted or block: implicitly a string ('' and None both mean plain)
        return node.tag == STR
    return node.tag == resolve_plain(node.value)


# --- From nodes to plain data --------------------------------------------------------------------


class TooComplex(Exception):
    """The data the header expands to is larger than the budget (an alias bomb, or absurd nesting)."""


@dataclass
class DataProblem:
    kind: str  # "duplicate-key", "unsupported-tag", "bad-tagged-value", "complex-key"
    message: str
    node: Node


@dataclass
class Builder:
    """Turns nodes into dict/list/str/int/float/bool/None, counting every item it makes."""

    budget: int = 100_000
    max_depth: int = 500
    first_line: int = 2  # the file line of the header's first line, for messages
    problems: list[DataProblem] = field(default_factory=list)
    _made: int = 0

    def build(self, node: Node, depth: int = 0) -> Any:
        self._made += 1
        if self._made > self.budget:
            raise TooComplex(
                f"the header expands to more than {self.budget:,} values (an alias bomb?)"
            )
        if depth > self.max_depth:
            raise TooComplex(f"the header nests deeper than {self.max_depth} levels")
        if isinstance(node, Scalar):
            return self._scalar(node)
        if isinstance(node, Sequence):
            self._check_collection_tag(node, SEQ)
            return [self.build(item, depth + 1) for item in node.items]
        self._check_collection_tag(node, MAP)
        return self._mapping(node, depth)

    def _mapping(self, node: Mapping, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Node] = {}
        for key_node, value_node in node.pairs:
            if not isinstance(key_node, Scalar):
                self.problems.append(
                    DataProblem(
                        "complex-key", "a list or mapping used as a key is not supported", key_node
                    )
                )
                continue
            key = key_node.value
            if key in first_seen:
                first = first_seen[key]
                self.problems.append(
                    DataProblem(
                        "duplicate-key",
                        f'duplicate key "{key}" (first defined on line '
                        f"{first.span.start_line + self.first_line})",
                        key_node,
                    )
                )
                continue
            first_seen[key] = key_node
            result[key] = self.build(value_node, depth + 1)
        return result

    def _check_collection_tag(self, node: Sequence | Mapping, expected: str) -> None:
        if node.explicit_tag:
            self.problems.append(
                DataProblem("unsupported-tag", f"unsupported tag {_show_tag(node.tag)}", node)
            )

    def _scalar(self, node: Scalar) -> Any:
        tag = node.tag
        if node.explicit_tag and tag not in _KNOWN_SCALAR_TAGS:
            self.problems.append(
                DataProblem("unsupported-tag", f"unsupported tag {_show_tag(tag)}", node)
            )
            return node.value
        try:
            return construct_scalar(tag, node.value)
        except ValueError:
            self.problems.append(
                DataProblem(
                    "bad-tagged-value", f'"{node.value}" is not a valid {_show_tag(tag)}', node
                )
            )
            return node.value


def construct_scalar(tag: str, text: str) -> Any:
    """The value of a scalar under the YAML 1.2 core schema. Raises ValueError for a bad tagged value."""
    if tag == NULL:
        if text not in ("", "~", "null", "Null", "NULL"):
            raise ValueError(text)
        return None
    if tag == BOOL:
        if text.lower() not in ("true", "false"):
            raise ValueError(text)
        return text.lower() == "true"
    if tag == INT:
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text)
    if tag == FLOAT:
        lowered = text.lower()
        if lowered.endswith(".inf"):
            return -math.inf if lowered.startswith("-") else math.inf
        if lowered == ".nan":
            return math.nan
        return float(text)
    return text


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(TAG_PREFIX) :] if tag.startswith(TAG_PREFIX) else tag


# --- Finding a node by its JSON path -------------------------------------------------------------


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
        else:
            text += '["' + part.replace("\\", "\\\\").replace('"', '\\"') + '"]'
    return text
