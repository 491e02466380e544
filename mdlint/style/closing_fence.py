"""ST009 closing-fence: the header ends with `---`, like it starts, not with YAML's `...`.

Hugo and most generators accept both; a site that mixes them is harder to grep and to edit.
Only the three characters change; blanks after them are ST006's business.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..edits import Edit
from ..findings import Finding
from .base import StyleContext, StyleRule
from .plans import StyleFix
from .settings import FormatSettings

CODE = "ST009"


def enabled(settings: FormatSettings) -> bool:
    return settings.closing_fence == "---"


def check(context: StyleContext) -> Iterator[Finding]:
    fence = context.closing_fence_line
    if fence is None or not fence.text.startswith("..."):
        return
    fix = StyleFix((Edit(fence.start, fence.start + 3, "---"),), "closing fence written ---")
    message = "the header is closed with `...`; closing-fence writes `---`"
    yield context.finding(CODE, message, fence.start, fence.start + 3, fix)


RULE = StyleRule(CODE, "closing-fence", enabled, check)
