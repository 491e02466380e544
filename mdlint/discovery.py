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

from .gitignore import GitIgnore
from .globs import GlobSet
from .records import NamedTuple

DEFAULT_EXTENSIONS = (".md", ".markdown")
# The extensions Markdown goes by (GitHub's list of them, and MDX's): what a walk that found no
# file may have passed over, which the warning names (`passed_over`).
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mdx", ".mdown", ".mdwn", ".mkd", ".mkdn", ".mkdown")

Stamp = tuple[int, int, int]  # a file's modification time (ns), size and inode


def stamp(status: os.stat_result) -> Stamp:
    """What tells that a file has not changed since it was last read (as git's index does)."""
    return (status.st_mtime_ns, status.st_size, status.st_ino)


_NO_GITIGNORE_YET = GitIgnore()  # DiscoveryRules' placeholder: never consulted


class PathError(Exception):
    """A path given on the command line does not exist or cannot be read."""


class DiscoveryRules(NamedTuple):
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    include: GlobSet | None = None  # when set, walked files must match it
    exclude: GlobSet | None = None
    respect_gitignore: bool = False
    force_exclude: bool = False
    # The .gitignore files read so far; a walk without one of its own starts with a fresh one.
    gitignore: GitIgnore = _NO_GITIGNORE_YET

    def excluded(self, absolute: str, is_dir: bool, scope: _Scope) -> bool:
        """`absolute`: an absolute, normalised path."""
        if scope.exclude is not None and scope.exclude.matches_absolute(absolute, is_dir):
            return True
        return self.respect_gitignore and self.gitignore.ignored(absolute, is_dir, scope.root)

    def names_excluded_in(
        self, directory: str, is_dir: bool, scope: _Scope
    ) -> frozenset[str] | None:
        """The names of the files (directories when `is_dir`) directly in `directory` (absolute,
        normalised) that `excluded` excludes, or None when only asking it of each one tells."""
        names = scope.exclude.names_matched_in(directory, is_dir) if scope.exclude else frozenset()
        if names is None or not self.respect_gitignore:
            return names
        ignored = self.gitignore.names_ignored_in(directory, is_dir, scope.root)
        return None if ignored is None else names | ignored


class _Scope(NamedTuple):
    """The exclusions in force below a directory named on the command line."""

    root: str | None  # the named directory, whose own matches are set aside; None: none set aside
    exclude: GlobSet | None


def discover(
    paths: Iterable[str],
    extensions: tuple[str, ...] | None = None,
    *,
    rules: DiscoveryRules | None = None,
) -> list[str]:
    """The paths of `iter_files`, as a list."""
    return [path for path, _ in iter_files(paths, extensions, rules=rules)]


def iter_files(
    paths: Iterable[str],
    extensions: tuple[str, ...] | None = None,
    *,
    rules: DiscoveryRules | None = None,
) -> Iterator[tuple[str, Stamp | None]]:
    """Files to check, in a deterministic order, each once, found as they are asked for (a run
    can check the first before the walk is over). With each, its stamp, from the status taken
    to tell the files apart, so that the cache need not ask for it again (None: a dangling link
    named on the command line, which the check reports). `extensions` overrides the rules'.
    Raises PathError at once when a path given does not exist."""
    given = list(paths)
    for path in given:
        if path == "-":
            raise PathError("-: reading from standard input is only for `mdlint fix -`")
        if not os.path.lexists(path):
            raise PathError(f"{path}: no such file or directory")
    rules = rules or DiscoveryRules()
    if rules.gitignore is _NO_GITIGNORE_YET:
        rules = rules._replace(gitignore=GitIgnore())
    if extensions is not None:
        rules = rules._replace(extensions=tuple(extensions))
    return _each_once(given, rules)


def passed_over(directories: Iterable[str], rules: DiscoveryRules) -> dict[str, int]:
    """How many Markdown files below `directories` each extension the rules leave out has: the
    files a walk would find with that extension added (every other rule applied)."""
    others = tuple(e for e in MARKDOWN_EXTENSIONS if e not in rules.extensions)
    counts: dict[str, int] = {}
    for path, _ in iter_files(directories, others, rules=rules):
        extension = os.path.splitext(path)[1].lower()  # each of them has one dot
        counts[extension] = counts.get(extension, 0) + 1
    return counts


def _each_once(given: list[str], rules: DiscoveryRules) -> Iterator[tuple[str, Stamp | None]]:
    # A file reached twice (a hard link, a bind mount, `a/../a`, a directory named inside
    # another) counts once.
    listed = _Listed()
    for path in given:
        for candidate, entry_inode in _expand(path, rules, listed):
            try:
                status = os.stat(candidate)
            except OSError:  # a dangling link named on the command line: let the check report it
                yield candidate, None
                continue
            if listed.first_time(candidate, status, entry_inode):
                yield candidate, stamp(status)


_INODE_BYTES = 8  # an inode as a directory's record keeps it: those below 2**64 (all, on Linux)
_INODES_IN_A_RECORD = 1 << 8 * _INODE_BYTES


class _Listed:
    """The files listed so far, to list each once however it is reached, in little memory.

    A file with a single link, found by a walk, can be reached again only through the same
    directory (walked again: paths given that overlap, a bind mount) or by its name on the
    command line; such files are kept as their inodes in a record per directory (8 bytes a
    file, where a set of numbers took ~150: 3 MB at 20,000 files). Any other file (named on the
    command line, with several links, or mounted on another) is kept in a set of device and
    inode."""

    def __init__(self) -> None:
        self._anywhere: set[int] = set()  # device and inode, as one number
        self._by_directory: dict[tuple[int, int], bytearray] = {}  # inodes, 8 bytes each
        self._record = bytearray()  # that of the directory being walked
        self._before: set[int] | None = None  # when it was walked before: what was listed then
        self._named_lookups: dict[tuple[int, int], tuple[int, set[int]]] = {}

    def entering(self, directory: tuple[int, int]) -> None:
        """A walk lists the files of `directory` (device and inode) next."""
        record = self._by_directory.get(directory)
        if record is None:
            self._record = self._by_directory[directory] = bytearray()
            self._before = None
        else:  # walked before: its files already listed must not be listed again
            self._record, self._before = record, _inodes(record)

    def first_time(self, path: str, status: os.stat_result, entry_inode: int | None) -> bool:
        """Whether the file at `path` (`status`) is met for the first time, and if so, note it.
        `entry_inode`: for a file a walk found (in the directory `entering` was last told of),
        the inode its directory entry gives (another when a file is mounted on it); None for a
        file named on the command line."""
        inode = status.st_ino
        if self._anywhere and (status.st_dev << 128 | inode) in self._anywhere:
            return False
        if entry_inode is not None and inode == entry_inode and status.st_nlink == 1:
            if inode < _INODES_IN_A_RECORD:
                if self._before is not None:
                    if inode in self._before:
                        return False
                    self._before.add(inode)
                self._record += inode.to_bytes(_INODE_BYTES, "little")
                return True
        elif (
            entry_inode is None
            and status.st_nlink == 1
            and self._by_directory
            and self._listed_by_a_walk(path, status)
        ):
            return False
        self._anywhere.add(status.st_dev << 128 | inode)
        return True

    def _listed_by_a_walk(self, path: str, status: os.stat_result) -> bool:
        """Whether a walk listed the single-link file at `path` from its directory."""
        try:
            parent = os.stat(os.path.dirname(os.path.realpath(path)))
        except OSError:
            return False
        directory = (parent.st_dev, parent.st_ino)
        record = self._by_directory.get(directory)
        if record is None:
            return False
        # A set of the directory's inodes, kept while the record does not grow: named files
        # often come many from one directory.
        size, inodes = self._named_lookups.get(directory, (-1, set()))
        if size != len(record):
            inodes = _inodes(record)
            self._named_lookups[directory] = (len(record), inodes)
        return status.st_ino in inodes


def _inodes(record: bytearray) -> set[int]:
    """The inodes a directory's record keeps."""
    return {
        int.from_bytes(record[start : start + _INODE_BYTES], "little")
        for start in range(0, len(record), _INODE_BYTES)
    }


def _expand(given: str, rules: DiscoveryRules, listed: _Listed) -> Iterable[tuple[str, int | None]]:
    """The files `given` names: itself, or those a walk of it finds, each with its directory
    entry's inode (None for the file named)."""
    is_dir = os.path.isdir(given)
    absolute = os.path.abspath(given)
    if rules.force_exclude:
        scope = _Scope(None, rules.exclude)
        if rules.excluded(absolute, is_dir, scope):
            return []
    elif is_dir:
        exclude = rules.exclude.without_patterns_matching(given) if rules.exclude else None
        scope = _Scope(absolute, exclude)
    return _walk(given, rules, scope, listed) if is_dir else [(given, None)]


def _walk(
    top: str, rules: DiscoveryRules, scope: _Scope, listed: _Listed
) -> Iterator[tuple[str, int]]:
    pending = [top]
    while pending:
        directory = pending.pop()
        try:
            with os.scandir(directory) as scanner:
                entries = sorted(scanner, key=lambda entry: entry.name)
            status = os.stat(directory)
        except OSError:
            continue  # vanished or unreadable while walking: nothing to check there
        listed.entering((status.st_dev, status.st_ino))
        subdirectories: list[os.DirEntry[str]] = []
        files: list[os.DirEntry[str]] = []
        for entry in entries:
            # Links are not followed, as git does not: one pointing inside the tree reaches a file
            # the walk finds at its own place (where `mdlint fix` may write it), and one pointing
            # outside leads out of the project. Without links the walk cannot loop, either.
            if entry.name.startswith(".") or entry.is_symlink():
                continue
            if _is_dir(entry):
                subdirectories.append(entry)
            elif _is_candidate_file(entry, rules.extensions):
                files.append(entry)
        absolute = os.path.abspath(directory)
        for entry in _not_excluded(files, absolute, False, rules, scope):
            if rules.include is None or rules.include.matches_absolute(
                os.path.join(absolute, entry.name)
            ):
                yield entry.path, entry.inode()
        kept = _not_excluded(subdirectories, absolute, True, rules, scope)
        pending.extend(entry.path for entry in reversed(kept))


def _is_candidate_file(entry: os.DirEntry[str], extensions: tuple[str, ...]) -> bool:
    if not entry.name.lower().endswith(extensions):
        return False
    try:
        return entry.is_file()
    except OSError:
        return False


def _not_excluded(
    entries: list[os.DirEntry[str]],
    directory: str,
    is_dir: bool,
    rules: DiscoveryRules,
    scope: _Scope,
) -> list[os.DirEntry[str]]:
    """The `entries` of `directory` (their absolute path) that the rules do not exclude."""
    if not entries:
        return entries
    # Asked once for the directory rather than of each entry's path, when names tell.
    excluded_names = rules.names_excluded_in(directory, is_dir, scope)
    if excluded_names is not None:
        return [entry for entry in entries if entry.name not in excluded_names]
    return [
        entry
        for entry in entries
        if not rules.excluded(os.path.join(directory, entry.name), is_dir, scope)
    ]


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
