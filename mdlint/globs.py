"""Gitignore-style globs, matched against paths relative to the directory that wrote them.

One syntax everywhere (config `include`/`exclude`/`[[schemas]] files`/`per-file-ignores`, and
`.gitignore` files): `drafts` matches a file or directory of that name at any depth, `posts/*.md`
is anchored at the base directory because it holds a slash, `**` crosses directories, a trailing
`/` matches directories only, and `!pattern` re-includes what an earlier pattern matched.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from collections.abc import Iterable  # not at run time: collections costs a call ~1.5 ms
    from typing import Any

# Directories that hold other people's Markdown (package READMEs), never a site's articles: the
# default `exclude`. Hidden directories (`.git`, `.venv`, ...) are skipped anyway.
DEFAULT_EXCLUDE = ("node_modules", "site-packages", "venv", "__pypackages__", "__pycache__")


class GlobSet:
    """Patterns anchored at `base` (an absolute directory). The last pattern that matches decides.

    Patterns are compiled on first use, and only those with wildcards or `!` need pathspec: a
    set of literal ones (`node_modules`, `public/`, `/drafts`, `resources/_gen/`: the default
    excludes and most `.gitignore` files) is matched by `_Literal`, whose reading of them
    tests/test_globs.py holds to pathspec's."""

    __slots__ = ("_base", "_compiled_patterns", "_literals", "_names", "patterns")
    _literals: tuple[tuple[str, _Literal], ...] | None

    def __init__(self, base: str | os.PathLike[str], patterns: Iterable[str]) -> None:
        self._base = os.path.abspath(base)
        self.patterns = tuple(patterns)
        self._compiled_patterns: tuple[Any, ...] | None = None
        self._literals = _literals(self.patterns)
        # Only bare names (`node_modules`, the default excludes): a path matches when one of its
        # components is one of them, which a set answers faster than each pattern in turn.
        bare = self._literals is not None and all(
            len(p.names) == 1 and not p.anchored and not p.directory_only for _, p in self._literals
        )
        self._names = frozenset(p.names[0] for _, p in self._literals or ()) if bare else None

    @property
    def _compiled(self) -> tuple[Any, ...]:
        if self._compiled_patterns is None:
            self._compiled_patterns = _compile(self.patterns)
        return self._compiled_patterns

    @property
    def base(self) -> str:
        return self._base

    def __bool__(self) -> bool:
        if self._literals is not None:
            return bool(self._literals)
        return bool(self._compiled)

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
        if self._literals is not None:
            relative = self._relative(absolute) if self._literals else None
            if not relative:
                return None
            parts = relative.split("/")
            return True if any(p.matches(parts, is_dir) for _, p in self._literals) else None
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

    def names_matched_in(self, directory: str, is_dir: bool = False) -> frozenset[str] | None:
        """The names of the files (directories when `is_dir`) directly in `directory` (absolute,
        normalised) that this set matches, so that a walk need not match each one's path:
        `name in names` is `matches_absolute(os.path.join(directory, name), is_dir)`. None when
        names alone cannot tell: a pattern with wildcards or `!`, or one that matches
        `directory` itself or a directory above it."""
        if self._literals is None:
            return None
        relative = self._relative(directory)
        if relative is None:
            return frozenset()
        parts = relative.split("/") if relative else []
        if self._names is not None:
            return self._names if self._names.isdisjoint(parts) else None
        names = set()
        for _, literal in self._literals:
            if literal.matches(parts, True):
                return None  # it matches everything in `directory`: rare, left to `matches`
            name = literal.name_in(parts, is_dir)
            if name is not None:
                names.add(name)
        return frozenset(names)

    def without_patterns_matching(self, directory: str) -> GlobSet:
        """This set less the patterns that match `directory` (a directory named on the command line).

        A pattern that matches a directory also matches everything below it; dropping it lets an
        explicitly named directory be walked while the other patterns still apply inside it.
        """
        relative = self.relative(directory)
        if not relative:
            return self
        if self._literals is not None:
            parts = relative.split("/")
            matching = {text for text, pattern in self._literals if pattern.matches(parts, True)}
            kept = [text for text in self.patterns if text not in matching]
        else:
            kept = [
                text
                for text, pattern in zip(self.patterns, _compile_each(self.patterns), strict=True)
                if pattern is None or pattern.match_file(relative + "/") is None
            ]
        if len(kept) == len(self.patterns):
            return self
        return GlobSet(self._base, kept)


# A pattern without wildcards, `!`, escapes or spaces: optional leading `/`, literal names
# (not `.` or `..`) joined by `/`, optional trailing `/`. Read with string methods: compiling it
# as a pattern cost every run that walks ~0.2 ms.
_NAME_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-"


def _literals(patterns: tuple[str, ...]) -> tuple[tuple[str, _Literal], ...] | None:
    """Each pattern with its literal reading (blank lines and comments left out), or None when
    one of them is not literal."""
    literals = []
    for text in patterns:
        if not text or text.startswith("#"):
            continue
        literal = _Literal.read(text)
        if literal is None:
            return None
        literals.append((text, literal))
    return tuple(literals)


class _Literal:
    """A gitignore pattern naming a path literally. Git's rules for it: a pattern with a `/`
    before its end is anchored at the base directory, and matches a path that starts with its
    names; one without matches a path with that name at any depth; a trailing `/` asks that
    the matched name be a directory (so everything below it matches too)."""

    __slots__ = ("anchored", "directory_only", "names")

    def __init__(self, names: tuple[str, ...], anchored: bool, directory_only: bool) -> None:
        self.names = names
        self.anchored = anchored
        self.directory_only = directory_only

    @classmethod
    def read(cls, pattern: str) -> _Literal | None:
        leading = pattern.startswith("/")
        body = pattern[1:] if leading else pattern
        trailing = body.endswith("/")
        names = tuple((body[:-1] if trailing else body).split("/"))
        if any(not name or name.strip(_NAME_CHARACTERS) or name in (".", "..") for name in names):
            return None
        return cls(names, leading or len(names) > 1, trailing)

    def matches(self, parts: list[str], is_dir: bool) -> bool:
        """Whether the path of components `parts` (relative to the base) matches."""
        last = len(parts) - 1
        if self.anchored:
            count = len(self.names)
            if tuple(parts[:count]) != self.names:
                return False
            return not self.directory_only or last >= count or is_dir
        name = self.names[0]
        return any(
            part == name and (not self.directory_only or index < last or is_dir)
            for index, part in enumerate(parts)
        )

    def name_in(self, parts: list[str], is_dir: bool) -> str | None:
        """The name of the one entry directly in the directory of components `parts` that the
        pattern matches, if any, when it does not match that directory itself."""
        if self.directory_only and not is_dir:
            return None
        if self.anchored:
            return self.names[-1] if tuple(parts) == self.names[:-1] else None
        return self.names[0]


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
