"""What `mdlint check` does once its command line is read, without click.

`mdlint.cli` reads every command line with click and calls `run_check`; `mdlint.entry` reads the
common ones itself (mdlint/quick/args.py) and calls it directly, so that a run that finds its
results in the cache does not pay for importing click. Both give the same run.
"""

from __future__ import annotations

import os
import sys

from .options import ProjectArgs

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import NoReturn, TypeVar

    from .cache import Cache
    from .discovery import Stamp
    from .reporters.output import Output, OutputArgs
    from .runner import Project
    from .style.settings import FormatSettings

    Files = Iterable[tuple[str, Stamp | None]]  # each path with its stamp, as discovery gives
    _T = TypeVar("_T")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> NoReturn:
    print(f"mdlint: error: {message}", file=sys.stderr)
    sys.exit(EXIT_ERROR)


def warn(message: str) -> None:
    print(f"mdlint: warning: {message}", file=sys.stderr)


def warn_when_nothing_found(paths: tuple[str, ...], project: Project, found: int) -> None:
    """A run that walked directories and found no file to check says so, and names the Markdown
    files it passed over for their extension: a CI step checking nothing must not look clean."""
    directories = [path for path in paths or (".",) if os.path.isdir(path)]
    if found or not directories:
        return
    from .discovery import passed_over
    from .reporters.text import plural

    rules = project.discovery_rules()
    where = ", ".join(directories)
    looked_for = ", ".join(rules.extensions)
    others = passed_over(directories, rules)
    if not others:
        warn(f"no files to check under {where}: none ends {looked_for} and is not excluded")
        return
    counts = ", ".join(f"{count} {extension}" for extension, count in others.items())
    names = ", ".join(f'"{extension}"' for extension in others)
    warn(
        f"no files to check under {where}: mdlint looks for files ending {looked_for}, and "
        f"passed over {counts} {plural(sum(others.values()), 'file')}; add {names} to "
        "`extensions` in the configuration to check them"
    )


def open_cache(directory: str | None, root: str) -> Cache:
    from .cache import Cache, default_directory

    return Cache(directory or default_directory(root), warn)


def use_color(stream: object) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def load_project(args: ProjectArgs, *, unsafe_fixes: bool | None = None) -> Project:
    """The run's settings, or exit 2 with a message naming the file and the key at fault."""
    from .config import ConfigError
    from .runner import Project
    from .schema import SchemaError

    overrides = args.overrides._replace(
        unsafe_fixes=unsafe_fixes,
        format=_format_settings(args.format_options),
    )
    try:
        return Project.load(overrides, config_file=args.config_file, isolated=args.isolated)
    except (ConfigError, SchemaError) as error:
        fail(str(error))


def _format_settings(options: tuple[str, ...]) -> FormatSettings | None:
    """`--format-option KEY=VALUE`s as FormatSettings (None without any); exit 2 on a bad one."""
    if not options:
        return None
    from .style.settings import FormatSettingError, parse_format_settings, parse_option

    try:
        return parse_format_settings(dict(parse_option(option) for option in options))
    except FormatSettingError as error:
        fail(f"--format-option {error.key}: {error.message}")


def with_progress(
    output: Output,
    files: Files,
    work: Callable[[Files, Callable[[int], None] | None, int | None], Iterable[_T]],
    label: str,
) -> Iterable[_T]:
    """`work(files, advance, total)`'s outcomes for the report (`advance`: the bar's, called for
    each file done; None without a bar). Without a progress bar each file is found, worked on
    and reported in turn, and only counted: a run's memory does not grow with the number of
    files. A bar needs the total first, and shares the terminal with the report: then every
    file is found first, and every outcome gathered before the report."""
    total = None
    if output.progress_wanted():
        files = list(files)
        total = len(files)
    with output.progress(total or 0, label) as progress:
        if not progress.enabled:  # nothing to count for
            return work(files, None, total)
        return list(work(files, progress.advance, total))


def run_check(
    paths: tuple[str, ...],
    project_args: ProjectArgs,
    output_args: OutputArgs,
    *,
    quiet: bool = False,
    show_files: bool = False,
    show_settings: bool = False,
    debug: bool = False,
    jobs: int | None = None,
    no_cache: bool = False,
    cache_dir: str | None = None,
) -> int:
    """Check the files and report; the exit code (0 clean, 1 findings, 2 errors)."""
    from .discovery import PathError
    from .reporters.output import Output
    from .reporters.text import Tally
    from .runner import default_jobs

    project = load_project(project_args)
    if show_settings:
        print("\n".join(project.describe()))
        return EXIT_CLEAN
    try:
        files = project.iter_files(paths or (".",))
    except PathError as error:
        fail(str(error))
    if show_files:
        for path, _ in files:
            sys.stdout.write(f"{path}\n")
        return EXIT_CLEAN
    cache = None if no_cache else open_cache(cache_dir, str(project.config.root))
    output = Output(output_args, quiet=quiet)
    results = with_progress(
        output,
        files,
        lambda found, advance, total: project.iter_results(
            found, jobs=jobs or default_jobs(), cache=cache, progress=advance, total=total
        ),
        "Checking",
    )
    tally = Tally(results)
    try:
        output.report(tally, color=use_color(sys.stdout))
    finally:  # what was checked stays checked, even when the report fails (a closed pipe)
        if cache is not None:
            cache.save()
    output.summary(tally.summary())
    warn_when_nothing_found(paths, project, tally.checked)
    for message in tally.errors:
        print(f"mdlint: error: {message}", file=sys.stderr)
    if debug:
        for path, finding in tally.internal:
            sys.stderr.write(f"mdlint: internal error in {path}:\n{finding.detail}")
    if tally.errors or tally.internal:
        return EXIT_ERROR
    return output.exit_code(tally.problems > 0)
