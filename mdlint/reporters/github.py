"""The `github` format: one GitHub Actions workflow command per finding, which the runner turns
into an annotation on the file, at the line, in the pull request's diff.

    ::error file=content/a.md,line=16,col=11,endLine=16,endColumn=18,title=SC001::"false" is ...

Escaping follows GitHub's rules for workflow commands: in the message `%`, CR and LF are
percent-encoded; in a property `:` and `,` are too. A file that cannot be read is annotated at
the file, titled `mdlint`.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import FileResult, Finding
from . import ReportOptions, region_end

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import TextIO  # typing imports re: ~6 ms of a run that reports nothing


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(properties: dict[str, object], message: str, kind: str = "error") -> str:
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {listed}::{escape_data(message)}"


def annotation(path: str, finding: Finding) -> str:
    end_line, end_col = region_end(finding)
    properties: dict[str, object] = {"file": path, "line": finding.line, "col": finding.col}
    properties["endLine"] = end_line
    if end_col is not None:
        properties["endColumn"] = end_col
    properties["title"] = finding.code
    return command(properties, finding.message)


def report_github(results: Iterable[FileResult], out: TextIO, options: ReportOptions) -> None:
    for result in results:
        if result.error:
            out.write(command({"file": result.path, "title": "mdlint"}, result.error) + "\n")
        for finding in result.findings:
            out.write(annotation(result.path, finding) + "\n")
