"""Where the bundled schema is, and its validator compiled ahead of time while it is current.

mdlint/quick/article_validator.py is generated from the bundled schema (tools/
generate_quick_validator.py) and holds the schema's bytes: a schema edited in a checkout without
regenerating it is noticed here, and the validator libraries are used instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    module = current_module(location)
    return None if module is None else module.is_valid


def current_module(location: str | None = None) -> ModuleType | None:
    """The pregenerated validator's module, when the schema file at `location` (default: the
    bundled one) is the very text it was generated from; None otherwise."""
    from . import article_validator

    try:
        with open(location or schema_path(), "rb") as stream:
            text = stream.read()
    except OSError:
        return None
    return article_validator if text == article_validator.SCHEMA_TEXT else None
