"""ST002 quote-style: string values in the configured quotes.

For a given string, the configured style names exactly one way to quote it, whatever way it is
written now, so formatting is idempotent and a fix that writes a new value (`"Right"` ->
`"right"`) writes it the way the formatter would:

- `double`: always double quotes.
- `single`: single quotes, or double quotes for text that single quotes cannot show (line breaks,
  tabs, control characters: YAML has no escapes inside single quotes).
- `plain`: no quotes where every YAML reader reads the text back as the same string; double
  quotes elsewhere. "Every reader" is YAML 1.2 (what mdlint reads) *and* YAML 1.1 (what older
  generators read): `yes`, `null`, `1.0`, `1_000`, `2025-02-08`, `12:30` are not plain text to
  all of them, and neither is text that starts with an indicator (`*&!%@`...) or holds `: ` or
  ` #`.

Only the style changes: a value already in its style keeps its spelling (escapes included), and
the text written instead always reads back as the same value. Keys keep their quotes (a quoted
key is usually quoted on purpose, and key spelling is the schema's business), and block scalars
(`|`, `>`) stay blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..findings import Finding
from ..tree import STR, Scalar, quote
from ..yaml_emit import plain_is_safe, scalar, single_quoted
from .base import StyleContext, StyleRule, describe_style
from .plans import StyleFix
from .settings import PRESERVE, FormatSettings

CODE = "ST002"
# Characters YAML 1.1 readers (libyaml, PyYAML) take for line breaks: never in plain or single.
_UNICODE_BREAKS = re.compile("[\x85\u2028\u2029]")


def enabled(settings: FormatSettings) -> bool:
    return settings.quote_style not in (None, PRESERVE)


def check(context: StyleContext) -> Iterator[Finding]:
    wanted = context.settings.quote_style
    assert wanted is not None and wanted != PRESERVE
    for visit in context.visits:
        node = visit.node
        if not _is_restylable(node):  # keys are never visited: they keep their quotes
            continue
        assert isinstance(node, Scalar)
        target = canonical_style(node.value, wanted)
        if node.style == target:
            continue
        text = scalar(node.value, target)
        reason = ""
        if wanted == "plain" and node.style is None:
            reason = " (without them it would not read back as the same text everywhere)"
        message = (
            f"{quote(node.value, 40)} is written {describe_style(node.style)}; "
            f'quote-style "{wanted}" writes it {describe_style(target)}{reason}'
        )
        fix = StyleFix(context.replace(node, text), f"written {describe_style(target)}")
        start = context.own_start(node)
        yield context.finding(CODE, message, start, node.span.end, fix, visit.path)


def _is_restylable(node: object) -> bool:
    """A string scalar in flow style (plain or quoted) whose meaning depends on no tag."""
    return (
        isinstance(node, Scalar)
        and node.tag == STR
        and not node.explicit_tag
        and node.style in (None, "'", '"')
    )


def canonical_style(value: str, wanted: str) -> str | None:
    """The one quote style (`'"'`, `"'"` or None for plain) the setting gives `value`."""
    if wanted == "double":
        return '"'
    if wanted == "single":
        return "'" if _single_ok(value) else '"'
    return None if plain_everywhere(value) else '"'


def styled(value: str, settings: FormatSettings | None) -> str | None:
    """`value` as the formatter writes it, or None when no quote style is configured. Fixers use
    it so that a value they write is already formatted."""
    if settings is None or settings.quote_style in (None, PRESERVE):
        return None
    return scalar(value, canonical_style(value, settings.quote_style))


def _single_ok(value: str) -> bool:
    """Single quotes hold the text and show it: no escapes exist there, so a tab would be an
    invisible raw tab, and a line break would need a blank line."""
    return (
        single_quoted(value) is not None and not _UNICODE_BREAKS.search(value) and "\t" not in value
    )


@lru_cache(maxsize=4096)
def plain_everywhere(value: str) -> bool:
    """Whether `value` written without quotes is the same string to YAML 1.2 and 1.1 readers."""
    if not plain_is_safe(value) or _UNICODE_BREAKS.search(value):
        return False
    return _yaml11_tag(value) == STR


def _yaml11_tag(value: str) -> str:
    import yaml

    resolver = yaml.resolver.Resolver()
    return str(resolver.resolve(yaml.ScalarNode, value, (True, False)))  # type: ignore[no-untyped-call]


RULE = StyleRule(CODE, "quote-style", enabled, check)
