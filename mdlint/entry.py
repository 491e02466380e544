"""The `mdlint` command. `mdlint check` and `mdlint fix` with common options are read here,
without click: the quick path answers them when every file is plainly clean (mdlint/quick/run.py);
else a check runs without click all the same (mdlint/commands.py), and a fix goes to click
(mdlint/cli.py), like every other command line.
"""

from __future__ import annotations

import os
import sys

from . import collector

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from .quick.args import Request


# The exit status of a process killed by SIGPIPE, as `mdlint check | head` ends when cut short.
BROKEN_PIPE_STATUS = 141
INTERRUPTED_STATUS = 130  # and by SIGINT (Ctrl-C)


def run() -> None:
    """The `mdlint` command (the console script, and `python -m mdlint`): `main()`, then out.

    Python's own exit frees every module and object one by one: ~7 ms, 6% of a run answered
    from the cache. Once the output is flushed nothing is left to do (the cache is saved, the
    workers are gone), so the process ends there.
    - Output cut short by a closed pipe ends the run quietly with 141, as a process killed by
      SIGPIPE does, rather than with a traceback; Ctrl-C with a line saying so and 130.
    - An error of mdlint's own (any other exception) still ends with its traceback.
    - A run under a profiler or a tracer (cProfile, coverage) exits the usual way, so that they
      can write their reports.
    - The collector of reference cycles runs rarely until files are checked (mdlint/collector.py).
    - What standard output cannot encode is written as a backslash escape (`_escaping_output`)."""
    collector.starting()
    _escaping_output()
    try:
        main()
        code = 0
    except SystemExit as stop:
        code = _status(stop.code)
    except BrokenPipeError:
        _leave_after_broken_pipe()
    except KeyboardInterrupt:  # Ctrl-C: the workers are gone and the cache saved by now
        print("mdlint: interrupted", file=sys.stderr)
        code = INTERRUPTED_STATUS
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        _leave_after_broken_pipe()
    except (OSError, ValueError):  # an output that cannot take the rest: Python says how
        sys.exit(code)
    if _observed():
        sys.exit(code)  # a profiler or coverage writes its report on the way out: let it
    os._exit(code)


def _escaping_output() -> None:
    """Make standard output write what its encoding cannot carry as a backslash escape, as
    standard error does, rather than fail: a file name that is not UTF-8 (Python reads it with
    surrogate escapes, `caf\\udce9.md`), any character beyond ASCII on a console that has no
    more. Where Python chose to write such names back as the bytes they were (a C or POSIX
    locale: `surrogateescape`), that choice stands."""
    if getattr(sys.stdout, "errors", None) == "strict" and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")


def _observed() -> bool:
    """Whether a profiler, a debugger or coverage watches the run (settrace or setprofile, or
    from Python 3.12 sys.monitoring)."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)
    if monitoring is None:
        return False
    return any(monitoring.get_tool(tool) is not None for tool in range(6))


def _status(code: object) -> int:
    """The exit status `sys.exit(code)` gives (a message goes to standard error, as there)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _leave_after_broken_pipe() -> None:
    """Standard output is gone: what is still buffered for it is dropped (no flush happens)."""
    # Not contextlib.suppress: importing contextlib costs a one-file run ~0.5 ms.
    try:  # noqa: SIM105
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(BROKEN_PIPE_STATUS)


def main() -> None:
    from .quick.args import parse_args

    request = parse_args(sys.argv[1:])
    if request is not None:
        from .quick.run import run_quickly

        try:
            code = run_quickly(request)
        except Exception:  # a doubt the quick path did not foresee: the full path answers
            code = None
        if code is None and request.command == "check":
            code = run_full_check(request)
        if code is not None:
            sys.exit(code)
    from .cli import main as command_line

    command_line(prog_name="mdlint")


def run_full_check(request: Request) -> int:
    """The check that `mdlint.cli.check` runs for the same command line."""
    from .commands import run_check
    from .options import Overrides, ProjectArgs
    from .reporters.output import OutputArgs

    overrides = Overrides(
        respect_gitignore=request.respect_gitignore, force_exclude=request.force_exclude
    )
    return run_check(
        tuple(request.paths),
        ProjectArgs(isolated=request.isolated, overrides=overrides),
        OutputArgs(output_format=request.output_format, exit_zero=request.exit_zero),
        quiet=request.quiet,
        jobs=request.jobs,
        no_cache=request.no_cache,
        cache_dir=request.cache_dir,
    )
