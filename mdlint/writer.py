"""Write a fixed file so that a failure at any moment leaves either the old file or the new one.

The new bytes go to a temporary file in the same directory, which takes the original's mode and is
flushed to disk, then renamed over the original in one step. A symbolic link is never written
through, and a file that changed on disk since it was read is left alone.

A fix worked out in another process reaches the writing one as a `Patch`: the fixed header, and
the digest of the file it was worked out from, whose body (never touched by a fix, and possibly
megabytes) is read again here rather than sent.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile

from .digest import hex_digest
from .document import FrontMatterError, read_whole, split
from .records import NamedTuple

_FCHMOD = hasattr(os, "fchmod")  # not on Windows before Python 3.13


class WriteError(Exception):
    """The file could not be written; the original is untouched."""


class ChangedOnDisk(WriteError):
    """The file changed between reading and writing; it was left as it now is."""


class Patch(NamedTuple):
    """A fixed file, as the change to make to the bytes it was fixed from: `head`, then those
    bytes from `keep_from` on. It applies only to a file whose digest is still `digest`."""

    head: bytes
    keep_from: int
    digest: str

    @classmethod
    def between(cls, original: bytes, fixed: bytes) -> Patch:
        """The patch that turns `original` into `fixed`."""
        keep_from = len(original)
        with contextlib.suppress(FrontMatterError):
            keep_from = split(original).tail_end  # where the part no fix edits begins
        kept = memoryview(original)[keep_from:]
        if not fixed.endswith(kept):
            keep_from, kept = len(original), memoryview(b"")
        return cls(fixed[: len(fixed) - len(kept)], keep_from, hex_digest(original))


def apply_patch(path: str, patch: Patch) -> None:
    """Write the file at `path` patched, atomically, if it still has the bytes the patch was
    worked out from (ChangedOnDisk if not)."""
    try:
        current = read_whole(path)
    except OSError as error:
        raise WriteError(f"{path}: cannot read: {error.strerror or error}") from None
    if hex_digest(current) != patch.digest:
        raise _changed(path)
    write_atomically(path, patch.head + current[patch.keep_from :], current)


def _changed(path: str) -> ChangedOnDisk:
    return ChangedOnDisk(f"{path}: changed on disk while mdlint was fixing it; left as it is")


def write_atomically(path: str, data: bytes, original: bytes) -> None:
    # Straight system calls on the descriptor: a file object would add three of its own, and a
    # run of `fix` writes thousands of files.
    try:
        status = os.lstat(path)
    except OSError as error:
        raise WriteError(f"{path}: cannot write: {error.strerror or error}") from None
    if stat.S_ISLNK(status.st_mode):
        raise WriteError(f"{path}: is a symbolic link; mdlint does not write through links")
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{os.path.basename(path)}.",
            suffix=".mdlint-tmp",
            dir=os.path.dirname(os.path.abspath(path)),
        )
    except OSError as error:
        raise WriteError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        mode = stat.S_IMODE(status.st_mode)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view) :]
            if _FCHMOD:
                os.fchmod(handle, mode)
            os.fsync(handle)
        finally:
            os.close(handle)
        if not _FCHMOD:
            os.chmod(temporary, mode)
        if read_whole(path) != original:
            raise _changed(path)
        os.replace(temporary, path)
    except ChangedOnDisk:
        _remove(temporary)
        raise
    except OSError as error:
        _remove(temporary)
        raise WriteError(f"{path}: cannot write: {error.strerror or error}") from None
    except BaseException:
        _remove(temporary)
        raise


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
