"""Every style rule, in code order."""

from __future__ import annotations

from . import (
    blank_lines,
    blank_lines_after_header,
    closing_fence,
    colon_spacing,
    key_order,
    list_indent,
    list_style,
    quote_style,
    trailing_whitespace,
)
from .base import StyleRule

STYLE_RULES: tuple[StyleRule, ...] = (
    key_order.RULE,
    quote_style.RULE,
    list_style.RULE,
    list_indent.RULE,
    colon_spacing.RULE,
    trailing_whitespace.RULE,
    blank_lines.RULE,
    blank_lines_after_header.RULE,
    closing_fence.RULE,
)
