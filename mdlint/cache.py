"""Results kept between runs, so an unchanged file costs a hash instead of a check.

An entry is keyed by everything the result depends on: the bytes read from the file, the
schema (and every file it references), the check options, the rules in force for that path, and
mdlint's version. It lives in one JSON file under `.mdlint_cache/` (beside the configuration
file, else in the current directory), or where `--cache-dir` / `MDLINT_CACHE_DIR` say. A cache
that cannot be read or written is ignored with a warning, never a failure.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ._version import __version__
from .findings import Finding

CACHE_DIR_NAME = ".mdlint_cache"
_FILE_NAME = "check-v2.json"
_FIELDS = ("code", "message", "line", "col", "end_line", "end_col", "json_path", "fix")


def default_directory(root: str) -> str:
    return os.environ.get("MDLINT_CACHE_DIR") or os.path.join(root, CACHE_DIR_NAME)


def entry_key(data: bytes) -> str:
    """The hash of the bytes a check read from the file."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def stat_signature(path: str, status: os.stat_result | None = None) -> list[int]:
    """Size, time and inode of the file (from `status` when it was just taken)."""
    status = status or os.stat(path)
    return [status.st_mtime_ns, status.st_size, status.st_ino]


@dataclass(frozen=True)
class CacheKey:
    """What a cached result depends on: the bytes read (their hash) and the settings."""

    content: str
    settings: str
    signature: list[int]  # size, time and inode when the bytes were hashed
    names_schema: bool  # the header names its own schema: its settings need its bytes


def fingerprint(*parts: Any) -> str:
    """A digest of the settings a result depends on (mdlint's version included)."""
    text = json.dumps([__version__, *parts], sort_keys=True, default=repr)
    return hashlib.sha256(text.encode()).hexdigest()


class Cache:
    def __init__(self, directory: str, warn: Callable[[str], None]) -> None:
        self.directory = directory
        self.path = os.path.join(directory, _FILE_NAME)
        self.warn = warn
        self.entries: dict[str, list[Any]] = {}
        self.changed = False
        self._cwd = os.getcwd()
        self._absolute_paths: dict[str, str] = {}
        self._load()

    def _load(self) -> None:
        try:
            with open(self.path, encoding="utf-8") as stream:
                stored = json.load(stream)
        except FileNotFoundError:
            return
        except (OSError, ValueError) as error:
            self.warn(f"ignoring the cache {self.path}: {error}")
            return
        if not isinstance(stored, dict) or stored.get("version") != __version__:
            return
        entries = stored.get("entries")
        if isinstance(entries, dict):
            self.entries = entries

    def _absolute(self, path: str) -> str:
        """The entry's key: `path` made absolute (os.path.abspath, less a getcwd() per file)."""
        absolute = self._absolute_paths.get(path)
        if absolute is None:
            absolute = self._absolute_paths[path] = os.path.normpath(os.path.join(self._cwd, path))
        return absolute

    def _entry(self, path: str) -> list[Any] | None:
        entry = self.entries.get(self._absolute(path))
        return entry if isinstance(entry, list) and len(entry) == 5 else None

    def known_content(self, path: str, signature: list[int]) -> str | None:
        """The content hash recorded for the file, when its size, time and inode are unchanged."""
        entry = self._entry(path)
        if entry is None or entry[2] != signature or entry[3] is not False:
            return None
        return entry[0] if isinstance(entry[0], str) else None

    def get(self, path: str, key: CacheKey) -> tuple[Finding, ...] | None:
        entry = self._entry(path)
        if entry is None or entry[0] != key.content or entry[1] != key.settings:
            return None
        try:
            return tuple(Finding(*row) for row in entry[4])
        except TypeError:  # an entry written by hand or by another tool: recheck the file
            return None

    def put(self, path: str, key: CacheKey, findings: tuple[Finding, ...]) -> None:
        rows = [[getattr(finding, name) for name in _FIELDS] for finding in findings]
        entry = [key.content, key.settings, key.signature, key.names_schema, rows]
        self.entries[self._absolute(path)] = entry
        self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        try:
            os.makedirs(self.directory, exist_ok=True)
            ignore = os.path.join(self.directory, ".gitignore")
            if not os.path.exists(ignore):
                with open(ignore, "w", encoding="utf-8") as stream:
                    stream.write("# Created by mdlint: the cache is not to be committed.\n*\n")
            import tempfile

            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump({"version": __version__, "entries": self.entries}, stream)
            os.replace(temporary, self.path)
        except OSError as error:
            self.warn(f"cannot write the cache in {self.directory}: {error.strerror or error}")
            with contextlib.suppress(NameError, OSError):
                os.unlink(temporary)
