"""`pattern` as JSON Schema means it: an ECMA-262 regular expression, whose `$` matches only at
the very end of the string.

jsonschema runs patterns with Python's `re.search`, where `$` also matches just before a final
newline: `"2025-02-08 16:00:00\\n"` passed `^...$`, while jsonschema-rs and the pregenerated
validator (fastjsonschema) rejected it. mdlint's jsonschema validators and fixers read each `$`
outside a character class as `\\Z` instead, so that every validator agrees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any


def end_anchored(pattern: str) -> str:
    """`pattern` with each `$` that is neither escaped nor in a character class made `\\Z`."""
    out: list[str] = []
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            out.append(char)
            index += 1
            # In `[]...]` and `[^]...]` the first `]` is a member, not the class's end.
            for member in ("^", "]"):
                if pattern.startswith(member, index):
                    out.append(member)
                    index += 1
            continue
        elif char == "$":
            char = r"\Z"
        out.append(char)
        index += 1
    return "".join(out)


@cache
def compiled(pattern: str) -> re.Pattern[str]:
    """`pattern` compiled with `$` meaning the end of the string. Raises re.error, as
    `re.compile(pattern)` would, for a pattern Python cannot read."""
    try:
        return re.compile(end_anchored(pattern))
    except re.error:
        re.compile(pattern)  # the pattern's own error, if it has one
        raise


def pattern_keyword(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    """jsonschema's `pattern` keyword with ECMA-262's `$`; jsonschema's own message."""
    if validator.is_type(instance, "string") and not compiled(pattern).search(instance):
        from jsonschema.exceptions import ValidationError

        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def with_ecma_pattern(cls: Any) -> Any:
    """The jsonschema validator class `cls` with `pattern_keyword`; same name, same dialect."""
    from jsonschema.validators import extend

    if "pattern" not in cls.VALIDATORS:
        return cls
    extended = extend(cls, {"pattern": pattern_keyword})  # type: ignore[no-untyped-call]
    extended.__name__, extended.__qualname__ = cls.__name__, cls.__qualname__
    return extended
