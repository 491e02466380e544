"""Load a JSON Schema once per run: read it, check it against its meta-schema, build its validator."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATE_FORMAT_KEYWORD = "x-mdlint-date-format"
BUNDLED_NAME = "article.schema.json"


class SchemaError(Exception):
    """The schema cannot be used: it is not readable, not JSON, or not a valid schema."""


@dataclass(frozen=True, eq=False)
class Schema:
    path: str
    contents: dict[str, Any]
    validator: Any  # a jsonschema Validator instance, built once

    def resolve(self, subschema: Any) -> Any:
        """A subschema with its `$ref` followed (sibling keywords kept), for fixers that look inside."""
        for _ in range(32):
            if not isinstance(subschema, dict) or not isinstance(subschema.get("$ref"), str):
                return subschema
            try:
                target = self.validator._resolver.lookup(subschema["$ref"]).contents
            except Exception:  # an unresolvable $ref: the validator reports it, fixers just stop here
                return subschema
            siblings = {k: v for k, v in subschema.items() if k != "$ref"}
            subschema = {**target, **siblings} if isinstance(target, dict) else target
        return subschema

    @property
    def property_order(self) -> list[str]:
        properties = self.contents.get("properties", {})
        return list(properties) if isinstance(properties, dict) else []


def bundled_schema_path() -> Path:
    """The article schema shipped in the wheel, or the checkout's `schemas/` in a source tree."""
    packaged = Path(__file__).resolve().parent / "schemas" / BUNDLED_NAME
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "schemas" / BUNDLED_NAME


def load_schema(path: str | Path | None = None) -> Schema:
    """The schema at `path` (the bundled article schema when None), validated and compiled."""
    resolved = Path(path).resolve() if path is not None else bundled_schema_path()
    return _load(str(resolved))


@cache
def _load(path: str) -> Schema:
    contents = _read_json(path)
    return Schema(path, contents, build_validator(contents, path))


def _read_json(path: str) -> dict[str, Any]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SchemaError(f"{path}: schema file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SchemaError(f"{path}: cannot read the schema: {error}") from None
    try:
        contents = json.loads(text)
    except json.JSONDecodeError as error:
        raise SchemaError(
            f"{path}:{error.lineno}:{error.colno}: the schema is not valid JSON: {error.msg}"
        ) from None
    if not isinstance(contents, (dict, bool)):
        raise SchemaError(f"{path}: a schema must be a JSON object or a boolean")
    return contents if isinstance(contents, dict) else {"not": {}} if contents is False else {}


def build_validator(contents: dict[str, Any], path: str = "<schema>") -> Any:
    """The validator class that `$schema` names (2020-12 when absent), with format checks on."""
    import jsonschema
    from jsonschema.validators import validator_for

    cls: Any = jsonschema.Draft202012Validator
    if "$schema" in contents:
        cls = validator_for(contents, default=None)  # type: ignore[arg-type]
        if cls is None:
            raise SchemaError(
                f"{path}: unknown $schema {contents['$schema']!r}; mdlint knows drafts 4, 6, 7, "
                "2019-09 and 2020-12"
            )
    try:
        cls.check_schema(contents)
    except jsonschema.SchemaError as error:
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        raise SchemaError(f"{path}: not a valid schema at {where}: {error.message}") from None
    return cls(contents, format_checker=cls.FORMAT_CHECKER)
