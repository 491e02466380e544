"""The `mdlint` command collects reference cycles rarely while it starts, at the usual pace once
files are checked; mdlint used as a library leaves the collector alone."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest

from mdlint import collector, entry
from mdlint.runner import Project, Workers


@pytest.fixture(autouse=True)
def usual_pace() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    yield before
    collector.working()
    gc.set_threshold(*before)


def _seen_by_main(monkeypatch) -> list[tuple[int, int, int]]:
    seen: list[tuple[int, int, int]] = []
    monkeypatch.setattr(entry, "main", lambda: seen.append(gc.get_threshold()))
    monkeypatch.setattr(entry.os, "_exit", lambda code: None)
    monkeypatch.setattr(entry, "_observed", lambda: False)  # under coverage, too
    return seen


def test_the_command_starts_at_the_slow_pace(monkeypatch, usual_pace):
    seen = _seen_by_main(monkeypatch)
    entry.run()
    assert seen == [(collector.STARTING_THRESHOLD, *usual_pace[1:])]


def _echo(project: Project, path: str) -> str:
    return path


def test_the_usual_pace_is_back_once_files_are_worked_on(usual_pace, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    collector.starting()
    with Workers(Project.load(), _echo, 1) as workers:
        assert list(workers.map([], expected=0)) == []  # every result came from the cache
        assert gc.get_threshold()[0] == collector.STARTING_THRESHOLD
        assert list(workers.map(["a.md"], expected=1)) == ["a.md"]
        assert gc.get_threshold() == usual_pace


def test_working_without_starting_changes_nothing(usual_pace):
    collector.working()
    assert gc.get_threshold() == usual_pace


def test_the_library_leaves_the_collector_alone():
    probe = (
        "import gc, mdlint, mdlint.entry; before = gc.get_threshold(); mdlint.check_text('');"
        " print(before == gc.get_threshold())"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout == "True\n", done.stderr
