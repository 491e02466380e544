"""What every style rule works with: the front matter's lines, its nodes, and findings that carry
their own fix.

A style rule is yamllint's model: an ID, the settings that turn it on, and a `check()` that yields
findings. Unlike a schema finding, a style finding is planned when it is found: its `detail` is a
`StyleFix` (the edits that make the file conform) or a `StyleRefusal` (why it is left to a person),
and `mdlint.fixes.plan` hands that to the same fix engine as every other fix.

Offsets are the header's own (what the nodes' spans count): the opening fence lies at negative
offsets, the closing fence and the blank lines under it right after the header (see
`Document.with_edits`), so one coordinate system reaches every byte a style rule may touch.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..edits import Edit
from ..findings import Finding
from ..tree import Mapping, Node, PathItem, Scalar, Sequence, format_path
from .plans import StyleFix, StyleRefusal
from .settings import FormatSettings

if TYPE_CHECKING:
    from ..document import Document
    from ..schema import Schema

_LINE_BREAK = re.compile(r"\r\n|\n|\r")  # YAML 1.2's breaks: NEL, LS and PS are text
_COMMENT_AFTER = re.compile(r"([ \t]+)#[^\r\n]*")
_BLOCK_HEADER = re.compile(r"[|>][1-9+-]*")
_PROPERTIES = re.compile(r"(?:[&!][^ \t\r\n]*[ \t\r\n]+)+")


@dataclass(frozen=True)
class Line:
    index: int  # 0 is the opening fence; the file line is index + 1
    start: int  # offset of its first character (header coordinates)
    end: int  # offset of its line break (or of the text's end)
    next: int  # offset just past its line break
    text: str  # without the line break

    @property
    def is_blank(self) -> bool:
        return not self.text.strip(" \t")

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip(" "))


@dataclass(frozen=True)
class Visit:
    """A node met while walking the header: its JSON path, and its key when it is a value."""

    path: tuple[PathItem, ...]
    node: Node
    key: Node | None
    parent: Mapping | Sequence | None


@dataclass(frozen=True)
class StyleRule:
    code: str
    name: str
    enabled: Callable[[FormatSettings], bool]
    check: Callable[[StyleContext], Iterator[Finding]]


class StyleContext:
    """One file's front matter as the style rules see it."""

    def __init__(
        self, document: Document, root: Mapping, schema: Schema, settings: FormatSettings
    ) -> None:
        self.document = document
        self.header = document.header
        self.root = root
        self.schema = schema
        self.settings = settings
        lead = document.open_fence.decode("ascii")
        self.text = lead + self.header + document.tail  # the editable front matter
        self.base = -len(lead)  # the header offset of self.text's first character
        self.lines = self._split_lines()
        self._starts = [line.start for line in self.lines]
        self.header_end = len(self.header)

    def _split_lines(self) -> list[Line]:
        lines: list[Line] = []
        position = 0
        for match in _LINE_BREAK.finditer(self.text):
            lines.append(self._line(len(lines), position, match.start(), match.end()))
            position = match.end()
        if position < len(self.text):
            lines.append(self._line(len(lines), position, len(self.text), len(self.text)))
        return lines

    def _line(self, index: int, start: int, end: int, after: int) -> Line:
        base = self.base
        return Line(index, start + base, end + base, after + base, self.text[start:end])

    # --- lines ----------------------------------------------------------------------------------

    @cached_property
    def header_lines(self) -> list[Line]:
        """The lines between the fences."""
        return [line for line in self.lines if 0 <= line.start < self.header_end]

    @property
    def closing_fence_line(self) -> Line | None:
        return next((line for line in self.lines if line.start == self.header_end), None)

    def line_at(self, offset: int) -> Line:
        return self.lines[max(bisect.bisect_right(self._starts, offset) - 1, 0)]

    def header_line(self, yaml_line: int) -> Line:
        """The line a node span's 0-based `start_line`/`end_line` names."""
        return self.lines[yaml_line + 1]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based file line and column (in characters) of an offset."""
        line = self.line_at(offset)
        return line.index + 1, offset - line.start + 1

    def comment_gap(self, end: int) -> int | None:
        """Width of the blanks between `end` and an end-of-line comment, or None without one."""
        match = _COMMENT_AFTER.match(self.header, end)
        if match and match.end() == self.line_at(end).end:
            return len(match.group(1))
        return None

    def rest_of_line_blank(self, end: int) -> bool:
        return not self.header[end : self.line_at(end).end].strip(" \t")

    def own_start(self, node: Node) -> int:
        """Where a node's own text starts: its span also covers an anchor (`&a`) or a tag
        (`!!str`) written before it, which an edit of the text must keep."""
        start = node.span.start
        if self.header[start : start + 1] in ("&", "!"):
            match = _PROPERTIES.match(self.header, start)
            if match:
                return match.end()
        return start

    def replace(self, node: Node, text: str) -> tuple[Edit, ...]:
        """Replace a node's own text (its anchor or tag stays); an end-of-line comment after it
        keeps its column when it can."""
        start, end = self.own_start(node), node.span.end
        gap = self.comment_gap(end)
        if gap is None or "\n" in text:
            return (Edit(start, end, text),)
        new_gap = max(1, gap - (len(text) - (end - start)))
        return (Edit(start, end + gap, text + " " * new_gap),)

    # --- nodes ----------------------------------------------------------------------------------

    @cached_property
    def visits(self) -> list[Visit]:
        """Every node once, in document order. A node reached again through an alias is left
        out: its span is its anchor's, not the alias's."""
        seen: set[int] = set()
        found: list[Visit] = []
        stack: list[Visit] = [Visit((), self.root, None, None)]
        while stack:
            visit = stack.pop()
            if id(visit.node) in seen:
                continue
            seen.add(id(visit.node))
            found.append(visit)
            node = visit.node
            children: list[Visit] = []
            if isinstance(node, Mapping):
                for key, value in node.pairs:
                    name: PathItem = key.value if isinstance(key, Scalar) else "?"
                    children.append(Visit((*visit.path, name), value, key, node))
            elif isinstance(node, Sequence):
                for index, item in enumerate(node.items):
                    children.append(Visit((*visit.path, index), item, None, node))
            stack.extend(reversed(children))
        return found

    @cached_property
    def has_aliases(self) -> bool:
        """Whether some node is reached twice (an alias): moving text could put it before its
        anchor."""
        count = 0
        stack: list[Node] = [self.root]
        while stack and count <= len(self.visits):
            node = stack.pop()
            count += 1
            if isinstance(node, Mapping):
                stack.extend(value for _, value in node.pairs)
            elif isinstance(node, Sequence):
                stack.extend(node.items)
        return count != len(self.visits)

    def is_alias(self, key: Node, value: Node) -> bool:
        """An alias's node is its anchor's, whose span lies elsewhere (before the key)."""
        return value.span.start < key.span.end

    @cached_property
    def block_pairs(self) -> list[tuple[Visit, Scalar]]:
        """Each value of a block mapping with its plain or quoted key (aliases left out)."""
        pairs = []
        for visit in self.visits:
            parent, key = visit.parent, visit.key
            if not isinstance(parent, Mapping) or parent.flow or not isinstance(key, Scalar):
                continue
            if not self.is_alias(key, visit.node):
                pairs.append((visit, key))
        return pairs

    def last_line(self, node: Node) -> int:
        """The 0-based header line of the node's last character of content. A block
        collection's or block scalar's span also takes in the blank and comment lines after it;
        those are not its content (unless a `+` keeps a block scalar's trailing line breaks)."""
        if isinstance(node, Sequence) and node.items and not node.flow:
            return self.last_line(node.items[-1])
        if isinstance(node, Mapping) and node.pairs and not node.flow:
            return self.last_line(node.pairs[-1][1])
        span = node.span
        if isinstance(node, Scalar) and node.style in ("|", ">"):
            if "+" in self.block_indicator(node):
                return max(span.end_line - 1, span.start_line)
            for index in range(span.end_line, span.start_line, -1):
                line = self.header_line(index)
                if line.start < span.end and not line.is_blank:
                    return index
            return span.start_line
        return span.end_line

    def block_indicator(self, node: Scalar) -> str:
        match = _BLOCK_HEADER.match(self.header, self.own_start(node))
        return match.group() if match else ""

    @cached_property
    def block_scalar_lines(self) -> frozenset[int]:
        """Indices of lines that are a block scalar's content: every character on them, trailing
        blanks included, is part of a value."""
        lines: set[int] = set()
        for visit in self.visits:
            node = visit.node
            if isinstance(node, Scalar) and node.style in ("|", ">"):
                first = node.span.start_line + 1
                lines.update(line + 1 for line in range(first, self.last_line(node) + 1))
        return frozenset(lines)

    @cached_property
    def scalar_inner_lines(self) -> frozenset[int]:
        """Indices of lines inside a scalar that spans lines, after its first: a blank line there
        is a line break in the value."""
        lines = set(self.block_scalar_lines)
        for visit in self.visits:
            node = visit.node
            if isinstance(node, Scalar) and node.style not in ("|", ">"):
                span = node.span
                lines.update(line + 1 for line in range(span.start_line + 1, span.end_line + 1))
        return frozenset(lines)

    @cached_property
    def double_quoted_spans(self) -> list[tuple[int, int]]:
        return [
            (visit.node.span.start, visit.node.span.end)
            for visit in self.visits
            if isinstance(visit.node, Scalar)
            and visit.node.style == '"'
            and visit.node.span.start_line != visit.node.span.end_line
        ]

    # --- findings -------------------------------------------------------------------------------

    def finding(
        self,
        code: str,
        message: str,
        start: int,
        end: int,
        fix: StyleFix | StyleRefusal,
        path: tuple[PathItem, ...] = (),
        *,
        line_after: Line | None = None,
    ) -> Finding:
        """A finding at [start, end); or, with `line_after`, at the start of the line after it
        (which may be the body's first line, outside the editable text)."""
        if line_after is not None:
            line, col = line_after.index + 2, 1
            end_line, end_col = line, 2
        else:
            line, col = self.position(start)
            end_line, end_col = self.position(max(end, start))
        if (end_line, end_col) == (line, col):
            end_col += 1
        return Finding(
            code,
            message,
            line,
            col,
            end_line,
            end_col,
            json_path=format_path(list(path)),
            fix="safe" if isinstance(fix, StyleFix) else None,
            detail=fix,
        )


def same_data(a: object, b: object) -> bool:
    """Equal as data: same types all the way down (`1`, `1.0` and `true` differ; so do `"1"` and
    `1`), mappings compared by their keys (key order is not data), NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return a.keys() == b.keys() and all(same_data(a[key], b[key]) for key in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and a != a:
        return b != b
    return a == b


def describe_style(style: str | None) -> str:
    return {None: "without quotes", "'": "in single quotes", '"': "in double quotes"}.get(
        style, "as a block"
    )
