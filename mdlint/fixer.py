"""The fix engine: plan fixes, apply their edits to the header text, and keep only what checks out.

A pass applies every planned fix whose edits do not overlap another's; the result is analysed
again and kept only if the header still parses, each fixed finding is gone and no new finding
appeared. When a pass fails that test, its fixes are tried one at a time so one bad fix cannot
block the others. Overlapping fixes wait for the next pass. Nothing outside the edits changes.

Style fixes (the formatter's `ST` rules) come after the schema fixes: a pass takes the schema
fixes when there are any it can apply, and only then the style fixes, so a schema fix never has
to land on text the formatter is moving. A style pass must also leave the header's data exactly
as it was (same values, same types): formatting changes how the header is written, never what
it says.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .checker import Analysis, analyse
from .edits import overlaps
from .findings import Finding
from .fixes import Fix, FixContext, Plan, Refusal, plan
from .options import CheckOptions
from .schema import Schema
from .style.base import same_data
from .style.plans import StyleFix
from .tree import Mapping

MAX_PASSES = 8
_UNPLANNED = Refusal("not planned yet")  # a marker: no plan is this object
Visible = Callable[[Analysis], list[Finding]]


@dataclass
class FixResult:
    original: bytes
    fixed: bytes
    applied: list[Finding] = field(default_factory=list)
    original_count: int = 0
    remaining: list[Finding] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)  # index in `remaining` -> why not fixed
    trimmed: bool | None = None  # set by `trim`: whether the file changed, its bytes let go

    @property
    def fixed_count(self) -> int:
        """How many of the problems found at the start are gone."""
        return max(self.original_count - len(self.remaining), 0) if self.changed else 0

    @property
    def changed(self) -> bool:
        return self.trimmed if self.trimmed is not None else self.fixed != self.original

    def trim(self, keep: int) -> None:
        """Let go of the file's bytes but the first `keep` of the fixed ones (enough to show the
        header's lines), so that a run over many files holds no more than one file at a time."""
        if self.trimmed is None:
            self.trimmed = self.changed
            self.original = b""
            self.fixed = self.fixed[:keep] if self.remaining else b""


@dataclass(frozen=True)
class _Job:
    schema: Schema
    options: CheckOptions | None
    unsafe: bool
    visible: Visible  # the findings the user sees (directives and rule selection applied)

    def analyse(self, data: bytes) -> Analysis:
        return analyse(data, self.schema, self.options)

    def context(self, analysis: Analysis) -> FixContext | None:
        document, root = analysis.document, analysis.root
        if document is None or not isinstance(root, Mapping) or not analysis.checked_against_schema:
            return None
        style = self.options.style if self.options is not None else None
        return FixContext(document.header, document.newline, root, self.schema, style)

    def wanted(self, fix: object) -> bool:
        return isinstance(fix, Fix) and (fix.applicability == "safe" or self.unsafe)


def _everything(analysis: Analysis) -> list[Finding]:
    return analysis.findings


def fix_bytes(
    data: bytes,
    schema: Schema,
    options: CheckOptions | None = None,
    *,
    unsafe: bool = False,
    visible: Visible = _everything,
) -> FixResult:
    """Fix what `visible` shows of the file's findings; the result says what was done and what
    remains. The original bytes are returned unchanged when nothing could be fixed safely."""
    job = _Job(schema, options, unsafe, visible)
    original = job.analyse(data)
    result, analysis = _run(job, data, original, lenient=True)
    if not _only_fixed_ones_went(original.findings, analysis.findings, ()):  # no kind grew
        result, analysis = _run(job, data, original, lenient=False)
    result.remaining = visible(analysis)
    for index, finding in enumerate(result.remaining):
        planned = _plan(job, analysis, finding)
        if isinstance(planned, Refusal):
            result.refused[index] = planned.reason
        elif job.wanted(planned):
            result.refused[index] = "the fix would introduce a new problem (the re-check failed)"
    return result


def _run(
    job: _Job, data: bytes, original: Analysis, *, lenient: bool
) -> tuple[FixResult, Analysis]:
    """Fix passes until nothing more applies. A lenient pass may leave new findings that are
    themselves safely fixable (a value fixed into a duplicate, removed by the next pass); the
    caller checks the end result against the original and reruns strictly when it falls short."""
    result = FixResult(data, data, original_count=len(job.visible(original)))
    analysis = original
    for _ in range(MAX_PASSES):
        progressed = None
        for fixes in _planned(job, analysis):
            progressed = _apply_pass(job, analysis, fixes, result, lenient)
            if progressed is not None:
                break
        if progressed is None:
            break
        analysis = progressed
    return result, analysis


def _planned(job: _Job, analysis: Analysis) -> list[list[Fix]]:
    """The fixes to try, in groups: the schema fixes, then the style fixes (if any). Those the
    check planned already (to mark findings fixable) are not planned again."""
    planned = (_plan(job, analysis, finding) for finding in job.visible(analysis))
    fixes = [fix for fix in planned if isinstance(fix, Fix) and job.wanted(fix)]
    style = sorted((f for f in fixes if _is_style(f)), key=_style_priority)
    groups = [[f for f in fixes if not _is_style(f)], style]
    return [group for group in groups if group]


def _plan(job: _Job, analysis: Analysis, finding: Finding) -> Plan:
    """The fix for `finding`: the one the check planned, else planned now."""
    known = analysis.plans.get(id(finding), _UNPLANNED)
    if known is not _UNPLANNED:
        return known
    context = analysis.fix_context if analysis.fix_context is not None else job.context(analysis)
    analysis.fix_context = context
    return plan(finding, context) if context is not None else None


def _is_style(fix: Fix) -> bool:
    return isinstance(fix.finding.detail, StyleFix)


def _style_priority(fix: Fix) -> int:
    detail = fix.finding.detail
    return detail.priority if isinstance(detail, StyleFix) else 1


def _apply_pass(
    job: _Job, analysis: Analysis, fixes: list[Fix], result: FixResult, lenient: bool
) -> Analysis | None:
    chosen = _non_overlapping(fixes)
    attempt = _try(job, analysis, chosen, lenient)
    if attempt is None and len(chosen) > 1:
        # Find the fixes that pass on their own, and keep them all if they also pass together:
        # one bad fix must not hold the others back to one per pass.
        passing = [(fix, _try(job, analysis, [fix], lenient)) for fix in chosen]
        good = [(fix, single) for fix, single in passing if single is not None]
        together = _try(job, analysis, [f for f, _ in good], lenient) if len(good) > 1 else None
        if together is not None:
            attempt, chosen = together, [fix for fix, _ in good]
        elif good:
            attempt, chosen = good[0][1], [good[0][0]]
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
    job: _Job, analysis: Analysis, fixes: list[Fix], lenient: bool
) -> tuple[bytes, Analysis] | None:
    document = analysis.document
    assert document is not None
    data = document.with_edits(edit for fix in fixes for edit in fix.edits)
    after = job.analyse(data)
    if not after.checked_against_schema:
        return None
    if any(_is_style(fix) for fix in fixes) and not same_data(analysis.data, after.data):
        return None
    judged = [f for f in after.findings if f.fix != "safe"] if lenient else after.findings
    if not _only_fixed_ones_went(analysis.findings, judged, [f.finding for f in fixes]):
        return None
    return data, after


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
