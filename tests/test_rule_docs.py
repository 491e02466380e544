"""`mdlint rule CODE` and `mdlint rule --all`, made from the same catalogue as the README's table."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from mdlint.cli import main
from mdlint.rules import RULES


def run(*args: str):
    return CliRunner().invoke(main, ["rule", *args], catch_exceptions=False)


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_every_rule_is_explained(rule):
    result = run(rule.code)
    assert result.exit_code == 0
    text = result.output
    assert text.startswith(f"{rule.code} ({rule.name})\n")
    assert " ".join(rule.summary.split()) in " ".join(text.split())
    assert "Why:" in text and " ".join(rule.why.split()) in " ".join(text.split())
    assert "Fix:" in text
    if rule.example:
        assert "Example:" in text
        assert all(f"    {line}" in text for line in rule.example.splitlines() if line)


@pytest.mark.parametrize(
    "code, words",
    [
        ("SC007", "safe: `mdlint fix` repairs it"),
        ("SC005", "unsafe: `mdlint fix --unsafe-fixes` repairs it"),
        ("SC001", "safe or unsafe, depending on the value"),
        ("FM001", "none: mdlint reports it; a person fixes it."),
    ],
)
def test_the_fix_is_said_to_be_safe_unsafe_or_absent(code, words):
    assert words in " ".join(run(code).output.split())


def test_the_example_is_shown_verbatim():
    output = run("SC002").output
    assert 'Example:\n    ---\n    sidebar: "Right"\n    ---\n' in output


def test_a_rule_by_name_or_lowercase_code():
    assert run("wrong-type").output == run("SC001").output == run("sc001").output


def test_an_unknown_rule_exits_2_with_a_suggestion():
    result = run("SC01")
    assert result.exit_code == 2
    assert 'unknown rule "SC01"; did you mean' in result.output
    assert "unknown rule" in run("nothing-like-it").output


def test_no_code_and_no_all_is_a_usage_error():
    result = run()
    assert result.exit_code == 2 and "--all" in result.output


def test_all_lists_every_rule_on_one_line():
    result = run("--all")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == len(RULES)
    for line, rule in zip(lines, RULES, strict=True):
        code, name, summary = line.split(maxsplit=2)
        assert (code, name, summary) == (rule.code, rule.name, rule.summary)


def test_every_rule_has_its_docs():
    for rule in RULES:
        assert rule.summary.endswith(".") and rule.why.endswith(".")
        assert rule.name == rule.name.lower() and " " not in rule.name
        assert rule.fix in ("safe", "unsafe", "safe or unsafe", "none")
