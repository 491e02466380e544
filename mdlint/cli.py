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
