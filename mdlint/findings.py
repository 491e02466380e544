"""What a check reports: one problem at one place in one file."""

from __future__ import annotations

from .records import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import Any, Literal

    Applicability = Literal["safe", "unsafe"]

INTERNAL_ERROR = "IN001"  # the code of mdlint's own failure on a file (runner.internal_error)


class Finding(NamedTuple):
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
    detail: Any = None

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.line, self.col, self.code, self.message)

    # `detail` is the fixer's business: never compared, never shown.
    # A finding equals only another finding (not a tuple of the same values).
    def __eq__(self, other: object) -> bool:
        if isinstance(other, Finding):
            return self[:-1] == other[:-1]
        return False if isinstance(other, tuple) else NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(self[:-1])

    # Findings are put in order by `sort_key`, never as tuples (which would compare `detail`).
    def __lt__(self, other: object) -> bool:
        return NotImplemented

    def __le__(self, other: object) -> bool:
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        return NotImplemented

    def __repr__(self) -> str:
        shown = zip(self._fields[:-1], self[:-1], strict=True)
        return "Finding(" + ", ".join(f"{name}={value!r}" for name, value in shown) + ")"


class FileResult(NamedTuple):
    """Everything the check of one file found; `error` is set when the file could not be read."""

    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    # The source lines the `full` format shows for the findings, (number, text), as they were
    # when checked: a report need not read the file again (reporters.source_lines).
    lines: tuple[tuple[int, str], ...] = ()
