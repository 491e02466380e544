"""`--statistics`: how many findings of each code, most frequent first, as ruff shows them.

    3  SC001  [*] wrong-type
    1  SC006      unknown-key

`[*]` marks a code with findings that `mdlint fix` repairs safely. With `--output-format json` the
same counts are a JSON list of `{"code", "name", "count", "safe_fixes", "unsafe_fixes"}`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import TextIO

from ..findings import FileResult
from ..rules import BY_CODE


@dataclass(frozen=True)
class CodeCount:
    code: str
    name: str
    count: int
    safe_fixes: int
    unsafe_fixes: int


def count_codes(results: Iterable[FileResult]) -> list[CodeCount]:
    counts: dict[str, list[int]] = {}
    for result in results:
        for finding in result.findings:
            entry = counts.setdefault(finding.code, [0, 0, 0])
            entry[0] += 1
            entry[1] += finding.fix == "safe"
            entry[2] += finding.fix == "unsafe"
    rows = [
        CodeCount(code, BY_CODE[code].name if code in BY_CODE else "", *numbers)
        for code, numbers in counts.items()
    ]
    return sorted(rows, key=lambda row: (-row.count, row.code))


def write_statistics(results: Iterable[FileResult], out: TextIO, *, as_json: bool) -> None:
    rows = count_codes(results)
    if as_json:
        out.write(json.dumps([asdict(row) for row in rows], indent=2) + "\n")
        return
    if not rows:
        return
    count_width = max(len(str(row.count)) for row in rows)
    code_width = max(len(row.code) for row in rows)
    for row in rows:
        marker = "[*]" if row.safe_fixes else "   "
        out.write(f"{row.count:>{count_width}}  {row.code:<{code_width}}  {marker} {row.name}\n")
