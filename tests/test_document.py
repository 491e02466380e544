from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdlint.document import FrontMatterError, line_and_column, read_head, split


def test_pieces_reassemble_to_the_original_bytes():
    data = b"\xef\xbb\xbf---\r\ntitle: x\r\n---\r\nbody \xff\xfe bytes\r\n"
    doc = split(data)
    assert doc.has_bom and doc.newline == "\r\n" and doc.header == "title: x\r\n"
    assert doc.with_edits([]) == data
    assert doc.body == b"body \xff\xfe bytes\r\n"


@pytest.mark.parametrize("closing", [b"---", b"...", b"---   ", b"...\t"])
def test_closing_fences(closing):
    doc = split(b"---\na: 1\n" + closing + b"\nbody")
    assert doc.header == "a: 1\n" and doc.body == b"body"


def test_fence_inside_a_block_scalar_is_not_a_fence():
    doc = split(b"---\na: |\n  ---\n  text\n---\nbody")
    assert doc.header == "a: |\n  ---\n  text\n"


def test_no_front_matter():
    for data in (b"# Title\n", b"", b"----\na: 1\n---\n", b" ---\na: 1\n---\n"):
        assert not split(data).has_front_matter


@pytest.mark.parametrize(
    "data, kind, offset",
    [
        (b"---\na: 1\n", "unclosed", 0),
        (b"---", "unclosed", 0),
        (b"\xef\xbb\xbf---\na: 1\n", "unclosed", 3),
        (b"---\na: \xc3\x28\n---\n", "encoding", 7),
        (b"\xff\xfe-\x00-\x00", "encoding", 0),
        (b"---\na: \x00\n---\n", "encoding", 7),
    ],
)
def test_unreadable_front_matter(data, kind, offset):
    with pytest.raises(FrontMatterError) as caught:
        split(data)
    assert caught.value.kind == kind and caught.value.offset == offset


def test_line_and_column_counts_characters():
    data = "---\nab\u00e9cd\r\nx".encode()
    assert line_and_column(data, data.index(b"c")) == (2, 4)
    assert line_and_column(data, data.index(b"x")) == (3, 1)


def test_read_head_stops_at_the_closing_fence(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"---\na: 1\n---\n" + b"x" * 5_000_000)
    assert len(read_head(str(path), max_header_bytes=1_000_000)) == 65536


# The closing fence, by the plain rule: the first line after the opening fence that is `---` or
# `...` (`+++` for TOML) followed only by blanks. split() finds it with one regular expression.
PIECES = ["---", "+++", "...", "\n", "\r", "\r\n", " ", "\t", "a", "-", ".", "#"]


def closing_by_lines(data: bytes) -> tuple[int, int] | None:
    """(header end, end of the closing fence line) found line by line, or None."""
    text = data.decode()
    fence = text[:3]
    markers = ("---", "...") if fence == "---" else ("+++",)
    first = re.match(r"(---|\+\+\+)[ \t]*(\r\n|\n|\r|\Z)", text)
    assert first is not None
    offset = first.end()
    for line in re.findall(r"[^\r\n]*(?:\r\n|\n|\r|\Z)", text[offset:]):
        if not line:
            break
        body = line.rstrip("\r\n")
        if body[:3] in markers and body[3:].strip(" \t") == "":
            return offset, offset + len(line)
        offset += len(line)
    return None


@settings(max_examples=1500, deadline=None)
@given(
    st.sampled_from(["---", "+++"]),
    st.sampled_from(["\n", "\r", "\r\n", " \n", ""]),
    st.lists(st.sampled_from(PIECES), max_size=14),
)
def test_the_closing_fence_is_the_first_fence_line(fence, line_break, pieces):
    if line_break == "" and pieces:  # `---a...` opens nothing
        return
    data = (fence + line_break + "".join(pieces)).encode()
    expected = closing_by_lines(data)
    try:
        document = split(data)
    except FrontMatterError as error:
        assert error.kind == "unclosed"
        assert expected is None
        return
    assert expected is not None
    assert (document.header_end, document.header_end + len(document.close_fence)) == expected
