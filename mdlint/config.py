"""Find, read and validate mdlint's configuration into one frozen `Config`.

The settings live in `[tool.mdlint]` of a `pyproject.toml`, or at the top level of `.mdlint.toml`
or `mdlint.toml`. The nearest file above the current directory wins; in one directory
`.mdlint.toml` comes before `mdlint.toml`, which comes before a `pyproject.toml` (and a
`pyproject.toml` counts only when it has a `[tool.mdlint]` table). Paths and globs in a file are
relative to that file's directory. Any unknown key or wrong type is an error: a setting that is
silently ignored is worse than a run that stops.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from . import config_search
from .globs import DEFAULT_EXCLUDE
from .options import DEFAULT_MAX_HEADER_BYTES
from .records import NamedTuple
from .selection import parse_selector
from .style.settings import (
    FormatSettingError,
    FormatSettings,
    parse_format_settings,
    unknown_key_hint,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import Any

DEFAULT_EXTENSIONS = (".md", ".markdown")


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file, the key and what was expected."""


class SchemaAssociation(NamedTuple):
    """`[[schemas]]`: files matching one of `files` (globs) are checked against `schema`."""

    schema: str  # absolute, symbolic links resolved
    files: tuple[str, ...]


class Config(NamedTuple):
    """Settings for one run. `root` anchors every glob: the config file's directory (or the cwd).
    Paths are absolute strings, symbolic links resolved (pathlib costs a warm run 5 ms to import)."""

    root: str
    path: str | None = None
    schema: str | None = None
    schemas: tuple[SchemaAssociation, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    require_front_matter: bool = True
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    unsafe_fixes: bool = False
    max_header_bytes: int = DEFAULT_MAX_HEADER_BYTES
    # The style rules' settings (`[format]`): every rule is off until a key turns it on.
    format: FormatSettings = FormatSettings()


# --- Finding the file ----------------------------------------------------------------------------


def find_config_file(start: str) -> str | None:
    """The nearest configuration file in `start` or above it, or None."""
    try:
        return config_search.find_config_file(start)
    except config_search.NotToml as error:
        raise ConfigError(str(error)) from None


def resolve_config(
    cwd: str | os.PathLike[str] | None = None,
    config_file: str | os.PathLike[str] | None = None,
    isolated: bool = False,
) -> Config:
    """The run's configuration: `config_file` if given, else the nearest one, else the defaults."""
    directory = os.path.realpath(cwd or os.getcwd())
    if isolated:
        return Config(root=directory)
    if config_file is not None:
        path = os.path.realpath(os.path.join(directory, config_file))
        if not os.path.isfile(path):
            raise ConfigError(f"{config_file}: configuration file not found")
        return load_config(path)
    found = find_config_file(directory)
    return load_config(found) if found is not None else Config(root=directory)


# --- Reading and validating ----------------------------------------------------------------------


def load_config(path: str | os.PathLike[str]) -> Config:
    path = os.path.realpath(path)
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the configuration: {error}") from None
    document = _parse_toml(path, text)
    if os.path.basename(path) == "pyproject.toml":
        table, where = _mdlint_table(path, document), "tool.mdlint"
    else:
        table, where = document, ""
    return _build(table, _Context(path, os.path.dirname(path), where))


def _parse_toml(path: str, text: str) -> dict[str, Any]:
    try:
        return config_search.parse_toml(path, text)
    except config_search.NotToml as error:
        raise ConfigError(str(error)) from None


def _mdlint_table(path: str, document: dict[str, Any]) -> dict[str, Any]:
    tool = document.get("tool")
    table = tool.get("mdlint") if isinstance(tool, dict) else None
    if table is None:
        raise ConfigError(f"{path}: no [tool.mdlint] table")
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.mdlint: expected a table, found {describe(table)}")
    return table


class _Context(NamedTuple):
    file: str
    base: str  # relative paths in the file are relative to this directory
    where: str  # the dotted key path reached so far, for messages

    def at(self, key: str) -> _Context:
        return self._replace(where=f"{self.where}.{key}" if self.where else key)

    def at_index(self, index: int) -> _Context:
        return self._replace(where=f"{self.where}[{index}]")

    def fail(self, expected: str, value: Any) -> ConfigError:
        return ConfigError(
            f"{self.file}: {self.where}: expected {expected}, found {describe(value)}"
        )

    def error(self, message: str) -> ConfigError:
        return ConfigError(f"{self.file}: {self.where}: {message}")


def describe(value: Any) -> str:
    """A TOML value's type in words, with the value when it is short."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f'the string "{value}"' if len(value) <= 40 else "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    from datetime import date, time  # (a datetime is a date)

    if isinstance(value, (date, time)):
        return "a date or time"
    return type(value).__name__


def _boolean(value: Any, context: _Context) -> bool:
    if not isinstance(value, bool):
        raise context.fail("true or false", value)
    return value


def _string(value: Any, context: _Context, what: str = "a string") -> str:
    if not isinstance(value, str):
        raise context.fail(what, value)
    return value


def _strings(value: Any, context: _Context, what: str = "a list of strings") -> tuple[str, ...]:
    if not isinstance(value, list):
        raise context.fail(what, value)
    return tuple(_string(item, context.at_index(i), "a string") for i, item in enumerate(value))


def _globs(value: Any, context: _Context) -> tuple[str, ...]:
    return _strings(value, context, "a list of glob patterns (strings)")


def _schema_path(value: Any, context: _Context) -> str:
    text = _string(value, context, "the path of a schema file (a string)")
    path = os.path.realpath(os.path.join(context.base, text))
    if not os.path.isfile(path):
        raise context.error(f'schema file "{text}" not found (looked for {path})')
    return path


def _schemas(value: Any, context: _Context) -> tuple[SchemaAssociation, ...]:
    if not isinstance(value, list):
        raise context.fail('a list of tables like { schema = "...", files = ["..."] }', value)
    return tuple(_association(item, context.at_index(i)) for i, item in enumerate(value))


def _association(value: Any, context: _Context) -> SchemaAssociation:
    if not isinstance(value, dict):
        raise context.fail('a table like { schema = "...", files = ["..."] }', value)
    _reject_unknown(value, ("schema", "files"), context)
    for key in ("schema", "files"):
        if key not in value:
            raise context.error(f'missing key "{key}"')
    files = _globs(value["files"], context.at("files"))
    if not files:
        raise context.at("files").error("expected at least one glob pattern")
    return SchemaAssociation(_schema_path(value["schema"], context.at("schema")), files)


def _extensions(value: Any, context: _Context) -> tuple[str, ...]:
    names = _strings(value, context, 'a list of file extensions like [".md"]')
    if not names:
        raise context.error('expected at least one extension, like [".md"]')
    normalised = []
    for index, name in enumerate(names):
        if not name.strip(".") or "/" in name or any(c.isspace() for c in name):
            raise context.at_index(index).fail('a file extension like ".md"', name)
        normalised.append(("" if name.startswith(".") else ".") + name.lower())
    return tuple(normalised)


def _selectors(value: Any, context: _Context) -> tuple[str, ...]:
    texts = _strings(value, context, 'a list of rule codes or prefixes like ["SC", "FM001"]')
    return tuple(_selector(text, context.at_index(i)) for i, text in enumerate(texts))


def _selector(text: str, context: _Context) -> str:
    try:
        return parse_selector(text)
    except ValueError as error:
        raise context.error(str(error)) from None


def _per_file_ignores(value: Any, context: _Context) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise context.fail('a table of glob = ["CODE", ...]', value)
    return tuple(
        (glob, _selectors(codes, context.at(_quoted_key(glob)))) for glob, codes in value.items()
    )


def _quoted_key(key: str) -> str:
    return f'"{key}"'


def _positive_int(value: Any, context: _Context) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise context.fail("a positive whole number", value)
    return value


def _format_table(value: Any, context: _Context) -> FormatSettings:
    if not isinstance(value, dict):
        raise context.fail("a table of style settings", value)
    try:
        return parse_format_settings(value)
    except FormatSettingError as error:
        raise context.at(error.key).error(error.message) from None


_KEYS: dict[str, tuple[str, Callable[[Any, _Context], Any]]] = {
    "schema": ("schema", _schema_path),
    "schemas": ("schemas", _schemas),
    "include": ("include", _globs),
    "exclude": ("exclude", _globs),
    "extend-exclude": ("extend_exclude", _globs),
    "respect-gitignore": ("respect_gitignore", _boolean),
    "extensions": ("extensions", _extensions),
    "require-front-matter": ("require_front_matter", _boolean),
    "select": ("select", _selectors),
    "ignore": ("ignore", _selectors),
    "extend-select": ("extend_select", _selectors),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "unsafe-fixes": ("unsafe_fixes", _boolean),
    "max-header-bytes": ("max_header_bytes", _positive_int),
    "format": ("format", _format_table),
}
KNOWN_KEYS = tuple(_KEYS)


def _build(table: dict[str, Any], context: _Context) -> Config:
    _reject_unknown(table, KNOWN_KEYS, context)
    values = {_KEYS[key][0]: _KEYS[key][1](value, context.at(key)) for key, value in table.items()}
    return Config(root=context.base, path=context.file, **values)


def _reject_unknown(table: dict[str, Any], known: tuple[str, ...], context: _Context) -> None:
    for key in table:
        if key in known:
            continue
        hint = f"; {unknown_key_hint(key, known)}"
        name = os.path.basename(context.file)
        if key == "tool" and name != "pyproject.toml":
            hint = f"; in {name} the keys go at the top level, without [tool.mdlint]"
        raise context.at(key).error(f"unknown key{hint}")
