"""What the `.gitignore` files of a Git repository (and its `.git/info/exclude`) ignore.

A module of its own, light to import (no dataclasses, no pathspec unless a pattern needs it), so
that the quick path of `mdlint check --force-exclude` can ask it too.
"""

from __future__ import annotations

import os

from .globs import GlobSet


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

    def names_ignored_in(
        self, directory: str, is_dir: bool = False, named_root: str | None = None
    ) -> frozenset[str] | None:
        """The names of the files (directories when `is_dir`) directly in `directory` (absolute,
        normalised) that `ignored` ignores, or None when names alone cannot tell (see
        `GlobSet.names_matched_in`)."""
        names: frozenset[str] = frozenset()
        for globs in self._chain_for(directory, named_root):
            # Sets that tell by names hold no `!`: no deeper file re-includes what one matches.
            matched = globs.names_matched_in(directory, is_dir)
            if matched is None:
                return None
            names |= matched
        return names

    def _chain_for(self, directory: str, named_root: str | None) -> tuple[GlobSet, ...]:
        """The sets that speak of the entries of `directory`, the shallowest first."""
        key = (directory, named_root)
        chain = self._chains.get(key)
        if chain is None:
            chain = self._chain(directory, named_root)
            self._chains[key] = chain
        return chain

    def _chain(self, directory: str, named_root: str | None) -> tuple[GlobSet, ...]:
        repository = self._repository(directory)
        if repository is None:
            return ()
        if directory == repository:
            info_exclude = os.path.join(repository, ".git", "info", "exclude")
            above = self._loaded(info_exclude, repository, named_root)
        else:  # the parent lies in the same repository, or `directory` would hold a `.git`
            above = self._chain_for(os.path.dirname(directory), named_root)
        return above + self._loaded(os.path.join(directory, ".gitignore"), directory, named_root)

    def _loaded(self, file: str, base: str, named_root: str | None) -> tuple[GlobSet, ...]:
        globs = self._load(file, base, named_root)
        return () if globs is None else (globs,)

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
