"""Where the bundled schema is, and its validator compiled ahead of time while it is current.

mdlint/quick/article_validator.py is generated from the bundled schema (tools/
generate_quick_validator.py) and holds the schema's bytes: a schema edited in a checkout without
regenerating it is noticed here, and the validator libraries are used instead.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from collections.abc import Callable  # not at run time: collections costs a call ~1.5 ms
    from types import ModuleType

BUNDLED_NAME = "article.schema.json"
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def schema_path() -> str:
    """The article schema shipped in the wheel, or the checkout's `schemas/` in a source tree."""
    packaged = os.path.join(_PACKAGE, "schemas", BUNDLED_NAME)
    if os.path.isfile(packaged):
        return packaged
    return os.path.join(os.path.dirname(_PACKAGE), "schemas", BUNDLED_NAME)


def current_validator(location: str | None = None) -> Callable[[object], bool] | None:
    """`is_valid` of the pregenerated validator, when the schema file at `location` (default:
    the bundled one) is the very text it was generated from; None otherwise."""
    return validator_module().is_valid if is_current(location) else None


def is_current(location: str | None = None) -> bool:
    """Whether the schema file at `location` (default: the bundled one) is the very text the
    pregenerated validator was generated from. Only the small module of that text is imported:
    a run answered from the cache asks, and checks no header."""
    from .article_schema import SCHEMA_TEXT

    try:
        with open(location or schema_path(), "rb") as stream:
            return stream.read() == SCHEMA_TEXT
    except OSError:
        return False


def validator_module() -> ModuleType:
    """The pregenerated validator's module (`is_valid`, `property_is_valid`), for a schema
    `is_current` vouches for."""
    from . import article_validator

    return article_validator
