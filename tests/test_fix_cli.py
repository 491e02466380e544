"""`mdlint fix` as people run it: in place, --diff, --check, stdin, and never losing a byte."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdlint import writer
from mdlint.cli import main

from .conftest import VALID_HEADER

BROKEN = VALID_HEADER.replace("pager: true", 'pager: "true"').replace(
    'sidebar: "right"', 'sidebar: "Right"'
)
GUESS = VALID_HEADER.replace('  - "recent"', '  - "recnt"')


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "good.md").write_text(VALID_HEADER)
    (tmp_path / "broken.md").write_text(BROKEN)
    (tmp_path / "guess.md").write_text(GUESS)
    return tmp_path


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_fix_in_place_reports_what_remains(site):
    good_mtime = (site / "good.md").stat().st_mtime_ns
    result = run("fix", str(site))
    assert result.exit_code == 1
    assert (site / "broken.md").read_text() == VALID_HEADER
    assert (site / "good.md").stat().st_mtime_ns == good_mtime
    assert (site / "guess.md").read_text() == GUESS
    lines = result.output.splitlines()
    assert (
        lines[0]
        == f'{site / "guess.md"}:24:5: SC002 "recnt" is not one of "search", "ddg-search", "recent", "categories", "taglist", "social", "languages"; did you mean "recent"?'
    )
    assert lines[-1] == "Fixed 2 problems in 1 file; 1 remain (1 fixable with --unsafe-fixes)."


def test_unsafe_fixes_and_exit_zero_when_nothing_remains(site):
    result = run("fix", "--unsafe-fixes", str(site))
    assert result.exit_code == 0
    assert (site / "guess.md").read_text() == VALID_HEADER
    assert result.output.splitlines()[-1] == "Fixed 3 problems in 2 files; none remain."


def test_diff_writes_nothing(site):
    before = {p.name: p.read_bytes() for p in site.iterdir()}
    result = run("fix", "--diff", str(site))
    assert result.exit_code == 1
    assert {p.name: p.read_bytes() for p in site.iterdir()} == before
    assert result.stdout.startswith(f"--- a/{site / 'broken.md'}\n+++ b/{site / 'broken.md'}\n")
    assert '-pager: "true"\n+pager: true\n' in result.stdout
    assert "1 file would be changed." in result.stderr


def test_diff_exits_zero_when_nothing_would_change(site):
    assert run("fix", "--diff", str(site / "good.md")).exit_code == 0


def test_check_writes_nothing_and_names_files(site):
    before = (site / "broken.md").read_bytes()
    result = run("fix", "--check", str(site))
    assert result.exit_code == 1
    assert f"Would fix {site / 'broken.md'}" in result.output
    assert (site / "broken.md").read_bytes() == before
    assert run("fix", "--check", str(site / "good.md")).exit_code == 0


def test_stdin_mode_for_editors(site):
    result = CliRunner().invoke(
        main, ["fix", "-", "--stdin-filename", "content/post.md"], input=BROKEN.encode()
    )
    assert result.exit_code == 0
    assert result.stdout_bytes == VALID_HEADER.encode()
    result = CliRunner().invoke(
        main, ["fix", "-", "--stdin-filename", "content/post.md"], input=GUESS.encode()
    )
    assert result.exit_code == 1
    assert result.stdout_bytes == GUESS.encode()
    assert "content/post.md:24:5: SC002" in result.stderr


def test_mode_is_kept(site):
    path = site / "broken.md"
    path.chmod(0o640)
    run("fix", str(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text() == VALID_HEADER


def test_never_writes_through_a_symlink(site):
    link = site / "link.md"
    link.symlink_to(site / "broken.md")
    result = run("fix", str(link))
    assert result.exit_code == 2
    assert "symbolic link" in result.output
    assert (site / "broken.md").read_text() == BROKEN and link.is_symlink()


def test_failure_before_the_rename_leaves_the_original(site, monkeypatch):
    def explode(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.os, "replace", explode)
    result = run("fix", str(site / "broken.md"))
    assert result.exit_code == 2
    assert "No space left on device" in result.output and "broken.md" in result.output
    assert (site / "broken.md").read_text() == BROKEN
    assert sorted(p.name for p in site.iterdir()) == ["broken.md", "good.md", "guess.md"]


def test_interrupt_before_the_rename_leaves_the_original(site, monkeypatch):
    def interrupt(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(writer.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        writer.write_atomically(str(site / "broken.md"), b"new", BROKEN.encode())
    assert (site / "broken.md").read_text() == BROKEN
    assert sorted(p.name for p in site.iterdir()) == ["broken.md", "good.md", "guess.md"]


def test_a_file_changed_on_disk_is_skipped(site, monkeypatch):
    real_read = writer.read_whole

    def someone_else_wrote(path):
        Path(path).write_text(BROKEN + "\nedited meanwhile\n")
        return real_read(path)

    monkeypatch.setattr(writer, "read_whole", someone_else_wrote)
    result = run("fix", str(site / "broken.md"))
    assert result.exit_code == 2
    assert "changed on disk" in result.output
    assert (site / "broken.md").read_text() == BROKEN + "\nedited meanwhile\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_directory_exits_2_naming_it(site):
    site.chmod(0o555)
    try:
        result = run("fix", str(site / "broken.md"))
    finally:
        site.chmod(0o755)
    assert result.exit_code == 2 and "broken.md" in result.output
    assert (site / "broken.md").read_text() == BROKEN


def test_unwritable_directory_via_mkstemp_failure(site, monkeypatch):
    def denied(**kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(writer.tempfile, "mkstemp", denied)
    result = run("fix", str(site / "broken.md"))
    assert result.exit_code == 2
    assert "broken.md: cannot write: Permission denied" in result.output
    assert (site / "broken.md").read_text() == BROKEN


def test_installed_fix_in_a_subprocess(site):
    mdlint = Path(sys.executable).parent / "mdlint"
    if not mdlint.exists():
        pytest.skip("mdlint is not installed beside this interpreter")
    done = subprocess.run(
        [str(mdlint), "fix", str(site / "broken.md")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (site / "broken.md").read_text() == VALID_HEADER


def test_fix_follows_the_configuration(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mdlint]\nignore = ["SC002"]\nunsafe-fixes = true\n'
        '[tool.mdlint.per-file-ignores]\n"drafts/*" = ["SC001"]\n'
    )
    (tmp_path / "drafts").mkdir()
    text = BROKEN.replace('  - "recent"', '  - "recnt"')
    (tmp_path / "post.md").write_text(text)
    (tmp_path / "drafts" / "draft.md").write_text(text)
    monkeypatch.chdir(tmp_path)
    result = run("fix", ".")
    assert result.exit_code == 0, result.output
    # SC002 (sidebar "Right", widget "recnt") is ignored: neither fixed nor reported.
    assert (tmp_path / "post.md").read_text() == text.replace('pager: "true"', "pager: true")
    assert (tmp_path / "drafts" / "draft.md").read_text() == text
    assert run("fix", "--no-unsafe-fixes", "--check", ".").exit_code == 0


def test_fix_honours_inline_directives(tmp_path):
    text = BROKEN.replace('pager: "true"', 'pager: "true"  # mdlint: disable=SC001')
    (tmp_path / "a.md").write_text(text)
    result = run("fix", str(tmp_path / "a.md"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a.md").read_text() == text.replace('sidebar: "Right"', 'sidebar: "right"')


def test_fix_uses_the_schema_the_header_names(tmp_path):
    (tmp_path / "s.json").write_text(
        '{"properties": {"$schema": {}, "draft": {"type": "boolean"}}}'
    )
    (tmp_path / "a.md").write_text('---\n$schema: s.json\ndraft: "yes"\nwhatever: 1\n---\n')
    assert run("fix", str(tmp_path / "a.md")).exit_code == 0
    assert (
        tmp_path / "a.md"
    ).read_text() == "---\n$schema: s.json\ndraft: true\nwhatever: 1\n---\n"


def test_stdin_filename_selects_per_file_settings(tmp_path, monkeypatch):
    (tmp_path / ".mdlint.toml").write_text('[per-file-ignores]\n"drafts/*" = ["SC001", "SC002"]\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["fix", "-", "--stdin-filename", "drafts/x.md"], input=BROKEN.encode()
    )
    assert result.exit_code == 0 and result.stdout_bytes == BROKEN.encode()
    result = CliRunner().invoke(
        main, ["fix", "-", "--stdin-filename", "posts/x.md"], input=BROKEN.encode()
    )
    assert result.exit_code == 0 and result.stdout_bytes == VALID_HEADER.encode()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    result = run("fix", "--diff", str(tmp_path / "pipe.md"))
    assert result.exit_code == 2
    assert "not a regular file (a named pipe)" in result.output


@pytest.mark.skipif(shutil.which("git") is None, reason="git applies the patch")
def test_a_diff_is_a_patch_in_the_files_own_bytes(tmp_path):
    """--diff writes the file's bytes and its name's as they are, where they are not UTF-8
    too (reports escape such a name; a patch must name the file it patches): `git apply`
    turns the untouched copy into the fixed file."""
    name = b"caf\xe9.md"  # Latin-1, as an old site may have it
    body = b"\nA line in Latin-1: d\xe9j\xe0 vu.\n"
    try:
        (tmp_path / os.fsdecode(name)).write_bytes(BROKEN.encode() + body)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes UTF-8 names only")
    near_the_body = VALID_HEADER.replace('  - "taglist"', '  - "taglist"\n  - "search"')
    (tmp_path / "near.md").write_bytes(near_the_body.encode().replace(b"Body text.", b"d\xe9j\xe0"))
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    command = [sys.executable, "-m", "mdlint", "fix", "--diff", "--isolated", "."]
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(command, cwd=tmp_path, env=environment, capture_output=True)
    assert done.returncode == 1, done.stderr
    assert b"--- a/./caf\xe9.md\n+++ b/./caf\xe9.md\n" in done.stdout
    assert b"\n \n d\xe9j\xe0\n" in done.stdout  # near.md's body, as context after the fence
    subprocess.run(["git", "apply", "-p2"], cwd=tmp_path, input=done.stdout, check=True)
    assert (tmp_path / os.fsdecode(name)).read_bytes() == VALID_HEADER.encode() + body
    assert (tmp_path / "near.md").read_bytes() == VALID_HEADER.encode().replace(
        b"Body text.", b"d\xe9j\xe0"
    )
    again = subprocess.run(command, cwd=tmp_path, env=environment, capture_output=True)
    assert (again.returncode, again.stdout) == (0, b"")  # patched: nothing left to change


def test_diff_and_check_start_no_writing_thread(site, monkeypatch):
    from mdlint import fix_runner

    def refuse() -> None:
        raise AssertionError("a run that writes nothing made a BackgroundWrites")

    monkeypatch.setattr(fix_runner, "BackgroundWrites", refuse)
    assert run("fix", "--diff", str(site)).exit_code == 1
    assert run("fix", "--check", str(site)).exit_code == 1
