"""`uniqueItems` in linear time.

jsonschema sorts a list to find repeated items, and when the items cannot be sorted (mappings,
lists, strings mixed with numbers) it compares every pair: a header listing 50,000 mappings would
take the better part of an hour. Here each item becomes a hashable key that is equal to another
item's key exactly when jsonschema's own `equal` calls the items equal (`1 == 1.0`, `true != 1`,
lists and mappings compared member by member), and a set finds the repeats.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any


def equality_key(value: Any) -> Any:
    """A hashable key equal to another's exactly when JSON Schema calls the values equal."""
    if value is True or value is False:  # a boolean never equals 1 or 0 in JSON Schema
        return (1, value)
    if isinstance(value, str):
        return (2, value)
    if isinstance(value, (int, float)):
        return (3, value)
    if value is None:
        return (4,)
    if isinstance(value, list):
        return (5, tuple(equality_key(item) for item in value))
    if isinstance(value, dict):
        return (6, frozenset((key, equality_key(item)) for key, item in value.items()))
    raise TypeError(type(value).__name__)


def has_repeats(items: list[Any]) -> bool:
    """True when two items of `items` are equal as JSON Schema compares them.
    Raises TypeError for a value that is not JSON data."""
    keys = [equality_key(item) for item in items]
    return len(set(keys)) != len(keys)


@cache
def with_linear_unique_items(cls: Any) -> Any:
    """The jsonschema validator class `cls` with a linear `uniqueItems`; same name, same dialect."""
    from jsonschema.exceptions import ValidationError
    from jsonschema.validators import extend

    original = cls.VALIDATORS.get("uniqueItems")
    if original is None:
        return cls

    def unique_items(validator: Any, unique: Any, instance: Any, schema: Any) -> Iterator[Any]:
        if not unique or not validator.is_type(instance, "array"):
            return
        try:
            repeats = has_repeats(instance)
        except (TypeError, RecursionError):  # not plain JSON data: jsonschema's own way
            yield from original(validator, unique, instance, schema)
            return
        if repeats:
            yield ValidationError(f"{instance!r} has non-unique elements")

    extended = extend(cls, {"uniqueItems": unique_items})  # type: ignore[no-untyped-call]
    extended.__name__, extended.__qualname__ = cls.__name__, cls.__qualname__
    return extended
