"""Load a JSON Schema once per run: read it (JSON or YAML), check it against its meta-schema, resolve
its `$ref`s to other local files, and build its validator.

Every `$ref` is resolved when the schema is loaded, not when a header first needs it, so a broken
reference stops the run (exit 2) before any file is checked. A reference resolves to a local file
relative to the schema that makes it, also when it is written against an `$id` (the `$id`'s
directory stands for the schema file's directory), or to a schema file beside it that declares
that `$id`. An `http(s)` reference is fetched only when the user allows it (`--allow-remote-refs`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from functools import cache, cached_property

from .records import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import Any

    from .property_precheck import Vouches

DATE_FORMAT_KEYWORD = "x-mdlint-date-format"
YAML_SUFFIXES = (".yaml", ".yml")
MAX_REMOTE_BYTES = 10_000_000
REMOTE_TIMEOUT_SECONDS = 15
# The `$schema` URIs of the drafts jsonschema knows (a trailing `#` is optional), so that the
# draft is known without importing jsonschema.
_DIALECT_OF_URI = {
    "http://json-schema.org/draft-04/schema": "draft 4",
    "http://json-schema.org/draft-06/schema": "draft 6",
    "http://json-schema.org/draft-07/schema": "draft 7",
    "https://json-schema.org/draft/2019-09/schema": "draft 2019-09",
    "https://json-schema.org/draft/2020-12/schema": "draft 2020-12",
}


class SchemaError(Exception):
    """The schema cannot be used: not readable, not JSON/YAML, not a valid schema, a bad `$ref`."""


class RemoteRefused(Exception):
    """A remote schema was needed and the user did not allow fetching it."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


class Schema:
    """A loaded schema. `validator` (jsonschema's, with every `$ref` resolved) is built on first
    use: when jsonschema-rs vouches for the schema and every header is valid, a run never imports
    jsonschema at all; the first finding builds it, for its messages."""

    def __init__(
        self,
        path: str,  # a file path, or the URL of a remote schema
        contents: dict[str, Any] | Callable[[], dict[str, Any]],  # or what reads them when asked
        build: Callable[[], Any],  # makes the jsonschema validator
        # A faster yes/no: the bundled schema's pregenerated one, or jsonschema-rs's is_valid.
        fast: Callable[[Any], bool] | None = None,
        referenced: Callable[[], dict[str, Any]] = dict,  # URI -> contents
        referenced_files: Callable[[], list[str]] = list,  # their locations
        *,
        fast_later: Callable[[], Callable[[Any], bool]] | None = None,  # `fast`, made when asked
        text: bytes | None = None,  # the file's bytes, when they alone are the fingerprint's
    ) -> None:
        self.path = path
        self._contents = contents
        self._text = text
        self.build = build
        self._fast = fast
        self._fast_later = fast_later
        self.referenced = referenced
        self.referenced_files = referenced_files

    def __repr__(self) -> str:
        return f"Schema({self.path!r})"

    @cached_property
    def contents(self) -> dict[str, Any]:
        contents = self._contents
        return contents if isinstance(contents, dict) else contents()

    @cached_property
    def fingerprint(self) -> str:
        """A digest of the schema and of every document it references, for the result cache.
        For the bundled schema, of its bytes: a run answered from the cache parses no JSON."""
        from .digest import hex_digest

        if self._text is not None:
            return hex_digest(b"schema file\0" + self._text)
        import json

        text = json.dumps([self.contents, self.referenced()], sort_keys=True, default=repr)
        return hex_digest(text.encode())

    @cached_property
    def validator(self) -> Any:
        return self.build()

    @cached_property
    def fast(self) -> Callable[[Any], bool] | None:
        """The faster yes/no, if there is one."""
        if self._fast is None and self._fast_later is not None:
            return self._fast_later()
        return self._fast

    @property
    def property_order(self) -> list[str]:
        properties = self.contents.get("properties", {})
        return list(properties) if isinstance(properties, dict) else []

    def resolve(self, subschema: Any) -> Any:
        """A subschema with its `$ref` followed (sibling keywords kept), for fixers that look inside."""
        for _ in range(32):
            if not isinstance(subschema, dict) or not isinstance(subschema.get("$ref"), str):
                return subschema
            try:
                target = self.validator._resolver.lookup(subschema["$ref"]).contents
            except Exception:  # unresolvable: the validator reports it, fixers just stop here
                return subschema
            siblings = {k: v for k, v in subschema.items() if k != "$ref"}
            subschema = {**target, **siblings} if isinstance(target, dict) else target
        return subschema

    @property
    def dialect(self) -> str:
        return dialect_of(self.contents)

    def is_valid(self, data: Any) -> bool:
        """Whether `data` passes, answered by `fast` when there is one (the bundled schema's
        pregenerated validator, else jsonschema-rs when it can build this schema: 30-100x faster).
        jsonschema stays the reference: a False here only sends the caller to jsonschema's own
        errors; tests/test_fast_validator.py and tests/test_quick_validator.py prove they agree."""
        if self.fast is not None:
            return bool(self.fast(data))
        return bool(self.validator.is_valid(data))


def dialect_of(contents: Any) -> str:
    declared = contents.get("$schema") if isinstance(contents, dict) else None
    if not isinstance(declared, str):
        return "draft 2020-12"
    return _DIALECT_OF_URI.get(declared.rstrip("#"), declared)


def meta_valid_fast(contents: dict[str, Any]) -> bool:
    """jsonschema-rs's meta-schema check: True only when it is sure (jsonschema decides otherwise)."""
    try:
        import jsonschema_rs

        return bool(jsonschema_rs.meta.is_valid(contents))
    except Exception:
        return False


def has_references_out(contents: Any) -> bool:
    """Whether a `$ref` anywhere in the schema points outside it (to another file or URL)."""
    return any(not target.startswith("#") for _, target in references_in(contents))


def references_in(contents: Any) -> Iterator[tuple[str, str]]:
    """Each reference anywhere in the schema: its keyword (`$ref`, `$dynamicRef`,
    `$recursiveRef`) and its target."""
    if isinstance(contents, dict):
        for key, value in contents.items():
            if key in _REFERENCE_KEYWORDS and isinstance(value, str):
                yield key, value
            else:
                yield from references_in(value)
    elif isinstance(contents, list):
        for item in contents:
            yield from references_in(item)


_REFERENCE_KEYWORDS = ("$ref", "$dynamicRef", "$recursiveRef")


def fast_validator(contents: dict[str, Any]) -> Any:
    """jsonschema-rs's `is_valid` for a self-contained schema; None when it is not installed or
    the schema needs another file (jsonschema resolves those; jsonschema-rs is never let fetch)."""
    if os.environ.get("MDLINT_NO_FAST_VALIDATOR"):
        return None
    try:
        import jsonschema_rs
    except ImportError:
        return None

    def refuse(uri: str) -> Any:
        raise ValueError(f"not retrieving {uri}")

    try:
        return jsonschema_rs.validator_for(
            contents, validate_formats=True, retriever=refuse
        ).is_valid
    except Exception:  # a draft, keyword or reference it cannot take: jsonschema alone decides
        return None


def fast_property_validator(contents: dict[str, Any]) -> Vouches | None:
    """jsonschema-rs's yes/no for one top-level property at a time, for jsonschema to skip the
    properties it vouches for (mdlint/property_precheck.py): the root's `properties` alone, beside
    the definitions they may refer to, run on `{name: value}`. None when a `$ref` could point
    anywhere else in the root (to the root itself, an anchor, a dynamic reference)."""
    properties = contents.get("properties")
    if not isinstance(properties, dict) or _refers_outside_definitions(contents):
        return None
    kept = {key: contents[key] for key in _DEFINITION_KEYWORDS if key in contents}
    is_valid = fast_validator({**kept, "properties": properties})
    if is_valid is None:
        return None

    def vouches(name: str, value: Any) -> bool:
        if name not in properties:
            return False
        try:
            return bool(is_valid({name: value}))
        except Exception:  # a value jsonschema-rs cannot take: jsonschema looks
            return False

    return vouches


# What a `properties` subschema may lean on besides itself: the dialect, the base URI, definitions.
_DEFINITION_KEYWORDS = ("$schema", "$id", "id", "$defs", "definitions")
_DEFINITION_POINTERS = ("#/$defs/", "#/definitions/", "#/properties/")


def _refers_outside_definitions(contents: Any) -> bool:
    return any(
        keyword != "$ref" or not target.startswith(_DEFINITION_POINTERS)
        for keyword, target in references_in(contents)
    )


def _pregenerated(location: str) -> Schema:
    """The bundled schema, while it is the text compiled to Python ahead of time: that text is
    known good (its tests check it against the meta-schema, and that it references no other
    document), so it is parsed only when a header is checked, and its fingerprint is its bytes.
    The module is imported when a header is first checked: not by a run that only needs the
    schema's fingerprint, as one answered from the cache."""
    from .quick.article_schema import SCHEMA_TEXT
    from .quick.bundled import validator_module

    def contents() -> dict[str, Any]:
        return _as_schema_object(parse_json(SCHEMA_TEXT.decode("utf-8"), location), location)

    def build() -> Any:
        vouches = validator_module().property_is_valid
        return _self_contained_validator(schema.contents, location, vouches)

    schema = Schema(
        location, contents, build, fast_later=lambda: validator_module().is_valid, text=SCHEMA_TEXT
    )
    return schema


def has_pregenerated_validator(location: str) -> bool:
    """Whether `location` is the bundled schema and still the text that was compiled to Python
    ahead of time (mdlint/quick/bundled.py): then its module (`is_valid`, `property_is_valid`)
    checks headers, with no validator library to import, in the main process or in a worker."""
    if os.environ.get("MDLINT_NO_FAST_VALIDATOR") or location != bundled_schema_path():
        return False
    from .quick.bundled import is_current

    return is_current(location)


@cache
def bundled_schema_path() -> str:
    """The article schema shipped in the wheel, or the checkout's `schemas/` in a source tree."""
    from .quick.bundled import schema_path

    return os.path.realpath(schema_path())


def is_remote(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def load_schema(
    location: str | os.PathLike[str] | None = None, *, allow_remote_refs: bool = False
) -> Schema:
    """The schema at `location` (a path or an http(s) URL; the bundled schema when None)."""
    if location is None:
        key = bundled_schema_path()
    elif is_remote(str(location)):
        key = str(location)
    else:
        key = os.path.realpath(location)
    known = _LOADED.get((key, allow_remote_refs))
    if known is not None and all(
        _version_of(path) == version for path, version in known[1].items()
    ):
        return known[0]
    schema = _load(key, allow_remote_refs)
    files = [key, *schema.referenced_files()]
    _LOADED[(key, allow_remote_refs)] = (
        schema,
        {path: _version_of(path) for path in files if not is_remote(path)},
    )
    return schema


# Schemas loaded by this process, with the versions of the files they were read from: a schema
# edited while a process runs (an editor integration, a test) is loaded again.
_LOADED: dict[tuple[str, bool], tuple[Schema, dict[str, tuple[int, int]]]] = {}


def _version_of(location: str) -> tuple[int, int]:
    try:
        status = os.stat(location)
    except OSError:
        return (0, 0)
    return (status.st_mtime_ns, status.st_size)


def _load(location: str, allow_remote: bool) -> Schema:
    if has_pregenerated_validator(location):
        return _pregenerated(location)
    references = _References(location, allow_remote)
    try:
        contents = _as_schema_object(references.read(location), location)
    except RemoteRefused as refused:
        raise SchemaError(
            f"{refused.url}: a remote schema; mdlint fetches remote schemas only with "
            "--allow-remote-refs"
        ) from None
    except OSError as error:  # a remote root schema that could not be fetched
        raise SchemaError(f"{location}: cannot fetch the schema: {error}") from None
    if (
        isinstance(contents.get("$schema"), str)
        and dialect_of(contents) not in _DIALECT_OF_URI.values()
    ):
        raise _unknown_dialect(location, contents)

    vouches: Vouches | None = None  # for the validator built for findings

    def build() -> Any:
        cls = validator_class(contents, location)
        check_against_meta_schema(cls, contents, location)
        registry = references.resolve_all(cls, contents)
        with_base = references.with_base_id(cls, contents)
        cls = _prechecked(cls, contents, vouches)
        return cls(with_base, registry=registry, format_checker=cls.FORMAT_CHECKER)

    def build_self_contained() -> Any:
        return _self_contained_validator(contents, location, vouches)

    # jsonschema-rs builds only a self-contained schema whose every `$ref` resolves; together with
    # its meta-schema check that is all jsonschema would verify now, so jsonschema can wait.
    fast = None if has_references_out(contents) else fast_validator(contents)
    if fast is not None:
        vouches = _lazy(fast_property_validator, contents)
    if fast is not None and meta_valid_fast(contents):
        # Already checked against its meta-schema, nothing to fetch: the validator alone.
        return Schema(location, contents, build_self_contained, fast)
    validator = build()  # checked now, so a broken schema stops the run before any file
    return Schema(
        location,
        contents,
        lambda: validator,
        fast,
        lambda: dict(references.documents),
        lambda: list(references.locations.values()),
    )


def _self_contained_validator(
    contents: dict[str, Any], location: str, vouches: Vouches | None
) -> Any:
    """jsonschema's validator of a schema that references no other document, with the
    properties `vouches` answers for prechecked (mdlint/property_precheck.py)."""
    cls = _prechecked(validator_class(contents, location), contents, vouches)
    return cls(contents, format_checker=cls.FORMAT_CHECKER)


def _prechecked(cls: Any, contents: dict[str, Any], vouches: Vouches | None) -> Any:
    if vouches is None:
        return cls
    from .property_precheck import with_property_prechecks

    return with_property_prechecks(cls, contents.get("properties"), vouches)


def _lazy(make: Callable[[dict[str, Any]], Vouches | None], contents: dict[str, Any]) -> Vouches:
    """`make(contents)`, built when first asked (only a header jsonschema explains needs it)."""
    made: list[Vouches | None] = []

    def vouches(name: str, value: Any) -> bool:
        if not made:
            made.append(make(contents))
        return made[0] is not None and made[0](name, value)

    return vouches


class SchemaVerdict(NamedTuple):
    line: str  # `PATH: valid (draft 2020-12)` or `PATH: what is wrong`
    valid: bool
    missing: bool = False


def check_schema_file(path: str, *, allow_remote_refs: bool = False) -> SchemaVerdict:
    """Is the schema at `path` usable: readable, valid against its meta-schema, all `$ref`s found?"""
    if not is_remote(path) and not os.path.isfile(path):
        return SchemaVerdict(f"{path}: no such file", valid=False, missing=True)
    try:
        schema = load_schema(path, allow_remote_refs=allow_remote_refs)
    except SchemaError as error:
        message = str(error)
        resolved = path if is_remote(path) else os.path.realpath(path)
        if message.startswith(resolved):
            message = path + message[len(resolved) :]
        return SchemaVerdict(message if message.startswith(path) else f"{path}: {message}", False)
    return SchemaVerdict(f"{path}: valid ({schema.dialect})", valid=True)


def build_validator(contents: dict[str, Any], path: str = "<schema>") -> Any:
    """The validator for an in-memory schema without references to other files."""
    cls = validator_class(contents, path)
    check_against_meta_schema(cls, contents, path)
    return cls(contents, format_checker=cls.FORMAT_CHECKER)


def validator_class(contents: Any, path: str) -> Any:
    """The validator class that `$schema` names (2020-12 when absent)."""
    import jsonschema
    from jsonschema.validators import validator_for

    from .ecma_pattern import with_ecma_pattern
    from .unique_items import with_linear_unique_items

    cls: Any = jsonschema.Draft202012Validator
    if isinstance(contents, dict) and "$schema" in contents:
        cls = validator_for(contents, default=None)  # type: ignore[arg-type]
        if cls is None:
            raise _unknown_dialect(path, contents)
    return with_ecma_pattern(with_linear_unique_items(cls))


def _unknown_dialect(path: str, contents: dict[str, Any]) -> SchemaError:
    return SchemaError(
        f"{path}: unknown $schema {contents['$schema']!r}; mdlint knows drafts 4, 6, 7, "
        "2019-09 and 2020-12"
    )


def check_against_meta_schema(cls: Any, contents: Any, path: str) -> None:
    import jsonschema

    try:
        cls.check_schema(contents)
    except jsonschema.SchemaError as error:
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        raise SchemaError(f"{path}: not a valid schema at {where}: {error.message}") from None


def _as_schema_object(contents: Any, path: str) -> dict[str, Any]:
    if not isinstance(contents, (dict, bool)):
        raise SchemaError(f"{path}: a schema must be a JSON object or a boolean")
    return contents if isinstance(contents, dict) else {"not": {}} if contents is False else {}


# --- Reading schema documents --------------------------------------------------------------------


def fetch_remote(url: str) -> bytes:
    """The body at `url`. Only called when the user passed --allow-remote-refs."""
    import urllib.request

    request = urllib.request.Request(url, headers={"Accept": "application/schema+json, */*"})
    with urllib.request.urlopen(request, timeout=REMOTE_TIMEOUT_SECONDS) as response:
        data: bytes = response.read(MAX_REMOTE_BYTES + 1)
    if len(data) > MAX_REMOTE_BYTES:
        raise SchemaError(f"{url}: larger than {MAX_REMOTE_BYTES:,} bytes")
    return data


def read_local(path: str) -> Any:
    """A schema file's data: YAML for `.yaml`/`.yml`, JSON otherwise."""
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
    except FileNotFoundError:
        raise SchemaError(f"{path}: schema file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SchemaError(f"{path}: cannot read the schema: {error}") from None
    if path.lower().endswith(YAML_SUFFIXES):
        return parse_yaml(text, path)
    return parse_json(text, path)


def parse_json(text: str, path: str) -> Any:
    import json  # not at start-up: json imports re (~6 ms of a run answered from the cache)

    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise SchemaError(
            f"{path}:{error.lineno}:{error.colno}: the schema is not valid JSON: {error.msg}"
        ) from None


def parse_yaml(text: str, path: str) -> Any:
    """YAML 1.2, read like the headers are: `yes` stays a string, nothing is constructed."""
    from .yaml_tree import Builder, TooComplex, YamlSyntaxError, compose

    try:
        root = compose(text)
    except YamlSyntaxError as error:
        raise SchemaError(
            f"{path}:{error.line + 1}:{error.column + 1}: the schema is not valid YAML: "
            f"{error.message}"
        ) from None
    if root is None:
        raise SchemaError(f"{path}: the schema is empty")
    builder = Builder(budget=1_000_000, first_line=1)
    try:
        data = builder.build(root)
    except (TooComplex, RecursionError) as error:
        raise SchemaError(f"{path}: the schema is too large or nests too deeply: {error}") from None
    if builder.problems:
        problem = builder.problems[0]
        line, col = problem.node.span.start_line + 1, problem.node.span.start_col + 1
        raise SchemaError(f"{path}:{line}:{col}: {problem.message}")
    return data


def _parse_remote(data: bytes, url: str) -> Any:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SchemaError(f"{url}: not UTF-8 text") from None
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return parse_yaml(text, url)


# --- Resolving references ------------------------------------------------------------------------


def _file_uri(path: str) -> str:
    from pathlib import Path  # only schemas with references need it

    return Path(path).resolve().as_uri()


def _strip_fragment(uri: str) -> str:
    if "#" not in uri:  # what urldefrag returns then, without importing urllib.parse (4 ms)
        return uri
    from urllib.parse import urldefrag

    return urldefrag(uri)[0]


class _References:
    """Retrieves the documents a schema refers to, and checks that every `$ref` resolves."""

    def __init__(self, root: str, allow_remote: bool) -> None:
        self.root = root
        self.allow_remote = allow_remote
        self.documents: dict[str, Any] = {}  # retrieval URI -> contents
        self.locations: dict[str, str] = {}  # retrieval URI -> file path or URL, for messages
        self.local_ids: dict[str, str] = {}  # an $id declared by a local file -> that file
        self.directories: dict[str, None] = {}  # of the local files read, in order
        self.indexed: set[str] = set()  # directories whose schema files' $ids are known

    # Reading ---------------------------------------------------------------------------------

    def read(self, location: str) -> Any:
        if is_remote(location):
            if not self.allow_remote:
                raise RemoteRefused(location)
            return _parse_remote(fetch_remote(location), location)
        contents = read_local(location)
        self._remember_id(contents, location)
        self.directories.setdefault(os.path.dirname(location))
        return contents

    def _remember_id(self, contents: Any, path: str) -> None:
        declared = contents.get("$id", contents.get("id")) if isinstance(contents, dict) else None
        if isinstance(declared, str) and declared:
            self.local_ids.setdefault(_strip_fragment(declared), path)

    def retrieve(self, uri: str) -> Any:
        """referencing's retrieve hook: a URI to a Resource, from a local file when there is one."""
        from referencing import Resource
        from referencing.jsonschema import DRAFT202012

        location = self._locate(uri)
        contents = self.read(location)
        cls = validator_class(contents, location)
        check_against_meta_schema(cls, contents, location)
        self.documents[uri] = contents
        self.locations[uri] = location
        return Resource.from_contents(contents, default_specification=DRAFT202012)

    def _locate(self, uri: str) -> str:
        from pathlib import Path
        from urllib.parse import urlsplit
        from urllib.request import url2pathname

        parts = urlsplit(uri)
        if parts.scheme == "file":
            return url2pathname(parts.path)
        if not parts.scheme:  # relative to a root schema that has no usable base URI
            return str(Path(self._root_directory(), url2pathname(parts.path)))
        local = self._local_for_id(uri)
        if local is not None:
            return local
        if parts.scheme in ("http", "https"):
            return uri
        raise SchemaError(f"{uri}: mdlint reads schemas from files and http(s) URLs only")

    def _root_directory(self) -> str:
        return os.getcwd() if is_remote(self.root) else os.path.dirname(self.root)

    def _local_for_id(self, uri: str) -> str | None:
        """The local file behind an `$id`-based URI: by the `$id`'s directory, or by declaration."""
        from pathlib import Path

        for declared, path in list(self.local_ids.items()):
            directory = declared.rsplit("/", 1)[0] + "/"
            if uri.startswith(directory):
                candidate = Path(os.path.dirname(path), *uri[len(directory) :].split("/"))
                if candidate.is_file():
                    return str(candidate)
        for directory in list(self.directories):
            self._index_directory(directory)
        return self.local_ids.get(_strip_fragment(uri))

    def _index_directory(self, directory: str) -> None:
        if directory in self.indexed:
            return
        self.indexed.add(directory)
        for entry in sorted(os.scandir(directory), key=lambda e: e.name):
            if entry.is_file() and entry.name.lower().endswith((".json", *YAML_SUFFIXES)):
                try:
                    self._remember_id(read_local(entry.path), entry.path)
                except SchemaError:
                    continue  # not every file beside a schema is one

    # Resolving -------------------------------------------------------------------------------

    def with_base_id(self, cls: Any, contents: dict[str, Any]) -> dict[str, Any]:
        """The root schema with its file's URI as `$id` when it declares none, so that relative
        references resolve against its own directory wherever mdlint runs."""
        if is_remote(self.root) or "$id" in contents or "id" in contents:
            return contents
        keyword = "id" if cls.__name__ == "Draft4Validator" else "$id"
        return {keyword: _file_uri(self.root), **contents}

    def resolve_all(self, cls: Any, contents: dict[str, Any]) -> Any:
        """A registry holding every document the schema refers to; each `$ref` checked."""
        from jsonschema_specifications import (  # type: ignore[import-untyped]
            REGISTRY as SPECIFICATIONS,
        )
        from referencing import Registry

        base: Any = Registry(retrieve=self.retrieve)  # type: ignore[call-arg]
        base = SPECIFICATIONS.combine(base)
        root = _specification(cls).create_resource(self.with_base_id(cls, contents))
        self._check_refs(root, base.resolver_with_root(root), self.root)
        crawled: set[str] = set()
        while pending := [uri for uri in self.documents if uri not in crawled]:
            for uri in pending:
                crawled.add(uri)
                registry = base.with_resources(self._resources())
                document = registry.get_or_retrieve(uri).value
                resolver = registry.resolver(uri).in_subresource(document)
                self._check_refs(document, resolver, self.locations[uri])
        return Registry(retrieve=self.retrieve).with_resources(self._resources()).crawl()  # type: ignore[call-arg]

    def _resources(self) -> list[tuple[str, Any]]:
        from referencing import Resource
        from referencing.jsonschema import DRAFT202012

        return [
            (uri, Resource.from_contents(contents, default_specification=DRAFT202012))
            for uri, contents in self.documents.items()
        ]

    def _check_refs(self, resource: Any, resolver: Any, where: str) -> None:
        from referencing.exceptions import Unresolvable

        contents = resource.contents
        if isinstance(contents, dict):
            for keyword in ("$ref", "$dynamicRef"):
                reference = contents.get(keyword)
                if not isinstance(reference, str):
                    continue
                try:
                    resolver.lookup(reference)
                except Unresolvable as error:
                    raise self._error(reference, where, error) from None
        for subresource in resource.subresources():
            self._check_refs(subresource, resolver.in_subresource(subresource), where)

    def _error(self, reference: str, where: str, error: Exception) -> SchemaError:
        from referencing.exceptions import NoSuchAnchor, PointerToNowhere

        place = self.root + (f" (in {where})" if where != self.root else "")
        cause = _retrieval_failure(error)
        if isinstance(cause, RemoteRefused):
            return SchemaError(
                f'{place}: $ref "{reference}" points to the remote schema {cause.url}; mdlint '
                "fetches remote references only with --allow-remote-refs"
            )
        if isinstance(cause, SchemaError):
            return SchemaError(f'{place}: $ref "{reference}": {cause}')
        if cause is not None:
            return SchemaError(f'{place}: $ref "{reference}" cannot be retrieved: {cause}')
        if isinstance(error, PointerToNowhere):
            return SchemaError(
                f'{place}: $ref "{reference}" points to nothing ({error.ref} does not exist)'
            )
        if isinstance(error, NoSuchAnchor):
            return SchemaError(f'{place}: $ref "{reference}" names no anchor "{error.anchor}"')
        return SchemaError(f'{place}: $ref "{reference}" cannot be resolved')


def _retrieval_failure(error: BaseException) -> BaseException | None:
    """Why a document could not be retrieved (our retrieve hook's exception), if that is the
    reason referencing gave up."""
    from referencing.exceptions import Unretrievable

    chain: BaseException | None = error
    while chain is not None and not isinstance(chain, Unretrievable):
        chain = chain.__cause__
    return chain.__cause__ if chain is not None else None


def _specification(cls: Any) -> Any:
    from referencing.jsonschema import specification_with

    return specification_with(cls.META_SCHEMA["$schema"])
