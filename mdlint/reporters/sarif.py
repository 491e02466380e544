"""The `sarif` format: a SARIF 2.1.0 log (one run) for GitHub code scanning and other viewers.

The run's driver lists every rule of mdlint's catalogue (`mdlint/rules.py`): its code as `id`,
its name, summary, the reason it matters and the whole `mdlint rule CODE` text as help. Each finding
is a result at its region; columns count Unicode code points (`columnKind`), as mdlint's do. A
relative path is a URI relative to `%SRCROOT%`, the directory mdlint ran in; an absolute one is a
`file:` URI. A file that cannot be read is a tool execution notification.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote

from .._version import __version__
from ..findings import FileResult, Finding
from ..rules import RULES, Rule
from . import ReportOptions, region_end

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
_KIND = {
    "FM": "structure",
    "SC": "schema",
    "ST": "style",
    "DR": "directive",
    "IN": "internal",
}


def report_sarif(results: Iterable[FileResult], out: TextIO, options: ReportOptions) -> None:
    out.write(json.dumps(sarif_log(results), indent=2, ensure_ascii=False) + "\n")


def sarif_log(results: Iterable[FileResult], cwd: str | None = None) -> dict[str, Any]:
    from ..rule_docs import explain

    results = list(results)  # read twice: for the files, then for their findings
    rule_index = {rule.code: index for index, rule in enumerate(RULES)}
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.why},
            "help": {"text": explain(rule), "markdown": _help_markdown(rule)},
            "defaultConfiguration": {"level": "error"},
            "properties": {"fix": rule.fix, "tags": [_KIND.get(rule.code[:2], "other")]},
        }
        for rule in RULES
    ]
    notifications = [
        {
            "level": "error",
            "message": {"text": result.error},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(result.path)}}],
        }
        for result in results
        if result.error
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "mdlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
        "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(cwd or os.getcwd())}},
        "columnKind": "unicodeCodePoints",
        "results": [
            _result(result.path, finding, rule_index)
            for result in results
            for finding in result.findings
        ],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _help_markdown(rule: Rule) -> str:
    from ..rule_docs import _FIX_TEXT as FIX_TEXT  # the words `mdlint rule` uses

    parts = [f"**{rule.code}** ({rule.name}): {rule.summary}", "", f"Why: {rule.why}"]
    if rule.example:
        parts += ["", "Example:", "", "```yaml", rule.example, "```"]
    parts += ["", f"Fix: {FIX_TEXT.get(rule.fix, rule.fix)}"]
    return "\n".join(parts) + "\n"


def _result(path: str, finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    end_line, end_col = region_end(finding)
    region: dict[str, int] = {
        "startLine": finding.line,
        "startColumn": finding.col,
        "endLine": end_line,
    }
    if end_col is not None:
        region["endColumn"] = end_col
    result: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    result["level"] = "error"
    result["message"] = {"text": finding.message}
    result["locations"] = [
        {"physicalLocation": {"artifactLocation": _artifact(path), "region": region}}
    ]
    properties: dict[str, Any] = {"fixable": finding.fix is not None}
    if finding.fix is not None:
        properties["fixApplicability"] = finding.fix
    if finding.json_path:
        properties["jsonPath"] = finding.json_path
    result["properties"] = properties
    return result


def _artifact(path: str) -> dict[str, str]:
    if os.path.isabs(path):
        return {"uri": _file_uri(path)}
    relative = PurePath(os.path.normpath(path)).as_posix()
    return {"uri": quote(os.fsencode(relative), safe="/"), "uriBaseId": SRCROOT}


def _file_uri(path: str) -> str:
    try:
        return Path(path).as_uri()
    except (ValueError, UnicodeError):  # a name that is not UTF-8: its bytes, percent-encoded
        return "file://" + quote(os.fsencode(Path(path).as_posix()), safe="/")


def _directory_uri(directory: str) -> str:
    uri = _file_uri(os.path.abspath(directory))
    return uri if uri.endswith("/") else uri + "/"
