"""The `mdlint` command. `mdlint check` and `mdlint fix` with common options are read here,
without click: the quick path answers them when every file is plainly clean (mdlint/quick/run.py);
else a check runs without click all the same (mdlint/commands.py), and a fix goes to click
(mdlint/cli.py), like every other command line.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .quick.args import Request


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
