"""Check many files: resolve the run's settings once, then for each file choose its schema, analyse
it, apply its inline directives and the rule selection, and collect the results in path order.

`Project` is the run: the configuration and the command line's overrides, resolved once. For
each file, `Project.settings_for(path, data)` gives the `FileSettings` (schema, check options, the
codes on for that path), and `FileSettings.report(analysis)` the findings a user sees. `mdlint
check` and `mdlint fix` both go through these two calls.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from .checker import Analysis, CheckOptions, analyse
from .config import Config, resolve_config
from .directives import apply_directives
from .discovery import DiscoveryRules, discover
from .document import FrontMatterError, read_head, split
from .findings import FileResult, Finding
from .globs import GlobSet
from .schema import Schema, SchemaError, is_remote, load_schema
from .selection import RuleFilter, SelectionLayer, enabled_codes, per_file_ignores
from .yaml_tree import STR, Mapping, Scalar, YamlSyntaxError, compose

HEADER_SCHEMA_KEY = "$schema"
_T = TypeVar("_T")


@dataclass(frozen=True)
class Overrides:
    """What the command line says; None (or empty) leaves the configuration's value."""

    schema: str | None = None
    allow_remote_refs: bool = False
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    require_front_matter: bool | None = None
    max_header_bytes: int | None = None
    respect_gitignore: bool | None = None
    force_exclude: bool = False
    unsafe_fixes: bool | None = None


@dataclass(frozen=True)
class FileSettings:
    """Everything the check of one file depends on."""

    path: str
    schema: Schema
    options: CheckOptions
    codes: frozenset[str]  # the rule codes reported for this path

    def report(self, analysis: Analysis) -> list[Finding]:
        document = analysis.document
        header = document.header if document is not None and document.format == "yaml" else ""
        return self.filter(analysis.findings, header)

    def filter(self, findings: Iterable[Finding], header: str) -> list[Finding]:
        """`findings` less those the header's directives silence or the selection turns off,
        plus the directives' own findings (also subject to the selection), in position order."""
        kept = [finding for finding in findings if not _is_header_schema_key(finding)]
        kept = apply_directives(header, kept)
        return sorted(
            (finding for finding in kept if finding.code in self.codes),
            key=lambda finding: finding.sort_key,
        )


def _is_header_schema_key(finding: Finding) -> bool:
    """`$schema` at the header's root names its schema; it is never an unknown key."""
    return finding.code == "SC006" and finding.json_path == HEADER_SCHEMA_KEY


@dataclass
class Project:
    """One run's settings: the configuration with the command line on top, resolved once."""

    config: Config
    overrides: Overrides = field(default_factory=Overrides)

    def __post_init__(self) -> None:
        config, overrides = self.config, self.overrides
        self.options = CheckOptions(
            require_front_matter=_first(
                overrides.require_front_matter, config.require_front_matter
            ),
            max_header_bytes=_first(overrides.max_header_bytes, config.max_header_bytes),
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

    @classmethod
    def load(
        cls,
        overrides: Overrides | None = None,
        *,
        config_file: str | None = None,
        isolated: bool = False,
        cwd: Path | None = None,
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
        return self.default_schema or self._load(None)

    def check_file(self, path: str) -> FileResult:
        try:
            data = read_head(path, max_header_bytes=self.options.max_header_bytes)
        except OSError as error:
            return FileResult(path, error=f"{path}: cannot read: {error.strerror or error}")
        try:
            settings = self.settings_for(path, data)
            analysis = analyse(data, settings.schema, settings.options)
            return FileResult(path, tuple(settings.report(analysis)))
        except SchemaError as error:
            return FileResult(path, error=str(error))
        except Exception as error:  # a bug in mdlint: report it for this file, go on with the rest
            return FileResult(path, (internal_error(error),))

    def check_files(self, paths: Iterable[str]) -> list[FileResult]:
        return [self.check_file(path) for path in paths]

    def _load(self, location: str | os.PathLike[str] | None) -> Schema:
        return load_schema(location, allow_remote_refs=self.overrides.allow_remote_refs)

    # For `--show-settings` ----------------------------------------------------------------------

    def describe(self) -> list[str]:
        config = self.config
        schemas = [f"{', '.join(g.patterns)} -> {s.path}" for g, s in self.associations]
        return [
            f"config file: {config.path or '(none: defaults)'}",
            f"root: {config.root}",
            f"schema: {(self.forced_schema or self.default_schema or self._load(None)).path}",
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
            f"format: {config.format}",
        ]


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


# --- The check path before configuration existed, kept for callers that pass a schema ----------


def check_file(path: str, schema: Schema, options: CheckOptions | None = None) -> FileResult:
    try:
        options = options or CheckOptions()
        data = read_head(path, max_header_bytes=options.max_header_bytes)
    except OSError as error:
        return FileResult(path, error=f"{path}: cannot read: {error.strerror or error}")
    try:
        return FileResult(path, tuple(analyse(data, schema, options).findings))
    except Exception as error:  # a bug in mdlint: report it for this file, go on with the rest
        return FileResult(path, (internal_error(error),))


def check_files(
    paths: Sequence[str], schema: Schema, options: CheckOptions | None = None
) -> list[FileResult]:
    return [check_file(path, schema, options) for path in paths]


# --- Internal errors -----------------------------------------------------------------------------

INTERNAL_ERROR = "IN001"


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
