"""Where a run's configuration is: the nearest `.mdlint.toml`, `mdlint.toml` or `pyproject.toml`
with a `[tool.mdlint]` table, in the current directory or above it.

A module of its own, light to import (os, and tomllib only for a `pyproject.toml` that names
mdlint), so that the quick path looks for the file exactly as `config.resolve_config` does.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import Any

CONFIG_FILE_NAMES = (".mdlint.toml", "mdlint.toml", "pyproject.toml")


class NotToml(Exception):
    """A configuration file that TOML cannot read; `config` turns it into a ConfigError."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: not valid TOML: {problem}")
        self.path = path


def find_config_file(start: str) -> str | None:
    """The nearest configuration file in the directory `start` or above it, or None.
    Raises NotToml for a `pyproject.toml` that names mdlint but is not TOML."""
    directory = start
    while True:
        for name in CONFIG_FILE_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _has_table(pyproject: str) -> bool:
    try:
        with open(pyproject, encoding="utf-8") as stream:
            text = stream.read()
    except (OSError, UnicodeDecodeError):
        return False
    if "mdlint" not in text:  # most pyproject.toml files are not ours: skip parsing them
        return False
    tool = parse_toml(pyproject, text).get("tool")
    return isinstance(tool, dict) and "mdlint" in tool


def parse_toml(path: str, text: str) -> dict[str, Any]:
    """The TOML document `text` (read from `path`); raises NotToml."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        document: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise NotToml(path, str(error)) from None
    return document
