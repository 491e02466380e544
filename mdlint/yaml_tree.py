"""The YAML header composed by libyaml into `tree`'s nodes, and those nodes turned into data.

Parsing is libyaml's (through PyYAML's C parser when it is built, its pure-Python twin otherwise):
about 3x faster than ruamel.yaml's C parser for the same spans. Scalars are resolved with the
YAML 1.2 core schema: `yes`, `on` and timestamps stay strings; nothing ever constructs an object.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import yaml
from yaml.resolver import BaseResolver

from .tree import (
    BOOL,
    FLOAT,
    INT,
    MAP,
    NULL,
    PLAIN_TAGS,
    SEQ,
    STR,
    TAG_PREFIX,
    Mapping,
    Mark,
    Node,
    Scalar,
    Sequence,
    quote,
    resolve_plain,
    shows,
)


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


for _tag, _pattern, _first in PLAIN_TAGS:
    _Yaml12Resolver.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


class _Loader(_Parser, _Yaml12Resolver):  # type: ignore[misc]
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Yaml12Resolver.__init__(self)


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


# Collections nested deeper than this are refused before anything recurses over them: libyaml's
# composer and ours recurse once per level (libyaml stops at 1,000 by itself only since 0.2.5),
# and so do the data builder and the schema validator.
MAX_DEPTH = 100


class HeaderTooDeep(YamlSyntaxError):
    """The header nests collections deeper than MAX_DEPTH (reported as FM008, not as bad YAML)."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(f"the header nests deeper than {MAX_DEPTH} levels", line, column)


class Composed:
    """A parsed header. libyaml's nodes become ours (with spans) only when a finding or a fix needs
    them: a valid header goes from libyaml's nodes straight to data."""

    def __init__(self, raw: yaml.Node, text: str) -> None:
        self.raw = raw
        self.tags_written = "!" in text  # without a `!` no tag was written anywhere

    @cached_property
    def tree(self) -> Node:
        return _convert(self.raw, {}, self.tags_written)

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.raw, yaml.MappingNode)

    def plain_data(self, budget: int) -> Any | None:
        """The data, when the header has nothing to report on its own (no tags, duplicate or
        complex keys) and stays within the budget; None sends the caller to the careful path."""
        if self.tags_written:
            return None
        made = 0

        def build(node: yaml.Node, depth: int = 0) -> Any:
            nonlocal made
            made += 1
            if made > budget or depth > MAX_DEPTH:  # aliases can nest deeper than the text
                raise _Bail
            if isinstance(node, yaml.ScalarNode):
                return node.value if node.tag == STR else construct_scalar(node.tag, node.value)
            if isinstance(node, yaml.SequenceNode):
                return [build(item, depth + 1) for item in node.value]
            result: dict[str, Any] = {}
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode) or key.value in result:
                    raise _Bail
                result[key.value] = build(value, depth + 1)
            return result

        try:
            return build(self.raw)
        except (_Bail, ValueError, RecursionError):
            return None


class _Bail(Exception):
    pass


def compose(text: str) -> Node | None:
    """Parse the header into our nodes; None for an empty header. Raises YamlSyntaxError."""
    composed = compose_raw(text)
    return None if composed is None else composed.tree


def compose_raw(text: str) -> Composed | None:
    """Parse the header with libyaml; None for an empty header. Raises YamlSyntaxError
    (HeaderTooDeep when it nests deeper than MAX_DEPTH)."""
    original, text, restore = text, *_hide_unicode_breaks(text)
    # Each collection on a chain of nested ones starts at its own `[`, `{`, `-`, `:` or `?`, so
    # their count bounds the depth: the exact (slower) measure is needed only above the limit.
    count = text.count
    if count("[") + count("{") + count("-") + count(":") + count("?") > MAX_DEPTH:
        _check_depth(text)
    loader = _loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if error.problem == "exceeded maximum nesting depth":  # libyaml's own limit
            raise HeaderTooDeep(mark.line if mark else 0, mark.column if mark else 0) from None
        message = error.problem or error.context or "invalid YAML"
        if (
            "cannot start any token" in (error.problem or "")
            and mark is not None
            and text[mark.index : mark.index + 1] == "\t"
        ):
            message = "a tab indents this line; YAML allows only spaces for indentation"
        elif error.context and error.problem:
            context_line = error.context_mark.line + 2 if error.context_mark else None
            message += f" ({error.context}" + (
                f" that starts on line {context_line})" if context_line else ")"
            )
        if "expected a single document" in message or "but found another document" in message:
            message = "a second YAML document starts inside the header"
        if error.problem == "did not find expected <document start>":
            directive = _DIRECTIVE.search(text)
            if directive is not None:
                line, column = _line_and_column(text, directive.start())
                raise YamlSyntaxError(
                    "a YAML directive (a line starting with %) cannot be used in front matter",
                    line,
                    column,
                ) from None
            message = "more YAML after a `...` line, which ends the document"
        raise YamlSyntaxError(
            message or str(error), mark.line if mark else 0, mark.column if mark else 0
        ) from None
    except yaml.reader.ReaderError as error:  # a character YAML refuses (control, non-character)
        raise _refused_character(text, error) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(" ".join(str(error).split()), 0, 0) from None
    finally:
        loader.dispose()
    if root is not None and restore:
        _restore_unicode_breaks(root, restore)
    return None if root is None else Composed(root, original)


_DIRECTIVE = re.compile(r"(?:\A|(?<=[\r\n]))%")


def _loader(text: str) -> Any:
    """A loader for `text`. PyYAML's own reader (not libyaml) refuses a bad character right here."""
    try:
        return _Loader(text)
    except yaml.reader.ReaderError as error:
        raise _refused_character(text, error) from None


def _refused_character(text: str, error: yaml.reader.ReaderError) -> YamlSyntaxError:
    # libyaml gives the offset in UTF-8 bytes; PyYAML's own reader (encoding "unicode") in characters
    index = error.position
    if error.encoding != "unicode":
        index = len(text.encode("utf-8")[:index].decode("utf-8", errors="ignore"))
    line, column = _line_and_column(text, index)
    message = f"unacceptable character U+{error.character:04X}: {error.reason}"
    return YamlSyntaxError(message, line, column)


def _line_and_column(text: str, index: int) -> tuple[int, int]:
    """0-based line and column of a character index; LF, CRLF and CR end lines, as libyaml's do."""
    before = text[:index]
    line = before.count("\n") + before.count("\r") - before.count("\r\n")
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return line, index - start


def _check_depth(text: str) -> None:
    """Raise HeaderTooDeep when collections nest deeper than MAX_DEPTH. libyaml's event stream is
    flat (no recursion), so this is safe however deep the text goes; a syntax error is left for
    the composer to report."""
    loader = _loader(text)
    depth = 0
    try:
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                depth += 1
                if depth > MAX_DEPTH:
                    raise HeaderTooDeep(event.start_mark.line, event.start_mark.column)
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                depth -= 1
            elif event is None or kind is yaml.StreamEndEvent:
                return
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        if error.problem == "exceeded maximum nesting depth" and mark is not None:
            raise HeaderTooDeep(mark.line, mark.column) from None
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()


# YAML 1.2 reads NEL, LS and PS as ordinary characters; libyaml (YAML 1.1) breaks lines at them,
# which moves every line number after them and breaks plain scalars that hold one. Stand-ins from
# the private use area, one character for one so offsets stay, hide them from libyaml.
_UNICODE_BREAKS = "\x85\u2028\u2029"


def _hide_unicode_breaks(text: str) -> tuple[str, dict[int, int]]:
    if "\x85" not in text and "\u2028" not in text and "\u2029" not in text:
        return text, {}
    free = (chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text)
    stand_ins = [next(free, None) for _ in _UNICODE_BREAKS]
    if None in stand_ins:  # a header holding the whole private use area: leave it to libyaml
        return text, {}
    hide = {ord(brk): ord(str(sub)) for brk, sub in zip(_UNICODE_BREAKS, stand_ins, strict=False)}
    return text.translate(hide), {sub: brk for brk, sub in hide.items()}


def _restore_unicode_breaks(root: yaml.Node, restore: dict[int, int]) -> None:
    stand_ins = [chr(code) for code in restore]
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if any(sub in node.value for sub in stand_ins):
                node.value = node.value.translate(restore)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        else:
            for key, value in node.value:
                stack.extend((key, value))


def _convert(node: yaml.Node, seen: dict[int, Node], tags_written: bool) -> Node:
    """PyYAML's nodes to ours. Aliases share one node, so `seen` keeps the graph a DAG, not a tree."""
    known = seen.get(id(node))
    if known is not None:
        return known
    result: Node
    if isinstance(node, yaml.ScalarNode):
        explicit = tags_written and not _resolves_implicitly(node)
        result = Scalar(node.tag, node.value, node.style or None, *_marks(node), explicit)
    elif isinstance(node, yaml.SequenceNode):
        result = Sequence(node.tag, [], bool(node.flow_style), *_marks(node), node.tag != SEQ)
        seen[id(node)] = result
        result.items = [_convert(item, seen, tags_written) for item in node.value]
    else:
        assert isinstance(node, yaml.MappingNode)
        result = Mapping(node.tag, [], bool(node.flow_style), *_marks(node), node.tag != MAP)
        seen[id(node)] = result
        result.pairs = [
            (_convert(k, seen, tags_written), _convert(v, seen, tags_written))
            for k, v in node.value
        ]
    seen[id(node)] = result
    return result


def _marks(node: yaml.Node) -> tuple[Mark, Mark]:
    start, end = node.start_mark, node.end_mark
    return (start.index, start.line, start.column), (end.index, end.line, end.column)


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
    max_depth: int = MAX_DEPTH
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
                        f"duplicate key {quote(key)} (first defined on line "
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
            if node.explicit_tag and tag in _CORE_FORMS and not _has_core_form(tag, node.value):
                raise ValueError(
                    node.value
                )  # `!!int 1_000`, `!!int " 12"`: Python's int() would take them
            return construct_scalar(tag, node.value)
        except ValueError:
            if tag == INT and _has_core_form(INT, node.value):
                problem = "is a number with too many digits to read"
            else:
                problem = f"is not a valid {_show_tag(tag)}"
            self.problems.append(
                DataProblem("bad-tagged-value", f"{quote(node.value)} {problem}", node)
            )
            return node.value


# The plain spellings that YAML 1.2's core schema gives each tag; an explicit tag takes no other.
_CORE_FORMS = {INT: (INT,), FLOAT: (INT, FLOAT), BOOL: (BOOL,), NULL: (NULL,)}


def _has_core_form(tag: str, text: str) -> bool:
    return "\n" not in text and resolve_plain(text) in _CORE_FORMS[tag]


_MAX_RADIX_DIGITS = 3_000  # 3,000 hexadecimal digits is about 3,600 decimal ones


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
        if text.startswith(("0o", "0x")):
            # Python limits decimal digits (4,300), not hexadecimal ones; a longer number could
            # not even be written in a message, so it is refused the same way.
            if len(text) > _MAX_RADIX_DIGITS:
                raise ValueError(text)
            return int(text[2:], 8 if text[1] == "o" else 16)
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
    shown = "!!" + tag[len(TAG_PREFIX) :] if tag.startswith(TAG_PREFIX) else tag
    # libyaml decodes a tag's %-escapes (`!%1b%0a`): a message must not carry a terminal escape or
    # a line break, so such characters go back to how they were written.
    if not shown.isprintable() or " " in shown:
        shown = "".join(
            char if shows(char) and char != " " else _percent_escaped(char) for char in shown
        )
    return shown if len(shown) <= 80 else shown[:77] + "..."


def _percent_escaped(char: str) -> str:
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8", errors="surrogatepass"))
