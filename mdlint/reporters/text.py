"""The `concise` format: one `PATH:LINE:COL: CODE message` line per finding; and the summary line.

A finding that `mdlint fix` repairs safely carries ruff's `[*]` marker after its code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from ..findings import FileResult, Finding
from . import ReportOptions


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


def report_concise(results: Sequence[FileResult], out: TextIO, options: ReportOptions) -> None:
    for result in results:
        notes = options.notes.get(result.path, {})
        for index, finding in enumerate(result.findings):
            note = notes.get(index)
            suffix = f" ({note})" if note else ""
            out.write(concise_line(result.path, finding, options.color) + suffix + "\n")


def summary(results: Sequence[FileResult]) -> str:
    files_with = sum(1 for result in results if result.findings)
    problems = sum(len(result.findings) for result in results)
    checked = len(results)
    fixable = sum(1 for result in results for finding in result.findings if finding.fix == "safe")
    checked_text = f"{checked} {plural(checked, 'file')} checked"
    if not problems:
        return f"No problems found ({checked_text})."
    text = (
        f"Found {problems} {plural(problems, 'problem')} in {files_with} "
        f"{plural(files_with, 'file')} ({checked_text})."
    )
    unsafe = sum(1 for result in results for finding in result.findings if finding.fix == "unsafe")
    if fixable:
        text += f" {fixable} fixable with `mdlint fix`."
    if unsafe:
        text += f" {unsafe} more with `mdlint fix --unsafe-fixes`."
    return text


def plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
