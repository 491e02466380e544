"""jsonschema without the work on top-level properties that a faster validator vouches for.

A header the quick yes/no calls invalid goes to jsonschema for its messages, and jsonschema then
walks every property of it, valid or not: a Mainroad header has 17, and usually one of them is
wrong. Most of the time of checking a broken header went into the other sixteen. Here the root
schema's `properties` keyword first asks `vouches(name, value)` (the bundled schema's
pregenerated per-property validators, or jsonschema-rs's for one property's subschema) and leaves
out each property it vouches for.

The errors are the same, in the same order: a property valid against its subschema yields none
under `properties`, and jsonschema's own keyword does the rest. So `vouches` must never say True
of a value jsonschema rejects; tests/test_property_precheck.py compares the errors with and
without prechecks over the corpora and generated headers. Any doubt (an exception, a name
`vouches` does not know) must be False, which only means jsonschema looks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

Vouches = Callable[[str, Any], bool]


def with_property_prechecks(cls: Any, root_properties: Any, vouches: Vouches) -> Any:
    """The jsonschema validator class `cls`, whose `properties` keyword skips each property of
    `root_properties` (the root schema's `properties`, by identity) that `vouches` for."""
    from jsonschema.validators import extend

    original = cls.VALIDATORS.get("properties")
    if original is None or not isinstance(root_properties, dict):
        return cls

    def properties(validator: Any, properties: Any, instance: Any, schema: Any) -> Iterator[Any]:
        if properties is root_properties and isinstance(instance, dict):
            properties = {
                name: subschema
                for name, subschema in properties.items()
                if name not in instance or not vouches(name, instance[name])
            }
        yield from original(validator, properties, instance, schema)

    extended = extend(cls, {"properties": properties})  # type: ignore[no-untyped-call]
    extended.__name__, extended.__qualname__ = cls.__name__, cls.__qualname__
    return extended
