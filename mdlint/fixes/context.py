"""What fixers know about the header they edit: its text, its nodes, and the style it is written in."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..edits import Edit
from ..schema import Schema
from ..tree import Mapping, Node, PathItem, Scalar, Sequence, find

if TYPE_CHECKING:
    from ..style.settings import FormatSettings

_COMMENT_AFTER = re.compile(r"([ \t]+)#[^\r\n]*")
# An anchor written before a value (`&name `): it names the node, not the broken value, and an
# alias elsewhere may refer to it. (A tag is part of what a fix replaces: `!!str "true"`.)
_ANCHOR = re.compile(r"&[^ \t\r\n,\[\]{}]+[ \t\r\n]+")


@dataclass(frozen=True)
class ListStyle:
    flow: bool
    dash_indent: int  # columns between the key and its `-`
    quote: str | None  # '"', "'" or None (plain)


@dataclass
class FixContext:
    header: str
    newline: str
    root: Mapping
    schema: Schema | None = None
    # The formatter's settings, when configured: new text is written in that style, so a fix
    # never leaves work for the formatter (and fixing and formatting commute).
    style: FormatSettings | None = None

    def resolve(self, subschema: Any) -> Any:
        return self.schema.resolve(subschema) if self.schema is not None else subschema

    def node_at(self, path: tuple[PathItem, ...]) -> tuple[Node | None, Node | None]:
        return find(self.root, list(path))

    # --- lines -----------------------------------------------------------------------------------

    def line_start(self, position: int) -> int:
        return max(self.header.rfind("\n", 0, position), self.header.rfind("\r", 0, position)) + 1

    def line_end(self, position: int) -> int:
        """The offset of the line break ending the line that holds `position` (or the text's end)."""
        match = re.compile(r"[\r\n]").search(self.header, position)
        return match.start() if match else len(self.header)

    def next_line(self, position: int) -> int:
        """The offset just past the line break ending the line that holds `position`."""
        end = self.line_end(position)
        if self.header.startswith("\r\n", end):
            return end + 2
        return min(end + 1, len(self.header))

    def after(self, end: int) -> int:
        """The start of the line after the text ending at `end` (which may already end a line)."""
        if end > 0 and self.header[end - 1] in "\r\n":
            return end
        return self.next_line(end)

    def comment_gap(self, end: int) -> int | None:
        """Width of the blanks between `end` and an end-of-line comment, or None without a comment."""
        match = _COMMENT_AFTER.match(self.header, end)
        if match and match.end() == self.line_end(end):
            return len(match.group(1))
        return None

    def rest_of_line_is_blank(self, end: int) -> bool:
        return self.header[end : self.line_end(end)].strip(" \t") == ""

    # --- edits that keep the surroundings ----------------------------------------------------------

    def replace(self, node: Node, text: str) -> tuple[Edit, ...]:
        """Replace a node's text (its anchor stays); an end-of-line comment after it keeps its
        column when it can."""
        start, end = node.span.start, node.span.end
        anchor = _ANCHOR.match(self.header, start, end)
        if anchor is not None:
            start = anchor.end()
        gap = self.comment_gap(end)
        if gap is None or "\n" in text:
            return (Edit(start, end, text),)
        new_gap = max(1, gap - (len(text) - (end - start)))
        return (Edit(start, end + gap, text + " " * new_gap),)

    # --- the header's own style ------------------------------------------------------------------

    def scalar_text(self, value: str, written: str) -> str:
        """`written` (the YAML text a fixer chose for the string `value`), or the same value in
        the configured quote style when the formatter has one."""
        if self.style is None:  # no formatter: the quote-style rule need not even be imported
            return written
        from ..style.quote_style import styled

        restyled = styled(value, self.style)
        return written if restyled is None else restyled

    @cached_property
    def list_style(self) -> ListStyle:
        detected = self._detected_list_style
        style = self.style
        if style is None:
            return detected
        flow = {"block": False, "flow": True}.get(str(style.list_style), detected.flow)
        indent = style.list_indent if isinstance(style.list_indent, int) else detected.dash_indent
        return ListStyle(flow, indent, detected.quote)

    @cached_property
    def _detected_list_style(self) -> ListStyle:
        flows, indents, quotes = Counter[bool](), Counter[int](), Counter[str | None]()
        for key, value in self.root.pairs:
            if not isinstance(value, Sequence) or not value.items:
                continue
            flows[value.flow] += 1
            if not value.flow:
                first = value.items[0]
                dash = self.header.rfind("-", 0, first.span.start)
                indents[dash - self.line_start(dash) - key.span.start_col] += 1
            for item in value.items:
                if isinstance(item, Scalar) and item.tag.endswith(":str"):
                    quotes[item.style] += 1
        flow = bool(flows) and flows[True] > flows[False]
        indent = indents.most_common(1)[0][0] if indents else 2
        quote = quotes.most_common(1)[0][0] if quotes else self.quote_style
        return ListStyle(flow, max(indent, 0), quote if quote in (None, "'", '"') else '"')

    @cached_property
    def quote_style(self) -> str | None:
        """The quote style most of the header's string values use (double quotes when unsure)."""
        styles = Counter(
            value.style
            for _, value in self.root.pairs
            if isinstance(value, Scalar) and value.tag.endswith(":str") and value.value
        )
        style = styles.most_common(1)[0][0] if styles else '"'
        return style if style in (None, "'", '"') else '"'

    @cached_property
    def key_column(self) -> int:
        return self.root.pairs[0][0].span.start_col if self.root.pairs else 0
