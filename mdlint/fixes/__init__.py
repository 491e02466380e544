"""Fixers: for a finding, the edits that repair it, and whether that is safe or a guess.

Each fixer is driven by the schema (the subschema that refused the value), never by key names.
`plan` returns a Fix, a Refusal (a fix was considered and declined, with the reason), or None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..edits import Edit
from ..findings import Finding
from ..schema_findings import SchemaDetail
from ..style.plans import StyleFix, StyleRefusal
from ..tree import Mapping, Node, Scalar, Sequence
from ..yaml_emit import scalar as emit_scalar
from ..yaml_emit import value as emit_value
from . import scalars
from .context import FixContext
from .scalars import NewValue, Refusal

if TYPE_CHECKING:
    from ..findings import Applicability

__all__ = ["Fix", "FixContext", "Plan", "Refusal", "mark_fixable", "plan"]


@dataclass(frozen=True)
class Fix:
    finding: Finding
    edits: tuple[Edit, ...]
    applicability: Applicability
    description: str


Plan = Fix | Refusal | None


def mark_fixable(
    findings: list[Finding], context: FixContext
) -> tuple[list[Finding], dict[int, Plan]]:
    """The findings, each marked with the safety of the fix `mdlint fix` would apply to it; and
    the plans, by the id of the marked finding, for the fixer to use rather than plan again."""
    marked = []
    plans: dict[int, Plan] = {}
    for finding in findings:
        planned = plan(finding, context)
        if isinstance(planned, Fix):  # the fix is of the marked finding, as the fixer sees it
            finding = finding._replace(fix=planned.applicability)
            planned = replace(planned, finding=finding)
        marked.append(finding)
        plans[id(finding)] = planned
    return marked, plans


def plan(finding: Finding, context: FixContext) -> Plan:
    detail = finding.detail
    if isinstance(detail, StyleFix):  # a style rule plans its fix when it finds the problem
        return Fix(finding, detail.edits, "safe", detail.description)
    if isinstance(detail, StyleRefusal):
        return Refusal(detail.reason)
    if not isinstance(detail, SchemaDetail):
        return None
    fixer = _FIXERS.get(finding.code)
    return fixer(finding, detail, context) if fixer else None


def _scalar_fix(
    finding: Finding, detail: SchemaDetail, context: FixContext, outcome: scalars.Outcome
) -> Plan:
    node = detail.value_node
    if not isinstance(outcome, NewValue) or not isinstance(node, Scalar):
        return outcome if isinstance(outcome, Refusal) else None
    text = scalars.render(outcome, node)
    if isinstance(outcome.value, str) and outcome.text is None:
        text = context.scalar_text(outcome.value, text)
    edits = context.replace(node, text)
    return Fix(finding, edits, outcome.applicability, outcome.description)


def _fix_type(finding: Finding, detail: SchemaDetail, context: FixContext) -> Plan:
    if detail.keyword != "type" or not isinstance(detail.value_node, Scalar):
        return None
    if "array" in scalars.types_of(detail.subschema):
        return _wrap_in_list(finding, detail, context)
    outcome = scalars.for_type(detail.instance, detail.subschema)
    return _scalar_fix(finding, detail, context, outcome)


def _fix_enum(finding: Finding, detail: SchemaDetail, context: FixContext) -> Plan:
    if not isinstance(detail.value_node, Scalar):
        return None
    allowed = [detail.keyword_value] if detail.keyword == "const" else list(detail.keyword_value)
    outcome = scalars.for_enum(detail.instance, allowed)
    return _scalar_fix(finding, detail, context, outcome)


def _fix_pattern(finding: Finding, detail: SchemaDetail, context: FixContext) -> Plan:
    if not isinstance(detail.value_node, Scalar):
        return None
    outcome = scalars.for_pattern(detail.instance, detail.subschema)
    return _scalar_fix(finding, detail, context, outcome)


def _wrap_in_list(finding: Finding, detail: SchemaDetail, context: FixContext) -> Plan:
    """A scalar where a list belongs becomes a one-item list, written as the header writes lists."""
    node, key = detail.value_node, detail.key_node
    assert isinstance(node, Scalar)
    if detail.instance is None:
        return None  # `tags:` with no value: nothing to put in the list
    _, parent_node = context.node_at(detail.path[:-1])
    if not isinstance(key, Scalar) or not isinstance(parent_node, Mapping) or parent_node.flow:
        return Refusal("only a value in a block mapping can become a list")
    if node.span.start_line != node.span.end_line or node.span.start_line != key.span.start_line:
        return Refusal("the value is not on its key's line")
    style = context.list_style
    item = _list_item_text(node, detail, style.quote, context)
    if style.flow:
        return Fix(finding, context.replace(node, f"[{item}]"), "safe", "one-item list")
    colon = context.header.index(":", key.span.end) + 1
    gap = context.comment_gap(node.span.end)
    cleared = (
        Edit(colon, node.span.end, " " * (node.span.end - colon))
        if gap is not None
        else Edit(colon, context.line_end(node.span.end), "")
    )
    indent = " " * (key.span.start_col + style.dash_indent)
    line = f"{indent}- {item}{context.newline}"
    insert_at = context.next_line(node.span.end)
    if insert_at == context.line_end(node.span.end):  # the header's last line has no line break
        line = context.newline + line
    return Fix(finding, (cleared, Edit(insert_at, insert_at, line)), "safe", "one-item list")


def _list_item_text(
    node: Scalar, detail: SchemaDetail, quote: str | None, context: FixContext
) -> str:
    """The item as the list would write it; an item-level safe repair (case, blanks) comes along."""
    items = (
        context.resolve(detail.subschema.get("items"))
        if isinstance(detail.subschema, dict)
        else None
    )
    value = detail.instance
    if isinstance(items, dict):
        for outcome in (
            scalars.for_enum(value, list(items["enum"]))
            if isinstance(items.get("enum"), list)
            else None,
            scalars.for_pattern(value, items),
        ):
            if isinstance(outcome, NewValue) and outcome.applicability == "safe":
                value = outcome.value
    if not isinstance(value, str):
        return scalars.render_value(value, node)
    if node.style not in (None, "'", '"'):
        return context.scalar_text(value, scalars.render_value(value, node))
    return context.scalar_text(value, emit_scalar(value, quote))


def _fix_duplicate_item(finding: Finding, detail: SchemaDetail, context: FixContext) -> Plan:
    """Remove a repeated item (the first stays): a block item's whole line, a flow item with its comma."""
    node = detail.value_node
    _, sequence = context.node_at(detail.path[:-1])
    index = detail.path[-1] if detail.path else None
    if not isinstance(node, Scalar) or not isinstance(sequence, Sequence):
        return None
    if not isinstance(index, int) or index == 0:
        return None
    if sequence.flow:
        previous = sequence.items[index - 1]
        between = context.header[previous.span.end : node.span.start]
        if between.strip() != ",":
            return Refusal("a comment or odd spacing sits between the items")
        return Fix(
            finding, (Edit(previous.span.end, node.span.end, ""),), "safe", "duplicate removed"
        )
    dash = context.header.rfind("-", 0, node.span.start)
    start = context.line_start(dash)
    if context.header[start:dash].strip(" ") or context.header[dash + 1 : node.span.start].strip():
        return Refusal("the item does not stand on a line of its own")
    gap = context.comment_gap(node.span.end)
    if gap is not None:  # keep the comment, on its own line where the item stood
        edit = Edit(dash, node.span.end + gap, "")
        return Fix(finding, (edit,), "safe", "duplicate removed, its comment kept")
    if not context.rest_of_line_is_blank(node.span.end):
        return Refusal("something follows the item on its line")
    return Fix(
        finding, (Edit(start, context.next_line(node.span.end), ""),), "safe", "duplicate removed"
    )


def _fix_unknown_key(finding: Finding, detail: SchemaDetail, context: FixContext) -> Plan:
    """Rename a near miss of a property the header does not have yet (a guess: unsafe)."""
    guess = detail.keyword_value
    key = detail.key_node
    if not isinstance(guess, str) or not isinstance(key, Scalar) or guess in detail.instance:
        return None
    return Fix(
        finding,
        context.replace(key, emit_scalar(guess, key.style)),
        "unsafe",
        f"renamed to {guess}",
    )


def _fix_missing_key(finding: Finding, detail: SchemaDetail, context: FixContext) -> Plan:
    """Insert a missing top-level key that has a default, where the schema's order puts it (unsafe)."""
    key = detail.keyword_value
    if detail.path or detail.keyword != "required" or not isinstance(key, str):
        return None
    properties = (
        detail.subschema.get("properties", {}) if isinstance(detail.subschema, dict) else {}
    )
    schema = context.resolve(properties.get(key))
    if not isinstance(schema, dict) or "default" not in schema or context.root.flow:
        return None
    default = schema["default"]
    rendered = (
        context.scalar_text(default, emit_scalar(default, context.quote_style))
        if isinstance(default, str)
        else emit_value(default, context.quote_style)
    )
    if rendered is None:
        return Refusal("the default has no one-line YAML form")
    position = _insertion_point(list(properties), key, context)
    line = f"{' ' * context.key_column}{emit_scalar(key, None)}: {rendered}{context.newline}"
    if position == len(context.header) and context.header and context.header[-1] not in "\r\n":
        line = context.newline + line
    return Fix(
        finding, (Edit(position, position, line),), "unsafe", f"inserted the default {rendered}"
    )


def _insertion_point(order: list[str], key: str, context: FixContext) -> int:
    """After the nearest earlier key (in schema order) that the header has; else before the first later one."""
    present = {k.value: (k, v) for k, v in context.root.pairs if isinstance(k, Scalar)}
    rank = order.index(key)
    for earlier in reversed(order[:rank]):
        if earlier in present:
            return context.after(_content_end(present[earlier][1]))
    for later in order[rank + 1 :]:
        if later in present:
            return context.line_start(present[later][0].span.start)
    return len(context.header)


def _content_end(node: Node) -> int:
    """Where a value's own text ends: a block collection's span also takes in blank and comment lines."""
    if isinstance(node, Sequence) and node.items:
        return _content_end(node.items[-1])
    if isinstance(node, Mapping) and node.pairs:
        return _content_end(node.pairs[-1][1])
    return node.span.end


_FIXERS: dict[str, Callable[[Finding, SchemaDetail, FixContext], Plan]] = {
    "SC001": _fix_type,
    "SC002": _fix_enum,
    "SC003": _fix_pattern,
    "SC005": _fix_missing_key,
    "SC006": _fix_unknown_key,
    "SC007": _fix_duplicate_item,
}
