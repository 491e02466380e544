"""The progress bar: when it may appear, and what it draws. A fake clock, no timed assertions."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner

from mdlint import progress as progress_module
from mdlint.cli import main
from mdlint.progress import Progress, progress_wanted
from mdlint.reporters.output import Output, OutputArgs

from .conftest import VALID_HEADER


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


# --- The decision --------------------------------------------------------------------------------


def test_only_on_a_terminal():
    assert progress_wanted(Terminal(), machine_output_on_stdout=False, environ={}) is True
    assert progress_wanted(io.StringIO(), machine_output_on_stdout=False, environ={}) is False
    assert progress_wanted(object(), machine_output_on_stdout=False, environ={}) is False


def test_never_with_a_machine_format_on_stdout():
    assert progress_wanted(Terminal(), machine_output_on_stdout=True, environ={}) is False


def test_never_on_a_dumb_terminal():
    assert (
        progress_wanted(Terminal(), machine_output_on_stdout=False, environ={"TERM": "dumb"})
        is False
    )


def test_never_on_a_closed_stream():
    class Closed:
        def isatty(self) -> bool:
            raise ValueError("I/O operation on closed file")

    assert progress_wanted(Closed(), machine_output_on_stdout=False, environ={}) is False


@pytest.mark.parametrize(
    ("name", "output_file", "wanted"),
    [
        ("full", None, True),
        ("concise", None, True),
        ("json", None, False),
        ("sarif", None, False),
        ("github", None, False),
        ("junit", None, False),
        ("junit", "report.xml", True),  # the report goes to a file: stdout is free
    ],
)
def test_the_run_asks_for_it_per_format(monkeypatch, name, output_file, wanted):
    monkeypatch.setattr(progress_module.sys, "stderr", Terminal())
    monkeypatch.delenv("TERM", raising=False)
    args = OutputArgs(output_format=name, output_file=output_file)
    assert Output(args).progress(500).enabled is wanted
    monkeypatch.setattr(progress_module.sys, "stderr", io.StringIO())
    assert Output(args).progress(500).enabled is False  # (a run asks once: a new run)


# --- The bar -------------------------------------------------------------------------------------


def test_nothing_is_drawn_in_the_first_second():
    clock, stream = Clock(), Terminal()
    bar = Progress(10, enabled=True, stream=stream, clock=clock)
    for _ in range(9):
        clock.now += 0.1
        bar.advance()
    bar.close()
    assert stream.getvalue() == "" and not bar.shown


def test_drawn_after_a_second_and_wiped_at_the_end():
    clock, stream = Clock(), Terminal()
    with Progress(10, enabled=True, stream=stream, clock=clock) as bar:
        clock.now += 1.5
        bar.advance(4)
        assert bar.shown
        drawn = stream.getvalue()
        assert drawn.startswith("\rChecking [") and drawn.endswith("] 4/10 files")
        assert drawn.count("#") == 16 and drawn.count(".") == 24
    wiped = stream.getvalue()[len(drawn) :]
    assert wiped == "\r" + " " * (len(drawn) - 1) + "\r"


def test_redraws_at_most_ten_times_a_second_but_always_the_last_file():
    clock, stream = Clock(), Terminal()
    bar = Progress(1000, enabled=True, stream=stream, clock=clock)
    clock.now += 2
    for _ in range(999):
        bar.advance()  # the clock stands still: one draw
    assert stream.getvalue().count("\r") == 1
    bar.advance()
    assert stream.getvalue().endswith(" 1000/1000 files")


def test_disabled_draws_nothing_ever():
    clock, stream = Clock(), Terminal()
    bar = Progress(10, enabled=False, stream=stream, clock=clock)
    clock.now += 60
    for _ in range(10):
        bar.advance()
    bar.close()
    assert stream.getvalue() == "" and bar.done == 10


def test_one_file_draws_no_bar():
    assert Progress(1, enabled=True, stream=Terminal()).enabled is False


def test_the_line_fits_the_terminal():
    bar = Progress(10_000, enabled=True, label="Checking")
    bar.done = 5_000
    assert bar.line(80) == "Checking [####################....................] 5000/10000 files"
    assert len(bar.line(50)) < 50 and "5000/10000 files" in bar.line(50)
    assert bar.line(20) == "Checking 5000/10000"


# --- In a real run -------------------------------------------------------------------------------


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """What runs draw: every bar drawn at once (no delay), on this fake terminal."""
    terminal = Terminal()

    class Immediate(Progress):
        def __init__(self, total: int, **options: object) -> None:
            super().__init__(total, **{**options, "stream": terminal, "delay": 0.0})

    monkeypatch.setattr(progress_module, "Progress", Immediate)
    return terminal


@pytest.fixture
def many(tmp_path):
    for index in range(30):
        (tmp_path / f"{index:02}.md").write_text(VALID_HEADER)
    return tmp_path


def test_a_run_whose_stderr_is_not_a_terminal_draws_no_bar(many, drawn):
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", str(many)])
    assert result.exit_code == 0 and result.stderr == ""
    assert drawn.getvalue() == ""


def test_a_run_on_a_terminal_draws_the_bar_and_wipes_it(many, drawn, monkeypatch):
    wanted = []

    def on_a_terminal(stream, *, machine_output_on_stdout, environ=None):
        wanted.append(machine_output_on_stdout)
        return not machine_output_on_stdout

    monkeypatch.setattr(progress_module, "progress_wanted", on_a_terminal)
    args = ["check", "--isolated", "--no-cache", "--output-format", "concise", str(many)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert result.stdout == "No problems found (30 files checked).\n"
    assert "Checking [" in drawn.getvalue() and "] 30/30 files" in drawn.getvalue()
    assert drawn.getvalue().endswith("\r")  # wiped before the report

    drawn.seek(0)
    drawn.truncate()
    result = CliRunner().invoke(main, [*args[:-2], "json", str(many)])
    assert result.exit_code == 0 and wanted == [False, True]
    assert drawn.getvalue() == ""
