from __future__ import annotations

from mdlint.rules import RULES, markdown_table

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_rule_table_is_generated_from_the_catalogue():
    start = README.index("<!-- rules-table:start -->\n") + len("<!-- rules-table:start -->\n")
    end = README.index("<!-- rules-table:end -->")
    assert README[start:end].strip() == markdown_table()


def test_codes_are_unique_and_well_formed():
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    assert all(code[:2] in ("FM", "SC", "ST", "DR", "IN") and code[2:].isdigit() for code in codes)


def test_readme_opens_with_the_two_setup_commands():
    head = README.split("## ", 1)[0]
    assert "pip install . && .venv/bin/mdlint check examples/" in head
    assert 'pip install ".[test]" && .venv/bin/python -m pytest' in head
