"""jsonschema skips the top-level properties a faster validator vouches for (mdlint/
property_precheck.py), and its errors stay exactly what they were: same messages, paths and
order, on every corpus header, a generated site and hypothesis headers.

The reference here is a validator built without prechecks (`build_validator`); each vouching
validator (the bundled schema's pregenerated per-property functions, jsonschema-rs's for a
schema of the user's) is also compared with it property by property.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdlint.checker import analyse
from mdlint.discovery import discover
from mdlint.property_precheck import with_property_prechecks
from mdlint.quick.article_validator import PROPERTY_VALIDATORS, property_is_valid
from mdlint.schema import build_validator, fast_property_validator, load_schema, validator_class

from .conftest import SHARED, generate_site, needs_site_generator
from .test_quick_validator import BASE, PLAUSIBLE, VALUES

SCHEMA = load_schema()
PLAIN = build_validator(SCHEMA.contents)  # jsonschema alone: the reference
RS_VOUCHES = fast_property_validator(SCHEMA.contents)


def described(errors: Any) -> list[Any]:
    """Everything of jsonschema's errors that mdlint reads, nested `context` included, in order."""
    return [
        (
            error.message,
            list(error.absolute_path),
            list(error.absolute_schema_path),
            error.validator,
            described(error.context),
        )
        for error in errors
    ]


def same_errors(data: Any) -> None:
    expected = described(PLAIN.iter_errors(data))
    shown = json.dumps(data, default=repr)[:500]
    assert described(SCHEMA.validator.iter_errors(data)) == expected, shown
    if RS_VOUCHES is not None:
        with_rs = with_property_prechecks(
            validator_class(SCHEMA.contents, "<schema>"), SCHEMA.contents["properties"], RS_VOUCHES
        )(SCHEMA.contents)
        assert described(with_rs.iter_errors(data)) == expected, shown


def plain_says_valid(name: str, value: Any) -> bool:
    """Whether jsonschema finds nothing wrong under `properties/name` for `value`."""
    errors = PLAIN.iter_errors({name: value})
    return not [e for e in errors if list(e.absolute_schema_path)[:2] == ["properties", name]]


def headers_of(files: list[Any]) -> list[dict[str, Any]]:
    headers = []
    for path in files:
        with open(path, "rb") as stream:
            data = analyse(stream.read(), SCHEMA).data
        if isinstance(data, dict):
            headers.append(data)
    return headers


def test_the_bundled_schema_is_prechecked_by_its_pregenerated_functions():
    assert (
        type(SCHEMA.validator).VALIDATORS["properties"] is not type(PLAIN).VALIDATORS["properties"]
    )
    assert set(PROPERTY_VALIDATORS) == set(SCHEMA.contents["properties"])


@pytest.mark.skipif(not (SHARED / "corpora").is_dir(), reason="../shared/corpora is absent")
def test_same_errors_on_every_corpus_header():
    headers = headers_of(discover([str(SHARED / "corpora")], (".md", ".markdown", ".mdx")))
    assert len(headers) > 2000
    for data in headers:
        same_errors(data)
        for name, value in data.items():
            if property_is_valid(name, value):
                assert plain_says_valid(name, value), (name, value)


@needs_site_generator
def test_same_errors_on_a_generated_site(tmp_path):
    headers = headers_of(generate_site(tmp_path, 400, seed=5))
    broken = [data for data in headers if not PLAIN.is_valid(data)]
    assert 50 < len(broken) < len(headers)
    for data in headers:
        same_errors(data)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(PLAUSIBLE)).flatmap(lambda k: st.tuples(st.just(k), PLAUSIBLE[k])))
def test_each_property_function_agrees_with_jsonschema(named):
    name, value = named
    assert property_is_valid(name, value) == plain_says_valid(name, value), named
    if RS_VOUCHES is not None and RS_VOUCHES(name, value):  # it may doubt (NaN), never err
        assert plain_says_valid(name, value), named


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.sampled_from([*SCHEMA.property_order, "catgories"]), VALUES, max_size=6),
    st.lists(st.sampled_from(sorted(PLAUSIBLE)), unique=True, max_size=5).flatmap(
        lambda keys: st.fixed_dictionaries({key: PLAUSIBLE[key] for key in keys})
    ),
)
def test_same_errors_on_generated_headers(wild, plausible):
    same_errors({**BASE, **plausible, **wild})


def prechecked(vouches: Any) -> Any:
    cls = validator_class(SCHEMA.contents, "<schema>")
    return with_property_prechecks(cls, SCHEMA.contents["properties"], vouches)(SCHEMA.contents)


HEADER = {**BASE, "title": "", "thumbnail": {"src": "x", "visibility": ["nowhere"]}, "x": 1}


def test_vouched_properties_are_not_walked():
    assert len(described(PLAIN.iter_errors(HEADER))) == 3
    errors = described(prechecked(lambda name, value: True).iter_errors(HEADER))
    # Only what the root's other keywords find: the unknown key; nothing under `properties`.
    assert [error[3] for error in errors] == ["additionalProperties"]


def test_only_the_root_properties_are_asked_about():
    asked: list[str] = []

    def record(name: str, value: Any) -> bool:
        asked.append(name)
        return False

    list(prechecked(record).iter_errors(HEADER))
    assert sorted(asked) == ["date", "thumbnail", "title"]  # not `src` or `visibility`


def test_a_property_vouched_against_is_walked_as_before():
    header = {**HEADER, "lang": ["EN", "en"], "toc": "yes"}
    errors = described(prechecked(lambda name, value: False).iter_errors(header))
    assert errors == described(PLAIN.iter_errors(header))


def test_property_functions_doubt_what_they_do_not_know():
    assert property_is_valid("no such property", "x") is False
    assert property_is_valid("title", "A title") is True
    assert property_is_valid("title", "") is False


# --- jsonschema-rs's per-property yes/no, for a schema of the user's -----------------------------

needs_jsonschema_rs = pytest.mark.skipif(
    RS_VOUCHES is None, reason="jsonschema-rs is not installed"
)

USER_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$defs": {"tag": {"type": "string", "pattern": "^[a-z]+$"}},
    "definitions": {"year": {"type": "integer", "minimum": 2000}},
    "type": "object",
    "properties": {
        "tags": {"type": "array", "items": {"$ref": "#/$defs/tag"}},
        "year": {"$ref": "#/definitions/year"},
        "same": {"$ref": "#/properties/year"},
    },
    "required": ["tags"],
    "additionalProperties": False,
}


@needs_jsonschema_rs
@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("tags", ["a", "b"], True),
        ("tags", ["A"], False),
        ("tags", "a", False),
        ("year", 2024, True),
        ("year", 1999, False),
        ("same", 2024, True),
        ("same", "2024", False),
        ("other", 1, False),  # not a property of the schema: no opinion
    ],
)
def test_jsonschema_rs_vouches_for_one_property(name, value, expected):
    vouches = fast_property_validator(USER_SCHEMA)
    assert vouches is not None
    assert vouches(name, value) is expected


@needs_jsonschema_rs
@pytest.mark.parametrize(
    "reference",
    ["#", "#/required", "#tag", "other.json#/$defs/tag"],
)
def test_no_per_property_check_when_a_reference_could_leave_the_definitions(reference):
    schema = json.loads(json.dumps(USER_SCHEMA))
    schema["properties"]["tags"]["items"] = {"$ref": reference}
    assert fast_property_validator(schema) is None


@needs_jsonschema_rs
def test_no_per_property_check_with_dynamic_references():
    schema = {**USER_SCHEMA, "$dynamicAnchor": "node"}
    schema["properties"] = {**USER_SCHEMA["properties"], "more": {"$dynamicRef": "#node"}}
    assert fast_property_validator(schema) is None


@needs_jsonschema_rs
def test_a_user_schema_gets_the_same_errors_with_its_prechecks(tmp_path):
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(USER_SCHEMA))
    schema = load_schema(str(path))
    plain = build_validator(USER_SCHEMA)
    assert (
        type(schema.validator).VALIDATORS["properties"] is not type(plain).VALIDATORS["properties"]
    )
    for header in [
        {"tags": ["a"], "year": 2001},
        {"tags": ["a", "B"], "year": 1999, "same": "x", "extra": 1},
        {"year": 2001},
        {"tags": "a", "same": 2024},
        [],
    ]:
        assert described(schema.validator.iter_errors(header)) == described(
            plain.iter_errors(header)
        )


def test_no_prechecks_without_fast_validators(monkeypatch):
    from mdlint import schema as schema_module

    monkeypatch.setenv("MDLINT_NO_FAST_VALIDATOR", "1")
    schema = schema_module._load(schema_module.bundled_schema_path(), False)
    assert type(schema.validator).VALIDATORS["properties"] is type(PLAIN).VALIDATORS["properties"]
