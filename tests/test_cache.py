"""The result cache: every input of a result invalidates it, and a broken cache never fails a run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdlint import cache as cache_module
from mdlint.cli import main

from .conftest import VALID_HEADER

BROKEN = VALID_HEADER.replace('sidebar: "right"', 'sidebar: "Right"')


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MDLINT_CACHE_DIR", raising=False)
    (tmp_path / "good.md").write_text(VALID_HEADER)
    (tmp_path / "bad.md").write_text(BROKEN)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(
        main, ["check", "--output-format", "concise", *args], catch_exceptions=False
    )


@pytest.fixture
def checks(monkeypatch) -> list[str]:
    """The paths actually analysed (not answered from the cache)."""
    from mdlint import runner

    seen: list[str] = []
    real = runner.Project.check_file

    def spy(self, path):
        seen.append(Path(path).name)
        return real(self, path)

    monkeypatch.setattr(runner.Project, "check_file", spy)
    return seen


def test_second_run_uses_the_cache_and_reports_the_same(site, checks):
    first = run(".")
    assert sorted(checks) == ["bad.md", "good.md"]
    checks.clear()
    second = run(".")
    assert checks == []
    assert second.output == first.output and second.exit_code == first.exit_code == 1
    assert (site / ".mdlint_cache" / ".gitignore").read_text().strip().endswith("*")


def test_a_changed_file_is_checked_again(site, checks):
    run(".")
    checks.clear()
    (site / "bad.md").write_text(VALID_HEADER)
    assert run(".").exit_code == 0
    assert checks == ["bad.md"]


def test_a_changed_schema_invalidates(site, checks):
    schema = site / "s.json"
    schema.write_text(json.dumps({"type": "object"}))
    assert run("--schema", str(schema), ".").exit_code == 0
    checks.clear()
    schema.write_text(json.dumps({"type": "object", "required": ["nope"]}))
    assert run("--schema", str(schema), ".").exit_code == 1
    assert sorted(checks) == ["bad.md", "good.md"]


def test_a_changed_referenced_schema_invalidates(site, checks):
    (site / "part.json").write_text(json.dumps({"type": "string"}))
    (site / "s.json").write_text(json.dumps({"properties": {"title": {"$ref": "part.json"}}}))
    assert run("--schema", "s.json", ".").exit_code == 0
    checks.clear()
    assert run("--schema", "s.json", ".").exit_code == 0
    assert checks == []
    (site / "part.json").write_text(json.dumps({"type": "integer"}))
    assert run("--schema", "s.json", ".").exit_code == 1
    assert sorted(checks) == ["bad.md", "good.md"]


def test_a_changed_configuration_invalidates(site, checks):
    run(".")
    checks.clear()
    (site / ".mdlint.toml").write_text('ignore = ["SC002"]\n')
    assert run(".").exit_code == 0
    assert sorted(checks) == ["bad.md", "good.md"]


def test_a_new_mdlint_version_invalidates(site, checks, monkeypatch):
    run(".")
    checks.clear()
    monkeypatch.setattr(cache_module, "__version__", "999.0")
    run(".")
    assert sorted(checks) == ["bad.md", "good.md"]


def test_no_cache_neither_reads_nor_writes(site, checks):
    run("--no-cache", ".")
    assert not (site / ".mdlint_cache").exists()  # nothing written
    run(".")  # a cache now holds both files
    stored = (site / ".mdlint_cache" / "check-v2.json").read_bytes()
    checks.clear()
    assert run("--no-cache", ".").exit_code == 1
    assert sorted(checks) == ["bad.md", "good.md"]  # nothing read: both checked again
    assert (site / ".mdlint_cache" / "check-v2.json").read_bytes() == stored


def test_cache_dir_option_and_environment(site, monkeypatch):
    run("--cache-dir", str(site / "elsewhere"), ".")
    assert (site / "elsewhere" / "check-v2.json").is_file()
    monkeypatch.setenv("MDLINT_CACHE_DIR", str(site / "from-env"))
    run(".")
    assert (site / "from-env" / "check-v2.json").is_file()


def test_cache_lives_beside_the_configuration(site, monkeypatch):
    (site / "pyproject.toml").write_text("[tool.mdlint]\n")
    (site / "sub").mkdir()
    monkeypatch.chdir(site / "sub")
    run("..")
    assert (site / ".mdlint_cache" / "check-v2.json").is_file()


@pytest.mark.parametrize(
    "garbage",
    [
        "{not json",
        '{"version": 1, "entries": []}',
        '["x"]',
        '{"version": "0.1.0", "entries": {"/x": 5}}',
    ],
)
def test_a_corrupt_cache_is_ignored_with_a_warning(site, garbage):
    (site / ".mdlint_cache").mkdir()
    (site / ".mdlint_cache" / "check-v2.json").write_text(garbage)
    result = run(".")
    assert result.exit_code == 1
    assert "SC002" in result.stdout
    if garbage.startswith("{not"):
        assert "warning: ignoring the cache" in result.stderr


def test_entries_with_the_wrong_shape_are_rechecked(site, checks):
    run(".")
    path = site / ".mdlint_cache" / "check-v2.json"
    stored = json.loads(path.read_text())
    for entry in stored["entries"].values():
        entry[4] = [["bogus"]]
    path.write_text(json.dumps(stored))
    checks.clear()
    assert run(".").exit_code == 1
    assert sorted(checks) == ["bad.md", "good.md"]


def test_an_unwritable_cache_is_a_warning_not_a_failure(site):
    (site / ".mdlint_cache").write_text("a file where the directory should be")
    result = run(".")
    assert result.exit_code == 1
    assert "warning: cannot write the cache" in result.stderr


def test_an_unchanged_file_is_not_even_read(site, monkeypatch):
    from mdlint import document

    run(".")
    reads: list[str] = []
    real = document.read_head

    def spy(path, **kwargs):
        reads.append(Path(path).name)
        return real(path, **kwargs)

    monkeypatch.setattr(document, "read_head", spy)
    assert run(".").exit_code == 1
    assert reads == []


def test_same_size_new_content_is_seen(site, checks):
    import os

    run(".")
    checks.clear()
    before = os.stat(site / "bad.md")
    (site / "bad.md").write_text(BROKEN.replace('"Right"', '"Left "'))  # same length
    assert os.stat(site / "bad.md").st_size == before.st_size
    os.utime(site / "bad.md", ns=(before.st_atime_ns, before.st_mtime_ns + 1))
    assert "Left" in run(".").stdout
    assert checks == ["bad.md"]


def test_a_header_naming_its_schema_is_always_read_and_follows_the_schema(site, checks):
    (site / "s.json").write_text(
        json.dumps({"properties": {"$schema": {}, "n": {"type": "string"}}})
    )
    (site / "own.md").write_text("---\n$schema: s.json\nn: 1\n---\n")
    assert run("own.md").exit_code == 1
    (site / "s.json").write_text(
        json.dumps({"properties": {"$schema": {}, "n": {"type": "integer"}}})
    )
    checks.clear()
    assert run("own.md").exit_code == 0
    assert checks == ["own.md"]
