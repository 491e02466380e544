"""quick.scan and quick.header's string-method readers read what the regular expressions in
their docstrings match: those expressions are written here, and the two are compared over drawn
lines. (The readers replaced these expressions, so that a pre-commit call need not import re.)"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from mdlint.quick import header
from mdlint.quick.scan import flow_items, line_parts

from .test_quick_header import HEADERS

_END = r"(?: +#.*| *)"
_DOUBLE = r'[^"\\]*(?:\\.[^"\\]*)*'
_SINGLE = r"[^']*(?:''[^']*)*"
LINE = re.compile(
    r"(?:(?P<key>[A-Za-z_][A-Za-z0-9_-]{0,99}):|(?P<dash> *)-)"
    f"(?: +(?:(?:\"(?P<double>{_DOUBLE})\"|'(?P<single>{_SINGLE})'){_END}|(?P<rest>.*)))?"
    r"| *(?:#.*)?"
)
FLOW_ITEM = re.compile(
    r""" *(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^']*(?:''[^']*)*)'"""
    r"""|([^-?:,\[\]{}#&*!|>'"%@` ][^?:,\[\]{}#"' ]*(?: +[^?:,\[\]{}#"' ]+)*)) *([,\]])"""
)
FLOW_EMPTY = re.compile(r" *\]")
END = re.compile(_END)
NUMBER = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
ESCAPE = re.compile(r"\\(?:([\\\"/nt])|u([0-9a-fA-F]{4})|.)")
REFUSED = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f!\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def expected_line(line: str) -> Any:
    """What line_parts must give, from LINE."""
    match = LINE.fullmatch(line)
    if match is None:
        return None
    key, dash, double, single, rest = match.group("key", "dash", "double", "single", "rest")
    if double is not None or single is not None:
        column = match.start("double" if double is not None else "single") - 1
    elif rest is not None:
        column = match.start("rest")
    elif key is not None or dash is not None:  # no value: the column just past the `:` or `-`
        column = match.end("key" if key is not None else "dash") + 1
    else:  # a blank or comment line
        column = 0
    return key, dash, double, single, rest, column


def expected_flow(text: str) -> Any:
    """What flow_items must give, from the expressions (the reader they were part of)."""
    position = 1
    items = []
    closed = FLOW_EMPTY.match(text, position)
    if closed is not None:
        position = closed.end()
    else:
        while True:
            match = FLOW_ITEM.match(text, position)
            if match is None:
                return None
            group = next(n for n in (1, 2, 3) if match[n] is not None)
            quotes = 0 if group == 3 else 1
            span = (match.start(group) - quotes, match.end(group) + quotes)
            items.append((match[1], match[2], match[3], *span))
            position = match.end()
            if match[4] == "]":
                break
    if END.fullmatch(text, position) is None:
        return None
    return items, position


# Lines made of the characters the subset cares about, and the lines of generated headers.
PIECES = st.sampled_from(
    [" ", "  ", "-", ":", "#", "'", "''", '"', "\\", '\\"', "[", "]", ",", "{", "?", "!", "a",
     "b_", "Z9", "x-y", "1", ".", "e", "é", "\t", "true", "k:", " # c"]
)  # fmt: skip
DRAWN_LINES = st.one_of(
    st.lists(PIECES, max_size=12).map("".join),
    HEADERS.flatmap(lambda text: st.sampled_from(text.split("\n"))),
    st.text(max_size=20),
)


@settings(max_examples=3000, deadline=None)
@given(DRAWN_LINES)
@example("k" * 100 + ": v")
@example("k" * 101 + ": v")
@example('a: "x\\')
@example("- 'it''s'  # c")
@example("  -")
def test_line_parts_reads_what_line_matches(line):
    assert line_parts(line) == expected_line(line), line


FLOW_PIECES = st.sampled_from(
    ["[", "]", ",", " ", "a", "b c", '"x"', "'y'", "''", '"', "'", "\\", "-", "?", ":", "#", "é",
     "{", "1", " #c", "&"]
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.lists(FLOW_PIECES, max_size=12).map("".join), st.text(max_size=16)))
@example("[]")
@example("[ ]  # c")
@example("[a, b]x")
@example("[a ,'b' , \"c\"]")
@example("[a,]")
@example("[a b  c ]")
def test_flow_items_reads_what_the_flow_expressions_match(text):
    text = "[" + text
    assert flow_items(text) == expected_flow(text), text


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.text(alphabet="+-.0123456789eE٣x", max_size=8), st.text(max_size=6)))
def test_is_number_is_the_number_expression(text):
    assert header._is_number(text) == (NUMBER.fullmatch(text) is not None), text


def expected_unescape(text: str) -> str | None:
    def escaped(match: re.Match[str]) -> str:
        if match[1] is not None:
            return header._SIMPLE_ESCAPES[match[1]]
        if match[2] is None:
            raise header._Unsure
        return header._escaped_character(match[2])

    try:
        return ESCAPE.sub(escaped, text)
    except header._Unsure:
        return None


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["a", "\\", "n", "t", "u", "/", '"', "0", "e9", "00e9", "D800",
                                 "0021", "0085", "x"]), max_size=8).map("".join))  # fmt: skip
def test_unescape_replaces_what_the_escape_expression_finds(text):
    assume(re.fullmatch(_DOUBLE, text) is not None)  # what a double-quoted scalar holds
    try:
        got: str | None = header._unescape(text)
    except header._Unsure:
        got = None
    assert got == expected_unescape(text), text


@settings(max_examples=2000, deadline=None)
@given(st.text(max_size=12))
@example("\u00a0\u00ad\u200d")  # not printable, yet not refused
@example("a\ud800")
@example("a\r\nb\n")
@example("a\rb")
def test_refused_finds_what_the_refused_class_finds(text):
    lone_cr = "\r" in text and text.count("\r") != text.count("\r\n")
    surrogate = any("\ud800" <= character <= "\udfff" for character in text)
    expected = REFUSED.search(text) is not None or lone_cr or surrogate
    assert header._refused(text) == expected, text
