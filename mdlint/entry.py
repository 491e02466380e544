"""The `mdlint` command. `mdlint check` with common options is read here, without click: the
quick path answers it when every file is plainly clean (mdlint/quick/run.py), else the full check
runs (mdlint/commands.py). Every other command line goes to click (mdlint/cli.py).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .quick.args import CheckRequest


def main() -> None:
    from .quick.args import parse_check_args

    request = parse_check_args(sys.argv[1:])
    if request is None:
        from .cli import main as command_line

        command_line(prog_name="mdlint")
        return
    from .quick.run import run_quickly

    try:
        code = run_quickly(request)
    except Exception:  # a doubt the quick path did not foresee: the full check answers instead
        code = None
    if code is None:
        code = run_full_check(request)
    sys.exit(code)


def run_full_check(request: CheckRequest) -> int:
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
