"""Results kept between runs, so an unchanged file costs a hash instead of a check.

An entry is keyed by everything the result depends on: the bytes read from the file, the
schema (and every file it references), the check options, the rules in force for that path, and
mdlint's version. Entries live in an SQLite database under `.mdlint_cache/` (beside the
configuration file, else in the current directory), or where `--cache-dir` / `MDLINT_CACHE_DIR`
say. A run reads the entries of a few hundred files at a time and writes its new ones in
batches, so its memory does not grow with the cache. Beside the entries, a listing for each
directory repeats what they say of its files that are unchanged (mdlint/listings.py): a run
answered from the cache reads one row a directory rather than one a file. A cache that cannot be
read or written is ignored with a warning, never a failure; one that is corrupt is replaced.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence

try:  # the C module alone: the sqlite3 package adds datetime adapters (2.5 ms to import) never used
    import _sqlite3 as sqlite3
except ImportError:  # not CPython's layout
    import sqlite3  # type: ignore[no-redef]

from ._version import __version__
from .digest import hex_digest
from .discovery import Stamp, stamp
from .findings import FileResult, Finding
from .listings import Listings, joined, stamp_text
from .records import NamedTuple

CACHE_DIR_NAME = ".mdlint_cache"
FILE_NAME = "check-v5.sqlite"
# What earlier formats left in the directory: removed by the first run that writes this one.
FORMER_FILES = (
    *("check-v1.json", "check-v2.json", "check-v3.sqlite", "check-v3.sqlite-journal"),
    *("check-v4.sqlite", "check-v4.sqlite-journal"),
)
_QUERY_SIZE = 500  # paths asked for in one query (SQLite allows 999 parameters, at the least)
_STRETCH_SLACK = 64  # rows of other files read, beyond one per file asked for, before giving up
_WRITE_BATCH = 2000
_BUSY_TIMEOUT = 10.0  # seconds to wait for another run that is writing the cache
_COLUMNS = "path, content, settings, mtime_ns, size, inode, names_schema, findings"  # Entry's
_FIELDS = ("code", "message", "line", "col", "end_line", "end_col", "json_path", "fix")
_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    path TEXT PRIMARY KEY,
    content TEXT NOT NULL,
    settings TEXT NOT NULL,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    names_schema INTEGER NOT NULL,
    findings TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS listings (
    directory TEXT PRIMARY KEY,
    settings TEXT NOT NULL,
    files TEXT NOT NULL
) WITHOUT ROWID;
"""


def default_directory(root: str) -> str:
    return os.environ.get("MDLINT_CACHE_DIR") or os.path.join(root, CACHE_DIR_NAME)


def entry_key(data: bytes) -> str:
    """The hash of the bytes a check read from the file."""
    return hex_digest(data, 16)


def stat_signature(path: str, status: Stamp | None = None) -> Stamp:
    """Time, size and inode of the file (`status` when discovery just took them)."""
    return status or stamp(os.stat(path))


class CacheKey(NamedTuple):
    """What a cached result depends on: the bytes read (their hash) and the settings."""

    content: str
    settings: str
    signature: Stamp  # time, size and inode when the bytes were hashed
    names_schema: bool  # the header names its own schema: its settings need its bytes


class Entry(NamedTuple):
    """One file's stored result, as read from the cache: a row of its table."""

    path: str  # absolute
    content: str
    settings: str
    mtime_ns: int
    size: int
    inode: int
    names_schema: int  # 1: the header names its own schema (its settings need the file's bytes)
    findings: str  # JSON: the findings' fields and the lines they show; "" for none

    def unchanged(self, signature: Stamp) -> bool:
        """Whether the file's time, size and inode are those recorded with the entry."""
        return (self.mtime_ns, self.size, self.inode) == signature

    def known_content(self, signature: Stamp) -> str | None:
        """The content hash recorded for the file, when its time, size and inode are unchanged
        and its header names no schema of its own (whose settings need the file's bytes)."""
        return self.content if self.unchanged(signature) and not self.names_schema else None

    def result_for(self, path: str, key: CacheKey) -> FileResult | None:
        """The stored result when it was found with the bytes and settings of `key`."""
        if self.content != key.content or self.settings != key.settings:
            return None
        return self.result(path)

    def result(self, path: str) -> FileResult | None:
        """The stored result (its findings, and the lines they show), None when it cannot be
        read back."""
        return stored_result(path, self.findings)


def stored_result(path: str, findings: str) -> FileResult | None:
    """The result stored as `findings` (JSON: the findings' fields and the lines they show; ""
    for none), None when it cannot be read back."""
    if not findings:
        return FileResult(path)
    import json  # only here: json imports re (~6 ms of a run with nothing to report)

    try:
        rows, lines = json.loads(findings)
        return FileResult(
            path, tuple(Finding(*row) for row in rows), lines=tuple((n, text) for n, text in lines)
        )
    except (TypeError, ValueError):  # written by hand or by another tool: recheck the file
        return None


def fingerprint(*parts: object) -> str:
    """A digest of the settings a result depends on (mdlint's version included)."""
    return hex_digest(canonical([__version__, *parts]).encode())


def canonical(value: object) -> str:
    """A text that tells `value` (dicts, lists and tuples of strings, numbers, booleans and None;
    anything else is written by its repr) from any other: each dict's items sorted, every
    string quoted and escaped by repr. (As JSON with sorted keys would, without importing json.)"""
    if isinstance(value, dict):
        items = sorted(f"{canonical(key)}: {canonical(item)}" for key, item in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(canonical(item) for item in value) + "]"
    return repr(value)


class Cache:
    def __init__(self, directory: str, warn: Callable[[str], None]) -> None:
        self.directory = directory
        self.path = os.path.join(directory, FILE_NAME)
        self.warn = warn
        self._connection: sqlite3.Connection | None = None
        self._readable = True  # False once the stored entries are found unusable
        self._corrupt = False  # not a cache SQLite can read: replaced by an empty one on writing
        self._writable = True  # False after a failed write, or when another run holds the file
        self._checked_version = False  # the version stamp was checked under a write lock
        self._pending: list[tuple[object, ...]] = []
        self._cwd = os.getcwd()
        self._directories: dict[str, str] = {}  # a path's directory made absolute (_place)
        self._listings = Listings()

    def entries(self, paths: Sequence[str]) -> list[Entry | None]:
        """The stored entry of each path (None where there is none). A run asks for a window of
        files at a time, so that it never holds more of the cache than that."""
        keys = [_key(self._absolute(path)) for path in paths]
        connection = self._reader()
        if connection is None:
            return [None] * len(keys)
        try:
            rows = _rows_between(connection, keys)
            if rows is None:
                rows = _rows_named(connection, keys)
        except sqlite3.Error as error:
            self._give_up_reading(error)
            return [None] * len(keys)
        return [None if (row := rows.get(key)) is None else Entry._make(row) for key in keys]

    def list_under(self, settings: str | None) -> None:
        """Read and write the directories' listings (mdlint/listings.py) under `settings`, the
        fingerprint every file of the run whose header names no schema shares; None: the files
        do not share one, and no listing is read or written."""
        self._listings.settings = settings

    def listed(self, files: Sequence[tuple[str, Stamp | None]]) -> list[str | None]:
        """For each file (a path with the stamp discovery took), its stored findings (see
        `stored_result`) when its directory's listing holds it with that stamp, under the
        listings' settings; None where the listing says nothing (the entry may)."""
        connection = self._reader() if self._listings.settings is not None else None
        if connection is None:
            return [None] * len(files)
        found: list[str | None] = []
        try:
            for path, status in files:
                place = self._place(path)
                if status is None or place is None:
                    found.append(None)
                    continue
                directory, name = place
                stored = self._listings.files(connection, directory).get(name)
                if stored is not None and stored[0] == stamp_text(status):
                    found.append(stored[1])  # unchanged since its result was stored
                else:
                    found.append(None)
        except sqlite3.Error as error:
            self._give_up_reading(error)
            return [None] * len(files)
        return found

    def note(self, path: str, signature: Stamp, settings: str, findings: str) -> None:
        """A stored result (`findings`, see `stored_result`) its directory's listing is to hold,
        from the next write: of a file unchanged since its entry was stored, or just checked
        (its header naming no schema). Only a result under the listings' settings is listed."""
        if not self._writable or settings != self._listings.settings:
            return
        place = self._place(path)
        if place is None:
            return
        self._listings.note(*place, signature, findings)
        if self._listings.changes >= _WRITE_BATCH:
            self._write_pending()

    def put(self, path: str, key: CacheKey, result: FileResult) -> None:
        """Keep `result` (its findings and their lines) under `key`, at the next write."""
        if not self._writable:
            return
        rows = [[getattr(finding, name) for name in _FIELDS] for finding in result.findings]
        findings = ""
        if rows:
            import json  # not at start-up (see stored_result)

            findings = json.dumps([rows, result.lines])
        if not key.names_schema:
            self.note(path, key.signature, key.settings, findings)
        self._pending.append(
            (
                _key(self._absolute(path)),
                key.content,
                key.settings,
                *key.signature,
                int(key.names_schema),
                findings,
            )
        )
        if len(self._pending) >= _WRITE_BATCH:
            self._write_pending()

    def save(self) -> None:
        """Write what is still pending, and close."""
        if self._pending or self._listings.changes:
            self._write_pending()
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # Reading ------------------------------------------------------------------------------------

    def _reader(self) -> sqlite3.Connection | None:
        if not self._readable:
            return None
        if self._connection is None:
            if not os.path.isfile(self.path):
                self._readable = False  # nothing stored yet (connecting would create the file)
                return None
            try:
                self._connection = self._connect()
                stored = self._connection.execute(
                    "SELECT value FROM meta WHERE key = 'version'"
                ).fetchone()
            except sqlite3.Error as error:
                self._give_up_reading(error)
                return None
            if stored != (__version__,):  # written by another mdlint: none of it applies
                self._readable = False  # (its entries are dropped when this run writes)
                return None
        return self._connection

    def _give_up_reading(self, error: sqlite3.Error) -> None:
        self.warn(f"ignoring the cache {self.path}: {error}")
        self._readable = False
        if _is_busy(error):  # another run holds it past the timeout: it stores its own results
            self._writable = False
        else:  # corrupt, or not mdlint's
            self._corrupt = True
        self._close()

    # Writing ------------------------------------------------------------------------------------

    def _write_pending(self) -> None:
        pending, self._pending = self._pending, []
        try:
            connection = self._writer()
            with connection:
                # A write lock from the start: the listings are read, merged and written back.
                connection.execute("BEGIN IMMEDIATE")
                connection.executemany(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)", pending
                )
                gone = self._listings.write(connection)
                connection.executemany(
                    "DELETE FROM entries WHERE path = ?", [(path,) for path in gone]
                )
        except (OSError, sqlite3.Error) as error:
            reason = getattr(error, "strerror", None) or error
            self.warn(f"cannot write the cache in {self.directory}: {reason}")
            self._close()
            self._writable = False

    def _writer(self) -> sqlite3.Connection:
        if self._connection is not None and self._checked_version:
            return self._connection
        os.makedirs(self.directory, exist_ok=True)
        ignore = os.path.join(self.directory, ".gitignore")
        if not os.path.exists(ignore):
            with open(ignore, "w", encoding="utf-8") as stream:
                stream.write("# Created by mdlint: the cache is not to be committed.\n*\n")
        self._remove_former_files()
        if self._corrupt:
            self._close()
            self._replace_with_an_empty_cache()
            self._corrupt = False
        if self._connection is None:
            self._connection = self._connect()
        self._start_this_version(self._connection)
        return self._connection

    def _start_this_version(self, connection: sqlite3.Connection) -> None:
        """Make the file hold this version's entries only: another version's are dropped, in
        place (runs that have it open go on using it). Under a write lock, so that of several
        runs starting at once only the first drops anything."""
        connection.executescript(_TABLES)
        connection.execute("BEGIN IMMEDIATE")
        try:
            stored = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            if stored != (__version__,):
                connection.execute("DELETE FROM entries")
                connection.execute("DELETE FROM listings")
                connection.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('version', ?)", (__version__,)
                )
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
        self._checked_version = True

    def _remove_former_files(self) -> None:
        for name in FORMER_FILES:
            with contextlib.suppress(OSError):  # not there (nearly always), or not ours to remove
                os.unlink(os.path.join(self.directory, name))

    def _replace_with_an_empty_cache(self) -> None:
        """A corrupt file is replaced in one step by an empty cache (a run that still has the
        old one open writes into a file no longer there, harmlessly)."""
        import tempfile

        handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        os.close(handle)
        try:
            fresh = sqlite3.connect(temporary)
            with contextlib.closing(fresh), fresh:
                fresh.executescript(_TABLES)
            # The old file's rollback journal must not be played back into the new one.
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.path + "-journal")
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT)
        # A cache needs no durability: a write lost in a crash costs one check again.
        connection.execute("PRAGMA synchronous = OFF")
        # Entries are read once each, by key: a small page cache (256 KiB, not 2 MB) will do.
        connection.execute("PRAGMA cache_size = -256")
        return connection

    def _close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None

    def _absolute(self, path: str) -> str:
        """The entry's key: `path` made absolute, as os.path.abspath would (its directory worked
        out once for all its files, and no getcwd() per file)."""
        place = self._place(path)
        if place is None:
            return os.path.normpath(os.path.join(self._cwd, path))
        return joined(*place)

    def _place(self, path: str) -> tuple[str, str] | None:
        """`path`'s directory made absolute, as os.path.abspath would, and its name; None for a
        path that names no file in a directory (`.`, `..`, `a/`)."""
        directory, _, name = path.rpartition(os.sep)  # as os.path.split, but in C
        if os.altsep is not None or not directory.strip(os.sep):  # `/x`, `//x`, `x`: its rules
            directory, name = os.path.split(path)
        if name in ("", ".", ".."):
            return None
        absolute = self._directories.get(directory)
        if absolute is None:
            absolute = self._directories[directory] = os.path.normpath(
                os.path.join(self._cwd, directory)
            )
        return absolute, name


_Rows = dict[str | bytes, tuple[object, ...]]  # stored rows (Entry's fields), by key


def _rows_between(connection: sqlite3.Connection, keys: list[str | bytes]) -> _Rows | None:
    """The stored rows of `keys`, read as one stretch of the table, from the least key to the
    greatest; None when that stretch holds many more rows than `keys` (or a key is bytes).

    A window's files are a directory's, or a few directories' (discovery lists a directory's
    files together), and the table is ordered by path: so their rows lie side by side, and one
    pass over them is cheaper than looking each up (~2 ms of a warm run at 2,000 files). Rows
    of files outside the window (files deleted, or in a subdirectory walked later) are read and
    skipped, up to a bound past which `_rows_named` is asked instead."""
    texts = [key for key in keys if isinstance(key, str)]
    if not texts or len(texts) < len(keys):
        return None  # a name that is not UTF-8 is keyed by its bytes: BLOBs sort after TEXT
    wanted = set(texts)
    most = 2 * len(wanted) + _STRETCH_SLACK
    rows: _Rows = {}
    query = f"SELECT {_COLUMNS} FROM entries WHERE path BETWEEN ? AND ?"
    for read, row in enumerate(connection.execute(query, (min(wanted), max(wanted)))):
        if read >= most:
            return None
        if row[0] in wanted:
            rows[row[0]] = row
    return rows


def _rows_named(connection: sqlite3.Connection, keys: list[str | bytes]) -> _Rows:
    """The stored rows of `keys`, each looked up by its key."""
    rows: _Rows = {}
    for start in range(0, len(keys), _QUERY_SIZE):
        part = keys[start : start + _QUERY_SIZE]
        query = f"SELECT {_COLUMNS} FROM entries WHERE path IN ({','.join('?' * len(part))})"
        rows.update((row[0], row) for row in connection.execute(query, part))
    return rows


def _key(absolute: str) -> str | bytes:
    """The key of a path's entry: the path itself, or, for a name that is not UTF-8 (read with
    surrogate escapes, which have no SQLite TEXT form), its bytes on the file system."""
    if absolute.isascii():
        return absolute
    try:
        absolute.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(absolute)
    return absolute


def _is_busy(error: sqlite3.Error) -> bool:
    """Another connection holds a lock (SQLITE_BUSY or SQLITE_LOCKED: "database is locked",
    "database table is locked"); `sqlite_errorcode` would tell, but only from Python 3.11."""
    return isinstance(error, sqlite3.OperationalError) and "is locked" in str(error)
