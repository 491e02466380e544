"""A directory's listing in the cache: each file's time, size and inode, and its stored result
(its findings, as its entry holds them), under the settings it was checked with. One row a
directory.

A run answered from the cache must look at every file, and an entry row a file cost it ~4 µs
(SQLite's row, its Python objects, the comparisons): ~8 ms of a ~50 ms warm run at 2,000
articles. A listing answers that run's common case, a file unchanged since its result was
stored, with a dictionary lookup: one row is read for each directory. The entries stay the
cache's record (a file touched but not changed is known by its content's hash there); a
listing only repeats, of a file unchanged under the same settings, what its entry says.

A listing is read and written under one settings fingerprint: that of every file of the run
whose header names no schema (`Project._shared_fingerprint`). A run whose files differ in
settings (`[[schemas]]`, per-file-ignores) neither reads nor writes listings. A file named in a
listing under other settings, or with another time, size or inode, is not vouched for. Files
whose header names a schema, and names that are not UTF-8, are never listed.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    try:
        import _sqlite3 as sqlite3
    except ImportError:
        import sqlite3  # type: ignore[no-redef]

    from .discovery import Stamp

# A file in a listing: its name, its stamp ("mtime_ns:size:inode") and its findings as its entry
# holds them (JSON, "" for none), the fields parted by NULs (which neither a file name nor JSON
# holds).
_FIELDS_A_FILE = 3
Files = dict[str, tuple[str, str]]  # name -> (stamp, findings)
# A run keeps one directory's listing in memory, ~0.75 KB a file: a directory with more files is
# not listed (its files are answered by their entries), so that a run's memory stays bounded.
MOST_FILES = 4096


def stamp_text(stamp: Stamp) -> str:
    mtime_ns, size, inode = stamp
    return f"{mtime_ns}:{size}:{inode}"


def parse(text: str) -> Files:
    """A listing's files; none when the text is not a listing's (written by hand, cut short)."""
    if not text:
        return {}
    fields = text.split("\0")
    if len(fields) % _FIELDS_A_FILE:
        return {}
    return dict(zip(fields[0::3], zip(fields[1::3], fields[2::3], strict=True), strict=True))


def serialized(files: Files) -> str:
    return "\0".join(f"{name}\0{stamp}\0{findings}" for name, (stamp, findings) in files.items())


def listable(text: str) -> bool:
    """Whether a directory or file name can be kept in a listing: SQLite TEXT is UTF-8, and a
    name that is not (read with surrogate escapes) has no form there; a NUL ends a field."""
    if "\0" in text:
        return False
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Listings:
    """The listings a run reads (the last directory's kept, as files come a directory at a
    time) and the changes it makes to them, written with the cache's entries."""

    def __init__(self) -> None:
        self.settings: str | None = None  # the run's shared settings; None: no listings
        self._read: tuple[str, Files] | None = None  # the directory last read, and its files
        self._changes: dict[str, Files] = {}  # directory -> files seen anew, since the last write
        self.changes = 0  # how many files that makes

    def files(self, connection: sqlite3.Connection, directory: str) -> Files:
        """The files the directory's listing holds under the run's settings (the last directory
        asked for is kept: files come a directory at a time)."""
        if self._read is None or self._read[0] != directory:
            self._read = (directory, self._stored(connection, directory))
        return self._read[1]

    def note(self, directory: str, name: str, stamp: Stamp, findings: str) -> None:
        """A file's stored result (`findings`, as its entry holds them) that the listing is to
        vouch for."""
        if (
            self.settings is None
            or "\0" in findings
            or not (listable(directory) and listable(name))
        ):
            return
        self._changes.setdefault(directory, {})[name] = (stamp_text(stamp), findings)
        self.changes += 1

    def write(self, connection: sqlite3.Connection) -> list[str]:
        """Merge the changes into the stored listings, inside the caller's write transaction
        (so that two runs writing at once each add theirs to what the other wrote). The paths
        of the files the listings held that are no longer in their directories (deleted,
        renamed) are dropped, and returned: their entries can go too."""
        changes, self._changes, self.changes = self._changes, {}, 0
        gone: list[str] = []
        if self.settings is None:
            return gone
        for directory, files in changes.items():
            held = self._stored(connection, directory)
            held.update(files)
            merged = _still_there(directory, held)
            gone.extend(joined(directory, name) for name in held.keys() - merged.keys())
            if len(merged) > MOST_FILES or not merged:
                connection.execute("DELETE FROM listings WHERE directory = ?", (directory,))
                merged = {}
            else:
                connection.execute(
                    "INSERT OR REPLACE INTO listings VALUES (?, ?, ?)",
                    (directory, self.settings, serialized(merged)),
                )
            if self._read is not None and self._read[0] == directory:
                self._read = (directory, merged)
        return gone

    def _stored(self, connection: sqlite3.Connection, directory: str) -> Files:
        if self.settings is None or not listable(directory):
            return {}
        row = connection.execute(
            "SELECT settings, files FROM listings WHERE directory = ?", (directory,)
        ).fetchone()
        if row is None or row[0] != self.settings or not isinstance(row[1], str):
            return {}
        return parse(row[1])


def joined(directory: str, name: str) -> str:
    """The path of `name` in the absolute `directory` (as os.path.join, without its checks)."""
    return directory + name if directory.endswith(os.sep) else directory + os.sep + name


def _still_there(directory: str, files: Files) -> Files:
    """`files` but those no longer in the directory (deleted, renamed): a listing being written
    drops them, so that it does not grow with every name its directory ever held (one listdir,
    ~0.5 ms for 2,000 files, and only when the listing changes)."""
    try:
        present = set(os.listdir(directory))
    except OSError:
        return {}
    return {name: found for name, found in files.items() if name in present}
