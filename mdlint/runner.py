"""Check many files: read each one's head, analyse it, collect the results in path order."""

from __future__ import annotations

from collections.abc import Iterable

from .checker import CheckOptions, analyse
from .document import read_head
from .findings import FileResult
from .schema import Schema


def check_file(path: str, schema: Schema, options: CheckOptions | None = None) -> FileResult:
    try:
        options = options or CheckOptions()
        data = read_head(path, max_header_bytes=options.max_header_bytes)
    except OSError as error:
        return FileResult(path, error=f"{path}: cannot read: {error.strerror or error}")
    return FileResult(path, tuple(analyse(data, schema, options).findings))


def check_files(
    paths: Iterable[str], schema: Schema, options: CheckOptions | None = None
) -> list[FileResult]:
    return [check_file(path, schema, options) for path in paths]
