"""Data-driven: each tests/fixtures/format/NAME.md is formatted with the `[format]` table of
NAME.toml and must become NAME.expected.md; `findings` in NAME.toml lists where `check` reports
(`LINE:COL CODE`). Every fixture also runs with CRLF line breaks and a BOM."""

from __future__ import annotations

import sys

import pytest

from mdlint.checker import CheckOptions, analyse
from mdlint.document import split
from mdlint.fixer import fix_bytes
from mdlint.schema import load_schema
from mdlint.style.base import same_data
from mdlint.style.settings import parse_format_settings

from .conftest import FIXTURES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FORMAT = FIXTURES / "format"
CASES = sorted(path.stem for path in FORMAT.glob("*.toml"))
SCHEMA = load_schema()
VARIANTS = ["lf", "crlf", "bom"]


def style_only(analysis):
    return [finding for finding in analysis.findings if finding.code.startswith("ST")]


def load(name: str, variant: str) -> tuple[bytes, bytes, CheckOptions, list[str]]:
    table = tomllib.loads((FORMAT / f"{name}.toml").read_text(encoding="utf-8"))
    options = CheckOptions(style=parse_format_settings(table["format"]).resolved())
    before = (FORMAT / f"{name}.md").read_bytes()
    after = (FORMAT / f"{name}.expected.md").read_bytes()
    if variant == "crlf":
        before, after = (data.replace(b"\n", b"\r\n") for data in (before, after))
    if variant == "bom":
        before, after = (b"\xef\xbb\xbf" + data for data in (before, after))
    return before, after, options, table["findings"]


def test_every_fixture_has_its_three_files():
    assert len(CASES) >= 20
    for name in CASES:
        assert (FORMAT / f"{name}.md").is_file(), name
        assert (FORMAT / f"{name}.expected.md").is_file(), name


def test_every_style_code_has_a_fixture():
    from mdlint.rules import RULES

    reported = {
        entry.split()[1]
        for name in CASES
        for entry in tomllib.loads((FORMAT / f"{name}.toml").read_text())["findings"]
    }
    assert {rule.code for rule in RULES if rule.code.startswith("ST")} <= reported


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", CASES)
def test_check_reports_each_deviation_where_it_is(name, variant):
    before, _, options, expected = load(name, variant)
    found = style_only(analyse(before, SCHEMA, options))
    assert [f"{f.line}:{f.col} {f.code}" for f in found] == expected


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", CASES)
def test_fix_formats_the_file_as_expected(name, variant):
    before, after, options, _ = load(name, variant)
    result = fix_bytes(before, SCHEMA, options, visible=style_only)
    assert result.fixed.decode("utf-8") == after.decode("utf-8")


@pytest.mark.parametrize("name", CASES)
def test_the_data_is_the_same_and_the_result_is_formatted(name):
    before, after, options, _ = load(name, "lf")
    original, formatted = analyse(before, SCHEMA, options), analyse(after, SCHEMA, options)
    assert same_data(original.data, formatted.data)
    # What remains is only what mdlint refuses to rewrite (each with its reason), and a second
    # run changes nothing.
    assert all(f.fix is None for f in style_only(formatted))
    assert fix_bytes(after, SCHEMA, options, visible=style_only).fixed == after


@pytest.mark.parametrize("name", CASES)
def test_the_body_is_never_touched(name):
    before, after, _, _ = load(name, "lf")
    old, new = split(before), split(after)
    assert old.data[old.tail_end :] == new.data[new.tail_end :]
