"""Fix many files: read each whole, fix it with its own settings, write it back atomically."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .document import FrontMatterError, open_for_reading, split
from .findings import FileResult
from .fixer import FixResult, fix_bytes
from .reporters.text import plural
from .runner import FileSettings, Project, in_processes, internal_error, without_details
from .schema import SchemaError
from .writer import WriteError, write_atomically

if TYPE_CHECKING:
    from .cache import Cache


@dataclass
class FileFix:
    path: str
    result: FixResult | None = None
    error: str | None = None  # could not read, fix or write: the file is as it was

    @property
    def changed(self) -> bool:
        return self.result is not None and self.result.changed


def fix_data(data: bytes, settings: FileSettings, *, unsafe: bool) -> FixResult:
    return fix_bytes(
        data, settings.schema, settings.options, unsafe=unsafe, visible=settings.report
    )


def fix_file(path: str, project: Project, *, unsafe: bool, write: bool = True) -> FileFix:
    try:
        with open_for_reading(path) as stream:
            original = stream.read()
    except OSError as error:
        return FileFix(path, error=f"{path}: cannot read: {error.strerror or error}")
    try:
        result = fix_data(original, project.settings_for(path, original), unsafe=unsafe)
    except SchemaError as error:
        return FileFix(path, error=str(error))
    except Exception as error:  # a bug in mdlint: the file stays as it was, the run goes on
        finding = internal_error(error)
        return FileFix(
            path,
            FixResult(original, original, remaining=[finding]),
            error=f"{path}: {finding.message}",
        )
    if write and result.changed:
        try:
            write_atomically(path, result.fixed, original)
        except WriteError as error:
            return FileFix(path, result, error=str(error))
    return FileFix(path, result)


def fix_files(
    project: Project,
    paths: list[str],
    *,
    unsafe: bool,
    write: bool,
    jobs: int = 1,
    cache: Cache | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[FileFix]:
    """Fix each file, in order; files the cache knows to be clean are not even read whole."""
    outcomes: list[FileFix] = [FileFix(path) for path in paths]
    todo: list[int] = []
    cached = (item for window in project.cached_windows(paths, cache) for item in window)
    for index, (_path, _key, hit) in enumerate(cached):
        if hit == ():
            if progress is not None:
                progress(1)
            continue  # nothing to fix: the result stays None
        todo.append(index)
    work = functools.partial(_fix_in_worker, unsafe, write)
    done = in_processes(project, work, [paths[index] for index in todo], jobs, progress)
    for index, outcome in zip(todo, done, strict=True):
        outcomes[index] = outcome
    return outcomes


def _fix_in_worker(unsafe: bool, write: bool, project: Project, path: str) -> FileFix:
    outcome = fix_file(path, project, unsafe=unsafe, write=write)
    result = outcome.result
    if result is not None:  # what only fixers use stays in this process
        result.applied = list(without_details(FileResult(path, tuple(result.applied))).findings)
        result.remaining = list(without_details(FileResult(path, tuple(result.remaining))).findings)
        if write:  # written already: only the header's lines may still be shown
            result.trim(_head_length(result.fixed))
    return outcome


def _head_length(data: bytes) -> int:
    """Bytes up to the end of the closing fence (or a generous prefix when there is none)."""
    try:
        document = split(data)
    except FrontMatterError:
        return 65536
    return len(data) - len(document.body) if document.has_front_matter else 0


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    old = before.decode("utf-8", errors="surrogateescape").splitlines(keepends=True)
    new = after.decode("utf-8", errors="surrogateescape").splitlines(keepends=True)
    text = "".join(difflib.unified_diff(old, new, f"a/{path}", f"b/{path}"))
    return text.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")


def fix_summary(fixes: list[FileFix], *, unsafe: bool) -> str:
    fixed = sum(f.result.fixed_count for f in fixes if f.result and not f.error)
    files = sum(1 for f in fixes if f.changed and not f.error)
    remaining = [finding for f in fixes if f.result for finding in f.result.remaining]
    text = f"Fixed {fixed} {plural(fixed, 'problem')} in {files} {plural(files, 'file')}"
    if not remaining:
        return text + "; none remain."
    text += f"; {len(remaining)} remain"
    unsafe_left = sum(1 for finding in remaining if finding.fix == "unsafe")
    if unsafe_left and not unsafe:
        text += f" ({unsafe_left} fixable with --unsafe-fixes)"
    return text + "."
