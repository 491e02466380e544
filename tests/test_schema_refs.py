"""Schemas in JSON or YAML, `$ref`s across local files, remote references, and `mdlint schema`."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

import mdlint.schema
from mdlint.cli import main
from mdlint.schema import SchemaError, bundled_schema_path, load_schema

REMOTE = "https://schemas.example.org/common.json"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write(path: Path, contents: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(contents if isinstance(contents, str) else json.dumps(contents))
    return path


def errors(schema_path: Path, data: object) -> list[str]:
    validator = load_schema(schema_path).validator
    return sorted(error.message for error in validator.iter_errors(data))


@pytest.fixture
def no_fetch(monkeypatch):
    """Fails the test if anything is fetched."""
    fetched: list[str] = []

    def fetch(url: str) -> bytes:
        fetched.append(url)
        raise AssertionError(f"fetched {url}")

    monkeypatch.setattr(mdlint.schema, "fetch_remote", fetch)
    return fetched


# --- YAML schemas ----------------------------------------------------------------------------------


def test_a_yaml_schema(tmp_path):
    path = write(
        tmp_path / "s.yaml",
        "type: object\nproperties:\n  draft: {type: boolean}\n  mood: {enum: [yes, no]}\n",
    )
    assert errors(path, {"draft": "x"}) == ["'x' is not of type 'boolean'"]
    # YAML 1.2, as the headers are read: yes and no are strings, not booleans.
    assert errors(path, {"mood": "yes"}) == []


def test_a_yml_schema_and_its_validator_class(tmp_path):
    path = write(
        tmp_path / "s.yml", "$schema: http://json-schema.org/draft-07/schema#\ntype: object\n"
    )
    assert type(load_schema(path).validator).__name__ == "Draft7Validator"


@pytest.mark.parametrize(
    "text, words",
    [
        ("type: [object\n", "s.yaml:2:1: the schema is not valid YAML"),
        ("", "the schema is empty"),
        ("- a\n- b\n", "a schema must be a JSON object or a boolean"),
        ("type: object\ntype: string\n", 's.yaml:2:1: duplicate key "type"'),
        ("type: !!python/name:os.system x\n", "unsupported tag"),
        ("type: 5\n", "not a valid schema at type"),
    ],
)
def test_bad_yaml_schemas(tmp_path, text, words):
    path = write(tmp_path / "s.yaml", text)
    with pytest.raises(SchemaError, match=words.replace("[", r"\[")):
        load_schema(path)


# --- Local references ------------------------------------------------------------------------------


def test_a_relative_ref_to_a_sibling_file(tmp_path):
    write(tmp_path / "common.json", {"$defs": {"title": {"type": "string", "minLength": 1}}})
    root = write(
        tmp_path / "post.json",
        {"properties": {"title": {"$ref": "common.json#/$defs/title"}}},
    )
    assert errors(root, {"title": ""}) == ["'' should be non-empty"]


def test_refs_chain_through_directories_and_formats(tmp_path):
    write(tmp_path / "c.yaml", "type: string\nminLength: 2\n")
    write(tmp_path / "sub" / "b.json", {"allOf": [{"$ref": "../c.yaml"}], "maxLength": 3})
    root = write(tmp_path / "a.json", {"properties": {"t": {"$ref": "sub/b.json"}}})
    assert errors(root, {"t": "x"}) == ["'x' is too short"]
    assert errors(root, {"t": "xxxx"}) == ["'xxxx' is too long"]


def test_refs_resolve_wherever_mdlint_runs(tmp_path, monkeypatch):
    write(tmp_path / "schemas" / "common.json", {"type": "integer"})
    write(tmp_path / "schemas" / "a.json", {"properties": {"n": {"$ref": "common.json"}}})
    monkeypatch.chdir(tmp_path)
    assert errors(Path("schemas/a.json"), {"n": "1"}) == ["'1' is not of type 'integer'"]


def test_a_ref_against_the_id_of_the_schema_maps_to_its_directory(tmp_path, no_fetch):
    write(tmp_path / "lib" / "n.json", {"type": "integer"})
    root = write(
        tmp_path / "a.json",
        {"$id": "https://example.org/schemas/a.json", "properties": {"n": {"$ref": "lib/n.json"}}},
    )
    assert errors(root, {"n": "x"}) == ["'x' is not of type 'integer'"]
    assert no_fetch == []


def test_a_ref_to_an_id_declared_by_a_file_beside_it(tmp_path, no_fetch):
    write(
        tmp_path / "common.json", {"$id": "urn:example:common", "$defs": {"n": {"type": "integer"}}}
    )
    write(tmp_path / "other.json", {"$id": "https://elsewhere.example/lib.json", "type": "boolean"})
    write(tmp_path / "notes.json", "not json at all")  # files that are not schemas are passed over
    root = write(
        tmp_path / "a.json",
        {
            "properties": {
                "n": {"$ref": "urn:example:common#/$defs/n"},
                "b": {"$ref": "https://elsewhere.example/lib.json"},
            }
        },
    )
    assert errors(root, {"n": "x", "b": 1}) == [
        "'x' is not of type 'integer'",
        "1 is not of type 'boolean'",
    ]
    assert no_fetch == []


def test_a_draft_07_root_ref_with_definitions_elsewhere(tmp_path):
    write(
        tmp_path / "defs.json", {"definitions": {"page": {"type": "object", "required": ["title"]}}}
    )
    root = write(
        tmp_path / "a.json",
        {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$ref": "defs.json#/definitions/page",
        },
    )
    assert errors(root, {}) == ["'title' is a required property"]


def test_a_draft_04_schema_with_a_relative_ref(tmp_path):
    write(tmp_path / "n.json", {"type": "integer"})
    root = write(
        tmp_path / "a.json",
        {
            "$schema": "http://json-schema.org/draft-04/schema#",
            "properties": {"n": {"$ref": "n.json"}},
        },
    )
    assert errors(root, {"n": 1.5}) == ["1.5 is not of type 'integer'"]


def test_refs_to_the_meta_schemas_need_no_fetching(tmp_path, no_fetch):
    root = write(
        tmp_path / "a.json",
        {"properties": {"s": {"$ref": "https://json-schema.org/draft/2020-12/schema"}}},
    )
    assert errors(root, {"s": {"type": 5}}) != []
    assert no_fetch == []


@pytest.mark.parametrize(
    "schema, words",
    [
        ({"$ref": "missing.json"}, ['$ref "missing.json"', "missing.json: schema file not found"]),
        ({"$ref": "common.json#/$defs/nope"}, ['$ref "common.json#/$defs/nope" points to nothing']),
        ({"$ref": "#/$defs/nope"}, ['$ref "#/$defs/nope" points to nothing']),
        ({"$ref": "#anchor"}, ['$ref "#anchor" names no anchor "anchor"']),
        (
            {"$ref": "broken.json"},
            ['$ref "broken.json"', "broken.json:1:2: the schema is not valid JSON"],
        ),
        (
            {"$ref": "invalid.json"},
            ['$ref "invalid.json"', "invalid.json: not a valid schema at type"],
        ),
        (
            {"$ref": "ftp://example.org/x.json"},
            ["mdlint reads schemas from files and http(s) URLs only"],
        ),
    ],
)
def test_a_bad_ref_stops_the_load_naming_the_schema_and_the_ref(tmp_path, schema, words):
    write(tmp_path / "common.json", {"$defs": {}})
    write(tmp_path / "broken.json", "{,")
    write(tmp_path / "invalid.json", {"type": "objekt"})
    root = write(tmp_path / "a.json", schema)
    with pytest.raises(SchemaError) as caught:
        load_schema(root)
    message = str(caught.value)
    assert message.startswith(str(root))
    for word in words:
        assert word in message


def test_a_bad_ref_in_a_referenced_file_names_both(tmp_path):
    write(tmp_path / "b.json", {"$ref": "c.json"})
    root = write(tmp_path / "a.json", {"$ref": "b.json"})
    with pytest.raises(SchemaError, match=r"a.json \(in .*b.json\): \$ref \"c.json\""):
        load_schema(root)


def test_a_bad_ref_exits_2_before_any_file_is_checked(tmp_path):
    root = write(tmp_path / "a.json", {"$ref": "missing.json"})
    write(tmp_path / "x.md", "---\ntitle: x\n---\n")
    result = run("check", "--isolated", "--schema", str(root), str(tmp_path / "x.md"))
    assert result.exit_code == 2
    assert result.output.startswith(f"mdlint: error: {root}")
    assert "checked" not in result.output


# --- Remote references -----------------------------------------------------------------------------


def test_a_remote_ref_is_not_fetched_and_the_error_names_the_url_and_the_flag(tmp_path, no_fetch):
    root = write(tmp_path / "a.json", {"properties": {"n": {"$ref": REMOTE}}})
    with pytest.raises(SchemaError) as caught:
        load_schema(root)
    message = str(caught.value)
    assert str(root) in message and REMOTE in message and "--allow-remote-refs" in message
    assert no_fetch == []


def test_a_remote_ref_through_a_relative_ref_against_a_remote_id(tmp_path, no_fetch):
    root = write(
        tmp_path / "a.json",
        {"$id": "https://schemas.example.org/a.json", "properties": {"n": {"$ref": "absent.json"}}},
    )
    with pytest.raises(SchemaError, match=re.escape("https://schemas.example.org/absent.json")):
        load_schema(root)
    assert no_fetch == []


def test_the_cli_refuses_remote_refs_with_exit_2(tmp_path, no_fetch):
    root = write(tmp_path / "a.json", {"$ref": REMOTE})
    write(tmp_path / "x.md", "---\ntitle: x\n---\n")
    result = run("check", "--isolated", "--schema", str(root), str(tmp_path))
    assert result.exit_code == 2
    assert REMOTE in result.output and "--allow-remote-refs" in result.output
    assert no_fetch == []


@pytest.fixture
def fake_fetch(monkeypatch):
    fetched: list[str] = []

    def fetch(url: str) -> bytes:
        fetched.append(url)
        if url == REMOTE:
            return json.dumps({"$defs": {"n": {"type": "integer"}}}).encode()
        if url.endswith(".yaml"):
            return b"type: boolean\n"
        raise OSError(f"404 for {url}")

    monkeypatch.setattr(mdlint.schema, "fetch_remote", fetch)
    return fetched


def test_with_the_flag_a_remote_ref_is_fetched(tmp_path, fake_fetch):
    root = write(tmp_path / "a.json", {"properties": {"n": {"$ref": REMOTE + "#/$defs/n"}}})
    schema = load_schema(root, allow_remote_refs=True)
    assert [e.message for e in schema.validator.iter_errors({"n": "x"})] == [
        "'x' is not of type 'integer'"
    ]
    assert fake_fetch == [REMOTE]


def test_with_the_flag_remote_yaml_and_fetch_failures(tmp_path, fake_fetch):
    root = write(tmp_path / "a.json", {"properties": {"b": {"$ref": "https://x.example/b.yaml"}}})
    assert load_schema(root, allow_remote_refs=True).validator.is_valid({"b": True})
    missing = write(tmp_path / "m.json", {"$ref": "https://x.example/missing.json"})
    with pytest.raises(
        SchemaError, match=re.escape("cannot be retrieved: 404 for https://x.example/missing.json")
    ):
        load_schema(missing, allow_remote_refs=True)


def test_the_cli_flag_allows_fetching(tmp_path, fake_fetch):
    root = write(tmp_path / "a.json", {"properties": {"n": {"$ref": REMOTE + "#/$defs/n"}}})
    write(tmp_path / "x.md", "---\nn: '1'\n---\n")
    result = run("check", "--isolated", "--allow-remote-refs", "--schema", str(root), str(tmp_path))
    assert result.exit_code == 1 and "SC001" in result.output


def test_a_remote_header_schema_needs_the_flag(tmp_path, fake_fetch):
    write(tmp_path / "x.md", f"---\n$schema: {REMOTE}\ntitle: x\n---\n")
    refused = run("check", "--isolated", str(tmp_path))
    assert (
        refused.exit_code == 2
        and "--allow-remote-refs" in refused.output
        and REMOTE in refused.output
    )
    assert fake_fetch == []
    allowed = run("check", "--isolated", "--allow-remote-refs", str(tmp_path))
    assert allowed.exit_code == 0, allowed.output
    assert fake_fetch == [REMOTE]


def test_the_real_fetch_function_uses_urllib(monkeypatch):
    class Response:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def read(self, size):
            return b"{}"

    opened = []
    monkeypatch.setattr(
        urllib.request,
        "urlopen",
        lambda request, timeout: opened.append(request.full_url) or Response(),
    )
    assert mdlint.schema.fetch_remote(REMOTE) == b"{}"
    assert opened == [REMOTE]


# --- mdlint schema check / show --------------------------------------------------------------------


def test_schema_check_one_line_per_file_exit_0_when_all_are_valid(tmp_path, monkeypatch):
    write(tmp_path / "a.json", {"type": "object"})
    write(tmp_path / "b.yaml", "$schema: http://json-schema.org/draft-07/schema#\ntype: object\n")
    monkeypatch.chdir(tmp_path)
    result = run("schema", "check", "a.json", "b.yaml")
    assert result.exit_code == 0
    assert result.output == "a.json: valid (draft 2020-12)\nb.yaml: valid (draft 7)\n"


def test_schema_check_exit_1_when_one_is_invalid(tmp_path, monkeypatch):
    write(tmp_path / "a.json", {"type": "object"})
    write(tmp_path / "bad.json", {"type": "objekt"})
    write(tmp_path / "ref.json", {"$ref": "gone.json"})
    monkeypatch.chdir(tmp_path)
    result = run("schema", "check", "a.json", "bad.json", "ref.json")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "a.json: valid (draft 2020-12)"
    assert lines[1].startswith("bad.json: not a valid schema at type:")
    assert lines[2].startswith('ref.json: $ref "gone.json"')


def test_schema_check_exit_2_when_a_file_is_missing(tmp_path, monkeypatch):
    write(tmp_path / "a.json", {"type": "object"})
    monkeypatch.chdir(tmp_path)
    result = run("schema", "check", "a.json", "nope.json")
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "a.json: valid (draft 2020-12)",
        "nope.json: no such file",
    ]


def test_schema_check_needs_a_file():
    assert run("schema", "check").exit_code == 2


def test_schema_check_refuses_remote_refs_unless_allowed(tmp_path, monkeypatch, fake_fetch):
    write(tmp_path / "a.json", {"$ref": REMOTE})
    monkeypatch.chdir(tmp_path)
    assert run("schema", "check", "a.json").exit_code == 1
    assert fake_fetch == []
    assert run("schema", "check", "--allow-remote-refs", "a.json").exit_code == 0


def test_schema_check_of_the_bundled_schema():
    result = run("schema", "check", str(bundled_schema_path()))
    assert result.exit_code == 0 and "valid (draft 2020-12)" in result.output


def test_schema_show_prints_the_bundled_schema():
    result = run("schema", "show")
    assert result.exit_code == 0
    assert result.output == Path(bundled_schema_path()).read_text(encoding="utf-8")
    assert json.loads(result.output)["properties"]["title"]["type"] == "string"


@pytest.mark.parametrize(
    "uri",
    ["https://x.invalid/a.json", "https://x.invalid/a.json#/$defs/b", "a.json#", "http://a/b?", ""],
)
def test_strip_fragment_is_urldefrag(uri):
    from urllib.parse import urldefrag

    assert mdlint.schema._strip_fragment(uri) == urldefrag(uri)[0]
