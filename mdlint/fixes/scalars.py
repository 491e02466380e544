"""New text for one scalar the schema refused: a boolean, a number, an allowed value, a pattern, a date.

Each function takes the written scalar and the subschema that refused it, and returns the value to
write instead with its safety, or a Refusal saying why it will not guess, or None (nothing to do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import ecma_pattern
from ..schema import DATE_FORMAT_KEYWORD
from ..schema_findings import did_you_mean
from ..tree import Scalar
from ..yaml_emit import scalar as emit_scalar

if TYPE_CHECKING:
    from ..findings import Applicability

_TRUE_WORDS = {"true", "yes", "on"}
_FALSE_WORDS = {"false", "no", "off"}
_INTEGER = re.compile(r"[-+]?\d+")
_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")


@dataclass(frozen=True)
class NewValue:
    value: Any
    applicability: Applicability
    description: str
    text: str | None = None  # the exact YAML to write, when the value alone would lose the spelling


@dataclass(frozen=True)
class Refusal:
    reason: str


Outcome = NewValue | Refusal | None


def types_of(subschema: Any) -> list[str]:
    declared = subschema.get("type") if isinstance(subschema, dict) else None
    return [declared] if isinstance(declared, str) else list(declared or [])


def for_type(value: Any, subschema: Any) -> Outcome:
    """`"true"`, `yes` -> true where a boolean belongs; `"3"` -> 3 where a number belongs."""
    if not isinstance(value, str):
        return None
    types = types_of(subschema)
    word = value.strip().lower()
    if "boolean" in types and word in _TRUE_WORDS | _FALSE_WORDS:
        return NewValue(word in _TRUE_WORDS, "safe", "boolean written as text")
    digits = value.strip()
    if "integer" in types and _INTEGER.fullmatch(digits):
        return NewValue(int(digits), "safe", "number written as text", digits)
    if "number" in types and _NUMBER.fullmatch(digits):
        return NewValue(float(digits), "safe", "number written as text", digits)
    return None


def for_enum(value: Any, allowed: list[Any]) -> Outcome:
    """The schema's own spelling of a value written in another case or with blanks around it."""
    if not isinstance(value, str):
        return None
    folded = value.strip().casefold()
    same = [option for option in allowed if _spelling(option).casefold() == folded]
    if len(same) == 1:
        return NewValue(same[0], "safe", f"the schema writes it {_spelling(same[0])}")
    guess = did_you_mean(value, [option for option in allowed if isinstance(option, str)])
    if guess is not None:
        return NewValue(guess, "unsafe", f"closest allowed value {guess}")
    return None


def _spelling(option: Any) -> str:
    if isinstance(option, bool):
        return "true" if option else "false"
    return option if isinstance(option, str) else repr(option)


def for_pattern(value: Any, subschema: Any) -> Outcome:
    if not isinstance(value, str) or not isinstance(subschema, dict):
        return None
    date_format = subschema.get(DATE_FORMAT_KEYWORD)
    if isinstance(date_format, str):
        return _for_date(value, date_format)
    pattern = subschema.get("pattern")
    if not isinstance(pattern, str):
        return None
    try:
        compiled = ecma_pattern.compiled(pattern)
    except re.error:
        return None
    variants = {
        value.strip(),
        value.lower(),
        value.upper(),
        value.strip().lower(),
        value.strip().upper(),
    }
    matching = sorted(
        variant for variant in variants if variant != value and compiled.search(variant)
    )
    if len(matching) == 1:
        return NewValue(matching[0], "safe", "case or blanks")
    return None


def _for_date(value: str, date_format: str) -> Outcome:
    from ..dates import DateError, rewrite_date

    try:
        rewrite = rewrite_date(value, date_format)
    except DateError as error:
        return Refusal(str(error))
    if rewrite.text == value:
        return None
    return NewValue(
        rewrite.text,
        "safe" if rewrite.safe else "unsafe",
        rewrite.note or "date in the canonical format",
    )


def render(new: NewValue, node: Scalar) -> str:
    """The YAML text for a new value, keeping the replaced scalar's quote style for text."""
    return new.text if new.text is not None else render_value(new.value, node)


def render_value(new: Any, node: Scalar) -> str:
    if isinstance(new, bool):
        return "true" if new else "false"
    if new is None:
        return "null"
    if isinstance(new, (int, float)):
        return repr(new)
    style = node.style if node.style in (None, "'", '"') else '"'
    return emit_scalar(str(new), style)
