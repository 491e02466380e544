"""The `mdlint` command as a process: `entry.run` ends it without Python's teardown, once the
output is flushed, with the status `main()` gave; a closed pipe ends it quietly."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from mdlint.cli import main as click_main
from mdlint.entry import BROKEN_PIPE_STATUS, _status

from .conftest import VALID_HEADER

BROKEN = VALID_HEADER.replace('sidebar: "right"', 'sidebar: "Right"')


def mdlint(*args: str, cwd, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mdlint", *args], cwd=cwd, capture_output=True, text=True, **kwargs
    )


@pytest.fixture
def site(tmp_path):
    for index in range(120):
        (tmp_path / f"article-{index:03d}.md").write_text(BROKEN if index % 2 else VALID_HEADER)
    return tmp_path


def test_the_whole_output_is_written_and_the_status_kept(site):
    done = mdlint("check", "--no-cache", ".", cwd=site)
    assert done.returncode == 1
    in_process = CliRunner().invoke(click_main, ["check", "--no-cache", str(site)])
    assert done.stdout.replace("./", "") == in_process.output.replace(f"{site}/", "")
    assert done.stdout.endswith("(120 files checked). 60 fixable with `mdlint fix`.\n")


@pytest.mark.parametrize(
    ("args", "status", "stream", "text"),
    [
        (["--version"], 0, "stdout", "mdlint, version"),
        (["check", "article-000.md"], 0, "stdout", "No problems found"),
        (["check", "no-such-file.md"], 2, "stderr", "no such file or directory"),
        (["check", "--no-such-option"], 2, "stderr", "No such option"),
        (["no-such-command"], 2, "stderr", "No such command"),
    ],
)
def test_each_way_out_keeps_its_status_and_message(site, args, status, stream, text):
    done = mdlint(*args, cwd=site)
    assert done.returncode == status
    assert text in getattr(done, stream)


def test_a_closed_pipe_ends_the_run_quietly(tmp_path):
    """`mdlint check | head -1`: the reader goes away; no traceback, SIGPIPE's status. (The
    report is larger than a pipe holds, so mdlint is still writing when the reader goes.)"""
    for index in range(700):
        (tmp_path / f"article-{index:03d}.md").write_text(BROKEN)
    site = tmp_path
    process = subprocess.Popen(
        [sys.executable, "-m", "mdlint", "check", "--no-cache", "."],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"./article-")
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == BROKEN_PIPE_STATUS
    assert stderr == b""


@pytest.mark.parametrize(
    ("code", "status", "printed"),
    [(None, 0, ""), (0, 0, ""), (3, 3, ""), ("a message", 1, "a message\n")],
)
def test_status_is_what_sys_exit_gives(capsys, code, status, printed):
    assert _status(code) == status
    assert capsys.readouterr().err == printed


def test_python_m_mdlint_and_the_console_script_are_the_same_entry():
    with open(os.path.join(os.path.dirname(__file__), "..", "mdlint", "__main__.py")) as stream:
        assert "run()" in stream.read()
    with open(os.path.join(os.path.dirname(__file__), "..", "pyproject.toml")) as stream:
        assert 'mdlint = "mdlint.entry:run"' in stream.read()


def test_a_profiler_still_gets_to_report(site):
    """`python -m cProfile -m mdlint ...` prints its statistics after the run."""
    done = subprocess.run(
        [sys.executable, "-m", "cProfile", "-s", "tottime", "-m", "mdlint", "check", "."],
        cwd=site,
        capture_output=True,
        text=True,
    )
    # (cProfile itself swallows the exit status.)
    assert "Found 60 problems" in done.stdout and "function calls" in done.stdout


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups")
def test_ctrl_c_ends_the_run_with_a_line_and_130(tmp_path):
    import signal

    for index in range(4000):
        (tmp_path / f"article-{index:04d}.md").write_text(BROKEN)
    process = subprocess.Popen(
        [sys.executable, "-m", "mdlint", "check", "--no-cache", "-j", "2", "."],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a process group of its own, as a terminal's job is
        # As in a terminal: a test run in the background (`&` in a script) ignores SIGINT, and
        # a process started with SIGINT ignored never turns Ctrl-C into KeyboardInterrupt.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stdout is not None
    # The first window is reported; the rest of the report (800 KB) cannot fit in the pipe, so
    # the run is still under way when the signal comes.
    assert process.stdout.readline().startswith("./article-")
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does: the whole group gets it
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.strip().splitlines()[-1] == "mdlint: interrupted"
    assert "Traceback" not in stderr
    with pytest.raises(ProcessLookupError):  # its workers were reaped before it left
        os.killpg(process.pid, 0)


@pytest.mark.parametrize("output_format", ["concise", "full", "json", "github"])
def test_a_file_name_that_is_not_utf8_is_written_escaped(tmp_path, output_format):
    """Python reads such a name with surrogate escapes, which a UTF-8 output refuses: the report
    once ended in a UnicodeEncodeError. It is written as standard error writes it: `\\udce9`
    (in JSON, the escape of that character)."""
    name = b"caf\xe9.md"  # Latin-1, as an old site may have it
    try:
        (tmp_path / os.fsdecode(name)).write_text(BROKEN)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes UTF-8 names only")
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # strict, as on most terminals
    args = ["check", "--no-cache", "--output-format", output_format, "."]
    done = mdlint(*args, cwd=tmp_path, env=environment)
    assert (done.returncode, "Traceback" in done.stderr) == (1, False), done.stderr
    if output_format == "json":
        assert json.loads(done.stdout)[0]["path"] == "./" + os.fsdecode(name)
    assert "caf\\udce9.md" in done.stdout
    to_file = mdlint(*args, "-o", "report.txt", cwd=tmp_path, env=environment)
    assert (to_file.returncode, to_file.stdout) == (1, "")
    assert done.stdout == (tmp_path / "report.txt").read_text(encoding="utf-8")
    # A diff is a patch: it names the file in the bytes it has on disk (the reports escape it).
    command = [sys.executable, "-m", "mdlint", "fix", "--diff", "--no-cache", "."]
    fixing = subprocess.run(command, cwd=tmp_path, env=environment, capture_output=True)
    assert (fixing.returncode, b"Traceback" in fixing.stderr) == (1, False), fixing.stderr
    assert b"--- a/./caf\xe9.md\n" in fixing.stdout
