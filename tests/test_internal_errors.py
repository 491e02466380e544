"""An unexpected exception while checking one file is that file's IN001 finding; the run goes on."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import mdlint.checker
import mdlint.runner
from mdlint.cli import main
from mdlint.rules import BY_CODE
from mdlint.runner import INTERNAL_ERROR, internal_error

from .conftest import VALID_HEADER

BOOM = "the schema walker tripped over its own feet"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "a-good.md").write_text(VALID_HEADER)
    (tmp_path / "b-boom.md").write_text(VALID_HEADER.replace("Body text.", "BOOM"))
    (tmp_path / "c-bad.md").write_text(VALID_HEADER.replace("pager: true", 'pager: "true"'))
    return tmp_path


@pytest.fixture
def exploding_analyse(monkeypatch: pytest.MonkeyPatch):
    """`analyse` raises on files whose body says BOOM, and works on the others."""
    real = mdlint.checker.analyse

    def analyse(data: bytes, *args, **kwargs):
        if b"BOOM" in data:
            raise KeyError(BOOM)
        return real(data, *args, **kwargs)

    monkeypatch.setattr(mdlint.checker, "analyse", analyse)  # the runner imports it when it checks


def run(*args: str):
    return CliRunner().invoke(
        main,
        ["check", "--isolated", "--no-cache", "--output-format", "concise", *args],
        catch_exceptions=False,
    )


def test_in001_is_a_known_rule():
    assert INTERNAL_ERROR == "IN001" and INTERNAL_ERROR in BY_CODE


def test_internal_error_finding_names_the_exception_and_asks_for_a_report():
    try:
        raise ValueError("bad\nthing")
    except ValueError as error:
        finding = internal_error(error)
    assert finding.code == "IN001"
    assert (finding.line, finding.col) == (1, 1)
    assert "ValueError: bad thing" in finding.message
    assert "please report it" in finding.message
    assert "\n" not in finding.message
    assert "Traceback" in finding.detail and "raise ValueError" in finding.detail


def test_a_long_exception_text_is_shortened():
    finding = internal_error(RuntimeError("x" * 5000))
    assert len(finding.message) < 400


def test_the_run_goes_on_and_exits_2(site, exploding_analyse):
    result = run(str(site))
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    boom = [line for line in lines if "b-boom.md" in line]
    assert len(boom) == 1
    assert ":1:1: IN001 internal error: KeyError: " in boom[0]
    assert BOOM in boom[0] and "please report it" in boom[0]
    # the files after the broken one were still checked
    assert any("c-bad.md" in line and "SC001" in line for line in lines)
    assert "Traceback" not in result.output + result.stderr


def test_debug_prints_the_traceback_to_stderr(site, exploding_analyse):
    result = run("--debug", str(site))
    assert result.exit_code == 2
    assert "Traceback (most recent call last)" in result.stderr
    assert f"KeyError: '{BOOM}'" in result.stderr
    assert "b-boom.md" in result.stderr
    assert "Traceback" not in result.stdout


def test_in001_cannot_be_silenced_by_the_selection(site, exploding_analyse):
    result = run("--ignore", "IN001", str(site / "b-boom.md"))
    assert result.exit_code == 2
    assert "IN001" in result.stdout


def test_an_error_inside_the_checker_is_contained(site, monkeypatch):
    """Not only `analyse` itself: a failure in its first step is caught the same way."""

    def broken(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(mdlint.checker, "split", broken)
    result = run(str(site / "a-good.md"), str(site / "c-bad.md"))
    assert result.exit_code == 2
    assert result.stdout.count("IN001 internal error: RecursionError") == 2


def test_a_clean_run_is_unaffected(site):
    result = run(str(site / "a-good.md"), "--debug")
    assert result.exit_code == 0
    assert result.stderr == ""
