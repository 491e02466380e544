"""mdlint/fork_pool.py: workers forked and fed through pipes, results in order, never a deadlock,
every failure raised in the parent, every worker reaped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from mdlint import runner
from mdlint.fork_pool import ForkPool, WorkerDied
from mdlint.runner import Project

from .conftest import ROOT
from .test_parallel import make_site

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")

_STATE: dict[str, object] = {}


def remember(value: object) -> None:
    _STATE["value"] = value


def no_setup() -> None:
    pass


def square(number: int) -> int:
    return number * number


def with_state(number: int) -> tuple[int, object, int]:
    return number, _STATE.get("value"), os.getpid()


def echo_twice(text: str) -> str:
    return text * 2


def fail_on_three(number: int) -> int:
    if number == 3:
        raise ValueError("three is refused")
    return number


class Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("not picklable")


def fail_unpicklably(number: int) -> int:
    raise Unpicklable("odd")


def failing_setup() -> None:
    raise LookupError("no settings")


def stop_if_asked(number: int) -> int:
    if number == 5:
        os.kill(os.getpid(), signal.SIGKILL)
    return number


@pytest.fixture(autouse=True)
def no_hanging():
    """A deadlock fails the test instead of hanging the run."""
    signal.alarm(60)
    yield
    signal.alarm(0)


def assert_reaped(pids: list[int]) -> None:
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_results_come_in_order_from_each_worker_after_its_setup():
    pool = ForkPool(3, remember, ("set up",))
    try:
        results = list(pool.map(with_state, range(100), chunksize=7))
    finally:
        pids = [worker.pid for worker in pool._workers]
        pool.shutdown()
    assert [number for number, _, _ in results] == list(range(100))
    assert {state for _, state, _ in results} == {"set up"}
    assert len({pid for _, _, pid in results}) == 3
    assert os.getpid() not in {pid for _, _, pid in results}
    assert_reaped(pids)


def test_several_calls_in_flight_each_keep_their_order():
    pool = ForkPool(2, no_setup, ())
    try:
        first = pool.map(square, range(50), chunksize=4)
        second = pool.map(square, range(50, 80), chunksize=3)
        third = pool.map(square, [], chunksize=3)
        assert list(second) == [n * n for n in range(50, 80)]
        assert list(third) == []
        assert list(first) == [n * n for n in range(50)]
    finally:
        pool.shutdown()


def test_large_tasks_and_results_do_not_deadlock():
    """Far more than a pipe holds, both ways, all sent before any result is read."""
    pool = ForkPool(2, no_setup, ())
    try:
        texts = [f"{index:06d}" * 20_000 for index in range(60)]  # 120 KB each
        results = pool.map(echo_twice, texts, chunksize=2)
        assert list(results) == [text * 2 for text in texts]
    finally:
        pool.shutdown()


def test_an_error_in_the_work_is_raised_here():
    pool = ForkPool(2, no_setup, ())
    try:
        with pytest.raises(ValueError, match="three is refused"):
            list(pool.map(fail_on_three, range(10), chunksize=2))
    finally:
        pool.shutdown()


def test_an_error_that_cannot_be_pickled_is_raised_as_its_text():
    pool = ForkPool(1, no_setup, ())
    try:
        with pytest.raises(RuntimeError, match="Unpicklable: odd"):
            list(pool.map(fail_unpicklably, range(3), chunksize=1))
    finally:
        pool.shutdown()


def test_an_error_in_the_setup_is_raised_here():
    pool = ForkPool(2, failing_setup, ())
    pids = [worker.pid for worker in pool._workers]
    try:
        with pytest.raises(LookupError, match="no settings"):
            list(pool.map(square, range(10), chunksize=1))
    finally:
        pool.shutdown()
    assert_reaped(pids)


def test_a_worker_that_dies_is_reported_not_waited_for():
    pool = ForkPool(2, no_setup, ())
    pids = [worker.pid for worker in pool._workers]
    try:
        with pytest.raises(WorkerDied, match="killed by signal 9"):
            list(pool.map(stop_if_asked, range(20), chunksize=1))
    finally:
        pool.shutdown()
    assert_reaped(pids)


def test_shutdown_with_work_still_under_way_ends_every_worker():
    pool = ForkPool(2, no_setup, ())
    pids = [worker.pid for worker in pool._workers]
    results = pool.map(echo_twice, ["x" * 500_000] * 20, chunksize=1)
    assert next(results) == "x" * 1_000_000
    pool.shutdown()
    assert_reaped(pids)


def test_a_worker_runs_none_of_the_parents_exit_code():
    """Output buffered before the fork is written once, and the parent's atexit handlers and
    `finally` blocks run in the parent only."""
    script = textwrap.dedent(
        """
        import atexit, sys
        from mdlint.fork_pool import ForkPool
        atexit.register(lambda: print("atexit"))
        print("buffered", end=" ")
        try:
            pool = ForkPool(2, int, ())
            print(sum(pool.map(abs, range(-5, 5), chunksize=1)), end=" ")
            pool.shutdown()
        finally:
            print("finally")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout == "buffered 25 finally\natexit\n"
    assert done.stderr == ""


@pytest.mark.parametrize("fork_pool", [True, False], ids=["fork pool", "ProcessPoolExecutor"])
def test_both_pools_give_the_serial_results(tmp_path, monkeypatch, fork_pool):
    monkeypatch.setattr(runner, "FORK_POOL", fork_pool)
    make_site(tmp_path, 200)
    paths = sorted(str(p) for p in tmp_path.rglob("*.md"))
    project = Project.load(isolated=True)
    serial = project.check_files(paths, jobs=1)
    parallel = project.check_files(paths, jobs=2)
    assert parallel == serial
    assert sum(len(result.findings) for result in parallel) > 100


def test_ctrl_c_is_the_parents_to_answer_a_worker_ignores_it():
    """Ctrl-C reaches the whole process group; a worker that died of it would make the run
    report a dead worker rather than the interruption the parent reports."""
    pool = ForkPool(1, no_setup, ())
    try:
        assert list(pool.map(square, range(3), chunksize=1)) == [0, 1, 4]  # set up by now
        os.kill(pool._workers[0].pid, signal.SIGINT)
        assert list(pool.map(square, range(5), chunksize=2)) == [0, 1, 4, 9, 16]
    finally:
        pool.shutdown()


def test_ctrl_c_while_a_worker_is_forked_interrupts_this_process_alone(monkeypatch):
    """Ctrl-C at the moment of a fork reaches both processes. The worker must ignore it, not
    raise KeyboardInterrupt into this process's code (it once ran the parent's error handling
    and report: a traceback and a second "interrupted"); this process raises it once the worker
    is counted, and reaps it."""
    real_fork, real_waitpid = os.fork, os.waitpid
    forked: list[int] = []
    statuses: list[int] = []

    def fork_then_ctrl_c() -> int:
        pid = real_fork()
        os.kill(os.getpid(), signal.SIGINT)  # in the worker and here, at once after the fork
        if pid:
            forked.append(pid)
        return pid

    def waitpid(pid: int, options: int) -> tuple[int, int]:
        done = real_waitpid(pid, options)
        statuses.append(os.waitstatus_to_exitcode(done[1]))
        return done

    monkeypatch.setattr(os, "fork", fork_then_ctrl_c)
    monkeypatch.setattr(os, "waitpid", waitpid)
    with pytest.raises(KeyboardInterrupt):
        ForkPool(2, no_setup, ())
    assert len(forked) == 1 and statuses == [0]  # reaped, after an orderly end
