"""Write a fixed file so that a failure at any moment leaves either the old file or the new one.

The new bytes go to a temporary file in the same directory, which takes the original's mode and is
flushed to disk, then renamed over the original in one step. A symbolic link is never written
through, and a file that changed on disk since it was read is left alone.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile


class WriteError(Exception):
    """The file could not be written; the original is untouched."""


class ChangedOnDisk(WriteError):
    """The file changed between reading and writing; it was left as it now is."""


def write_atomically(path: str, data: bytes, original: bytes) -> None:
    if os.path.islink(path):
        raise WriteError(f"{path}: is a symbolic link; mdlint does not write through links")
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{os.path.basename(path)}.",
            suffix=".mdlint-tmp",
            dir=os.path.dirname(os.path.abspath(path)),
        )
    except OSError as error:
        raise WriteError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if _read(path) != original:
            raise ChangedOnDisk(
                f"{path}: changed on disk while mdlint was fixing it; left as it is"
            )
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


def _read(path: str) -> bytes:
    with open(path, "rb") as stream:
        return stream.read()


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
