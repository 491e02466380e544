"""Fix many files: read each whole, fix it with its own settings, write it back atomically."""

from __future__ import annotations

import difflib
import functools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .document import FrontMatterError, read_whole, split
from .findings import FileResult
from .fixer import FixResult, fix_bytes
from .reporters.text import plural
from .runner import Cached, FileSettings, Project, Workers, internal_error, without_details
from .schema import SchemaError
from .writer import Patch, WriteError, apply_patch

if TYPE_CHECKING:
    from .cache import Cache
    from .discovery import Stamp


@dataclass
class FileFix:
    path: str
    result: FixResult | None = None
    error: str | None = None  # could not read, fix or write: the file is as it was
    patch: Patch | None = None  # the fix, still to be written (by `written_in_order`)

    @property
    def changed(self) -> bool:
        return self.result is not None and self.result.changed


def fix_data(data: bytes, settings: FileSettings, *, unsafe: bool) -> FixResult:
    return fix_bytes(
        data, settings.schema, settings.options, unsafe=unsafe, visible=settings.report
    )


def fix_file(path: str, project: Project, *, unsafe: bool) -> FileFix:
    """Read and fix one file; nothing is written (`written_in_order` writes)."""
    try:
        original = read_whole(path)
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
    return FileFix(path, result)


def iter_fixes(
    project: Project,
    files: Iterable[tuple[str, Stamp | None]],
    *,
    unsafe: bool,
    write: bool,
    jobs: int = 1,
    cache: Cache | None = None,
    progress: Callable[[int], None] | None = None,
    total: int | None = None,
) -> Iterator[FileFix]:
    """Fix each file (a path with its stamp, when discovery took it), the outcomes in order, a
    window of files at a time, as they come (as `Project.iter_results` checks them); files the
    cache knows to be clean are not even read whole: their outcome has no result.

    The fixes are worked out in the workers (or here, for a few files), and written in this
    process, on a thread, each outcome handed on once its file is written: the workers only
    compute, and no file is written twice or out of turn whatever `jobs` is."""
    work = functools.partial(_fix_in_worker, unsafe, write)
    writes = BackgroundWrites() if write else None  # --diff and --check write nothing
    # The workers are forked when a window first has enough files, maybe once files are being
    # written: the writing thread ends first (a fork copies no thread, but the locks it holds).
    before_fork = writes.pause if writes is not None else None
    with Workers(project, work, jobs, before_fork=before_fork) as workers:
        outcomes = workers.in_windows(
            project.cached_windows(files, cache),
            total,
            wanted=lambda item: not _known_clean(item[1]),
            merge=functools.partial(_fixes_in_order, progress=progress),
        )
        yield from written_in_order(outcomes, writes=writes) if writes is not None else outcomes


# How many outcomes may wait for their files to be written before the next is taken: enough
# that the writing thread always has work, few enough that their headers weigh nothing.
WRITES_AHEAD = 64


def written_in_order(
    outcomes: Iterable[FileFix], ahead: int | None = None, writes: BackgroundWrites | None = None
) -> Iterator[FileFix]:
    """The outcomes, in order, each once its patch is written (its `error` says if it could not
    be): the writing (flushing to disk waits for the device) overlaps the work on the next files,
    up to `ahead` (WRITES_AHEAD) outcomes ahead, by `writes` (a new BackgroundWrites by
    default). Stopped early (Ctrl-C, a closed pipe), the file being written is finished and the
    files not written yet are left as they were."""
    ahead = WRITES_AHEAD if ahead is None else ahead
    writes = writes or BackgroundWrites()
    waiting: deque[tuple[FileFix, int]] = deque()
    try:
        for outcome in outcomes:
            waiting.append((outcome, writes.submit(outcome)))
            while waiting and (len(waiting) > ahead or writes.done(waiting[0][1])):
                yield writes.wait_for(*waiting.popleft())
        while waiting:
            yield writes.wait_for(*waiting.popleft())
    finally:
        writes.stop()


class BackgroundWrites:
    """A thread that applies the outcomes' patches in the order given (started with the first).
    Each submitted outcome gets a ticket, the number of writes before it."""

    _NOTHING_TO_WRITE = -1

    def __init__(self) -> None:
        import queue
        import threading

        self._jobs: queue.SimpleQueue[FileFix | None] = queue.SimpleQueue()
        self._written = 0
        self._submitted = 0
        self._progress = threading.Condition()
        self._stopping = False
        self._thread: threading.Thread | None = None

    def submit(self, outcome: FileFix) -> int:
        """Queue the outcome's patch, if it has one; its ticket."""
        if outcome.patch is None:
            return self._NOTHING_TO_WRITE
        if self._thread is None:
            import threading

            self._thread = threading.Thread(target=self._run, name="mdlint-writes", daemon=True)
            self._thread.start()
        self._jobs.put(outcome)
        self._submitted += 1
        return self._submitted - 1

    def done(self, ticket: int) -> bool:
        return ticket < self._written

    def wait_for(self, outcome: FileFix, ticket: int) -> FileFix:
        """`outcome`, once the write of `ticket` is over."""
        with self._progress:
            while self._written <= ticket:
                self._progress.wait()
        return outcome

    def pause(self) -> None:
        """Finish the writes submitted, and end the thread: the next submit starts another."""
        if self._thread is None:
            return
        self._jobs.put(None)
        self._thread.join()
        self._thread = None

    def stop(self) -> None:
        """Finish the write under way, drop those not begun, and end the thread."""
        if self._thread is None:
            return
        self._stopping = True
        self._jobs.put(None)
        self._thread.join()
        self._thread = None

    def _run(self) -> None:
        while (outcome := self._jobs.get()) is not None:
            if not self._stopping:
                _write(outcome)
            with self._progress:
                self._written += 1
                self._progress.notify()


def _write(outcome: FileFix) -> None:
    patch, outcome.patch = outcome.patch, None
    assert patch is not None
    try:
        apply_patch(outcome.path, patch)
    except WriteError as error:
        outcome.error = str(error)
    except Exception as error:  # a bug in mdlint: said in the outcome, never lost
        outcome.error = f"{outcome.path}: {internal_error(error).message}"


def _fixes_in_order(
    window: list[Cached], done: Iterator[FileFix], progress: Callable[[int], None] | None
) -> Iterator[FileFix]:
    for path, hit in window:
        outcome = FileFix(path) if _known_clean(hit) else next(done)
        if progress is not None:
            progress(1)
        yield outcome


def _known_clean(stored: FileResult | None) -> bool:
    """Whether the cache knows the file to have nothing to fix (nothing to report, at all)."""
    return stored is not None and not stored.findings


def _fix_in_worker(unsafe: bool, write: bool, project: Project, path: str) -> FileFix:
    """The fix of one file, to cross to the main process: written there (`written_in_order`)
    from its patch, which the fixed header and the file's digest make up."""
    outcome = fix_file(path, project, unsafe=unsafe)
    result = outcome.result
    if write and result is not None and result.changed:
        outcome.patch = Patch.between(result.original, result.fixed)
    return _for_the_report(outcome, write)


def _for_the_report(outcome: FileFix, write: bool) -> FileFix:
    """The outcome with only what the report needs, to cross to the main process."""
    path, result = outcome.path, outcome.result
    if result is not None:  # what only fixers use stays in this process
        result.applied = list(without_details(FileResult(path, tuple(result.applied))).findings)
        result.remaining = list(without_details(FileResult(path, tuple(result.remaining))).findings)
        if write:  # written from its patch: only the header's lines may still be shown
            result.trim(_head_length(result.fixed) if result.remaining else 0)
    return outcome


def _head_length(data: bytes) -> int:
    """Bytes up to the end of the closing fence (or a generous prefix when there is none)."""
    try:
        document = split(data)
    except FrontMatterError:
        return 65536
    return len(data) - len(document.body) if document.has_front_matter else 0


def unified_diff(path: str, before: bytes, after: bytes) -> bytes:
    """The change as a unified diff, in the file's own bytes and its name's: a patch that
    `git apply` or `patch` applies as it is, even where a line or the name is not UTF-8 (read
    with surrogate escapes, written back as the bytes they were)."""
    old = before.decode("utf-8", errors="surrogateescape").splitlines(keepends=True)
    new = after.decode("utf-8", errors="surrogateescape").splitlines(keepends=True)
    text = "".join(difflib.unified_diff(old, new, f"a/{path}", f"b/{path}"))
    return text.encode("utf-8", errors="surrogateescape")


class FixTally:
    """Outcomes on their way to the report, counted as they pass, for the summary line and the
    exit code: a run need not keep every outcome (only errors are kept)."""

    def __init__(self, outcomes: Iterable[FileFix]) -> None:
        self._outcomes = outcomes
        self.fixed = self.files = self.remaining = self.unsafe_left = self.changed = 0
        self.seen = 0  # outcomes, one a file
        self.errors: list[str] = []

    def __iter__(self) -> Iterator[FileFix]:
        for outcome in self._outcomes:
            self._count(outcome)
            yield outcome

    def __enter__(self) -> FixTally:
        return self

    def __exit__(self, *exception: object) -> None:
        """The outcomes closed, when they are still coming: a run stopped early (Ctrl-C, a closed
        pipe) finishes the file being written before it exits, and leaves the others as they
        were (`written_in_order`)."""
        close = getattr(self._outcomes, "close", None)
        if close is not None:
            close()

    def _count(self, outcome: FileFix) -> None:
        self.seen += 1
        if outcome.error:
            self.errors.append(outcome.error)
        if outcome.result is None:
            return
        if outcome.changed:
            self.changed += 1
        if not outcome.error:
            self.fixed += outcome.result.fixed_count
            self.files += outcome.changed
        self.remaining += len(outcome.result.remaining)
        self.unsafe_left += sum(
            1 for finding in outcome.result.remaining if finding.fix == "unsafe"
        )

    def summary(self, *, unsafe: bool) -> str:
        fixed, files = self.fixed, self.files
        text = f"Fixed {fixed} {plural(fixed, 'problem')} in {files} {plural(files, 'file')}"
        if not self.remaining:
            return text + "; none remain."
        text += f"; {self.remaining} remain"
        if self.unsafe_left and not unsafe:
            text += f" ({self.unsafe_left} fixable with --unsafe-fixes)"
        return text + "."


def remaining_results(
    outcomes: Iterable[FileFix], notes: dict[str, dict[int, str]], fixed: dict[str, bytes]
) -> Iterator[FileResult]:
    """What remains of each outcome, for the report. On the way, `notes` gets why findings were
    not fixed, and `fixed` the fixed bytes of files with findings left (for their source lines):
    only those are kept."""
    for outcome in outcomes:
        result = outcome.result
        if result is not None and result.refused:
            notes[outcome.path] = {
                i: f"not fixed: {reason}" for i, reason in result.refused.items()
            }
        if result is not None and result.remaining:
            fixed[outcome.path] = result.fixed
        findings = tuple(result.remaining) if result is not None else ()
        yield FileResult(outcome.path, findings, error=outcome.error)
