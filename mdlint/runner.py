"""Check many files: resolve the run's settings once, then for each file choose its schema, analyse
it, apply its inline directives and the rule selection, and give the results in path order.

`Project` is the run: the configuration and the command line's overrides, resolved once. For
each file, `Project.settings_for(path, data)` gives the `FileSettings` (schema, check options, the
codes on for that path), and `FileSettings.report(analysis)` the findings a user sees. `mdlint
check` and `mdlint fix` both go through these two calls.

Files flow through a run a window (`WINDOW`) at a time, as discovery finds them: looked up in
the cache (`Project.cached_windows`), the rest handed to `Workers` (this process, or a pool
started when a window has enough to do), results merged back in order and given to the caller,
who reports them and lets them go. Memory stays flat whatever the size of the site.
"""

from __future__ import annotations

import functools
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property

from . import collector

# The cache's keys are worked out for every file of a run with a cache: imported once, here.
from .cache import CacheKey, entry_key, stat_signature, stored_result
from .config import Config, resolve_config
from .discovery import DiscoveryRules, Stamp, discover, iter_files
from .findings import INTERNAL_ERROR, FileResult, Finding
from .generic import Generic, TypeVar
from .globs import GlobSet
from .options import CheckOptions, Overrides
from .records import NamedTuple
from .schema import Schema, SchemaError, is_remote, load_schema
from .selection import RuleFilter, SelectionLayer, enabled_codes, per_file_ignores
from .style.settings import FormatSettings

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from .cache import Cache, Entry
    from .checker import Analysis
    from .fork_pool import ForkPool

HEADER_SCHEMA_KEY = "$schema"
WINDOW = 500  # files looked up in the cache, and checked, at a time
_T = TypeVar("_T")
_R = TypeVar("_R")
_W = TypeVar("_W")  # what a worker is given: a path, or a chunk of paths
# A file of a window: its path, and its stored result while that still holds (None: the file
# is to be checked).
Cached = tuple[str, "FileResult | None"]


class FileSettings(NamedTuple):
    """Everything the check of one file depends on."""

    path: str
    schema: Schema
    options: CheckOptions
    codes: frozenset[str]  # the rule codes reported for this path

    @property
    def fingerprint(self) -> str:
        """What a cached result for this file depends on, besides the file's own bytes."""
        from .cache import fingerprint

        parts = {
            name: self.schema.fingerprint if name == "schema" else _stable(getattr(self, name))
            for name in self._fields
            if name != "path"
        }
        return fingerprint(parts)

    def report(self, analysis: Analysis) -> list[Finding]:
        document = analysis.document
        header = document.header if document is not None and document.format == "yaml" else ""
        return self.filter(analysis.findings, header)

    def filter(self, findings: Iterable[Finding], header: str) -> list[Finding]:
        """`findings` less those the header's directives silence or the selection turns off,
        plus the directives' own findings (also subject to the selection), in position order."""
        from .directives import apply_directives

        kept = [finding for finding in findings if not _is_header_schema_key(finding)]
        kept = apply_directives(header, kept)
        return sorted(
            (finding for finding in kept if finding.code in self.codes),
            key=lambda finding: finding.sort_key,
        )


def _stable(value: object) -> object:
    """A value with its sets sorted, so that its JSON (and so the cache key) never varies."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a NamedTuple: by field name
        return {name: _stable(getattr(value, name)) for name in value._fields}
    if isinstance(value, (list, tuple)):
        return [_stable(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _stable(item) for key, item in value.items()}
    return value


def _is_header_schema_key(finding: Finding) -> bool:
    """`$schema` at the header's root names its schema; it is never an unknown key."""
    return finding.code == "SC006" and finding.json_path == HEADER_SCHEMA_KEY


class Project:
    """One run's settings: the configuration with the command line on top, resolved once."""

    def __init__(self, config: Config, overrides: Overrides | None = None) -> None:
        self.config = config
        self.overrides = overrides = overrides or Overrides()
        self.options = CheckOptions(
            require_front_matter=_first(
                overrides.require_front_matter, config.require_front_matter
            ),
            max_header_bytes=_first(overrides.max_header_bytes, config.max_header_bytes),
            style=_style_settings(config.format, overrides.format),
        )
        self.unsafe_fixes: bool = _first(overrides.unsafe_fixes, config.unsafe_fixes)
        self.rules = RuleFilter(
            enabled_codes(
                [
                    SelectionLayer(config.select, config.ignore, config.extend_select),
                    SelectionLayer(overrides.select, overrides.ignore, overrides.extend_select),
                ]
            ),
            per_file_ignores(str(config.root), config.per_file_ignores),
        )
        # Every schema the run names is loaded now, so a broken one stops it before any file.
        self.forced_schema = self._load(overrides.schema) if overrides.schema else None
        self.default_schema = self._load(config.schema) if config.schema else None
        self.associations = [
            (GlobSet(config.root, entry.files), self._load(entry.schema))
            for entry in config.schemas
        ]
        self._common_fingerprint: str | None = None

    @classmethod
    def load(
        cls,
        overrides: Overrides | None = None,
        *,
        config_file: str | None = None,
        isolated: bool = False,
        cwd: str | os.PathLike[str] | None = None,
    ) -> Project:
        """Raises ConfigError or SchemaError, whose messages name the file at fault."""
        return cls(resolve_config(cwd, config_file, isolated), overrides or Overrides())

    # Files --------------------------------------------------------------------------------------

    def discovery_rules(self) -> DiscoveryRules:
        config = self.config
        return DiscoveryRules(
            extensions=config.extensions,
            include=GlobSet(config.root, config.include) if config.include else None,
            exclude=GlobSet(config.root, (*config.exclude, *config.extend_exclude)),
            respect_gitignore=_first(self.overrides.respect_gitignore, config.respect_gitignore),
            force_exclude=self.overrides.force_exclude,
        )

    def discover(self, paths: Iterable[str]) -> list[str]:
        """Raises PathError for a path that does not exist."""
        return discover(paths, rules=self.discovery_rules())

    # One file -----------------------------------------------------------------------------------

    def settings_for(self, path: str, data: bytes) -> FileSettings:
        """The settings for the file at `path` whose bytes (or head) are `data`.
        Raises SchemaError when the schema its header names cannot be used."""
        return FileSettings(
            path, self.schema_for(path, data), self.options, self.rules.codes_for(path)
        )

    def schema_for(self, path: str, data: bytes) -> Schema:
        """First match wins: --schema, the header's `$schema`, `[[schemas]]`, `schema`, bundled."""
        if self.forced_schema is not None:
            return self.forced_schema
        reference = header_schema_reference(data, self.options.max_header_bytes)
        if reference is not None:
            try:
                return self._load(_relative_to_file(reference, path))
            except SchemaError as error:
                raise SchemaError(f"{path}: {HEADER_SCHEMA_KEY} {reference!r}: {error}") from None
        for globs, schema in self.associations:
            if globs.matches(path):
                return schema
        return self.default_schema or self.bundled_schema

    def check_file(self, path: str, data: bytes | None = None) -> FileResult:
        """The file's result: its findings, or why it could not be checked. `data`: the head of
        the file, when it has been read already."""
        if data is None:
            from .document import read_head  # a run answered from the cache reads no file

            try:
                data = read_head(path, max_header_bytes=self.options.max_header_bytes)
            except OSError as error:
                return FileResult(path, error=f"{path}: cannot read: {error.strerror or error}")
        from .checker import analyse  # only files that are checked need the parser and validator
        from .reporters import source_lines

        try:
            settings = self.settings_for(path, data)
            analysis = analyse(data, settings.schema, settings.options)
            findings = tuple(settings.report(analysis))
            return FileResult(path, findings, lines=source_lines(data, findings))
        except SchemaError as error:
            return FileResult(path, error=str(error))
        except Exception as error:  # a bug in mdlint: report it for this file, go on with the rest
            return FileResult(path, (internal_error(error),))

    def check_files(
        self,
        paths: Sequence[str],
        *,
        jobs: int = 1,
        cache: Cache | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> list[FileResult]:
        """`iter_results` for `paths`, as a list."""
        files = [(path, None) for path in paths]
        results = self.iter_results(
            files, jobs=jobs, cache=cache, progress=progress, total=len(files)
        )
        return list(results)

    def iter_results(
        self,
        files: Iterable[tuple[str, Stamp | None]],
        *,
        jobs: int = 1,
        cache: Cache | None = None,
        progress: Callable[[int], None] | None = None,
        total: int | None = None,
    ) -> Iterator[FileResult]:
        """Results in the order of `files` (each path with its stamp, when discovery took it),
        whatever `jobs` is, produced a window of files at a time, as the files come: a run that
        reports them as they come keeps none, and its memory does not grow with the number of
        files. Files whose cached result is still good are not checked again; the others are
        spread over `jobs` processes, the next window's under way while this one's are read.
        `total`: how many files come, when known (it sizes the pool)."""
        # With a cache, the worker that checks a file also works out the key its result is
        # stored under, from the bytes it read.
        work = functools.partial(_check_in_worker, cache is not None)
        with Workers(self, work, jobs) as workers:
            yield from workers.in_windows(
                self.cached_windows(files, cache),
                total,
                wanted=lambda item: item[1] is None,  # no stored result: check it
                merge=functools.partial(_in_order, cache=cache, progress=progress),
            )

    def iter_files(self, paths: Iterable[str]) -> Iterator[tuple[str, Stamp | None]]:
        """The files to check, found as they are asked for: see `discovery.iter_files`.
        Raises PathError at once for a path that does not exist."""
        return iter_files(paths, rules=self.discovery_rules())

    def cached_windows(
        self, files: Iterable[tuple[str, Stamp | None]], cache: Cache | None
    ) -> Iterator[list[Cached]]:
        """The files a window at a time, each path with its stored result when that is still
        good (None: the file is to be checked)."""
        remaining = iter(files)
        while window := list(itertools.islice(remaining, WINDOW)):
            if cache is None:
                yield [(path, None) for path, _ in window]
                continue
            shared = self._shared_fingerprint(window[0][0])
            cache.list_under(shared)
            yield self._stored_results(window, cache, shared)

    def _stored_results(
        self, window: list[tuple[str, Stamp | None]], cache: Cache, shared: str | None
    ) -> list[Cached]:
        """The window's files, each with its stored result when that is still good. A file its
        directory's listing holds unchanged is answered from there, without its entry."""
        listed = cache.listed(window)
        asked = [path for (path, _), stored in zip(window, listed, strict=True) if stored is None]
        entries = iter(cache.entries(asked))
        cached: list[Cached] = []
        for (path, status), stored in zip(window, listed, strict=True):
            if stored is not None:  # (unchanged, under the settings all files share)
                cached.append((path, stored_result(path, stored)))
                continue
            entry = next(entries)
            if entry is None:
                hit = None
            elif (
                shared is not None
                and status is not None
                and entry.unchanged(status)
                and not entry.names_schema
            ):
                # What cache_key() would find, in short, for most files of a warm run that its
                # listings do not hold: unchanged since their entries were stored, under
                # settings all files share.
                hit = entry.result(path) if entry.settings == shared else None
                if hit is not None:
                    cache.note(path, status, entry.settings, entry.findings)
            else:
                key = self.cache_key(path, entry, status)
                hit = entry.result_for(path, key) if key is not None else None
                if hit is not None and key is not None and not key.names_schema:
                    cache.note(path, key.signature, key.settings, entry.findings)
            cached.append((path, hit))
        return cached

    def _shared_fingerprint(self, path: str) -> str | None:
        """The settings fingerprint of every file whose header names no schema, when nothing
        else tells files apart (no [[schemas]], no per-file-ignores); None otherwise."""
        if self.associations or self.rules.per_file:
            return None
        return self.settings_fingerprint(path, b"")

    def check_and_key(self, path: str) -> tuple[FileResult, CacheKey | None]:
        """`check_file`, and the key its result is to be stored under (None when the file cannot
        be read), both from one reading: a file checked for the first time is read once."""
        from .document import read_head

        try:
            signature = stat_signature(path)
            data = read_head(path, max_header_bytes=self.options.max_header_bytes)
        except OSError:
            return self.check_file(path), None  # which says why
        return self.check_file(path, data), self._key_of_bytes(path, data, signature)

    def cache_key(self, path: str, entry: Entry, status: Stamp | None = None) -> CacheKey | None:
        """What the file's stored `entry` must match to be its result, or None when the file
        cannot be read.

        The key is a hash of the bytes read and of the settings. When the file's time, size and
        inode are those recorded with its entry and its header names no schema of its own, the
        bytes are known unchanged and are not read again: only the settings are compared."""
        try:
            signature = stat_signature(path, status)
            known = entry.known_content(signature)
            if known is not None:
                return CacheKey(known, self.settings_fingerprint(path, b""), signature, False)
            from .document import read_head

            data = read_head(path, max_header_bytes=self.options.max_header_bytes)
        except OSError:
            return None  # the check itself reports it
        return self._key_of_bytes(path, data, signature)

    def _key_of_bytes(self, path: str, data: bytes, signature: Stamp) -> CacheKey | None:
        try:
            fingerprint = self.settings_fingerprint(path, data)
        except SchemaError:
            return None  # the check itself reports it
        names_schema = header_schema_reference(data, self.options.max_header_bytes) is not None
        return CacheKey(entry_key(data), fingerprint, signature, names_schema)

    def settings_fingerprint(self, path: str, data: bytes) -> str:
        """`settings_for(path, data).fingerprint`, worked out once for each schema and rule set."""
        names_no_schema = HEADER_SCHEMA_KEY.encode() not in data  # (as header_schema_reference)
        if names_no_schema and not self.associations and not self.rules.per_file:
            # Nothing tells one file's settings from another's (no header naming a schema, no
            # [[schemas]], no per-file-ignores): one fingerprint for all, found once.
            if self._common_fingerprint is None:
                self._common_fingerprint = self._fingerprint(path, data)
            return self._common_fingerprint
        return self._fingerprint(path, data)

    def _fingerprint(self, path: str, data: bytes) -> str:
        schema, codes = self.schema_for(path, data), self.rules.codes_for(path)
        memo = (id(schema), codes)  # the options are the project's own: the same for every file
        known = self._fingerprints.get(memo)
        if known is None:
            settings = FileSettings(path, schema, self.options, codes)
            known = self._fingerprints[memo] = (settings.fingerprint, schema)
        return known[0]  # the entry keeps the schema alive, so its id stays its own

    @cached_property
    def _fingerprints(self) -> dict[object, tuple[str, Schema]]:
        return {}

    @cached_property
    def bundled_schema(self) -> Schema:
        return self._load(None)

    def _load(self, location: str | os.PathLike[str] | None) -> Schema:
        return load_schema(location, allow_remote_refs=self.overrides.allow_remote_refs)

    # For `--show-settings` ----------------------------------------------------------------------

    def describe(self) -> list[str]:
        config = self.config
        schemas = [f"{', '.join(g.patterns)} -> {s.path}" for g, s in self.associations]
        return [
            f"config file: {config.path or '(none: defaults)'}",
            f"root: {config.root}",
            f"schema: {(self.forced_schema or self.default_schema or self.bundled_schema).path}",
            *(f"schemas: {line}" for line in schemas),
            f"include: {list(config.include)}",
            f"exclude: {[*config.exclude, *config.extend_exclude]}",
            f"respect-gitignore: {self.discovery_rules().respect_gitignore}",
            f"extensions: {list(config.extensions)}",
            f"require-front-matter: {self.options.require_front_matter}",
            f"max-header-bytes: {self.options.max_header_bytes}",
            f"unsafe-fixes: {self.unsafe_fixes}",
            f"rules: {' '.join(sorted(self.rules.enabled))}",
            *(
                f"per-file-ignores: {glob} -> {list(codes)}"
                for glob, codes in config.per_file_ignores
            ),
            f"format: {self.options.style.describe() if self.options.style else '(off)'}",
        ]


def _cacheable(result: FileResult) -> bool:
    return result.error is None and not any(f.code == INTERNAL_ERROR for f in result.findings)


def _in_order(
    window: list[Cached],
    checked: Iterator[tuple[FileResult, CacheKey | None]],
    cache: Cache | None,
    progress: Callable[[int], None] | None,
) -> Iterator[FileResult]:
    """The window's results: the stored ones, and in their places those just checked (which
    are stored in turn, under the key their worker found)."""
    for path, hit in window:
        if hit is not None:
            result = hit
        else:
            result, key = next(checked)
            if cache is not None and key is not None and _cacheable(result):
                cache.put(path, key, result)
        if progress is not None:
            progress(1)
        yield result


# --- Many files in several processes -------------------------------------------------------------

_WORKER_PROJECT: Project | None = None
_MIN_FILES_PER_JOB = 64  # below this a process costs more than it saves
# Enough files to meet an invalid header (and so import what checking one needs) in a site that
# has a few, before the workers are forked. Checking them takes ~5 ms; the imports, ~100 ms,
# would be paid in every worker otherwise.
_FIRST_IN_THIS_PROCESS = 32
# Workers forked and fed by mdlint/fork_pool.py on Linux; ProcessPoolExecutor elsewhere (macOS
# and Windows, where a fork without exec is unsafe or impossible).
FORK_POOL = sys.platform.startswith("linux")


class Workers(Generic[_T]):
    """`work(project, path)` over batches of paths, each batch's results in order: in this
    process, or in up to `jobs` processes once a batch is big enough to pay for starting them.
    `work` must be a module-level function (it is sent to the processes by name)."""

    def __init__(
        self,
        project: Project,
        work: Callable[[Project, str], _T],
        jobs: int,
        *,
        before_fork: Callable[[], None] | None = None,  # ends this process's other threads
    ) -> None:
        self.project = project
        self.work = work
        self.jobs = jobs
        self.before_fork = before_fork
        self._pool: ForkPool | ProcessPoolExecutor | None = None
        self._size = 1

    def __enter__(self) -> Workers[_T]:
        return self

    def __exit__(self, *exception: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def in_windows(
        self,
        windows: Iterable[list[Cached]],
        total: int | None,
        *,
        wanted: Callable[[Cached], bool],
        merge: Callable[[list[Cached], Iterator[_T]], Iterator[_R]],
    ) -> Iterator[_R]:
        """For each window of files (`total` in all, when known): start the work on those
        `wanted`, then `merge` the previous window with its work's results, so that this
        window's work is under way while that one's results are read."""
        under_way: tuple[list[Cached], Iterator[_T]] | None = None
        still_to_come = total
        for window in windows:
            todo = [item[0] for item in window if wanted(item)]
            if still_to_come is not None:
                still_to_come -= len(window)
                expected = still_to_come + len(todo)
            else:  # files still being found: a full window may have another behind it
                expected = len(todo) + (WINDOW if len(window) == WINDOW else 0)
            started = self.map(todo, expected=expected)
            if under_way is not None:
                yield from merge(*under_way)
            under_way = (window, started)
        if under_way is not None:
            yield from merge(*under_way)

    def map(self, paths: list[str], *, expected: int) -> Iterator[_T]:
        """The results for `paths`, in order: worked out as they are read in this process, or
        already under way in the pool. `expected`: how many files may still come, these
        included, which sizes the pool."""
        if paths:
            collector.working()  # before any worker is forked: they inherit the pace
        first: list[_T] = []
        if self._pool is None:
            jobs = min(self.jobs, expected // _MIN_FILES_PER_JOB)
            if jobs <= 1 or len(paths) < _MIN_FILES_PER_JOB:
                return (self.work(self.project, path) for path in paths)
            # The first files are worked out here, before the fork: the modules they need (the
            # checker; jsonschema for an invalid header) are then imported once, not again in
            # each worker, which matters when the other CPUs are busy.
            first = [self.work(self.project, path) for path in paths[:_FIRST_IN_THIS_PROCESS]]
            paths = paths[_FIRST_IN_THIS_PROCESS:]
            self._pool, self._size = self._start(jobs), jobs
        chunk = max(8, len(paths) // (self._size * 8))
        work = functools.partial(_in_worker, self.work)
        return itertools.chain(first, self._pool.map(work, paths, chunksize=chunk))

    def _start(self, jobs: int) -> ForkPool | ProcessPoolExecutor:
        if self.before_fork is not None:
            self.before_fork()
        initargs = (self.project.config, self.project.overrides)
        if FORK_POOL:
            from .fork_pool import ForkPool

            return ForkPool(jobs, _start_worker, initargs)
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork shares the loaded schemas with the workers; elsewhere each worker loads its own.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        return ProcessPoolExecutor(jobs, context, initializer=_start_worker, initargs=initargs)


def _start_worker(config: Config, overrides: Overrides) -> None:
    global _WORKER_PROJECT
    _WORKER_PROJECT = Project(config, overrides)


def _in_worker(work: Callable[[Project, _W], _T], item: _W) -> _T:
    assert _WORKER_PROJECT is not None
    return work(_WORKER_PROJECT, item)


def _check_in_worker(
    keyed: bool, project: Project, path: str
) -> tuple[FileResult, CacheKey | None]:
    result, key = project.check_and_key(path) if keyed else (project.check_file(path), None)
    return without_details(result), key


def without_details(result: FileResult) -> FileResult:
    """The result as reporters need it: findings without what only fixers use (which would not
    cross a process boundary); an internal error keeps its traceback."""
    if not result.findings:
        return result
    findings = tuple(
        f if f.code == INTERNAL_ERROR else f._replace(detail=None) for f in result.findings
    )
    return result._replace(findings=findings)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _style_settings(
    configured: FormatSettings, override: FormatSettings | None
) -> FormatSettings | None:
    """The formatter's settings in force (preset applied), or None when no style rule is on, so
    that checking without a `[format]` never touches the style rules."""
    settings = configured.merged(override) if override is not None else configured
    return settings.resolved() if settings.enabled else None


def _first(override: _T | None, configured: _T) -> _T:
    return configured if override is None else override


def _relative_to_file(reference: str, path: str) -> str:
    if is_remote(reference):
        return reference
    return os.path.join(os.path.dirname(os.path.abspath(path)), os.path.expanduser(reference))


def header_schema_reference(data: bytes, max_header_bytes: int) -> str | None:
    """The text of the header's root `$schema` key when it is a non-empty string, else None."""
    if HEADER_SCHEMA_KEY.encode() not in data:  # almost every file: no parsing at all
        return None
    from .document import FrontMatterError, split
    from .tree import STR, Mapping, Scalar
    from .yaml_tree import YamlSyntaxError, compose

    try:
        document = split(data, max_header_bytes=max_header_bytes)
        root = compose(document.header) if document.format == "yaml" else None
    except (FrontMatterError, YamlSyntaxError):
        return None  # the check reports the broken header
    pair = root.get(HEADER_SCHEMA_KEY) if isinstance(root, Mapping) else None
    value = pair[1] if pair is not None else None
    if isinstance(value, Scalar) and value.tag == STR and value.value.strip():
        return value.value.strip()
    return None


# --- Internal errors -----------------------------------------------------------------------------


def internal_error(error: BaseException) -> Finding:
    """An unexpected exception while checking a file, as that file's IN001 finding.

    The finding is never silenced by the rule selection or a directive; its `detail` holds the
    formatted traceback, which `mdlint check --debug` prints.
    """
    import traceback

    text = " ".join(str(error).split())
    if len(text) > 200:
        text = text[:197] + "..."
    name = type(error).__name__
    message = (
        f"internal error: {name}{': ' + text if text else ''}; this is a bug in mdlint, please "
        "report it with this file (--debug prints the traceback)"
    )
    return Finding(
        INTERNAL_ERROR,
        message,
        1,
        1,
        1,
        1,
        detail="".join(traceback.format_exception(type(error), error, error.__traceback__)),
    )
