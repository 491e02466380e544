"""mdlint fix: each fixer's exact output, and what it must never touch."""

from __future__ import annotations

import json

import pytest

from mdlint.fixer import fix_bytes
from mdlint.schema import load_schema

from .conftest import VALID_HEADER

HEAD = '---\ntitle: "T"\ndate: "2025-02-08 16:00:00"\n'


def fixed(text: str | bytes, *, unsafe: bool = False, schema=None) -> str:
    data = text.encode() if isinstance(text, str) else text
    return fix_bytes(data, load_schema(schema), unsafe=unsafe).fixed.decode()


SAFE_CASES = {
    "string true": ('comments: "true"\n', "comments: true\n"),
    "string False": ("comments: 'False'\n", "comments: false\n"),
    "yes": ("pager: yes\n", "pager: true\n"),
    "no": ("pager: no\n", "pager: false\n"),
    "on": ("toc: on\n", "toc: true\n"),
    "off": ("toc: Off\n", "toc: false\n"),
    "comment keeps its column": ('comments: "true"   # why\n', "comments: true     # why\n"),
    "number as text": ('weight: "3"\n', "weight: 3\n"),
    "enum case keeps quotes": ('sidebar: "Right"\n', 'sidebar: "right"\n'),
    "enum single quotes and blanks": ("sidebar: ' left '\n", "sidebar: 'left'\n"),
    "enum plain": ("sidebar: Right\n", "sidebar: right\n"),
    "enum boolean written as text": ('sidebar: "false"\n', "sidebar: false\n"),
    "list item case": ('widgets:\n  - "Recent"\n', 'widgets:\n  - "recent"\n'),
    "pattern upper": ('lang:\n  - "EN"\n', 'lang:\n  - "en"\n'),
    "pattern blanks": ('lang:\n  - " fr"\n', 'lang:\n  - "fr"\n'),
    "scalar to list, default style": ('categories: "Markets"\n', 'categories:\n  - "Markets"\n'),
    "scalar to list follows dash indent 0": (
        'tags:\n- "a"\ncategories: "Markets"\n',
        'tags:\n- "a"\ncategories:\n- "Markets"\n',
    ),
    "scalar to list follows indent 4 and plain quotes": (
        "tags:\n    - a\ncategories: Markets\n",
        "tags:\n    - a\ncategories:\n    - Markets\n",
    ),
    "scalar to list follows single quotes": (
        "tags:\n  - 'a'\ncategories: \"Dow Jones\"\n",
        "tags:\n  - 'a'\ncategories:\n  - 'Dow Jones'\n",
    ),
    "scalar to flow list": (
        "tags: [a, b]\ncategories: Markets\n",
        "tags: [a, b]\ncategories: [Markets]\n",
    ),
    "scalar to list with comment": (
        'categories: "Markets"  # main\n',
        'categories:            # main\n  - "Markets"\n',
    ),
    "scalar to list with item fix": ("lang: EN\n", 'lang:\n  - "en"\n'),
    "duplicate block item": (
        'widgets:\n  - "search"\n  - "recent"\n  - "search"\n',
        'widgets:\n  - "search"\n  - "recent"\n',
    ),
    "duplicate with a comment keeps the comment": (
        'widgets:\n  - "search"\n  - "search"  # checked\n',
        'widgets:\n  - "search"\n  # checked\n',
    ),
    "duplicate flow items": (
        "widgets: [search, recent, search, search]\n",
        "widgets: [search, recent]\n",
    ),
}


@pytest.mark.parametrize("before, after", SAFE_CASES.values(), ids=SAFE_CASES.keys())
def test_safe_fixes(before, after):
    assert fixed(HEAD + before + "---\nBody\n") == HEAD + after + "---\nBody\n"


DATE_CASES = {
    "slashes": ('"2025/02/08"', '"2025-02-08 00:00:00"'),
    "T separator": ('"2025-02-08T16:00:00"', '"2025-02-08 16:00:00"'),
    "words": ('"Feb 8, 2025"', '"2025-02-08 00:00:00"'),
    "day first words": ("'8 February 2025 4:30 PM'", "'2025-02-08 16:30:00'"),
    "unquoted date only": ("2025-02-08", "2025-02-08 00:00:00"),
}


@pytest.mark.parametrize("before, after", DATE_CASES.values(), ids=DATE_CASES.keys())
def test_dates_are_rewritten_in_the_canonical_format(before, after):
    text = f'---\ntitle: "T"\ndate: {before}\n---\n'
    assert fixed(text) == f'---\ntitle: "T"\ndate: {after}\n---\n'


@pytest.mark.parametrize(
    "date, reason",
    [
        ('"03/04/2025"', "ambiguous"),
        ('"2025-02-08T16:00:00+01:00"', "+01:00"),
        ('"someday"', ""),
    ],
)
def test_dates_never_guessed(date, reason):
    text = f'---\ntitle: "T"\ndate: {date}\n---\n'
    result = fix_bytes(text.encode(), load_schema(), unsafe=True)
    assert not result.changed
    assert [f.code for f in result.remaining] == ["SC003"]
    assert reason in result.refused.get(0, "")


def test_utc_zone_is_dropped_only_as_an_unsafe_fix():
    text = '---\ntitle: "T"\ndate: "2025-02-08T16:00:00Z"\n---\n'
    assert fixed(text) == text
    assert fixed(text, unsafe=True) == '---\ntitle: "T"\ndate: "2025-02-08 16:00:00"\n---\n'


UNSAFE_CASES = {
    "near-miss value": ('sidebar: "rigth"\n', 'sidebar: "right"\n'),
    "near-miss list item": ("widgets:\n  - serch\n", "widgets:\n  - search\n"),
    "renamed key": ('catgories:\n  - "Markets"\n', 'categories:\n  - "Markets"\n'),
}


@pytest.mark.parametrize("before, after", UNSAFE_CASES.values(), ids=UNSAFE_CASES.keys())
def test_unsafe_fixes_only_when_asked(before, after):
    text = HEAD + before + "---\n"
    assert fixed(text) == text
    assert fixed(text, unsafe=True) == HEAD + after + "---\n"


def test_a_key_is_not_renamed_onto_one_that_exists():
    text = HEAD + 'categories: ["a"]\ncatgories: ["b"]\n---\n'
    assert fixed(text, unsafe=True) == text


def test_missing_key_with_default_is_inserted_in_schema_order(tmp_path):
    schema = tmp_path / "s.json"
    schema.write_text(
        json.dumps(
            {
                "type": "object",
                "required": ["title", "draft", "weight"],
                "properties": {
                    "title": {"type": "string"},
                    "draft": {"type": "boolean", "default": False},
                    "summary": {"type": "string"},
                    "weight": {"type": "integer", "default": 0},
                    "tags": {"type": "array", "default": []},
                },
            }
        )
    )
    text = "---\ntitle: T\nsummary: S  # c\ntags:\n  - a\n\n# trailing comment\n---\nbody\n"
    assert fixed(text, schema=str(schema)) == text
    assert fixed(text, schema=str(schema), unsafe=True) == (
        "---\ntitle: T\ndraft: false\nsummary: S  # c\nweight: 0\ntags:\n  - a\n\n# trailing comment\n---\nbody\n"
    )


def test_crlf_bom_and_body_bytes_are_kept():
    body = b"Body \xff\xfe not UTF-8\r\n"
    data = (
        b'\xef\xbb\xbf---\r\ntitle: "T"\r\ndate: "2025-02-08 16:00:00"\r\ncategories: x\r\n'
        b'tags:\r\n  - y\r\ncomments: "false"\r\n---\r\n' + body
    )
    result = fix_bytes(data, load_schema())
    assert result.fixed == (
        b'\xef\xbb\xbf---\r\ntitle: "T"\r\ndate: "2025-02-08 16:00:00"\r\ncategories:\r\n  - x\r\n'
        b"tags:\r\n  - y\r\ncomments: false\r\n---\r\n" + body
    )


def test_nothing_to_fix_means_the_same_bytes(valid_article):
    result = fix_bytes(valid_article.encode(), load_schema(), unsafe=True)
    assert not result.changed and result.applied == [] and result.remaining == []


def test_unreadable_headers_are_left_alone():
    for text in ("---\ntitle: [\n---\n", "no header", "---\na: 1\n"):
        result = fix_bytes(text.encode(), load_schema(), unsafe=True)
        assert result.fixed == text.encode()


def test_a_fix_that_fails_the_recheck_is_dropped(monkeypatch):
    from mdlint import fixes
    from mdlint.edits import Edit

    def broken(finding, detail, context):
        return fixes.Fix(
            finding,
            (Edit(detail.value_node.span.start, detail.value_node.span.end, '"[unclosed'),),
            "safe",
            "broken",
        )

    monkeypatch.setitem(fixes._FIXERS, "SC002", broken)
    text = HEAD + 'sidebar: "Right"\ncomments: "true"\n---\n'
    result = fix_bytes(text.encode(), load_schema())
    assert result.fixed.decode() == HEAD + 'sidebar: "Right"\ncomments: true\n---\n'
    assert [f.code for f in result.remaining] == ["SC002"]
    assert "re-check failed" in result.refused[0]


def test_fix_is_idempotent_on_the_examples():
    from .conftest import ROOT

    for path in sorted((ROOT / "examples").rglob("*.md")):
        once = fix_bytes(path.read_bytes(), load_schema(), unsafe=True).fixed
        assert fix_bytes(once, load_schema(), unsafe=True).fixed == once


def test_remaining_findings_are_marked_with_their_fix():
    text = HEAD + 'sidebar: "rigth"\n---\n'
    result = fix_bytes(text.encode(), load_schema())
    assert [(f.code, f.fix) for f in result.remaining] == [("SC002", "unsafe")]


def test_fixing_a_plain_clean_file_builds_no_nodes(monkeypatch):
    """Nothing to fix: the header read without libyaml is all a fix needs to know."""
    from mdlint import yaml_tree

    composed: list[str] = []
    real = yaml_tree.compose_raw
    monkeypatch.setattr(yaml_tree, "compose_raw", lambda text: composed.append(text) or real(text))
    data = VALID_HEADER.encode()
    result = fix_bytes(data, load_schema())
    assert result.fixed == data and not result.remaining
    assert composed == []


@pytest.mark.parametrize(
    ("written", "fixed_to"),
    [
        ('comments: &c "true"\n', "comments: &c true\n"),
        # the alias follows its anchor: both values are fixed by one edit (refused before)
        ('comments: &c "true"\nauthorbox: *c\n', "comments: &c true\nauthorbox: *c\n"),
        ('comments: !!str "true"\n', "comments: true\n"),  # a tag goes with the value
    ],
)
def test_a_fix_keeps_the_anchor_of_the_value_it_rewrites(written, fixed_to):
    assert fixed(HEAD + written + "---\n", unsafe=True) == HEAD + fixed_to + "---\n"
