"""Which files a run checks: the paths given, and the Markdown files found below directories."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

DEFAULT_EXTENSIONS = (".md", ".markdown")


class PathError(Exception):
    """A path given on the command line does not exist or cannot be read."""


def discover(paths: Iterable[str], extensions: tuple[str, ...] = DEFAULT_EXTENSIONS) -> list[str]:
    """Files to check, in a deterministic order, each once.

    A file named explicitly is always checked, whatever its extension. Directories are walked
    in sorted order, skipping hidden directories (`.git` among them); symbolic links are followed
    only while they stay inside the directory being walked.
    """
    found: list[str] = []
    seen: set[str] = set()
    for given in paths:
        if given == "-":
            raise PathError("-: reading from standard input is only for `mdlint fix -`")
        if not os.path.lexists(given):
            raise PathError(f"{given}: no such file or directory")
        candidates = _walk(given, extensions) if os.path.isdir(given) else [given]
        for candidate in candidates:
            key = os.path.normpath(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _walk(top: str, extensions: tuple[str, ...]) -> list[str]:
    root = Path(top).resolve()
    files: list[str] = []
    for directory, subdirectories, names in os.walk(top, followlinks=True):
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if not name.startswith(".") and _inside(Path(directory, name), root)
        )
        for name in sorted(names):
            if name.lower().endswith(extensions) and not name.startswith("."):
                path = os.path.join(directory, name)
                if os.path.isfile(path) and _inside(Path(path), root):
                    files.append(path)
    return files


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except OSError:
        return False
