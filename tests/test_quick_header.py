"""The quick path's header reader either declines (None) or gives exactly what libyaml gives."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdlint.discovery import discover
from mdlint.document import FrontMatterError, split
from mdlint.options import DEFAULT_VALUE_BUDGET
from mdlint.quick.header import read_header
from mdlint.yaml_tree import YamlSyntaxError, compose_raw

from .conftest import SHARED, generate_site, needs_site_generator

_NO_DATA = object()


def reference(text: str) -> Any:
    """What the normal path reads: the data of a plain mapping header, or _NO_DATA."""
    try:
        composed = compose_raw(text)
    except YamlSyntaxError:
        return _NO_DATA
    if composed is None or not composed.is_mapping:
        return _NO_DATA
    data = composed.plain_data(DEFAULT_VALUE_BUDGET)
    return _NO_DATA if data is None else data


def same(a: Any, b: Any) -> bool:
    """Equal values of identical types all the way down, dict keys in the same order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def check(text: str) -> Any:
    """read_header's answer for `text`, after checking that it is None or the reference's."""
    got = read_header(text)
    if got is not None:
        expected = reference(text)
        assert expected is not _NO_DATA, f"accepted what the normal path does not read: {text!r}"
        assert same(got, expected), f"{text!r}: quick {got!r} != libyaml {expected!r}"
    return got


def headers_under(root: str) -> list[str]:
    headers = []
    for path in discover([root], (".md", ".markdown", ".mdx")):
        with open(path, "rb") as stream:
            try:
                document = split(stream.read())
            except FrontMatterError:
                continue
        if document.fence == "---":
            headers.append(document.header)
    return headers


# --- Real and generated headers --------------------------------------------------------------------


@pytest.mark.skipif(not (SHARED / "corpora").is_dir(), reason="../shared/corpora is absent")
def test_agrees_with_libyaml_on_every_corpus_header():
    headers = headers_under(str(SHARED / "corpora"))
    accepted = sum(check(header) is not None for header in headers)
    # no minimum: the corpora use nested mappings and block scalars, outside the subset
    assert 0 <= accepted <= len(headers), f"accepted {accepted} of {len(headers)} corpus headers"


@needs_site_generator
def test_reads_nearly_every_header_of_a_generated_site(tmp_path):
    generate_site(tmp_path, 400, seed=3)
    headers = headers_under(str(tmp_path))
    accepted = sum(check(header) is not None for header in headers)
    assert len(headers) == 400
    assert accepted >= 0.97 * len(headers), f"accepted {accepted} of {len(headers)} headers"


# --- Examples -----------------------------------------------------------------------------------

MAINROAD = """\
title: Policy export yield policy launch share founder — Barrons.com
date: "2022-07-18 02:30:00"
summary: Startup chip quarter share growth market rule open cost ...
categories:
    - AI
    - Technology  # checked
lang:
    - es

tags:
- ByteDance
menu: ""
comments: true
mathjax: false  # checked
sidebar: right
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            MAINROAD,
            {
                "title": "Policy export yield policy launch share founder — Barrons.com",
                "date": "2022-07-18 02:30:00",
                "summary": "Startup chip quarter share growth market rule open cost ...",
                "categories": ["AI", "Technology"],
                "lang": ["es"],
                "tags": ["ByteDance"],
                "menu": "",
                "comments": True,
                "mathjax": False,
                "sidebar": "right",
            },
        ),
        (
            "a: 1\nb: -2\nc: 1.5\nd: 1e3\ne: .5\nf: 007",
            {"a": 1, "b": -2, "c": 1.5, "d": 1e3, "e": 0.5, "f": 7},
        ),
        (
            "a: true\nb: False\nc: yes\nd: null\ne: ~\nf:",
            {"a": True, "b": False, "c": "yes", "d": None, "e": None, "f": None},
        ),
        ("a: x #c\nb: x#c\nc: http://x.org/a:b", {"a": "x", "b": "x#c", "c": "http://x.org/a:b"}),
        ("date: 2025-02-08 16:00:00  ", {"date": "2025-02-08 16:00:00"}),
        ("a: \"q \\\"x\\\" \\\\ \\/ \\u00e9\" # c\nb: 'it''s'", {"a": 'q "x" \\ / é', "b": "it's"}),
        (
            "a: [x, 'y', \"z\", 1, true]  # c\nb: []\nc: [ ]",
            {"a": ["x", "y", "z", 1, True], "b": [], "c": []},
        ),
        (
            "# top\na:\n  - 1\n\n  # between\n  -\n  - # empty\nb: x",
            {"a": [1, None, None], "b": "x"},
        ),
        ("a: # nothing yet\n- x\n- 'y'", {"a": ["x", "y"]}),
        ("title: 1e3 things [draft] {x} & more", {"title": "1e3 things [draft] {x} & more"}),
        # A file saved on Windows: CRLF line ends, or some lines of each kind.
        ("a: x\r\nb: 'y'  # c\r\n\r\nc:\r\n  - z\r\n", {"a": "x", "b": "y", "c": ["z"]}),
        ('a: x\nb:\r\n- "y"\r\n- \nc: 1\r\n', {"a": "x", "b": ["y", None], "c": 1}),
    ],
)
def test_reads(text, expected):
    assert same(check(text), expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n\n",
        "a: |\n  text",
        "a: >\n  text",
        "a: &x 1\nb: *x",
        "a: !!str 1",
        "title: Hello!",  # any `!` makes plain_data decline (tags are reported)
        "a: 1\na: 2",
        "a: one\n  two",
        "a: 'one\n  two'",
        "a:\tx",
        "a:value",
        "a:\n  b: 1",
        "? complex\n: value",
        "a: x\rb: y",  # a CR alone ends a line too: libyaml's business
        "a: x\r",
        "a: 'x\r'\r\n",
        'a: "\\u000d"',
        "true: 1",
        "a: 0x1F",
        "a: .inf",
        "a: [x, [y]]",
        "a: {}",
        "a:\n  - x\n    - y",
        "a:\n  - x\n - y",
        "a: b: c",
        'a: "\\x41"',
        "---\na: 1",
        "%YAML 1.2\n---\na: 1",
        "a: 1\n...",
        "  a: 1",
        "a: x\n- y",
        "a: \ufeffx",
        "a: x\u2028y",
    ],
)
def test_declines(text):
    assert read_header(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "a: [x" + " " * 60000 + "y",  # was quadratic once: 30 s
        "a: [" + "x  " * 20000,
        "a: " + "1" * 60000 + "x",
        " " * 60000 + "-x",
        'a: "' + "\\\\" * 30000,
    ],
)
def test_long_lines_are_declined_or_read_right(text):
    # The regexes once backtracked quadratically here (30 s for the first line); no timed
    # assertion guards that (the machines are shared), a regression shows in `--durations`.
    check(text)


def test_lines_read_again_give_the_same_data_and_a_list_of_its_own():
    """quick.header keeps each line's reading (the lines of a site's headers repeat): a header
    read again reads the same, and its lists are not the first reading's."""
    text = "tags: [a, 'b']\nlang:\n  - en\ntitle: x"
    first, second = read_header(text), read_header(text)
    assert same(first, second) and first == {"tags": ["a", "b"], "lang": ["en"], "title": "x"}
    first["tags"].append("c")
    first["lang"].append("fr")
    assert read_header(text) == second == {"tags": ["a", "b"], "lang": ["en"], "title": "x"}
    assert read_header("a: 1\nb: @x") is None and read_header("a: 1\nb: @x") is None


def test_the_lines_kept_are_bounded(monkeypatch):
    from mdlint.quick import header

    monkeypatch.setattr(header, "_MAX_KEPT", 8)
    monkeypatch.setattr(header, "_READ", {})
    for number in range(50):
        assert read_header(f"title: post {number}\ncomments: false") is not None
        assert len(header._READ) <= 8
    assert "comments: false" in header._READ  # a line that repeats comes back at once
    long_title = "title: " + "x" * header.KEPT_LINE_LENGTH
    assert read_header(long_title) == {"title": "x" * header.KEPT_LINE_LENGTH}
    assert long_title not in header._READ  # 2,048 such lines could hold megabytes


@pytest.mark.parametrize("value", [None, 3, b"a: 1", ["a: 1"]])
def test_never_raises_on_wrong_input(value):
    assert read_header(value) is None


@pytest.mark.parametrize("name", ["header", "scan"])
def test_imports_nothing_but_typing_and_its_scanner(name):
    """Not even re: a pre-commit call on a clean file imports no more than it needs
    (tests/test_startup.py checks the whole call)."""
    import ast
    import importlib
    from pathlib import Path

    module = importlib.import_module(f"mdlint.quick.{name}")
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"typing", "__future__", "scan"}


# --- Properties -------------------------------------------------------------------------------

KEYS = st.sampled_from(["title", "date", "tags", "a", "_x", "b-c", "true", "Null", "on", "A1"])
WORDS = st.sampled_from(
    ["x", "hello world", "a: b", "a:b", "a #b", "a#b", "1e3", "0x1F", "0o17", "+1", "-1", ".5",
     "-.5", "1.", "007", "true", "True", "TRUE", "yes", "no", "null", "~", "-", "--", "?x", ":x",
     "[a]", "{a}", "a, b", "'q'", '"q"', "it's", 'say "hi"', "back\\slash", "é ü 中文", "\u00a0",
     "x ", " x", "", "#", ".inf", "-.inf", ".nan", "12345678901234567890", "2025-02-08 16:00:00",
     "\\n", "\\u00e9", "\\ud800", "\\x41", "\t", "a\rb", "!x", "&a", "*a", "|", ">", "%"]
)  # fmt: skip
TEXT = st.one_of(WORDS, st.text(max_size=8), st.lists(WORDS, max_size=3).map("".join))


def plain(text: str) -> str:
    return text


def double(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def raw_double(text: str) -> str:
    return '"' + text + '"'


def single(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


SCALARS = st.builds(lambda f, t: f(t), st.sampled_from([plain, double, raw_double, single]), TEXT)
COMMENTS = st.sampled_from(["", " # c", "  #c", "#c", " #", "\t# c", " "])
FLOW = st.lists(SCALARS, max_size=4).map(lambda items: "[" + ", ".join(items) + "]")
INDENTS = st.sampled_from(["", "  ", "    ", " "])


@st.composite
def entries(draw: st.DrawFn) -> str:
    key = draw(KEYS)
    kind = draw(st.sampled_from(["scalar", "flow", "empty", "block"]))
    if kind == "scalar":
        return f"{key}: {draw(SCALARS)}{draw(COMMENTS)}"
    if kind == "flow":
        return f"{key}: {draw(FLOW)}{draw(COMMENTS)}"
    if kind == "empty":
        return f"{key}:{draw(COMMENTS)}"
    indent = draw(INDENTS)
    lines = [f"{key}:{draw(COMMENTS)}"]
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.integers(0, 9)) == 0:
            indent = draw(INDENTS)  # sometimes a mismatched indentation
        item = draw(st.one_of(SCALARS, st.just("")))
        lines.append(f"{indent}-{' ' if item else ''}{item}{draw(COMMENTS)}")
    return "\n".join(lines)


FILLERS = st.sampled_from(["", "# comment", "  # indented comment", "   ", "\t", "  more"])
HEADERS = st.lists(st.one_of(entries(), entries(), entries(), FILLERS), min_size=1, max_size=6).map(
    "\n".join
)


@settings(max_examples=1500, deadline=None)
@given(HEADERS, st.sampled_from(["", "\n", "\r\n"]))
def test_generated_headers_are_read_as_libyaml_reads_them(header, end):
    check(header + end)


def with_crlf(header: str, which: list[bool]) -> str:
    """`header` with the line breaks marked True in `which` (cycled) made CRLF."""
    lines = header.split("\n")
    ends = ["\r\n" if which[n % len(which)] else "\n" for n in range(len(lines) - 1)]
    return "".join(line + end for line, end in zip(lines, ends)) + lines[-1]


CRLF_MIXES = st.lists(st.booleans(), min_size=1, max_size=4)


@settings(max_examples=1000, deadline=None)
@given(HEADERS, st.sampled_from(["", "\n"]), CRLF_MIXES)
def test_crlf_headers_are_read_as_libyaml_reads_them_and_as_their_lf_twins(header, end, which):
    text = with_crlf(header + end, which)
    got = check(text)
    if "\r" not in header:  # CRs of its own (drawn in a value) make another text
        assert same(got, read_header(header + end)), text


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_random_text_is_declined_or_read_as_libyaml_reads_it(text):
    check(text)


@st.composite
def changed_headers(draw: st.DrawFn, inserts: list[str]) -> str:
    """A generated header with one of `inserts` put in at a random place."""
    header = draw(HEADERS)
    position = draw(st.integers(0, len(header)))
    return header[:position] + draw(st.sampled_from(inserts)) + header[position:]


@settings(max_examples=300, deadline=None)
@given(changed_headers(["\n", " ", "\t", "\r", "\r\n", ":", "#", "-", "'", '"', "[", "!"]))
def test_headers_with_random_changes_are_declined_or_read_right(text):
    check(text)
