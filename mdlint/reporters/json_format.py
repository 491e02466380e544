"""The `json` format: a JSON list with one object per finding, in path and position order.

The fields are documented in the README ("Output formats") and stable: a field may be added,
none is renamed, removed or changes meaning within a major version.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from ..findings import FileResult, Finding
from ..rules import BY_CODE
from . import ReportOptions

SEVERITY = "error"  # every finding fails the check (exit code 1)


def finding_object(path: str, finding: Finding) -> dict[str, Any]:
    rule = BY_CODE.get(finding.code)
    return {
        "path": path,
        "code": finding.code,
        "name": rule.name if rule else None,
        "message": finding.message,
        "severity": SEVERITY,
        "line": finding.line,
        "column": finding.col,
        "end_line": finding.end_line,
        "end_column": finding.end_col,
        "json_path": finding.json_path,
        "fixable": finding.fix is not None,
        "fix_applicability": finding.fix,
    }


def report_json(results: Iterable[FileResult], out: TextIO, options: ReportOptions) -> None:
    objects = [
        finding_object(result.path, finding) for result in results for finding in result.findings
    ]
    out.write(json.dumps(objects, indent=2, ensure_ascii=False) + "\n")
