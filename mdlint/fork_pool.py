"""Worker processes forked from this one and fed through pipes: the part of ProcessPoolExecutor
that mdlint uses, without importing multiprocessing and concurrent.futures. Those imports cost
~30 ms, spent before the first worker could start, on every run that checks enough files to
use processes (a cold run of 2,000 articles takes ~500 ms).

Each worker has two pipes: tasks come in on one, results go out on the other, each message a
length and a pickle. A task is a chunk of items; `map` hands a call's chunks to the workers
with the fewest items outstanding, and yields the results in order. This process never blocks
on a write: what a full pipe cannot take waits in a buffer, written when `select` says the pipe
has room, while results are read. So a worker blocked writing results never waits on a parent
blocked writing tasks.

Only where `os.fork` exists (runner.Workers uses ProcessPoolExecutor elsewhere). A worker that
dies makes the next read of results raise WorkerDied; shutdown() closes the pipes (a worker
then ends at its next read or write) and reaps the processes.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any

_LENGTH_BYTES = 8


class WorkerDied(Exception):
    """A worker process ended while it had work to return."""


class _Worker:
    def __init__(self, pid: int, tasks: int, results: int) -> None:
        self.pid = pid
        self.tasks = tasks  # write end of its task pipe (non-blocking)
        self.results = results  # read end of its result pipe
        self.pending = bytearray()  # task bytes the pipe could not take yet
        self.received = bytearray()  # result bytes read, not yet a whole message
        self.outstanding = 0  # items sent and not yet returned


class ForkPool:
    """`jobs` processes forked from this one, each running `initializer(*initargs)` once."""

    def __init__(self, jobs: int, initializer: Callable[..., None], initargs: tuple[Any, ...]):
        self._workers: list[_Worker] = []
        self._done: dict[int, list[Any]] = {}  # results of each task, by task number
        self._tasks_sent = 0
        try:
            for _ in range(jobs):
                self._fork(initializer, initargs)
        except BaseException:
            self.shutdown()
            raise

    def _fork(self, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
        """Start a worker, and count it among `_workers`.

        Ctrl-C (SIGINT, sent to the whole process group) is held back over the fork: in the
        worker until it ignores it, or the KeyboardInterrupt would run this process's code in the
        worker (its error handling, its report: a traceback and a second "interrupted"); here
        until the worker is counted, so that shutdown() reaps it."""
        task_read, task_write = os.pipe()
        result_read, result_write = os.pipe()
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            pid = os.fork()
            if pid == 0:  # the worker: it never returns from here
                try:
                    signal.signal(signal.SIGINT, signal.SIG_IGN)
                    signal.pthread_sigmask(signal.SIG_SETMASK, held)
                    for worker in self._workers:  # the other workers' pipes are not its business
                        os.close(worker.tasks)
                        os.close(worker.results)
                    os.close(task_write)
                    os.close(result_read)
                    _serve(task_read, result_write, initializer, initargs)
                finally:
                    os._exit(1)  # only if setting up failed: _serve ends the process itself
            os.close(task_read)
            os.close(result_write)
            os.set_blocking(task_write, False)
            self._workers.append(_Worker(pid, task_write, result_read))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def map(self, fn: Callable[[Any], Any], items: Sequence[Any], chunksize: int) -> Iterator[Any]:
        """`fn(item)` for each item, in order; the work is sent now, the results read as they
        are asked for."""
        numbers = [
            self._send(fn, items[start : start + chunksize])
            for start in range(0, len(items), chunksize)
        ]
        return self._results_of(numbers)

    def _send(self, fn: Callable[[Any], Any], chunk: Sequence[Any]) -> int:
        number = self._tasks_sent
        self._tasks_sent += 1
        worker = min(self._workers, key=lambda w: w.outstanding)
        worker.outstanding += len(chunk)
        worker.pending += _framed(pickle.dumps((number, fn, list(chunk)), pickle.HIGHEST_PROTOCOL))
        self._write(worker)
        return number

    def _results_of(self, numbers: list[int]) -> Iterator[Any]:
        for number in numbers:
            while number not in self._done:
                self._wait()
            yield from self._done.pop(number)

    def _wait(self) -> None:
        """Read whatever results have come (waiting for some), and write pending tasks."""
        readable = [worker.results for worker in self._workers]
        writable = [worker.tasks for worker in self._workers if worker.pending]
        ready_to_read, ready_to_write, _ = select.select(readable, writable, [])
        for worker in self._workers:
            if worker.tasks in ready_to_write:
                self._write(worker)
            if worker.results in ready_to_read:
                self._read(worker)

    def _write(self, worker: _Worker) -> None:
        try:
            written = os.write(worker.tasks, worker.pending)
        except BlockingIOError:
            return
        except BrokenPipeError:
            raise self._died(worker) from None
        del worker.pending[:written]

    def _read(self, worker: _Worker) -> None:
        data = os.read(worker.results, 1 << 20)
        if not data:
            raise self._died(worker)
        worker.received += data
        self._take_messages(worker)

    def _take_messages(self, worker: _Worker) -> None:
        """The whole messages received from `worker`: results kept, an error raised."""
        while len(worker.received) >= _LENGTH_BYTES:
            size = int.from_bytes(worker.received[:_LENGTH_BYTES], "big")
            if len(worker.received) < _LENGTH_BYTES + size:
                break
            message = bytes(worker.received[_LENGTH_BYTES : _LENGTH_BYTES + size])
            del worker.received[: _LENGTH_BYTES + size]
            number, succeeded, value = pickle.loads(message)
            if not succeeded:
                raise value
            worker.outstanding -= len(value)
            self._done[number] = value

    def _died(self, worker: _Worker) -> BaseException:
        """Why `worker` stopped: the error it sent last, if any, else how it ended."""
        while data := os.read(worker.results, 1 << 20):  # what it wrote before it ended
            worker.received += data
        try:
            _, status = os.waitpid(worker.pid, 0)
        except ChildProcessError:
            status = 0
        self._forget(worker)
        try:
            self._take_messages(worker)
        except Exception as error:
            return error
        how = (
            f"was killed by signal {os.WTERMSIG(status)}"
            if os.WIFSIGNALED(status)
            else f"exited with status {os.waitstatus_to_exitcode(status)}"
        )
        return WorkerDied(f"a worker process (pid {worker.pid}) {how} while checking files")

    def _forget(self, worker: _Worker) -> None:
        self._workers.remove(worker)
        os.close(worker.tasks)
        os.close(worker.results)

    def shutdown(self, cancel_futures: bool = True) -> None:
        """Close the pipes and reap the workers: they end at their next read or write. (Work not
        returned yet is always dropped; the parameter is ProcessPoolExecutor's.)"""
        for worker in self._workers:
            os.close(worker.tasks)
            os.close(worker.results)
        for worker in self._workers:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(worker.pid, 0)
        self._workers = []


def _framed(message: bytes) -> bytes:
    return len(message).to_bytes(_LENGTH_BYTES, "big") + message


def _serve(
    tasks: int, results: int, initializer: Callable[..., None], initargs: tuple[Any, ...]
) -> None:
    """A worker's life: set up, then answer tasks until the task pipe closes. Never returns: the
    parent's code after fork() (its `finally` blocks, atexit handlers, buffered output) must not
    run again in the child."""
    # Ctrl-C reaches the whole process group: the parent alone answers it (the worker ignores
    # it from the fork on), and its shutdown closes the pipes, which ends the worker at its next
    # read or write.
    code = 0
    try:
        with open(tasks, "rb") as incoming, open(results, "wb", buffering=0) as outgoing:
            try:
                initializer(*initargs)
            except Exception as error:  # the parent raises it at its next read
                outgoing.write(_framed(pickle.dumps((-1, False, _picklable(error)))))
                raise
            while True:
                header = incoming.read(_LENGTH_BYTES)
                if len(header) < _LENGTH_BYTES:
                    break  # the parent closed the pipe: no more work
                number, fn, chunk = pickle.loads(incoming.read(int.from_bytes(header, "big")))
                try:
                    reply = (number, True, [fn(item) for item in chunk])
                    message = pickle.dumps(reply, pickle.HIGHEST_PROTOCOL)
                except Exception as error:  # returned to the parent, which raises it
                    message = pickle.dumps((number, False, _picklable(error)))
                outgoing.write(_framed(message))
    except BrokenPipeError:
        pass  # the parent stopped reading: it is shutting down
    except BaseException:  # KeyboardInterrupt included: the parent reports what it needs to
        code = 1
    finally:
        os._exit(code)


def _picklable(error: Exception) -> Exception:
    try:
        pickle.dumps(error)
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
