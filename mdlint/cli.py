"""The command line: a thin click layer over the runner. Heavy modules are imported lazily."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from ._version import __version__
from .cli_options import project_options
from .commands import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    fail,
    load_project,
    open_cache,
    run_check,
    use_color,
    warn_when_nothing_found,
    with_progress,
)
from .options import ProjectArgs
from .reporters.output import OutputArgs, output_options

if TYPE_CHECKING:
    from .reporters.output import Output
    from .runner import Project

_F = TypeVar("_F", bound=Callable[..., Any])


def _run_options(command: _F) -> _F:
    """How a run goes about its files: processes and the cache (shared by check and fix)."""
    for option in reversed(_RUN_OPTIONS):
        command = option(command)
    return command


_RUN_OPTIONS = (
    click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        help="Processes to check files in (default: the number of CPUs).",
    ),
    click.option(
        "--no-cache", is_flag=True, help="Check every file again; neither read nor write the cache."
    ),
    click.option(
        "--cache-dir",
        type=click.Path(file_okay=False),
        envvar="MDLINT_CACHE_DIR",
        help="Where to keep the cache (default: .mdlint_cache beside the configuration file, or in the current directory).",
    ),
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="mdlint")
def main() -> None:
    """Check and fix the front matter of Markdown files against a JSON Schema."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@project_options
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option(
    "--show-files", is_flag=True, help="List the files that would be checked; check none."
)
@click.option("--show-settings", is_flag=True, help="Print the settings in force; check nothing.")
@click.option("--debug", is_flag=True, help="Print the traceback of an internal error (IN001).")
@_run_options
@output_options(statistics=True, exit_zero=True)
def check(
    paths: tuple[str, ...],
    project_args: ProjectArgs,
    output_args: OutputArgs,
    quiet: bool,
    show_files: bool,
    show_settings: bool,
    debug: bool,
    jobs: int | None,
    no_cache: bool,
    cache_dir: str | None,
) -> None:
    """Check the front matter of Markdown files (directories are searched for *.md, *.markdown)."""
    sys.exit(
        run_check(
            paths,
            project_args,
            output_args,
            quiet=quiet,
            show_files=show_files,
            show_settings=show_settings,
            debug=debug,
            jobs=jobs,
            no_cache=no_cache,
            cache_dir=cache_dir,
        )
    )


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@project_options
@_run_options
@click.option(
    "--unsafe-fixes/--no-unsafe-fixes",
    default=None,
    help="Also apply fixes that guess: near-miss values and keys, inserted defaults "
    "(default: the config's unsafe-fixes, false).",
)
@click.option(
    "--diff",
    "show_diff",
    is_flag=True,
    help="Write nothing; print a unified diff of what would change.",
)
@click.option(
    "--check", "check_only", is_flag=True, help="Write nothing; exit 1 when a file would change."
)
@click.option(
    "--stdin-filename",
    help="With PATH '-': the file name stdin stands for (selects config and schema).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print remaining findings only, no summary.")
@output_options()
def fix(
    paths: tuple[str, ...],
    project_args: ProjectArgs,
    output_args: OutputArgs,
    unsafe_fixes: bool | None,
    show_diff: bool,
    check_only: bool,
    stdin_filename: str | None,
    quiet: bool,
    jobs: int | None,
    no_cache: bool,
    cache_dir: str | None,
) -> None:
    """Fix what can be fixed, editing only the broken values; every other byte stays as it was."""
    from .discovery import PathError
    from .fix_runner import FixTally, iter_fixes, remaining_results, unified_diff
    from .reporters.output import Output
    from .runner import default_jobs

    project = load_project(project_args, unsafe_fixes=unsafe_fixes)
    output = Output(output_args, quiet=quiet)
    if paths == ("-",):
        _fix_stdin(project, stdin_filename or "-", output)
    try:
        files = project.iter_files(paths or (".",))
    except PathError as error:
        fail(str(error))
    write = not (show_diff or check_only)
    cache = None if no_cache else open_cache(cache_dir, str(project.config.root))
    outcomes = with_progress(
        output,
        files,
        lambda found, advance, total: iter_fixes(
            project,
            found,
            unsafe=project.unsafe_fixes,
            write=write,
            jobs=jobs or default_jobs(),
            cache=cache,
            progress=advance,
            total=total,
        ),
        "Fixing",
    )
    with FixTally(outcomes) as tally:
        if write:  # what remains, in the chosen format; the source lines: the fixed file's
            notes: dict[str, dict[int, str]] = {}
            fixed: dict[str, bytes] = {}
            left = remaining_results(tally, notes, fixed)
            output.report(left, color=use_color(sys.stdout), notes=notes, source=fixed.get)
        else:
            for outcome in tally:
                if outcome.result is None or not outcome.changed:
                    continue
                if show_diff:
                    before, after = outcome.result.original, outcome.result.fixed
                    # bytes, written as they are (a patch of a file that is not all UTF-8)
                    click.echo(unified_diff(outcome.path, before, after), nl=False)
                else:
                    click.echo(f"Would fix {outcome.path}")
    for message in tally.errors:
        click.echo(f"mdlint: error: {message}", err=True)
    if write:
        output.summary(tally.summary(unsafe=project.unsafe_fixes))
    elif not quiet:
        would = tally.changed
        click.echo(f"{would} {'file' if would == 1 else 'files'} would be changed.", err=show_diff)
    warn_when_nothing_found(paths, project, tally.seen)
    if tally.errors:
        sys.exit(EXIT_ERROR)
    if not write:
        sys.exit(EXIT_FINDINGS if tally.changed else EXIT_CLEAN)
    sys.exit(EXIT_FINDINGS if tally.remaining else EXIT_CLEAN)


def _fix_stdin(project: Project, filename: str, output: Output) -> NoReturn:
    """Editor mode: the file on stdin, the fixed file on stdout, what remains on stderr (or in
    --output-file), in the chosen format."""
    from .findings import FileResult
    from .fix_runner import fix_data
    from .schema import SchemaError

    data = sys.stdin.buffer.read()
    try:
        result = fix_data(data, project.settings_for(filename, data), unsafe=project.unsafe_fixes)
    except SchemaError as error:
        sys.stdout.buffer.write(data)  # an editor replaces its buffer with stdout: give it back
        fail(str(error))
    sys.stdout.buffer.write(result.fixed)
    sys.stdout.buffer.flush()
    notes = {index: f"not fixed: {reason}" for index, reason in result.refused.items()}
    output.report(
        [FileResult(filename, tuple(result.remaining))],
        notes={filename: notes},
        source=lambda path: result.fixed,
        stream=sys.stderr,
    )
    sys.exit(EXIT_FINDINGS if result.remaining else EXIT_CLEAN)


@main.command()
@click.argument("code", required=False)
@click.option("--all", "show_all", is_flag=True, help="List every rule: code, name, summary.")
def rule(code: str | None, show_all: bool) -> None:
    """Explain a rule (by code or name): what it checks, why, an example, and its fix."""
    from .rule_docs import UnknownRule, explain, find_rule, listing

    if show_all:
        click.echo(listing(), nl=False)
        return
    if code is None:
        fail("name a rule code (mdlint rule SC001) or pass --all")
    try:
        click.echo(explain(find_rule(code)), nl=False)
    except UnknownRule as error:
        fail(str(error))


@main.group()
def schema() -> None:
    """Check schema files, or print the bundled schema to start your own from."""


@schema.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--allow-remote-refs", is_flag=True, help="Fetch http(s) $refs (never otherwise).")
def schema_check(files: tuple[str, ...], allow_remote_refs: bool) -> None:
    """Check schema files (JSON or YAML) against their meta-schemas and resolve their $refs.

    One line per file; exit 0 when all are valid, 1 when one is not, 2 when one is missing.
    """
    from .schema import check_schema_file

    verdicts = [check_schema_file(path, allow_remote_refs=allow_remote_refs) for path in files]
    for verdict in verdicts:
        click.echo(verdict.line)
    if any(verdict.missing for verdict in verdicts):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_CLEAN if all(verdict.valid for verdict in verdicts) else EXIT_FINDINGS)


@schema.command("show")
def schema_show() -> None:
    """Print the bundled article schema."""
    from .schema import bundled_schema_path

    with open(bundled_schema_path(), encoding="utf-8") as stream:
        click.echo(stream.read(), nl=False)
