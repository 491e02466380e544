"""The `concise` format: one `PATH:LINE:COL: CODE message` line per finding; and the summary line.

A finding that `mdlint fix` repairs safely carries ruff's `[*]` marker after its code.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..findings import INTERNAL_ERROR, FileResult, Finding
from . import ReportOptions

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import TextIO


def paint(text: str, color: bool, **style: object) -> str:
    if not color:
        return text
    import click

    return click.style(text, **style)  # type: ignore[arg-type]


def concise_line(path: str, finding: Finding, color: bool = False) -> str:
    place = paint(f"{path}:{finding.line}:{finding.col}:", color, bold=True)
    code = paint(finding.code, color, fg="red", bold=True)
    marker = " [*]" if finding.fix == "safe" else ""
    return f"{place} {code}{marker} {finding.message}"


def report_concise(results: Iterable[FileResult], out: TextIO, options: ReportOptions) -> None:
    for result in results:
        if not result.findings:
            continue
        notes = options.notes.get(result.path, {})
        for index, finding in enumerate(result.findings):
            note = notes.get(index)
            suffix = f" ({note})" if note else ""
            out.write(concise_line(result.path, finding, options.color) + suffix + "\n")


class Tally:
    """Results on their way to a reporter, counted as it reads them, for the summary line and the
    exit code: a run need not keep every result to report them (only errors are kept)."""

    def __init__(self, results: Iterable[FileResult]) -> None:
        self._results = results
        self.checked = self.files_with = self.problems = self.safe = self.unsafe = 0
        self.errors: list[str] = []  # messages of the files that could not be checked
        self.internal: list[tuple[str, Finding]] = []  # mdlint's own failures, with their paths

    def __iter__(self) -> Iterator[FileResult]:
        for result in self._results:
            self.checked += 1
            if result.findings or result.error:  # most files have neither
                self._count(result)
            yield result

    def _count(self, result: FileResult) -> None:
        if result.error:
            self.errors.append(result.error)
        if not result.findings:
            return
        self.files_with += 1
        self.problems += len(result.findings)
        for finding in result.findings:
            if finding.fix == "safe":
                self.safe += 1
            elif finding.fix == "unsafe":
                self.unsafe += 1
            if finding.code == INTERNAL_ERROR:
                self.internal.append((result.path, finding))

    def summary(self) -> str:
        checked_text = f"{self.checked} {plural(self.checked, 'file')} checked"
        if not self.problems:
            return f"No problems found ({checked_text})."
        text = (
            f"Found {self.problems} {plural(self.problems, 'problem')} in {self.files_with} "
            f"{plural(self.files_with, 'file')} ({checked_text})."
        )
        if self.safe:
            text += f" {self.safe} fixable with `mdlint fix`."
        if self.unsafe:
            text += f" {self.unsafe} more with `mdlint fix --unsafe-fixes`."
        return text


def plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
