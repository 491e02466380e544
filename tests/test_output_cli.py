"""The report options as people use them: --output-format (and MDLINT_OUTPUT_FORMAT),
--output-file, --statistics, --exit-zero, and the summary line of each kind of format."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from mdlint.cli import main
from mdlint.reporters import REPORTER_NAMES

from .conftest import VALID_HEADER

BAD = VALID_HEADER.replace("pager: true", "pager: yes").replace("title:", "titel:")
GUESS = VALID_HEADER.replace('  - "recent"', '  - "recnt"')
SUMMARY = (
    "Found 3 problems in 1 file (2 files checked). 1 fixable with `mdlint fix`. "
    "1 more with `mdlint fix --unsafe-fixes`."
)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "bad.md").write_text(BAD)
    (tmp_path / "good.md").write_text(VALID_HEADER)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MDLINT_OUTPUT_FORMAT", raising=False)
    return tmp_path


def check(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["check", "--isolated", *args], env=env)


def test_full_is_the_default(site):
    result = check("bad.md", "good.md")
    assert result.exit_code == 1
    assert result.stdout == (
        'bad.md:1:1: SC005 missing required key "title"\n'
        "  |\n"
        "1 | ---\n"
        "  | ^^^ SC005\n"
        "  |\n"
        "\n"
        'bad.md:2:1: SC006 unknown key "titel"; did you mean "title"?\n'
        "  |\n"
        '2 | titel: "DeepSeek\'s rise: what it means — Barrons.com"\n'
        "  | ^^^^^ SC006\n"
        "  |\n"
        "  = help: `mdlint fix --unsafe-fixes` fixes this with a guess; review the change\n"
        "\n"
        "bad.md:18:8: SC001 [*] yes is a string; expected a boolean (YAML 1.2 reads yes as text; "
        "write true)\n"
        "   |\n"
        "18 | pager: yes\n"
        "   |        ^^^ SC001\n"
        "   |\n"
        "   = help: `mdlint fix` fixes this\n"
        "\n" + SUMMARY + "\n"
    )
    assert result.stderr == ""


def test_concise(site):
    result = check("--output-format", "concise", "bad.md", "good.md")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        'bad.md:1:1: SC005 missing required key "title"',
        'bad.md:2:1: SC006 unknown key "titel"; did you mean "title"?',
        "bad.md:18:8: SC001 [*] yes is a string; expected a boolean (YAML 1.2 reads yes as text; "
        "write true)",
        SUMMARY,
    ]


def test_clean_run_prints_the_summary_only_in_every_human_format(site):
    for name in ("full", "concise"):
        result = check("--output-format", name, "good.md")
        assert result.exit_code == 0 and result.stdout == "No problems found (1 file checked).\n"


def test_environment_chooses_the_format_and_the_option_wins(site):
    result = check("bad.md", env={"MDLINT_OUTPUT_FORMAT": "json"})
    assert [item["code"] for item in json.loads(result.stdout)] == ["SC005", "SC006", "SC001"]
    result = check("--output-format", "concise", "bad.md", env={"MDLINT_OUTPUT_FORMAT": "json"})
    assert result.stdout.startswith("bad.md:1:1: SC005 ")


def test_unknown_format_is_a_usage_error(site):
    result = check("--output-format", "xml", "bad.md")
    assert result.exit_code == 2 and "'xml' is not one of" in result.stderr
    result = check("bad.md", env={"MDLINT_OUTPUT_FORMAT": "yaml"})
    assert result.exit_code == 2 and "'yaml' is not one of" in result.stderr


@pytest.mark.parametrize("name", ["json", "github", "sarif", "junit"])
def test_machine_formats_print_only_their_document_on_stdout(site, name):
    result = check("--output-format", name, "bad.md", "good.md")
    assert result.exit_code == 1
    assert "Found 3 problems" not in result.stdout
    assert result.stderr == SUMMARY + "\n"  # a person reading a CI log still sees it
    if name in ("json", "sarif"):
        json.loads(result.stdout)
    elif name == "junit":
        ElementTree.fromstring(result.stdout)
    else:
        assert all(line.startswith("::error file=bad.md,") for line in result.stdout.splitlines())
    quiet = check("-q", "--output-format", name, "bad.md")
    assert quiet.stderr == "" and quiet.stdout.strip()


def test_junit_from_the_command(site):
    result = check("--output-format", "junit", "bad.md", "good.md")
    suite = ElementTree.fromstring(result.stdout)[0]
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")
    assert [case.get("name") for case in suite] == ["bad.md", "good.md"]


def test_github_from_the_command(site):
    result = check("--output-format", "github", "bad.md")
    assert result.stdout.splitlines()[-1] == (
        "::error file=bad.md,line=18,col=8,endLine=18,endColumn=11,title=SC001::"
        "yes is a string; expected a boolean (YAML 1.2 reads yes as text; write true)"
    )


def test_output_file_takes_the_report(site):
    result = check("--output-format", "json", "--output-file", "reports/mdlint.json", "bad.md")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(json.loads((site / "reports" / "mdlint.json").read_text())) == 3
    assert "Found 3 problems" in result.stderr


def test_output_file_of_a_human_format_holds_the_summary_too(site):
    result = check("--output-format", "concise", "-o", "out.txt", "bad.md")
    assert result.exit_code == 1 and result.stdout == ""
    lines = (site / "out.txt").read_text().splitlines()
    assert len(lines) == 4 and lines[-1].startswith("Found 3 problems")


def test_output_file_has_no_colour(site, monkeypatch):
    from mdlint import commands

    monkeypatch.setattr(commands, "use_color", lambda stream: True)
    check("-o", "out.txt", "bad.md")
    assert "\x1b[" not in (site / "out.txt").read_text()
    assert "\x1b[" in CliRunner().invoke(main, ["check", "bad.md"], color=True).stdout


def test_output_file_that_cannot_be_written_exits_2(site):
    (site / "taken").write_text("a file, not a directory")
    result = check("-o", "taken/out.json", "bad.md")
    assert result.exit_code == 2 and "cannot write taken/out.json" in result.stderr


def test_statistics(site):
    result = check("--statistics", "bad.md", "good.md")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "1  SC001  [*] wrong-type",
        "1  SC005      missing-key",
        "1  SC006      unknown-key",
        SUMMARY,
    ]
    result = check("--statistics", "--output-format", "json", "bad.md")
    assert [row["code"] for row in json.loads(result.stdout)] == ["SC001", "SC005", "SC006"]


def test_exit_zero_keeps_the_findings_but_not_the_failure(site):
    result = check("--exit-zero", "--output-format", "concise", "bad.md")
    assert result.exit_code == 0 and "SC001" in result.stdout
    missing = check("--exit-zero", "nope.md")
    assert missing.exit_code == 2


def test_help_lists_the_formats_and_the_environment_variable(site):
    result = CliRunner().invoke(main, ["check", "--help"], terminal_width=200)
    assert "--output-format [full|concise|json|github|sarif|junit]" in result.stdout
    assert "MDLINT_OUTPUT_FORMAT" in result.stdout and "--statistics" in result.stdout


def test_shell_completion_offers_the_formats():
    env = {"_MDLINT_COMPLETE": "bash_complete", "COMP_WORDS": "mdlint check --output-format "}
    result = CliRunner().invoke(main, [], env={**env, "COMP_CWORD": "3"}, prog_name="mdlint")
    assert result.stdout.splitlines() == [f"plain,{name}" for name in REPORTER_NAMES]
    script = CliRunner().invoke(
        main, [], env={"_MDLINT_COMPLETE": "bash_source"}, prog_name="mdlint"
    )
    assert "_mdlint_completion" in script.stdout


def test_version():
    from mdlint import __version__

    result = CliRunner().invoke(main, ["--version"])
    assert result.stdout == f"mdlint, version {__version__}\n"


# --- mdlint fix: what remains, in the chosen format ----------------------------------------------


@pytest.fixture
def fix_site(site: Path) -> Path:
    (site / "guess.md").write_text(GUESS)
    (site / "fixable.md").write_text(VALID_HEADER.replace("pager: true", 'pager: "true"'))
    return site


def fix(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, ["fix", "--isolated", *args], input=input)


def test_fix_full_shows_what_remains_in_the_fixed_file(fix_site):
    result = fix("guess.md", "fixable.md")
    assert result.exit_code == 1
    assert (fix_site / "fixable.md").read_text() == VALID_HEADER
    assert result.stdout.splitlines()[:6] == [
        'guess.md:24:5: SC002 "recnt" is not one of "search", "ddg-search", "recent", '
        '"categories", "taglist", "social", "languages"; did you mean "recent"?',
        "   |",
        '24 |   - "recnt"',
        "   |     ^^^^^^^ SC002",
        "   |",
        "   = help: `mdlint fix --unsafe-fixes` fixes this with a guess; review the change",
    ]
    assert result.stdout.splitlines()[-1] == (
        "Fixed 1 problem in 1 file; 1 remain (1 fixable with --unsafe-fixes)."
    )


def test_fix_json_lists_what_remains_and_puts_the_summary_on_stderr(fix_site):
    result = fix("--output-format", "json", "guess.md", "fixable.md")
    assert result.exit_code == 1
    (remaining,) = json.loads(result.stdout)
    assert (remaining["path"], remaining["code"], remaining["fix_applicability"]) == (
        "guess.md",
        "SC002",
        "unsafe",
    )
    assert result.stderr.startswith("Fixed 1 problem in 1 file")


def test_fix_junit_has_a_case_per_file(fix_site):
    result = fix("--output-format", "junit", "-o", "junit.xml", "guess.md", "fixable.md")
    assert result.exit_code == 1 and result.stdout == ""
    suite = ElementTree.parse(fix_site / "junit.xml").getroot()[0]
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")


def test_fix_stdin_reports_on_stderr_in_the_chosen_format():
    result = fix(
        "--output-format", "json", "-", "--stdin-filename", "post.md", input=GUESS.encode()
    )
    assert result.exit_code == 1
    assert result.stdout_bytes == GUESS.encode()
    assert json.loads(result.stderr)[0]["path"] == "post.md"
    full = fix("-", "--stdin-filename", "post.md", input=GUESS.encode())
    assert '24 |   - "recnt"' in full.stderr  # the source comes from stdin, not from a file
