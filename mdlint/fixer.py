"""The fix engine: plan fixes, apply their edits to the header text, and keep only what checks out.

A pass applies every planned fix whose edits do not overlap another's; the result is analysed
again and kept only if the header still parses, each fixed finding is gone and no new finding
appeared. When a pass fails that test, its fixes are tried one at a time so one bad fix cannot
block the others. Overlapping fixes wait for the next pass. Nothing outside the edits changes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .checker import Analysis, CheckOptions, analyse
from .edits import apply_edits, overlaps
from .findings import Finding
from .fixes import Fix, FixContext, Refusal, plan
from .schema import Schema
from .yaml_tree import Mapping

MAX_PASSES = 8


@dataclass
class FixResult:
    original: bytes
    fixed: bytes
    applied: list[Finding] = field(default_factory=list)
    original_count: int = 0
    remaining: list[Finding] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)  # index in `remaining` -> why not fixed

    @property
    def fixed_count(self) -> int:
        """How many of the problems found at the start are gone."""
        return max(self.original_count - len(self.remaining), 0) if self.changed else 0

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def _context(analysis: Analysis, schema: Schema) -> FixContext | None:
    document, root = analysis.document, analysis.root
    if document is None or not isinstance(root, Mapping) or not analysis.checked_against_schema:
        return None
    return FixContext(document.header, document.newline, root, schema)


def fix_bytes(
    data: bytes, schema: Schema, options: CheckOptions | None = None, *, unsafe: bool = False
) -> FixResult:
    original = analyse(data, schema, options)
    result, analysis = _run(data, original, schema, options, unsafe, lenient=True)
    if not _no_new_kinds(original.findings, analysis.findings):
        result, analysis = _run(data, original, schema, options, unsafe, lenient=False)
    context = _context(analysis, schema)
    result.remaining = analysis.findings
    for index, finding in enumerate(result.remaining):
        planned = plan(finding, context) if context is not None else None
        if isinstance(planned, Refusal):
            result.refused[index] = planned.reason
        elif isinstance(planned, Fix) and (planned.applicability == "safe" or unsafe):
            result.refused[index] = "the fix would introduce a new problem (the re-check failed)"
    return result


def _run(
    data: bytes,
    original: Analysis,
    schema: Schema,
    options: CheckOptions | None,
    unsafe: bool,
    *,
    lenient: bool,
) -> tuple[FixResult, Analysis]:
    """Fix passes until nothing more applies. A lenient pass may leave new findings that are
    themselves safely fixable (a value fixed into a duplicate, removed by the next pass); the
    caller checks the end result against the original and reruns strictly when it falls short."""
    result = FixResult(data, data, original_count=len(original.findings))
    analysis = original
    for _ in range(MAX_PASSES):
        fixes = _planned(analysis, schema, unsafe)
        if not fixes:
            break
        progressed = _apply_pass(analysis, fixes, schema, options, result, lenient)
        if progressed is None:
            break
        analysis = progressed
    return result, analysis


def _planned(analysis: Analysis, schema: Schema, unsafe: bool) -> list[Fix]:
    context = _context(analysis, schema)
    if context is None:
        return []
    planned = (plan(finding, context) for finding in analysis.findings)
    return [
        fix for fix in planned if isinstance(fix, Fix) and (fix.applicability == "safe" or unsafe)
    ]


def _apply_pass(
    analysis: Analysis,
    fixes: list[Fix],
    schema: Schema,
    options: CheckOptions | None,
    result: FixResult,
    lenient: bool,
) -> Analysis | None:
    chosen = _non_overlapping(fixes)
    attempt = _try(analysis, chosen, schema, options, lenient)
    if attempt is None and len(chosen) > 1:
        for fix in chosen:  # find the fixes that pass on their own
            single = _try(analysis, [fix], schema, options, lenient)
            if single is not None:
                attempt = single
                chosen = [fix]
                break
    if attempt is None:
        return None
    result.fixed = attempt[0]
    result.applied.extend(fix.finding for fix in chosen)
    return attempt[1]


def _non_overlapping(fixes: list[Fix]) -> list[Fix]:
    chosen: list[Fix] = []
    for fix in fixes:
        if not any(overlaps(a, b) for other in chosen for a in other.edits for b in fix.edits):
            chosen.append(fix)
    return chosen


def _try(
    analysis: Analysis,
    fixes: list[Fix],
    schema: Schema,
    options: CheckOptions | None,
    lenient: bool,
) -> tuple[bytes, Analysis] | None:
    document = analysis.document
    assert document is not None
    header = apply_edits(document.header, [edit for fix in fixes for edit in fix.edits])
    data = document.with_header(header)
    after = analyse(data, schema, options)
    if not after.checked_against_schema:
        return None
    judged = [f for f in after.findings if f.fix != "safe"] if lenient else after.findings
    if not _only_fixed_ones_went(analysis.findings, judged, [f.finding for f in fixes]):
        return None
    return data, after


def _no_new_kinds(before: Iterable[Finding], after: Iterable[Finding]) -> bool:
    """No kind of finding is more frequent at the end than at the start."""
    start = Counter(_kind(f) for f in before)
    return all(count <= start[kind] for kind, count in Counter(_kind(f) for f in after).items())


def _only_fixed_ones_went(
    before: Iterable[Finding], after: Iterable[Finding], fixed: Iterable[Finding]
) -> bool:
    """Per kind of finding: after <= before - fixed. Line numbers and list indices may shift, so
    findings are compared by code and path with list indices left out."""
    expected = Counter(_kind(f) for f in before)
    expected.subtract(_kind(f) for f in fixed)
    found = Counter(_kind(f) for f in after)
    return all(count <= expected[kind] for kind, count in found.items())


def _kind(finding: Finding) -> tuple[str, str]:
    return finding.code, re.sub(r"\[\d+\]", "[]", finding.json_path)
