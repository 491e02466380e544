"""The report options of `mdlint check` and `mdlint fix`, and where their report and summary go.

    @main.command()
    @output_options(statistics=True)
    def check(..., output_args: OutputArgs):
        output = Output(output_args, quiet=quiet)
        tally = Tally(project.iter_results(files))  # counts what the reporter reads
        output.report(tally, color=use_color)
        output.summary(tally.summary())

The human formats (`full`, `concise`) put the summary line after the findings, on the same
stream. The machine formats put nothing but their document on their stream: the summary goes to
stderr, so a person watching a CI log still sees it.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager

from ..records import NamedTuple
from . import DEFAULT_FORMAT, FORMATS, REPORTER_NAMES, ReportOptions, get_reporter

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import Any, TextIO, TypeVar

    from ..findings import FileResult
    from ..progress import Progress

    _F = TypeVar("_F", bound=Callable[..., Any])

ENV_OUTPUT_FORMAT = "MDLINT_OUTPUT_FORMAT"
EXIT_ERROR = 2


class OutputArgs(NamedTuple):
    output_format: str = DEFAULT_FORMAT
    output_file: str | None = None
    statistics: bool = False
    exit_zero: bool = False


def output_options(*, statistics: bool = False, exit_zero: bool = False) -> Callable[[_F], _F]:
    """Add --output-format and --output-file (and, when asked, --statistics and --exit-zero) to a
    click command; it receives them as `output_args`."""
    import click  # only the command line's click layer adds options; a run itself needs no click

    formats = ", ".join(f"{name} ({entry.help})" for name, entry in FORMATS.items())
    options = [
        click.option(
            "--output-format",
            type=click.Choice(REPORTER_NAMES),
            default=DEFAULT_FORMAT,
            envvar=ENV_OUTPUT_FORMAT,
            show_envvar=True,
            show_default=True,
            help=f"How findings are printed: {formats}.",
        ),
        click.option(
            "-o",
            "--output-file",
            type=click.Path(dir_okay=False, writable=True),
            help="Write the report to FILE instead of standard output.",
        ),
    ]
    if statistics:
        options.append(
            click.option(
                "--statistics",
                is_flag=True,
                help="Print how many findings of each code there are instead of the findings.",
            )
        )
    if exit_zero:
        options.append(
            click.option(
                "--exit-zero",
                is_flag=True,
                help="Exit 0 even when there are findings (errors still exit 2).",
            )
        )

    def decorate(command: _F) -> _F:
        @functools.wraps(command)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            output_args = OutputArgs(
                output_format=kwargs.pop("output_format"),
                output_file=kwargs.pop("output_file"),
                statistics=kwargs.pop("statistics", False),
                exit_zero=kwargs.pop("exit_zero", False),
            )
            return command(*args, output_args=output_args, **kwargs)

        decorated: Any = wrapper
        for option in reversed(options):
            decorated = option(decorated)
        return decorated  # type: ignore[no-any-return]

    return decorate


class Output:
    """One run's report: its format, its stream, its summary line and its progress bar."""

    def __init__(self, args: OutputArgs, *, quiet: bool = False) -> None:
        self.args = args
        self.quiet = quiet
        self.machine = FORMATS[args.output_format].machine
        self._progress_wanted: bool | None = None

    def progress_wanted(self) -> bool:
        """Whether a progress bar would be drawn (see `progress.progress_wanted`, asked once): a
        run then finds every file first, for the bar's total."""
        if self._progress_wanted is None:
            from ..progress import progress_wanted

            machine_on_stdout = self.machine and self.args.output_file is None
            self._progress_wanted = progress_wanted(
                sys.stderr, machine_output_on_stdout=machine_on_stdout
            )
        return self._progress_wanted

    def progress(self, total: int, label: str = "Checking") -> Progress:
        """A progress bar on stderr, drawn only where `progress_wanted` allows it."""
        from ..progress import Progress

        return Progress(total, enabled=self.progress_wanted(), label=label)

    def report(
        self,
        results: Iterable[FileResult],
        *,
        color: bool = False,
        notes: Mapping[str, Mapping[int, str]] | None = None,
        source: Callable[[str], bytes | None] | None = None,
        stream: TextIO | None = None,
    ) -> None:
        """Write the findings of `results` (or, with --statistics, their counts) to the output
        file, or to `stream` (default: stdout)."""
        with self._stream(default=stream) as out:
            options = ReportOptions(
                color=color and self.args.output_file is None,
                notes={} if notes is None else notes,  # may be filled as results come
                source=source,
            )
            if self.args.statistics:
                from .statistics import write_statistics

                write_statistics(results, out, as_json=self.args.output_format == "json")
            else:
                get_reporter(self.args.output_format)(results, out, options)

    def summary(self, text: str) -> None:
        """The closing line: after a human format's findings; on stderr after a machine format."""
        if self.quiet:
            return
        if self.machine:
            print(text, file=sys.stderr)
        elif self.args.output_file is not None:
            with self._stream(append=True) as out:
                out.write(text + "\n")
        else:
            print(text)

    def exit_code(self, findings: bool) -> int:
        """1 when there are findings, unless --exit-zero."""
        return 1 if findings and not self.args.exit_zero else 0

    @contextmanager
    def _stream(self, append: bool = False, default: TextIO | None = None) -> Iterator[TextIO]:
        path = self.args.output_file
        if path is None:
            out = default or sys.stdout
            yield out
            out.flush()
            return
        try:
            directory = os.path.dirname(path)
            if directory:
                os.makedirs(directory, exist_ok=True)
            # A file name that is not UTF-8 (read with surrogate escapes) is written escaped:
            # `\udce9`, which is also how JSON writes it.
            handle = open(  # noqa: SIM115
                path,
                "a" if append else "w",
                encoding="utf-8",
                errors="backslashreplace",
                newline="\n",
            )
        except OSError as error:
            print(f"mdlint: error: cannot write {path}: {error.strerror or error}", file=sys.stderr)
            sys.exit(EXIT_ERROR)
        with handle:
            yield handle
