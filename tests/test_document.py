from __future__ import annotations

import pytest

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
