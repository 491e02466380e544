from __future__ import annotations

import json
import os

import jsonschema
import pytest

from mdlint.schema import SchemaError, bundled_schema_path, load_schema


@pytest.mark.parametrize(
    "uri, cls",
    [
        ("http://json-schema.org/draft-04/schema#", jsonschema.Draft4Validator),
        ("http://json-schema.org/draft-06/schema#", jsonschema.Draft6Validator),
        ("http://json-schema.org/draft-07/schema#", jsonschema.Draft7Validator),
        ("https://json-schema.org/draft/2019-09/schema", jsonschema.Draft201909Validator),
        ("https://json-schema.org/draft/2020-12/schema", jsonschema.Draft202012Validator),
    ],
)
def test_validator_class_follows_dollar_schema(tmp_path, uri, cls):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"$schema": uri, "type": "object"}))
    # mdlint extends the class (a linear uniqueItems, mdlint/unique_items.py); same dialect, same name
    assert type(load_schema(path).validator).__name__ == cls.__name__


def test_2020_12_when_absent(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{}")
    assert type(load_schema(path).validator).__name__ == "Draft202012Validator"


def test_unknown_dollar_schema_is_refused(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"$schema": "https://example.invalid/my-schema"}))
    with pytest.raises(SchemaError, match="unknown \\$schema"):
        load_schema(path)


@pytest.mark.parametrize(
    "text, words",
    [
        ("{", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('{"type": 5}', "not a valid schema at type"),
        (
            '{"properties": {"a": {"minLength": -1}}}',
            "not a valid schema at properties/a/minLength",
        ),
    ],
)
def test_bad_schemas(tmp_path, text, words):
    path = tmp_path / "s.json"
    path.write_text(text)
    with pytest.raises(SchemaError, match=words) as caught:
        load_schema(path)
    assert str(path) in str(caught.value)


def test_missing_schema_file(tmp_path):
    with pytest.raises(SchemaError, match="not found"):
        load_schema(tmp_path / "absent.json")


def test_validator_is_built_once_per_schema(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{}")
    assert load_schema(path) is load_schema(str(path))


def test_bundled_schema_is_found_and_valid():
    assert os.path.isfile(bundled_schema_path())
    schema = load_schema()
    assert schema.property_order[:3] == ["title", "date", "summary"]
