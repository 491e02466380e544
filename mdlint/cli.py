"""The command line: a thin click layer over the runner. Heavy modules are imported lazily."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import click

from ._version import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> NoReturn:
    click.echo(f"mdlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _use_color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="mdlint")
def main() -> None:
    """Check and fix the front matter of Markdown files against a JSON Schema."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--schema",
    "schema_path",
    type=click.Path(dir_okay=False),
    help="JSON Schema to check against (default: the bundled article schema).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option(
    "--allow-no-front-matter",
    is_flag=True,
    help="Do not report files without front matter (FM001).",
)
@click.option(
    "--max-header-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Largest header accepted (default 1,000,000 bytes).",
)
def check(
    paths: tuple[str, ...],
    schema_path: str | None,
    quiet: bool,
    allow_no_front_matter: bool,
    max_header_bytes: int | None,
) -> None:
    """Check the front matter of Markdown files (directories are searched for *.md, *.markdown)."""
    from .checker import DEFAULT_MAX_HEADER_BYTES, CheckOptions
    from .discovery import PathError, discover
    from .reporters import ReportOptions, get_reporter
    from .runner import check_files
    from .schema import SchemaError, load_schema

    try:
        schema = load_schema(schema_path)
        files = discover(paths or (".",))
    except (SchemaError, PathError) as error:
        _fail(str(error))
    options = CheckOptions(
        require_front_matter=not allow_no_front_matter,
        max_header_bytes=max_header_bytes or DEFAULT_MAX_HEADER_BYTES,
    )
    results = check_files(files, schema, options)
    out = sys.stdout
    get_reporter("concise")(results, out, ReportOptions(color=_use_color(out), quiet=quiet))
    errors = [result.error for result in results if result.error]
    for message in errors:
        click.echo(f"mdlint: error: {message}", err=True)
    if errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if any(result.findings for result in results) else EXIT_CLEAN)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--schema", "schema_path", type=click.Path(dir_okay=False), help="JSON Schema to check against (default: the bundled article schema).")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that guess (near-miss values and keys, inserted defaults).")
@click.option("--diff", "show_diff", is_flag=True, help="Write nothing; print a unified diff of what would change.")
@click.option("--check", "check_only", is_flag=True, help="Write nothing; exit 1 when a file would change.")
@click.option("--stdin-filename", help="With PATH '-': the file name that stdin stands for.")
@click.option("-q", "--quiet", is_flag=True, help="Print remaining findings only, no summary.")
@click.option("--allow-no-front-matter", is_flag=True, help="Do not report files without front matter (FM001).")
def fix(
    paths: tuple[str, ...],
    schema_path: str | None,
    unsafe_fixes: bool,
    show_diff: bool,
    check_only: bool,
    stdin_filename: str | None,
    quiet: bool,
    allow_no_front_matter: bool,
) -> None:
    """Fix what can be fixed, editing only the broken values; every other byte stays as it was."""
    from .checker import CheckOptions
    from .discovery import PathError, discover
    from .fix_runner import fix_file, fix_summary, unified_diff
    from .reporters.text import concise_line
    from .schema import SchemaError, load_schema

    options = CheckOptions(require_front_matter=not allow_no_front_matter)
    try:
        schema = load_schema(schema_path)
        if paths == ("-",):
            _fix_stdin(stdin_filename or "-", schema, options, unsafe_fixes)
        files = discover(paths or (".",))
    except (SchemaError, PathError) as error:
        _fail(str(error))
    write = not (show_diff or check_only)
    outcomes = [fix_file(path, schema, options, unsafe=unsafe_fixes, write=write) for path in files]
    color = _use_color(sys.stdout)
    for outcome in outcomes:
        if outcome.result is None:
            continue
        if show_diff and outcome.changed:
            click.echo(unified_diff(outcome.path, outcome.result.original, outcome.result.fixed), nl=False)
        elif check_only and outcome.changed:
            click.echo(f"Would fix {outcome.path}")
        elif not (show_diff or check_only):
            for index, finding in enumerate(outcome.result.remaining):
                reason = outcome.result.refused.get(index)
                suffix = f" (not fixed: {reason})" if reason else ""
                click.echo(concise_line(outcome.path, finding, color) + suffix)
    for outcome in outcomes:
        if outcome.error:
            click.echo(f"mdlint: error: {outcome.error}", err=True)
    if not quiet:
        if show_diff or check_only:
            would = sum(1 for outcome in outcomes if outcome.changed)
            click.echo(f"{would} {'file' if would == 1 else 'files'} would be changed.", err=show_diff)
        else:
            click.echo(fix_summary(outcomes, unsafe=unsafe_fixes))
    if any(outcome.error for outcome in outcomes):
        sys.exit(EXIT_ERROR)
    if show_diff or check_only:
        sys.exit(EXIT_FINDINGS if any(outcome.changed for outcome in outcomes) else EXIT_CLEAN)
    remaining = any(outcome.result and outcome.result.remaining for outcome in outcomes)
    sys.exit(EXIT_FINDINGS if remaining else EXIT_CLEAN)


def _fix_stdin(filename: str, schema: object, options: object, unsafe: bool) -> NoReturn:
    """Editor mode: the file on stdin, the fixed file on stdout, what remains on stderr."""
    from .checker import CheckOptions
    from .fixer import fix_bytes
    from .reporters.text import concise_line
    from .schema import Schema

    assert isinstance(schema, Schema) and isinstance(options, CheckOptions)
    data = sys.stdin.buffer.read()
    result = fix_bytes(data, schema, options, unsafe=unsafe)
    sys.stdout.buffer.write(result.fixed)
    sys.stdout.buffer.flush()
    for finding in result.remaining:
        click.echo(concise_line(filename, finding), err=True)
    sys.exit(EXIT_FINDINGS if result.remaining else EXIT_CLEAN)
