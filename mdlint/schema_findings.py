"""Turn jsonschema's validation errors into findings a person understands, each at its exact place."""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .findings import Finding
from .schema import DATE_FORMAT_KEYWORD, Schema
from .tree import Mapping, Node, PathItem, Scalar, Span, find, format_path, quote
from .unique_items import equality_key

SIZE_KEYWORDS = {
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minProperties",
    "maxProperties",
}
CODE_OF_KEYWORD = {
    "type": "SC001",
    "enum": "SC002",
    "const": "SC002",
    "pattern": "SC003",
    "format": "SC004",
    "required": "SC005",
    "dependentRequired": "SC005",
    "additionalProperties": "SC006",
    "unevaluatedProperties": "SC006",
    "uniqueItems": "SC007",
    **dict.fromkeys(SIZE_KEYWORDS, "SC008"),
}
TYPE_NAMES = {
    "string": "a string",
    "boolean": "a boolean",
    "integer": "an integer",
    "number": "a number",
    "array": "a list",
    "object": "a mapping",
    "null": "null",
}
YAML11_BOOLEANS = {"yes": True, "no": False, "on": True, "off": False, "y": True, "n": False}


@dataclass(frozen=True)
class SchemaDetail:
    """What a fixer needs to repair a schema finding."""

    keyword: str
    keyword_value: Any
    subschema: Any
    instance: Any
    path: tuple[PathItem, ...]
    key_node: Node | None
    value_node: Node | None


class Locator:
    """Maps header spans to file positions and finds nodes by JSON path."""

    def __init__(self, header: str, root: Node, first_line: int = 2) -> None:
        self.header = header
        self.root = root
        self.first_line = first_line

    def position(self, span: Span) -> tuple[int, int, int, int]:
        return (
            self.first_line + span.start_line,
            span.start_col + 1,
            self.first_line + span.end_line,
            span.end_col + 1,
        )

    def fence_position(self) -> tuple[int, int, int, int]:
        return (self.first_line - 1, 1, self.first_line - 1, 4)

    def source(self, node: Node | None) -> str | None:
        """The text the author wrote for a short one-line scalar."""
        if not isinstance(node, Scalar) or node.span.start_line != node.span.end_line:
            return None
        text = self.header[node.span.start : node.span.end]
        return text if 0 < len(text) <= 60 and text.isprintable() else None


def schema_findings(data: Any, schema: Schema, locator: Locator) -> list[Finding]:
    findings: list[Finding] = []
    seen_required: set[tuple[PathItem, ...]] = set()
    for error in schema.validator.iter_errors(data):
        leaf, combined_types = _most_relevant(error)
        keyword = str(leaf.validator)
        path = tuple(leaf.absolute_path)
        if keyword in ("required", "dependentRequired"):
            if path in seen_required:
                continue
            seen_required.add(path)
        handler = _HANDLERS.get(keyword, _other)
        if combined_types is not None:
            handler = _types_handler(combined_types)
        # Every error jsonschema reports is shown: a handler that finds nothing to point at
        # leaves it to the plain message, so an invalid header never passes without a finding.
        found = list(handler(leaf, path, locator)) or list(_other(leaf, path, locator))
        findings.extend(found)
    return findings


def _most_relevant(error: Any) -> tuple[Any, list[str] | None]:
    """For anyOf/oneOf: when every alternative fails on the type, one message names all types."""
    from jsonschema.exceptions import best_match

    if not error.context:
        return error, None
    if error.validator in ("anyOf", "oneOf") and all(
        e.validator == "type" and not e.relative_path for e in error.context
    ):
        types: list[str] = []
        for alternative in error.context:
            for name in _as_list(alternative.validator_value):
                if name not in types:
                    types.append(name)
        return error, types
    return best_match([error]), None


def _as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value]


Handler = Callable[[Any, tuple[PathItem, ...], Locator], Iterator[Finding]]


def _finding(
    code: str,
    message: str,
    where: tuple[int, int, int, int],
    path: tuple[PathItem, ...],
    detail: SchemaDetail | None = None,
) -> Finding:
    line, col, end_line, end_col = where
    return Finding(
        code, message, line, col, end_line, end_col, format_path(list(path)), None, detail
    )


def _detail(error: Any, path: tuple[PathItem, ...], locator: Locator) -> SchemaDetail:
    key, value = find(locator.root, list(path))
    return SchemaDetail(
        str(error.validator), error.validator_value, error.schema, error.instance, path, key, value
    )


def _at_value(
    error: Any, path: tuple[PathItem, ...], locator: Locator, code: str, message: str
) -> Finding:
    detail = _detail(error, path, locator)
    node = detail.value_node
    where = locator.position(node.span) if node is not None else locator.fence_position()
    return _finding(code, message, where, path, detail)


def _subject(error: Any, path: tuple[PathItem, ...], locator: Locator) -> str:
    """How to name the value in a message: as written when short, else by its key."""
    _, node = find(locator.root, list(path))
    written = locator.source(node)
    if written is not None and not isinstance(error.instance, (dict, list)):
        return written
    if isinstance(error.instance, list):
        return f"{format_path(list(path)) or 'the header'} (a list)"
    if isinstance(error.instance, dict):
        return f"{format_path(list(path)) or 'the header'} (a mapping)"
    return show(error.instance)


_MAX_SUGGESTIONS = 200


def show(value: Any) -> str:
    """A value the way YAML/JSON writes it: strings in double quotes (long ones cut), true/false/null."""
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    text = json.dumps(value)
    return text if len(text) <= 80 else text[:77] + "..."


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a list" if isinstance(value, list) else "a mapping"


def _expected_types(types: list[str]) -> str:
    names = [TYPE_NAMES.get(t, t) for t in types]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _type_hint(instance: Any, types: list[str], written: str | None) -> str:
    if isinstance(instance, str):
        lowered = instance.strip().lower()
        if "boolean" in types:
            if lowered in ("true", "false"):
                return f" (write {lowered} without quotes)"
            if lowered in YAML11_BOOLEANS and written is not None and written[:1] not in "'\"":
                word = "true" if YAML11_BOOLEANS[lowered] else "false"
                return f" (YAML 1.2 reads {instance} as text; write {word})"
        if ("integer" in types or "number" in types) and _is_number(lowered):
            return f" (write {lowered} without quotes)"
    if "array" in types and not isinstance(instance, (list, dict)):
        return " (write it as a one-item list)"
    return ""


def _is_number(text: str) -> bool:
    return re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", text) is not None


def _types_handler(types: list[str]) -> Handler:
    def handle(error: Any, path: tuple[PathItem, ...], locator: Locator) -> Iterator[Finding]:
        subject = _subject(error, path, locator)
        hint = _type_hint(error.instance, types, locator.source(find(locator.root, list(path))[1]))
        message = (
            f"{subject} is {type_name(error.instance)}; expected {_expected_types(types)}{hint}"
        )
        yield _at_value(error, path, locator, "SC001", message)

    return handle


def _type(error: Any, path: tuple[PathItem, ...], locator: Locator) -> Iterator[Finding]:
    yield from _types_handler(_as_list(error.validator_value))(error, path, locator)


def _enum(error: Any, path: tuple[PathItem, ...], locator: Locator) -> Iterator[Finding]:
    allowed = [error.validator_value] if error.validator == "const" else list(error.validator_value)
    subject = _subject(error, path, locator)
    shown = ", ".join(show(value) for value in allowed[:12]) + (
        ", ..." if len(allowed) > 12 else ""
    )
    if error.validator == "const":
        message = f"{subject} is not allowed here; expected {shown}"
    else:
        message = f"{subject} is not one of {shown}"
    guess = did_you_mean(error.instance, [value for value in allowed if isinstance(value, str)])
    if guess is not None:
        message += f'; did you mean "{guess}"?'
    yield _at_value(error, path, locator, "SC002", message)


def did_you_mean(word: Any, candidates: list[str]) -> str | None:
    """The closest candidate: same letters in another case first, then a near spelling."""
    if not isinstance(word, str) or not candidates:
        return None
    if len(word) > _MAX_REMEMBERED_WORD or len(candidates) > _MAX_REMEMBERED_CANDIDATES:
        return _closest(word, tuple(candidates))
    return _remembered_closest(word, tuple(candidates))


# The same mistake meets the same candidates again: in the re-check of a fixed file, and in the
# next files of a site where it repeats (difflib takes ~0.1 ms a call). Long words and long
# lists, rare, are not kept, so that the memory stays small (under a megabyte).
_MAX_REMEMBERED_WORD = 100
_MAX_REMEMBERED_CANDIDATES = 100


def _closest(word: str, candidates: tuple[str, ...]) -> str | None:
    folded = word.strip().casefold()
    for candidate in candidates:
        if candidate.casefold() == folded:
            return candidate
    close = difflib.get_close_matches(folded, [c.casefold() for c in candidates], n=1, cutoff=0.75)
    if not close:
        return None
    return next(candidate for candidate in candidates if candidate.casefold() == close[0])


_remembered_closest = functools.lru_cache(maxsize=1024)(_closest)


def _pattern(error: Any, path: tuple[PathItem, ...], locator: Locator) -> Iterator[Finding]:
    subject = _subject(error, path, locator)
    date_format = error.schema.get(DATE_FORMAT_KEYWORD) if isinstance(error.schema, dict) else None
    if isinstance(date_format, str):
        from .dates import canonical_example  # the example the date fixes write, zone and all

        example = canonical_example(date_format)
        message = f'{subject} is not a date in the format "{date_format}" (like "{example}")'
    else:
        message = f"{subject} does not match the pattern {error.validator_value}"
    yield _at_value(error, path, locator, "SC003", message)


def _format(error: Any, path: tuple[PathItem, ...], locator: Locator) -> Iterator[Finding]:
    subject = _subject(error, path, locator)
    yield _at_value(
        error, path, locator, "SC004", f'{subject} is not a valid "{error.validator_value}"'
    )


def _required(error: Any, path: tuple[PathItem, ...], locator: Locator) -> Iterator[Finding]:
    instance = error.instance if isinstance(error.instance, dict) else {}
    if error.validator == "required":
        missing = [key for key in error.validator_value if key not in instance]
    else:  # dependentRequired: one error per trigger key; jsonschema's message names both
        missing = []
    key_node, value_node = find(locator.root, list(path))
    anchor = key_node if key_node is not None and path else None
    where = locator.position(anchor.span) if anchor is not None else locator.fence_position()
    where_text = f" in {format_path(list(path))}" if path else ""
    if not missing:
        yield _finding("SC005", error.message, where, path, _detail(error, path, locator))
    for key in missing:
        detail = SchemaDetail(
            "required", key, error.schema, error.instance, path, key_node, value_node
        )
        yield _finding(
            "SC005", f'missing required key "{key}"{where_text}', where, (*path, key), detail
        )


def _unknown_keys(error: Any, path: tuple[PathItem, ...], locator: Locator) -> Iterator[Finding]:
    schema = error.schema if isinstance(error.schema, dict) else {}
    known = list(schema.get("properties", {}))
    known_set = set(known)
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    instance = error.instance if isinstance(error.instance, dict) else {}
    _, mapping = find(locator.root, list(path))
    absent = [name for name in known if name not in instance]
    # A header of 50,000 stray keys is not 50,000 typos: near-miss suggestions (about 0.3 ms each)
    # stop after the first few hundred, so checking stays linear.
    suggestions_left = _MAX_SUGGESTIONS
    for key in instance:
        if key in known_set or any(p.search(key) for p in patterns):
            continue
        key_path = (*path, key)
        pair = mapping.get(key) if isinstance(mapping, Mapping) else None
        where = locator.position(pair[0].span) if pair else locator.fence_position()
        guess = None
        if suggestions_left > 0:
            suggestions_left -= 1
            guess = did_you_mean(key, absent) or did_you_mean(key, known)
        message = f"unknown key {quote(key)}" + (f'; did you mean "{guess}"?' if guess else "")
        detail = SchemaDetail(
            str(error.validator),
            guess,
            schema,
            instance,
            key_path,
            pair[0] if pair else None,
            pair[1] if pair else None,
        )
        yield _finding("SC006", message, where, key_path, detail)


def _unique(error: Any, path: tuple[PathItem, ...], locator: Locator) -> Iterator[Finding]:
    items = error.instance if isinstance(error.instance, list) else []
    first_index: dict[Any, int] = {}
    for index, item in enumerate(items):
        marker = equality_key(item)  # repeats as the validator counts them: 1 and 1.0 too
        if marker not in first_index:
            first_index[marker] = index
            continue
        item_path = (*path, index)
        _, first_node = find(locator.root, [*path, first_index[marker]])
        first_line = locator.position(first_node.span)[0] if first_node is not None else 0
        message = (
            f"{show(item)} appears twice in {format_path(list(path))} (first on line {first_line})"
        )
        yield _at_value(error, item_path, locator, "SC007", message)


def _size(error: Any, path: tuple[PathItem, ...], locator: Locator) -> Iterator[Finding]:
    name = format_path(list(path)) or "the header"
    keyword, limit = error.validator, error.validator_value
    if keyword == "minLength" and limit == 1 and error.instance == "":
        message = f"{name} is empty"
    elif keyword in ("minLength", "maxLength"):
        bound = "at least" if keyword == "minLength" else "at most"
        message = f"{name} has {len(error.instance)} characters; expected {bound} {limit}"
    elif keyword in ("minItems", "maxItems", "minProperties", "maxProperties"):
        bound = "at least" if keyword.startswith("min") else "at most"
        message = f"{name} has {len(error.instance)} items; expected {bound} {limit}"
    else:
        message = f"{name}: {error.message}"
    yield _at_value(error, path, locator, "SC008", message)


def _other(error: Any, path: tuple[PathItem, ...], locator: Locator) -> Iterator[Finding]:
    name = format_path(list(path))
    code = CODE_OF_KEYWORD.get(str(error.validator), "SC009")
    yield _at_value(
        error, path, locator, code, f"{name}: {error.message}" if name else error.message
    )


_HANDLERS: dict[str, Handler] = {
    "type": _type,
    "enum": _enum,
    "const": _enum,
    "pattern": _pattern,
    "format": _format,
    "required": _required,
    "dependentRequired": _required,
    "additionalProperties": _unknown_keys,
    "unevaluatedProperties": _unknown_keys,
    "uniqueItems": _unique,
    **dict.fromkeys(SIZE_KEYWORDS, _size),
}
