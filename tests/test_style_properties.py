"""Properties of the formatter over generated headers and random combinations of style settings:

- formatting never changes the data (same values, same types);
- formatting a formatted file changes nothing, and leaves nothing fixable behind;
- the body after the blank lines under the header is never touched;
- formatting then fixing the schema's mistakes, or fixing then formatting, gives the same file.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mdlint.checker import CheckOptions, analyse
from mdlint.document import split
from mdlint.fixer import fix_bytes
from mdlint.schema import load_schema
from mdlint.style.base import same_data
from mdlint.style.settings import PRESETS, FormatSettings
from mdlint.tree import STR, resolve_plain
from mdlint.yaml_emit import double_quoted, plain_is_safe, single_quoted

SCHEMA = load_schema()
TEXTS = [
    "plain text",
    "Markets",
    "yes",
    "null",
    "1.0",
    "12",
    "a: b",
    "#hash",
    "a #b",
    "*star",
    "&amp",
    "!bang",
    "it's",
    'say "hi"',
    "ünïcødé — €",
    "tab\there",
    "line\nbreak",
    "2025-02-08 16:00:00",
    "1_000",
    "12:30",
    "",
    " padded ",
    "a, b",
    "back\\slash",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt "
    "ut labore et dolore magna aliqua; a long line well past any wrapping width.",
]
KEYS = [
    "title",
    "date",
    "summary",
    "categories",
    "lang",
    "tags",
    "menu",
    "comments",
    "pager",
    "sidebar",
    "widgets",
    "weight",
    "params",
    "legacy_id",
    "extra",
]


# Less common shapes, each a whole entry (KEY is replaced by the key).
OTHERS = [
    "KEY: &anchor [a, b]\nKEY_again: *anchor",
    "KEY:\n  - name: 'x'\n    weight:   2\n  - name: y\n    tags: [p, q]",
    "KEY: {a: 1, 'b': \"two\"}",
    "KEY: [one,\n  'two',\n  three]  # multi-line flow list",
    'KEY: "a double-quoted value \\   \n  over two lines"',
    "'KEY':   'quoted key'",
    "KEY:\n  - a\n  # between items\n  - b",
    "KEY:\n    - - nested\n      - list",
    "KEY: !!str 12",
    "KEY: >-\n    folded\n    text\n\n",
]


def settings_strategy() -> st.SearchStrategy[FormatSettings]:
    maybe = st.none
    return st.builds(
        FormatSettings,
        style=st.one_of(maybe(), st.sampled_from(sorted(PRESETS))),
        key_order=st.one_of(
            maybe(),
            st.just("schema"),
            st.just("preserve"),
            st.permutations(KEYS).map(lambda keys: tuple(keys[:6])),
        ),
        quote_style=st.one_of(maybe(), st.sampled_from(["double", "single", "plain", "preserve"])),
        list_style=st.one_of(maybe(), st.sampled_from(["block", "flow", "preserve"])),
        list_indent=st.one_of(maybe(), st.sampled_from([0, 2, 4, "preserve"])),
        space_after_colon=st.one_of(maybe(), st.booleans()),
        trim_trailing_whitespace=st.one_of(maybe(), st.booleans()),
        max_blank_lines=st.one_of(maybe(), st.integers(0, 2)),
        blank_lines_after_header=st.one_of(maybe(), st.integers(0, 2)),
        closing_fence=st.one_of(maybe(), st.sampled_from(["---", "preserve"])),
    )


def scalar(draw, text: str) -> str:
    """`text` in a random quote style that can hold it."""
    styles = ["double"]
    if single_quoted(text) is not None:
        styles.append("single")
    if plain_is_safe(text) and resolve_plain(text) == STR:
        styles.append("plain")
    style = draw(st.sampled_from(styles))
    if style == "plain":
        return text
    if style == "single":
        return str(single_quoted(text))
    return double_quoted(text)


def flow_item(draw, text: str) -> str:
    rendered = scalar(draw, text)
    return (
        double_quoted(text) if rendered == text and any(c in text for c in ",[]{}#") else rendered
    )


@st.composite
def headers(draw) -> str:
    """A header's lines (LF), valid YAML, in a random layout."""
    lines: list[str] = []
    gap = st.sampled_from([" ", " ", " ", "  ", "   ", "\t"])
    trailing = st.sampled_from(["", "", "", " ", "  ", "\t"])
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=8, unique=True))
    for key in keys:
        if draw(st.integers(0, 5)) == 0:
            lines.append("# about " + key + draw(trailing))
        kinds = ["text", "text", "list", "number", "map", "block", "folded", "other"]
        kind = draw(st.sampled_from(kinds))
        sep = draw(gap)
        comment = draw(st.sampled_from(["", "", "", "  # note"]))
        if kind == "text":
            text = draw(st.sampled_from(TEXTS))
            lines.append(f"{key}:{sep}{scalar(draw, text)}{comment}{draw(trailing)}")
        elif kind == "number":
            value = draw(st.sampled_from(["3", "true", "false", "null", "1.5", "~"]))
            lines.append(f"{key}:{sep}{value}{comment}{draw(trailing)}")
        elif kind == "list":
            items = draw(st.lists(st.sampled_from(TEXTS), max_size=4))
            if not items or draw(st.booleans()):
                rendered = ", ".join(flow_item(draw, item) for item in items)
                lines.append(f"{key}:{sep}[{rendered}]{comment}{draw(trailing)}")
            else:
                indent = " " * draw(st.sampled_from([0, 2, 4]))
                lines.append(f"{key}:{comment}{draw(trailing)}")
                for item in items:
                    lines.append(f"{indent}-{draw(gap).replace(chr(9), ' ')}{scalar(draw, item)}")
                    if draw(st.integers(0, 6)) == 0:
                        lines.append("")
        elif kind == "map":
            lines.append(f"{key}:{comment}")
            indent = " " * draw(st.sampled_from([2, 4]))
            lines.append(f"{indent}main:")
            lines.append(f"{indent}  weight:{draw(gap)}{draw(st.integers(0, 9))}")
            text = draw(st.sampled_from(TEXTS))
            lines.append(f"{indent}  name:{draw(gap)}{scalar(draw, text)}{draw(trailing)}")
            if draw(st.booleans()):
                lines.append(f"{indent}  tags:")
                lines.append(f"{indent}  {' ' * draw(st.sampled_from([0, 2, 4]))}- a")
        elif kind == "block":
            lines.append(f"{key}:{sep}|{draw(st.sampled_from(['', '-', '+']))}")
            lines.append("  first line" + draw(trailing))
            lines.append("")
            lines.append("    indented" + draw(trailing))
        elif kind == "other":
            lines.extend(draw(st.sampled_from(OTHERS)).replace("KEY", key).split("\n"))
        else:
            lines.append(f"{key}:{sep}{draw(st.sampled_from(['plain', 'folded']))}")
            lines.append("  continued" + draw(trailing))
            if draw(st.booleans()):
                lines.append("")
                lines.append("  after a blank")
        for _ in range(draw(st.integers(0, 2)) if draw(st.integers(0, 3)) == 0 else 0):
            lines.append(draw(trailing))
    return "\n".join(lines) + "\n"


@st.composite
def files(draw, header_strategy=None) -> bytes:
    header = draw(header_strategy if header_strategy is not None else headers())
    fence_blank = draw(st.sampled_from(["", "", " "]))
    closing = draw(st.sampled_from(["---", "---", "..."]))
    after = "\n" * draw(st.integers(0, 3))
    body = draw(st.sampled_from(["Body.\n", "# Title\n\nText   \n", "", "---\nrule\n"]))
    text = f"---{fence_blank}\n{header}{closing}\n{after}{body}"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if draw(st.booleans()) else data


def style_only(analysis):
    return [finding for finding in analysis.findings if finding.code.startswith("ST")]


def schema_only(analysis):
    return [finding for finding in analysis.findings if not finding.code.startswith("ST")]


def readable(data: bytes, options: CheckOptions):
    analysis = analyse(data, SCHEMA, options)
    assume(isinstance(analysis.data, dict))
    assume(not any(f.code.startswith("FM") for f in analysis.findings))
    return analysis


def body_of(data: bytes) -> bytes:
    document = split(data)
    return data[document.tail_end :]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files(), settings_strategy())
def test_formatting_keeps_the_data_is_idempotent_and_complete(data, format_settings):
    options = CheckOptions(style=format_settings.resolved() if format_settings.enabled else None)
    before = readable(data, options)
    formatted = fix_bytes(data, SCHEMA, options, visible=style_only).fixed
    after = analyse(formatted, SCHEMA, options)
    assert same_data(before.data, after.data), (data, formatted)
    assert not any(f.code.startswith("FM") for f in after.findings)
    assert body_of(formatted) == body_of(data)
    # Nothing left that mdlint says it can fix, and a second run changes nothing.
    assert [f for f in style_only(after) if f.fix is not None] == [], formatted
    assert fix_bytes(formatted, SCHEMA, options, visible=style_only).fixed == formatted


# --- With the schema's mistakes: fixing and formatting commute --------------------------------------

MISTAKES = {
    "comments": ["false", ['"false"', "no", "'False'", "off"]],
    "pager": ["true", ['"true"', "yes", "on", '"TRUE"']],
    "sidebar": ['"right"', ['"Right"', "RIGHT", "' right'"]],
    "date": ['"2025-02-08 16:00:00"', ["'2025/02/08'", '"Feb 8, 2025"', "2025-02-08T16:00:00"]],
}
WIDGETS = ["search", "recent", "categories", "taglist", "social"]


@st.composite
def headers_with_mistakes(draw) -> str:
    lines = []
    gap = st.sampled_from([" ", " ", "  ", "\t"])
    trailing = st.sampled_from(["", "", " "])
    entries = []
    entries.append([f"title:{draw(gap)}{scalar(draw, 'Chips: a primer')}{draw(trailing)}"])
    for key, (good, bad) in MISTAKES.items():
        value = draw(st.sampled_from(bad)) if draw(st.booleans()) else good
        comment = draw(st.sampled_from(["", "", "  # checked"]))
        entries.append([f"{key}:{draw(gap)}{value}{comment}{draw(trailing)}"])
    items = draw(st.lists(st.sampled_from(WIDGETS), min_size=1, max_size=4))
    if draw(st.booleans()):
        items = [items[0].capitalize(), *items[1:]]
    indent = " " * draw(st.sampled_from([0, 2, 4]))
    if draw(st.booleans()):
        entries.append(["widgets: [" + ", ".join(scalar(draw, i) for i in items) + "]"])
    else:
        entries.append(["widgets:", *(f"{indent}- {scalar(draw, i)}" for i in items)])
    tag = scalar(draw, draw(st.sampled_from(["AI", "Nvidia", "open source"])))
    if draw(st.booleans()):
        entries.append([f"tags:{draw(gap)}{tag}"])  # a scalar where a list belongs
    else:
        entries.append(["tags:", f"{indent}- {tag}"])
    for entry in draw(st.permutations(entries)):
        lines.extend(entry)
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.sampled_from(["", "# a note"])))
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files(headers_with_mistakes()), settings_strategy())
def test_fixing_and_formatting_commute(data, format_settings):
    options = CheckOptions(style=format_settings.resolved() if format_settings.enabled else None)
    readable(data, options)

    def fix(data: bytes) -> bytes:
        return fix_bytes(data, SCHEMA, options, visible=schema_only).fixed

    def format_(data: bytes) -> bytes:
        return fix_bytes(data, SCHEMA, options, visible=style_only).fixed

    fixed_then_formatted = format_(fix(data))
    formatted_then_fixed = fix(format_(data))
    assert comments_aligned_alike(fixed_then_formatted) == comments_aligned_alike(
        formatted_then_fixed
    ), (data, format_settings)
    # One `mdlint fix` run with the formatter configured does both.
    both = fix_bytes(data, SCHEMA, options).fixed
    assert comments_aligned_alike(both) == comments_aligned_alike(fixed_then_formatted)


def comments_aligned_alike(data: bytes) -> bytes:
    """The file with one blank before each end-of-line comment. An edit keeps such a comment's
    column while the new value fits before it; once a value grew past it (`yes` -> `"yes"`, then
    `true`), the column is lost, and two orders of edits may leave different blanks there."""
    return re.sub(rb"(?<=\S)[ \t]+#", b" #", data)
