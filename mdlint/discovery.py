"""Which files a run checks: the paths given, and the Markdown files found below directories.

A file named on the command line is always checked, whatever its extension, unless
`--force-exclude` applies the exclusions to it too. Directories are walked in sorted order,
skipping hidden entries (`.git` among them), the `exclude`/`extend-exclude` globs and, inside a Git
repository, what its `.gitignore` files ignore. Symbolic links met while walking are not followed
(one named on the command line is). Each file is listed once, however it was reached.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from .globs import GlobSet

DEFAULT_EXTENSIONS = (".md", ".markdown")
# Directories that hold other people's Markdown (package READMEs), never a site's articles.
# Hidden directories (`.git`, `.venv`, ...) are skipped anyway.
DEFAULT_EXCLUDE = ("node_modules", "site-packages", "venv", "__pypackages__", "__pycache__")


class PathError(Exception):
    """A path given on the command line does not exist or cannot be read."""


@dataclass(frozen=True)
class DiscoveryRules:
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    include: GlobSet | None = None  # when set, walked files must match it
    exclude: GlobSet | None = None
    respect_gitignore: bool = False
    force_exclude: bool = False
    gitignore: GitIgnore = field(default_factory=lambda: GitIgnore(), compare=False)

    def excluded(self, absolute: str, is_dir: bool, scope: _Scope) -> bool:
        """`absolute`: an absolute, normalised path."""
        if scope.exclude is not None and scope.exclude.matches_absolute(absolute, is_dir):
            return True
        return self.respect_gitignore and self.gitignore.ignored(absolute, is_dir, scope.root)


@dataclass(frozen=True)
class _Scope:
    """The exclusions in force below a directory named on the command line."""

    root: str | None  # the named directory, whose own matches are set aside; None: none set aside
    exclude: GlobSet | None


def discover(
    paths: Iterable[str],
    extensions: tuple[str, ...] | None = None,
    *,
    rules: DiscoveryRules | None = None,
    stats: dict[str, os.stat_result] | None = None,
) -> list[str]:
    """Files to check, in a deterministic order, each once. `extensions` overrides the rules'.
    `stats`, when given, receives the status of each file found (taken to tell the files apart),
    so that the run need not ask for it again."""
    rules = rules or DiscoveryRules()
    if extensions is not None:
        rules = replace(rules, extensions=tuple(extensions))
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    for given in paths:
        if given == "-":
            raise PathError("-: reading from standard input is only for `mdlint fix -`")
        if not os.path.lexists(given):
            raise PathError(f"{given}: no such file or directory")
        for candidate in _expand(given, rules):
            try:
                stat = os.stat(candidate)
            except OSError:  # a dangling link named on the command line: let the check report it
                found.append(candidate)
                continue
            key = (stat.st_dev, stat.st_ino)  # a file reached twice (a link, `a/../a`) counts once
            if key not in seen:
                seen.add(key)
                found.append(candidate)
                if stats is not None:
                    stats[candidate] = stat
    return found


def _expand(given: str, rules: DiscoveryRules) -> Iterable[str]:
    is_dir = os.path.isdir(given)
    absolute = os.path.abspath(given)
    if rules.force_exclude:
        scope = _Scope(None, rules.exclude)
        if rules.excluded(absolute, is_dir, scope):
            return []
    elif is_dir:
        exclude = rules.exclude.without_patterns_matching(given) if rules.exclude else None
        scope = _Scope(absolute, exclude)
    return _walk(given, rules, scope) if is_dir else [given]


def _walk(top: str, rules: DiscoveryRules, scope: _Scope) -> Iterator[str]:
    pending = [top]
    while pending:
        directory = pending.pop()
        try:
            with os.scandir(directory) as scanner:
                entries = sorted(scanner, key=lambda entry: entry.name)
        except OSError:
            continue  # vanished or unreadable while walking: nothing to check there
        absolute = os.path.abspath(directory)
        subdirectories = []
        for entry in entries:
            # Links are not followed, as git does not: one pointing inside the tree reaches a file
            # the walk finds at its own place (where `mdlint fix` may write it), and one pointing
            # outside leads out of the project. Without links the walk cannot loop, either.
            if entry.name.startswith(".") or entry.is_symlink():
                continue
            entry_absolute = os.path.join(absolute, entry.name)
            if _is_dir(entry):
                if not rules.excluded(entry_absolute, True, scope):
                    subdirectories.append(entry.path)
            elif _is_wanted_file(entry, entry_absolute, rules, scope):
                yield entry.path
        pending.extend(reversed(subdirectories))


def _is_wanted_file(
    entry: os.DirEntry[str], absolute: str, rules: DiscoveryRules, scope: _Scope
) -> bool:
    if not entry.name.lower().endswith(rules.extensions):
        return False
    try:
        if not entry.is_file():
            return False
    except OSError:
        return False
    if rules.include is not None and not rules.include.matches_absolute(absolute):
        return False
    return not rules.excluded(absolute, False, scope)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


# --- .gitignore ----------------------------------------------------------------------------------


class GitIgnore:
    """What the `.gitignore` files of a Git repository (and its `.git/info/exclude`) ignore.

    Files outside a Git repository are never ignored, as with git itself. Deeper `.gitignore`
    files override shallower ones; within one file the last matching pattern wins.
    """

    def __init__(self) -> None:
        self._repositories: dict[str, str | None] = {}
        self._files: dict[tuple[str, str | None], GlobSet | None] = {}
        self._chains: dict[tuple[str, str | None], tuple[GlobSet, ...]] = {}

    def ignored(self, absolute: str, is_dir: bool, named_root: str | None = None) -> bool:
        """`absolute`: an absolute, normalised path. `named_root`: a directory named on the
        command line; patterns that match it are set aside, so that it is walked."""
        verdict: bool | None = None
        for globs in self._chain_for(os.path.dirname(absolute), named_root):
            decision = globs.check_absolute(absolute, is_dir)
            if decision is not None:
                verdict = decision
        return bool(verdict)

    def _chain_for(self, directory: str, named_root: str | None) -> tuple[GlobSet, ...]:
        key = (directory, named_root)
        if key not in self._chains:
            repository = self._repository(directory)
            chain = self._chain(repository, directory, named_root) if repository else ()
            self._chains[key] = tuple(chain)
        return self._chains[key]

    def _chain(self, repository: str, directory: str, named_root: str | None) -> Iterator[GlobSet]:
        exclude = self._load(
            os.path.join(repository, ".git", "info", "exclude"), repository, named_root
        )
        if exclude is not None:
            yield exclude
        relative = os.path.relpath(directory, repository)
        parts = [] if relative == os.curdir else relative.split(os.sep)
        current = repository
        for part in ["", *parts]:
            current = os.path.join(current, part) if part else current
            globs = self._load(os.path.join(current, ".gitignore"), current, named_root)
            if globs is not None:
                yield globs

    def _load(self, file: str, base: str, named_root: str | None) -> GlobSet | None:
        # Only the files at or above the named directory can hold patterns that match it.
        relevant = named_root if named_root and _is_within(named_root, base) else None
        key = (file, relevant)
        if key not in self._files:
            self._files[key] = _read_ignore_file(file, base, relevant)
        return self._files[key]

    def _repository(self, directory: str) -> str | None:
        if directory not in self._repositories:
            parent = os.path.dirname(directory)
            if os.path.exists(os.path.join(directory, ".git")):
                self._repositories[directory] = directory
            elif parent == directory:
                self._repositories[directory] = None
            else:
                self._repositories[directory] = self._repository(parent)
        return self._repositories[directory]


def _read_ignore_file(file: str, base: str, named_root: str | None) -> GlobSet | None:
    try:
        with open(file, encoding="utf-8", errors="replace") as stream:
            lines = stream.read().splitlines()
    except OSError:
        return None
    globs = GlobSet(base, lines)
    if named_root is not None:
        globs = globs.without_patterns_matching(named_root)
    return globs or None


def _is_within(path: str, directory: str) -> bool:
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)
