from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdlint.cli import main

from .conftest import ROOT, VALID_HEADER


@pytest.fixture
def site(tmp_path: Path) -> Path:
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "good.md").write_text(VALID_HEADER)
    (posts / "bad.md").write_text(
        VALID_HEADER.replace('sidebar: "right"', 'sidebar: "Right"').replace(
            "pager: true", "pager: yes"
        )
    )
    (posts / "b.markdown").write_text(VALID_HEADER.replace("title:", "titel:"))
    (posts / "notes.txt").write_text("not markdown")
    hidden = tmp_path / "content" / ".drafts"
    hidden.mkdir()
    (hidden / "hidden.md").write_text("no front matter")
    return tmp_path


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_check_reports_each_finding_on_one_line_sorted(site):
    result = run("check", "--output-format", "concise", str(site / "content"))
    assert result.exit_code == 1
    posts = site / "content" / "posts"
    assert result.output.splitlines() == [
        f'{posts / "b.markdown"}:1:1: SC005 missing required key "title"',
        f'{posts / "b.markdown"}:2:1: SC006 unknown key "titel"; did you mean "title"?',
        f"{posts / 'bad.md'}:18:8: SC001 [*] yes is a string; expected a boolean (YAML 1.2 reads yes as text; write true)",
        f'{posts / "bad.md"}:21:10: SC002 [*] "Right" is not one of "left", "right", false; did you mean "right"?',
        "Found 4 problems in 2 files (3 files checked). 2 fixable with `mdlint fix`."
        " 1 more with `mdlint fix --unsafe-fixes`.",
    ]


def test_clean_run_exits_zero(site):
    result = run("check", str(site / "content" / "posts" / "good.md"))
    assert result.exit_code == 0
    assert result.output == "No problems found (1 file checked).\n"


def test_quiet_prints_findings_only(site):
    bad = str(site / "content" / "posts" / "bad.md")
    result = run("check", "-q", "--output-format", "concise", bad)
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 2 and "Found" not in result.output
    full = run("check", "-q", bad)
    assert "^" in full.output and "Found" not in full.output


def test_default_path_is_the_current_directory(site, monkeypatch):
    monkeypatch.chdir(site)
    result = run("check", "-q")
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(
        os.path.join(".", "content", "posts", "b.markdown")
    )


def test_explicit_files_are_checked_whatever_their_extension(site):
    result = run("check", str(site / "content" / "posts" / "notes.txt"))
    assert result.exit_code == 1 and "FM001" in result.output


def test_missing_path_is_a_usage_error(tmp_path):
    result = run("check", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "no such file or directory" in result.output and "nope" in result.output


def test_unreadable_file_exits_2(site):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = site / "content" / "posts" / "good.md"
    path.chmod(0)
    assert run("check", str(path)).exit_code == 2


def test_directory_given_as_file_that_cannot_be_opened(tmp_path, monkeypatch):
    from mdlint import document

    def deny(path, **_):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(document, "read_head", deny)
    (tmp_path / "a.md").write_text(VALID_HEADER)
    result = run("check", str(tmp_path / "a.md"))
    assert result.exit_code == 2
    assert "cannot read" in result.output and "a.md" in result.output


def test_bad_schema_json_exits_2_naming_the_file(tmp_path, site):
    schema = tmp_path / "broken.json"
    schema.write_text('{"type": "object",')
    result = run("check", "--schema", str(schema), str(site))
    assert result.exit_code == 2
    assert "broken.json" in result.output and "not valid JSON" in result.output


def test_invalid_schema_exits_2_with_what_is_wrong(tmp_path, site):
    schema = tmp_path / "invalid.json"
    schema.write_text(json.dumps({"type": "objekt"}))
    result = run("check", "--schema", str(schema), str(site))
    assert result.exit_code == 2
    assert "invalid.json" in result.output and "not a valid schema" in result.output


def test_unknown_option_is_a_usage_error():
    assert run("check", "--nope").exit_code == 2


def test_custom_schema_is_used(tmp_path, site):
    schema = tmp_path / "permissive.json"
    schema.write_text("{}")
    assert run("check", "--schema", str(schema), str(site / "content" / "posts")).exit_code == 0


def test_no_colour_unless_a_terminal(site):
    result = run("check", str(site / "content" / "posts" / "bad.md"))
    assert "\x1b[" not in result.output


def test_no_color_env_wins_over_a_terminal(site, monkeypatch):
    from mdlint import commands

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("NO_COLOR", "1")
    assert commands.use_color(Tty()) is False
    monkeypatch.delenv("NO_COLOR")
    assert commands.use_color(Tty()) is True


def test_colour_on_a_terminal(site, monkeypatch):
    from mdlint import commands

    monkeypatch.setattr(commands, "use_color", lambda stream: True)
    result = CliRunner().invoke(
        main, ["check", str(site / "content" / "posts" / "bad.md")], color=True
    )
    assert "\x1b[" in result.output


def test_version():
    from mdlint import __version__

    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def installed_mdlint() -> str:
    candidate = Path(sys.executable).parent / "mdlint"
    if not candidate.exists():
        pytest.skip("mdlint is not installed beside this interpreter")
    return str(candidate)


def test_installed_command_in_a_subprocess(site):
    done = subprocess.run(
        [installed_mdlint(), "check", str(site / "content")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "SC002" in done.stdout and "Traceback" not in done.stderr
    assert "Found 4 problems in 2 files (3 files checked)." in done.stdout.splitlines()[-1]


def test_python_dash_m_mdlint_on_the_examples():
    done = subprocess.run(
        [sys.executable, "-m", "mdlint", "check", str(ROOT / "examples")],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 1, done.stderr
    assert (
        "Found 9 problems in 4 files (7 files checked). 7 fixable with `mdlint fix`." in done.stdout
    )
