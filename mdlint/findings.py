"""What a check reports: one problem at one place in one file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Applicability = Literal["safe", "unsafe"]
INTERNAL_ERROR = "IN001"  # the code of mdlint's own failure on a file (runner.internal_error)


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem. Lines and columns are 1-based positions in the Markdown file (line 1 is the fence).

    `end_line`/`end_col` are exclusive. `fix` says whether `mdlint fix` can repair it, and how
    safely; `detail` carries what a fixer needs (never shown, never compared).
    """

    code: str
    message: str
    line: int
    col: int
    end_line: int
    end_col: int
    json_path: str = ""
    fix: Applicability | None = None
    detail: Any = field(default=None, compare=False, repr=False)

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.line, self.col, self.code, self.message)


class FileResult(NamedTuple):
    """Everything the check of one file found; `error` is set when the file could not be read."""

    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None
