"""--jobs changes how fast, never what: the same output in the same order for any N."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from mdlint import runner
from mdlint.cli import main
from mdlint.runner import Project

from .conftest import VALID_HEADER


def make_site(root, count: int) -> None:
    for index in range(count):
        folder = root / f"part-{index % 7}"
        folder.mkdir(exist_ok=True)
        text = VALID_HEADER
        if index % 3 == 0:
            text = text.replace('sidebar: "right"', 'sidebar: "Right"')
        if index % 5 == 0:
            text = text.replace("pager: true", "pager: yes").replace("title:", "titel:")
        (folder / f"article-{index:04d}.md").write_text(text)


def record(monkeypatch, events: list[str], owner: object, name: str, label: str) -> None:
    """`owner.name` still does its work, and appends `label` to `events` at each call."""
    real = getattr(owner, name)

    def recorded(*args, **kwargs):
        events.append(label)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, recorded)


def before_the_last(events: list[str], first: str, last: str) -> bool:
    """Whether the first `first` event came before the last `last` one."""
    return events.index(first) < len(events) - 1 - events[::-1].index(last)


def test_output_is_identical_whatever_the_jobs(tmp_path):
    make_site(tmp_path, 300)
    outputs = set()
    for jobs in ("1", "2", "3"):
        result = CliRunner().invoke(main, ["check", "--no-cache", "-j", jobs, str(tmp_path)])
        assert result.exit_code == 1
        outputs.add(result.output)
    assert len(outputs) == 1
    assert "Found" in outputs.pop()


def test_parallel_results_keep_the_order_and_drop_fixer_details(tmp_path):
    make_site(tmp_path, 200)
    paths = sorted(str(p) for p in tmp_path.rglob("*.md"))
    project = Project.load(isolated=True)
    serial = project.check_files(paths, jobs=1)
    parallel = project.check_files(paths, jobs=2)
    assert [r.path for r in parallel] == paths
    assert [[(f.code, f.line, f.col, f.message) for f in r.findings] for r in parallel] == [
        [(f.code, f.line, f.col, f.message) for f in r.findings] for r in serial
    ]
    assert all(f.detail is None for r in parallel for f in r.findings)


def test_windows_keep_the_order_with_a_cache_and_processes(tmp_path, monkeypatch):
    """Results come a window at a time, the next window's checks under way in the pool while
    this one's are read, some from the cache: the order and the findings stay the same."""
    from mdlint.cache import Cache

    (tmp_path / "site").mkdir()
    make_site(tmp_path / "site", 300)
    paths = sorted(str(p) for p in (tmp_path / "site").rglob("*.md"))
    project = Project.load(isolated=True)
    expected = project.check_files(paths, jobs=1)
    monkeypatch.setattr(runner, "WINDOW", 70)
    warnings: list[str] = []
    cache = Cache(str(tmp_path / "cache"), warnings.append)
    project.check_files(paths[::3], jobs=2, cache=cache)  # a third of them cached
    cache.save()
    for jobs in (1, 2, 3):
        cache = Cache(str(tmp_path / "cache"), warnings.append)
        assert project.check_files(paths, jobs=jobs, cache=cache) == expected
        cache.save()
    assert warnings == []


def test_processes_start_only_for_a_window_with_enough_files_to_check(tmp_path, monkeypatch):
    make_site(tmp_path, 200)
    paths = sorted(str(p) for p in tmp_path.rglob("*.md"))
    project = Project.load(isolated=True)
    started: list[int] = []
    real = runner.Workers._start

    def spy(self, jobs):
        started.append(jobs)
        return real(self, jobs)

    monkeypatch.setattr(runner.Workers, "_start", spy)
    project.check_files(paths[:63], jobs=4)
    assert started == []  # fewer than 64 files: not worth a process
    project.check_files(paths, jobs=4)
    assert started == [3]  # 200 files: three processes of at least 64 files each


def where_and_what_was_loaded(project: Project, path: str) -> tuple[int, bool]:
    """Work for the test below: the process it ran in, and whether `json.tool` was loaded there
    (it is imported for the first file only)."""
    import sys

    if path.endswith("0000"):
        import json.tool  # noqa: F401
    return os.getpid(), "json.tool" in sys.modules


@pytest.mark.parametrize("fork_pool", [True, False])
def test_the_first_files_are_worked_out_before_the_fork(monkeypatch, fork_pool):
    """The modules the first files needed are imported once, then inherited by every worker."""
    import sys

    monkeypatch.setattr(runner, "FORK_POOL", fork_pool)
    monkeypatch.delitem(sys.modules, "json.tool", raising=False)
    project = Project.load(isolated=True)
    paths = [f"{n:04d}" for n in range(200)]
    first = runner._FIRST_IN_THIS_PROCESS
    with runner.Workers(project, where_and_what_was_loaded, jobs=2) as workers:
        results = list(workers.map(paths, expected=len(paths)))
    assert {pid for pid, _ in results[:first]} == {os.getpid()}
    assert os.getpid() not in {pid for pid, _ in results[first:]}
    assert all(loaded for _, loaded in results)


def test_results_are_reported_as_they_come_not_kept(tmp_path, monkeypatch):
    """Without a progress bar, `check` reports each window of results before checking the
    next, so a run's memory does not grow with the number of files."""
    from mdlint.reporters import text

    make_site(tmp_path, 9)
    events: list[str] = []
    record(monkeypatch, events, Project, "check_file", "check")
    record(monkeypatch, events, text, "concise_line", "report")
    monkeypatch.setattr(runner, "WINDOW", 2)
    args = ["check", "--no-cache", "-j", "1", "--output-format", "concise", str(tmp_path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "Found" in result.output
    assert events.count("check") == 9
    assert before_the_last(events, "report", "check")


def test_fix_reports_as_it_goes_and_counts_the_same(tmp_path, monkeypatch):
    """`fix` too reports each window before fixing the next, holding at most WRITES_AHEAD
    outcomes whose files are still to be written; its summary and exit code are those of a run
    in one window (tests/test_style.py checks the notes of unfixed findings)."""
    from mdlint import fix_runner
    from mdlint.reporters import text

    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        make_site(tmp_path / name, 9)
    whole = CliRunner().invoke(main, ["fix", "--no-cache", "-j", "1", str(tmp_path / "b")])
    events: list[str] = []
    record(monkeypatch, events, fix_runner, "fix_file", "fix")
    record(monkeypatch, events, text, "concise_line", "report")
    monkeypatch.setattr(runner, "WINDOW", 2)
    monkeypatch.setattr(fix_runner, "WRITES_AHEAD", 2)
    args = ["fix", "--no-cache", "-j", "1", "--output-format", "concise", str(tmp_path / "a")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == whole.exit_code == 1, result.output
    assert events.count("fix") == 9
    assert before_the_last(events, "report", "fix")
    assert result.output.splitlines()[-1] == whole.output.splitlines()[-1]
    assert "4 remain" in result.output


def test_files_are_checked_while_the_walk_goes_on(tmp_path, monkeypatch):
    """Without a progress bar nothing needs the count first: the first window is checked
    before the walk has found the last file, so not even the list of paths is kept."""
    from mdlint import discovery

    make_site(tmp_path, 9)
    events: list[str] = []
    record(monkeypatch, events, discovery, "stamp", "found")
    record(monkeypatch, events, Project, "check_file", "check")
    monkeypatch.setattr(runner, "WINDOW", 2)
    result = CliRunner().invoke(main, ["check", "--no-cache", "-j", "1", str(tmp_path)])
    assert result.exit_code == 1 and "9 files checked" in result.output
    assert events.count("found") == events.count("check") == 9
    assert before_the_last(events, "check", "found")


# --- fix: worked out in the workers, written in the main process on a thread, in order ----------


def fixed_tree(root) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*.md"))}


@pytest.mark.parametrize("fork_pool", [True, False], ids=["fork pool", "ProcessPoolExecutor"])
def test_fix_in_processes_writes_and_reports_as_fix_in_one(tmp_path, monkeypatch, fork_pool):
    monkeypatch.setattr(runner, "FORK_POOL", fork_pool and hasattr(os, "fork"))
    for name in ("serial", "parallel"):
        (tmp_path / name).mkdir()
        make_site(tmp_path / name, 150)
    args = ["fix", "--no-cache", "--output-format", "concise"]
    serial = CliRunner().invoke(main, [*args, "-j", "1", str(tmp_path / "serial")])
    parallel = CliRunner().invoke(main, [*args, "-j", "2", str(tmp_path / "parallel")])
    assert serial.exit_code == parallel.exit_code == 1
    assert parallel.output.replace("parallel", "serial") == serial.output
    assert "Fixed" in serial.output and fixed_tree(tmp_path / "serial") == fixed_tree(
        tmp_path / "parallel"
    )


def batch_of(tmp_path, count: int) -> list[str]:
    make_site(tmp_path, count)
    return sorted(str(p) for p in tmp_path.rglob("*.md"))


def fixable(path: str) -> bool:
    with open(path, "rb") as stream:
        return b'sidebar: "Right"' in stream.read()  # make_site's safe mistake


def fixes_of(paths: list[str]) -> list:
    """Each file's fix as a worker hands it over: with the patch still to be written."""
    from mdlint import fix_runner

    project = Project.load(isolated=True)
    return [fix_runner._fix_in_worker(False, True, project, path) for path in paths]


def test_workers_only_compute_and_the_patches_are_written_in_order(tmp_path, monkeypatch):
    from mdlint import fix_runner

    paths = batch_of(tmp_path, 12)
    before = {path: open(path, "rb").read() for path in paths}
    outcomes = fixes_of(paths)
    assert {path: open(path, "rb").read() for path in paths} == before  # nothing written yet
    patched = [o.path for o in outcomes if o.patch is not None]
    assert patched == [o.path for o in outcomes if o.changed] and len(patched) >= 4
    written: list[str] = []
    real = fix_runner.apply_patch
    monkeypatch.setattr(
        fix_runner, "apply_patch", lambda path, patch: (written.append(path), real(path, patch))
    )
    released = list(fix_runner.written_in_order(outcomes, ahead=2))
    assert [o.path for o in released] == paths and written == patched
    assert all(o.patch is None and o.error is None for o in released)
    assert not any(fixable(path) for path in paths)


def test_a_write_refused_is_that_files_error_only(tmp_path, monkeypatch):
    from mdlint import fix_runner
    from mdlint.writer import WriteError

    paths = batch_of(tmp_path, 12)
    refused = [path for path in paths if fixable(path)][1]
    with open(refused, "rb") as stream:
        before = stream.read()
    real = fix_runner.apply_patch

    def write(path, patch):
        if path == refused:
            raise WriteError(f"{path}: cannot write: refused")
        real(path, patch)

    monkeypatch.setattr(fix_runner, "apply_patch", write)
    outcomes = list(fix_runner.written_in_order(fixes_of(paths)))
    assert [outcome.path for outcome in outcomes] == paths
    assert [(o.path, o.error) for o in outcomes if o.error] == [
        (refused, f"{refused}: cannot write: refused")
    ]
    with open(refused, "rb") as stream:
        assert stream.read() == before
    written = [o.path for o in outcomes if o.changed and o.path != refused]
    assert len(written) >= 3 and not any(fixable(path) for path in written)


def test_a_bug_while_writing_is_reported_not_lost(tmp_path, monkeypatch):
    from mdlint import fix_runner

    def write(path, patch):
        raise RuntimeError("oops")

    monkeypatch.setattr(fix_runner, "apply_patch", write)
    outcomes = list(fix_runner.written_in_order(fixes_of(batch_of(tmp_path, 7))))
    errors = [outcome.error for outcome in outcomes if outcome.changed]
    assert errors and all(error and "oops" in error for error in errors)
    assert all(outcome.error is None for outcome in outcomes if not outcome.changed)


def test_a_file_edited_after_its_fix_was_worked_out_is_left_as_edited(tmp_path):
    from mdlint import fix_runner

    paths = batch_of(tmp_path, 4)
    outcomes = fixes_of(paths)
    edited = next(o.path for o in outcomes if o.patch is not None)
    with open(edited, "ab") as stream:
        stream.write(b"\nwritten by an editor meanwhile\n")
    with open(edited, "rb") as stream:
        now = stream.read()
    released = list(fix_runner.written_in_order(outcomes))
    assert [o.error for o in released if o.path == edited] == [
        f"{edited}: changed on disk while mdlint was fixing it; left as it is"
    ]
    with open(edited, "rb") as stream:
        assert stream.read() == now


def test_stopped_writes_finish_the_file_under_way_and_leave_the_rest(tmp_path, monkeypatch):
    """Ctrl-C or a closed pipe closes the outcomes: the write under way ends, the others never
    start, so no file is left half-written and none is written after the run has ended."""
    import threading
    import time

    from mdlint import fix_runner

    paths = [p for p in batch_of(tmp_path, 30) if fixable(p)][:4]
    before = {path: open(path, "rb").read() for path in paths}
    outcomes = fixes_of(paths)
    first_begun, go_on = threading.Event(), threading.Event()
    real = fix_runner.apply_patch

    def slow_first(path, patch):
        if path == paths[0]:
            first_begun.set()
            go_on.wait(10)
        real(path, patch)

    monkeypatch.setattr(fix_runner, "apply_patch", slow_first)
    writes = fix_runner.BackgroundWrites()
    tickets = [writes.submit(outcome) for outcome in outcomes]
    assert tickets == [0, 1, 2, 3] and first_begun.wait(10)
    stopping = threading.Thread(target=writes.stop)
    stopping.start()
    while not writes._stopping:
        time.sleep(0.001)
    go_on.set()
    stopping.join(10)
    assert not fixable(paths[0])  # finished
    assert {path: open(path, "rb").read() for path in paths[1:]} == {
        path: before[path] for path in paths[1:]
    }


def test_a_patch_carries_the_header_not_the_body(tmp_path):
    from mdlint.writer import Patch, apply_patch

    body = b"body line\n" * 100_000  # a megabyte the fix never touches
    original = b'---\ntitle: "x"\nsidebar: "Right"\n---\n\n' + body
    fixed = original.replace(b'"Right"', b'"right"')
    patch = Patch.between(original, fixed)
    assert patch.head == b'---\ntitle: "x"\nsidebar: "right"\n---\n\n'
    assert patch.keep_from == len(original) - len(body)
    path = tmp_path / "post.md"
    path.write_bytes(original)
    apply_patch(str(path), patch)
    assert path.read_bytes() == fixed
    # Bytes that do not end as the original's body (never made by a fix): the whole file.
    whole = Patch.between(original, b"something else")
    assert (whole.head, whole.keep_from) == (b"something else", len(original))


def test_the_fix_tally_closes_outcomes_still_coming():
    """`mdlint fix` reads its outcomes inside `with FixTally(...)`: when the report stops early
    (Ctrl-C, a closed pipe), the outcomes are closed there, and their writing ends with them."""
    from mdlint.fix_runner import FileFix, FixTally

    closed: list[bool] = []

    def outcomes():
        try:
            yield from (FileFix(f"{n}.md") for n in range(5))
        finally:
            closed.append(True)

    with pytest.raises(BrokenPipeError), FixTally(outcomes()) as tally:
        for _ in tally:
            raise BrokenPipeError
    assert closed == [True] and tally.seen == 1


@given(
    header=st.text(max_size=40),
    body=st.binary(max_size=40),
    edit=st.text(max_size=10),
    at=st.integers(min_value=0, max_value=60),
)
def test_a_patch_applied_to_the_original_gives_the_fixed_bytes(
    tmp_path_factory, header, body, edit, at
):
    """Whatever the bytes (front matter or not, a body that is not UTF-8, an edit anywhere), the
    patch turns the original into the fixed file exactly."""
    from mdlint.writer import Patch, apply_patch

    original = b"---\n" + header.encode("utf-8", "surrogatepass") + b"\n---\n" + body
    cut = min(at, len(original))
    fixed = original[:cut] + edit.encode("utf-8", "surrogatepass") + original[cut:]
    path = tmp_path_factory.mktemp("patch") / "post.md"
    path.write_bytes(original)
    apply_patch(str(path), Patch.between(original, fixed))
    assert path.read_bytes() == fixed


def test_the_writing_thread_is_ended_before_the_workers_are_forked(tmp_path, monkeypatch):
    """The workers may be forked once files are being written (a window's first with enough
    files to fix): a fork copies no thread but the locks a thread holds, and Python 3.12 warns
    of it. The writing thread ends first, its writes done; the next write starts another."""
    import threading

    from mdlint import fix_runner
    from mdlint.cache import Cache

    fixable_text = VALID_HEADER.replace('sidebar: "right"', 'sidebar: "Right"')
    names = [f"a{n:02}-{kind}.md" for n, kind in enumerate(["fix", "ok", "ok", "ok"] * 2)]
    names += [f"b{n:02}-fix.md" for n in range(4)]
    for name in names:
        (tmp_path / name).write_text(fixable_text if "fix" in name else VALID_HEADER)
    project = Project.load(isolated=True)
    clean = [item for item in project.iter_files([str(tmp_path)]) if "ok" in item[0]]
    cache = Cache(str(tmp_path / ".cache"), print)
    list(project.iter_results(clean, jobs=1, cache=cache))  # known clean from now on
    cache.save()
    # Windows of 4: two with one file to fix each (fixed here), then one with 4 (in workers).
    monkeypatch.setattr(runner, "WINDOW", 4)
    monkeypatch.setattr(runner, "_MIN_FILES_PER_JOB", 3)
    monkeypatch.setattr(runner, "_FIRST_IN_THIS_PROCESS", 0)
    threads_at_fork: list[int] = []
    written_at_fork: list[bool] = []
    real_fork = os.fork

    def fork() -> int:
        threads_at_fork.append(threading.active_count())
        written_at_fork.append(not fixable(str(tmp_path / names[0])))
        return real_fork()

    monkeypatch.setattr(os, "fork", fork)
    outcomes = list(
        fix_runner.iter_fixes(
            project,
            project.iter_files([str(tmp_path)]),
            unsafe=False,
            write=True,
            jobs=2,
            cache=Cache(str(tmp_path / ".cache"), print),
        )
    )
    assert threads_at_fork == [1, 1] and written_at_fork == [True, True]
    assert [os.path.basename(o.path) for o in outcomes] == names
    assert not any(fixable(str(tmp_path / name)) for name in names)
