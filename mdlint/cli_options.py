"""The command-line options that choose a run's settings, shared by `mdlint check` and `mdlint fix`.

@main.command()
@project_options
def fix(paths, project_args: ProjectArgs, ...):
    project = commands.load_project(project_args)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from .options import Overrides, ProjectArgs

_F = TypeVar("_F", bound=Callable[..., Any])


def _selectors(
    _context: click.Context, parameter: click.Parameter, values: tuple[str, ...]
) -> tuple[str, ...] | None:
    """`--select SC,FM001 --select DR` -> ("SC", "FM001", "DR"); None when not given."""
    from .selection import parse_selector

    if not values:
        return None
    selectors = []
    for value in values:
        for text in value.split(","):
            if not text.strip():
                continue
            try:
                selectors.append(parse_selector(text))
            except ValueError as error:
                raise click.BadParameter(str(error), param=parameter) from None
    return tuple(selectors)


_OPTIONS = (
    click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False),
        help="Configuration file to use (default: the nearest .mdlint.toml, mdlint.toml or "
        "pyproject.toml with [tool.mdlint], from the current directory up).",
    ),
    click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
    click.option(
        "--schema",
        type=click.Path(dir_okay=False),
        help="Schema (JSON or YAML) for every file, over the header's $schema and the config.",
    ),
    click.option(
        "--allow-remote-refs",
        is_flag=True,
        help="Fetch http(s) schemas and $refs (never fetched otherwise).",
    ),
    click.option(
        "--select",
        multiple=True,
        callback=_selectors,
        metavar="CODES",
        help="Rule codes or prefixes to report, comma-separated (replaces the config's select).",
    ),
    click.option(
        "--ignore",
        multiple=True,
        callback=_selectors,
        metavar="CODES",
        help="Rule codes or prefixes not to report, comma-separated.",
    ),
    click.option(
        "--extend-select",
        multiple=True,
        callback=_selectors,
        metavar="CODES",
        help="Rule codes or prefixes to report on top of the selection.",
    ),
    click.option(
        "--respect-gitignore/--no-respect-gitignore",
        default=None,
        help="Skip files that .gitignore ignores (default: the config's respect-gitignore, true).",
    ),
    click.option(
        "--force-exclude",
        is_flag=True,
        help="Apply exclude, extend-exclude and .gitignore to paths named on the command line too.",
    ),
    click.option(
        "--allow-no-front-matter",
        is_flag=True,
        help="Do not report files without front matter (FM001).",
    ),
    click.option(
        "--max-header-bytes",
        type=click.IntRange(min=1),
        default=None,
        help="Largest header accepted (default 1,000,000 bytes).",
    ),
    click.option(
        "--format-option",
        "format_options",
        multiple=True,
        metavar="KEY=VALUE",
        help="A [format] setting over the config's, e.g. quote-style=double or style=mainroad "
        "(repeatable).",
    ),
)
_NAMES = (
    "config_file",
    "isolated",
    "schema",
    "allow_remote_refs",
    "select",
    "ignore",
    "extend_select",
    "respect_gitignore",
    "force_exclude",
    "allow_no_front_matter",
    "max_header_bytes",
    "format_options",
)


def project_options(command: _F) -> _F:
    """Add the settings options to a click command; it receives them as `project_args`."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        given = {name: kwargs.pop(name) for name in _NAMES}
        overrides = Overrides(
            schema=given["schema"],
            allow_remote_refs=given["allow_remote_refs"],
            select=given["select"],
            ignore=given["ignore"] or (),
            extend_select=given["extend_select"] or (),
            require_front_matter=False if given["allow_no_front_matter"] else None,
            max_header_bytes=given["max_header_bytes"],
            respect_gitignore=given["respect_gitignore"],
            force_exclude=given["force_exclude"],
        )
        project_args = ProjectArgs(
            given["config_file"], given["isolated"], overrides, given["format_options"]
        )
        return command(*args, project_args=project_args, **kwargs)

    decorated: Any = wrapper
    for option in reversed(_OPTIONS):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]
