"""Data-driven: each tests/fixtures/findings/NAME.md is checked, and its findings must be exactly NAME.expected."""

from __future__ import annotations

import pytest

from mdlint.checker import analyse
from mdlint.schema import load_schema

from .conftest import FIXTURES

CASES = sorted((FIXTURES / "findings").glob("*.md"))


@pytest.mark.parametrize("path", CASES, ids=[case.stem for case in CASES])
def test_findings_are_exactly_as_expected(path):
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    findings = analyse(path.read_bytes(), load_schema()).findings
    assert [f"{f.line}:{f.col}: {f.code} {f.message}" for f in findings] == expected


def test_every_structure_and_schema_code_has_a_fixture():
    from mdlint.rules import RULES

    covered = {case.stem.split("-")[0] for case in CASES}
    expected_somewhere = {
        line.split()[1]
        for case in CASES
        for line in case.with_suffix(".expected").read_text().splitlines()
    }
    untested = {r.code for r in RULES} - covered - expected_somewhere
    # FM009 (size limit) is tested with a small limit in test_checker; SC004, SC009 with custom schemas; IN001 in the runner.
    # DR codes come from inline directives, applied by the runner: tests/test_directives.py.
    # ST codes need a [format] setting: tests/fixtures/format/ and tests/test_style*.py.
    untested = {code for code in untested if not code.startswith("ST")}
    assert untested <= {"FM009", "SC004", "SC009", "IN001", "DR001", "DR002", "DR003"}
