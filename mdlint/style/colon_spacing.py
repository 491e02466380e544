"""ST005 space-after-colon: `key: value`, with no blank before the colon and one space after it.

Applies to every block mapping (the top level, nested mappings, mappings in list items) when the
value starts on the key's line. `key:` with nothing after it, or only a comment, is left alone:
the blanks before a comment are often there to align it, and a value on the next line has no
spacing to fix. Flow mappings (`{a: 1}`) are left as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..edits import Edit
from ..findings import Finding
from ..tree import quote
from .base import StyleContext, StyleRule
from .plans import StyleFix
from .settings import FormatSettings

CODE = "ST005"


def enabled(settings: FormatSettings) -> bool:
    return settings.space_after_colon is True


# Without one of these, no key can be spaced wrongly: most headers skip the rule at once.
_SUSPECT = re.compile(r"[ \t]:|:[ \t][ \t]|:\t")


def check(context: StyleContext) -> Iterator[Finding]:
    header = context.header
    if not _SUSPECT.search(header):
        return
    for visit, key in context.block_pairs:
        value = visit.node
        key_span, value_span = key.span, value.span
        key_end = key_span.end
        if key_end <= key_span.start or key_span.start_line != key_span.end_line:
            continue
        colon = header.find(":", key_end)
        if colon < 0 or header[key_end:colon].strip(" "):
            continue  # `? key` syntax, or something unexpected between key and colon
        edits = []
        problems = []
        if colon > key_end:
            edits.append(Edit(key_end, colon, ""))
            problems.append("a blank before the colon")
        value_start = value_span.start
        if value_span.end > value_start and value_span.start_line == key_span.end_line:
            gap = header[colon + 1 : value_start]
            if gap != " " and not gap.strip(" \t"):
                edits.append(Edit(colon + 1, value_start, " "))
                problems.append(f"{_blanks(gap)} after it")
        if not edits:
            continue
        message = f"{quote(str(key.value), 40)} has {' and '.join(problems)}; write `key: value`"
        fix = StyleFix(tuple(edits), "one space after the colon")
        yield context.finding(CODE, message, key_end, value_start, fix, visit.path)


def _blanks(gap: str) -> str:
    if not gap:
        return "no space"
    if "\t" in gap:
        return "a tab" if gap == "\t" else "tabs and spaces"
    return f"{len(gap)} spaces"


RULE = StyleRule(CODE, "space-after-colon", enabled, check)
