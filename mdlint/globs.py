"""Gitignore-style globs, matched against paths relative to the directory that wrote them.

One syntax everywhere (config `include`/`exclude`/`[[schemas]] files`/`per-file-ignores`, and
`.gitignore` files): `drafts` matches a file or directory of that name at any depth, `posts/*.md`
is anchored at the base directory because it holds a slash, `**` crosses directories, a trailing
`/` matches directories only, and `!pattern` re-includes what an earlier pattern matched.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import Any


class GlobSet:
    """Patterns anchored at `base` (an absolute directory). The last pattern that matches decides.

    Patterns are compiled on first use: a run that names its files never pays for pathspec."""

    __slots__ = ("_base", "_compiled_patterns", "_names", "patterns")

    def __init__(self, base: str | os.PathLike[str], patterns: Iterable[str]) -> None:
        self._base = os.path.abspath(base)
        self.patterns = tuple(patterns)
        self._compiled_patterns: tuple[Any, ...] | None = None
        # Bare names (`node_modules`, the default excludes) match a path with such a component;
        # a set lookup answers them without pathspec.
        plain = all(_PLAIN_NAME.fullmatch(p) for p in self.patterns)
        self._names = frozenset(self.patterns) if plain else None

    @property
    def _compiled(self) -> tuple[Any, ...]:
        if self._compiled_patterns is None:
            self._compiled_patterns = _compile(self.patterns)
        return self._compiled_patterns

    @property
    def base(self) -> str:
        return self._base

    def __bool__(self) -> bool:
        return bool(self._names) if self._names is not None else bool(self._compiled)

    def __repr__(self) -> str:
        return f"GlobSet({self._base!r}, {list(self.patterns)!r})"

    def relative(self, path: str) -> str | None:
        """`path` relative to the base, with `/` separators; None when it lies outside the base."""
        return self._relative(os.path.abspath(path))

    def _relative(self, absolute: str) -> str | None:
        if absolute == self._base:
            return ""
        prefix = self._base.rstrip(os.sep) + os.sep
        if not absolute.startswith(prefix):
            return None
        relative = absolute[len(prefix) :]
        return relative.replace(os.sep, "/") if os.sep != "/" else relative

    def check(self, path: str, is_dir: bool = False) -> bool | None:
        """True when matched, False when re-included by `!`, None when no pattern speaks of it."""
        return self.check_absolute(os.path.abspath(path), is_dir)

    def check_absolute(self, absolute: str, is_dir: bool = False) -> bool | None:
        """`check` for a path already absolute and normalised (as a directory walk makes them)."""
        if self._names is not None:
            relative = self._relative(absolute) if self._names else None
            return True if relative and not self._names.isdisjoint(relative.split("/")) else None
        if not self._compiled:
            return None
        relative = self._relative(absolute)
        if not relative:
            return None
        return self.check_relative(relative + "/" if is_dir else relative)

    def check_relative(self, relative: str) -> bool | None:
        verdict: bool | None = None
        for pattern in self._compiled:
            if pattern.match_file(relative) is not None:
                verdict = bool(pattern.include)
        return verdict

    def matches(self, path: str, is_dir: bool = False) -> bool:
        return bool(self.check(path, is_dir))

    def matches_absolute(self, absolute: str, is_dir: bool = False) -> bool:
        return bool(self.check_absolute(absolute, is_dir))

    def without_patterns_matching(self, directory: str) -> GlobSet:
        """This set less the patterns that match `directory` (a directory named on the command line).

        A pattern that matches a directory also matches everything below it; dropping it lets an
        explicitly named directory be walked while the other patterns still apply inside it.
        """
        relative = self.relative(directory)
        if not relative:
            return self
        if self._names is not None:  # a bare name matches a path with such a component
            parts = relative.split("/")
            kept = [name for name in self.patterns if name not in parts]
        else:
            kept = [
                text
                for text, pattern in zip(self.patterns, _compile_each(self.patterns), strict=True)
                if pattern is None or pattern.match_file(relative + "/") is None
            ]
        if len(kept) == len(self.patterns):
            return self
        return GlobSet(self._base, kept)


_PLAIN_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


def _compile(patterns: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(p for p in _compile_each(patterns) if p is not None)


def _compile_each(patterns: tuple[str, ...]) -> list[Any]:
    """One compiled pattern per text, None for a blank line, a comment or an invalid range."""
    from pathspec import GitIgnoreSpec

    compiled: list[Any] = []
    for text in patterns:
        spec = GitIgnoreSpec.from_lines([text])
        usable = [p for p in spec.patterns if p.include is not None]
        compiled.append(usable[0] if usable else None)
    return compiled
