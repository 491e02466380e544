"""Split a Markdown file's bytes into its front-matter header and the rest, without decoding the body.

The header is the text between a `---` line at the very start of the file (after an optional UTF-8
BOM) and the next `---` or `...` line. Only the header is decoded; the body stays bytes, so a file
whose body is not UTF-8 can still be checked and fixed without losing a byte of it.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass

from .edits import Edit, apply_edits

BOM = b"\xef\xbb\xbf"
_FOREIGN_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
# A fence line: the marker, optional trailing blanks, then a line break or the end of the data.
_OPEN_FENCE = re.compile(rb"(---|\+\+\+)[ \t]*(\r\n|\n|\r|\Z)")
# The closing fence with the line break before it: a pattern that starts with a character (not
# a lookbehind) lets the regex engine skip ahead to each line break, four times faster.
_BREAK_AND_CLOSE_FENCE = {
    "---": re.compile(rb"[\n\r](?:---|\.\.\.)[ \t]*(\r\n|\n|\r|\Z)"),
    "+++": re.compile(rb"[\n\r]\+\+\+[ \t]*(\r\n|\n|\r|\Z)"),
}
FORMAT_OF_FENCE = {"---": "yaml", "+++": "toml"}
# The blank lines right after the closing fence: the body's first bytes that style rules may edit.
_BLANK_LINES = re.compile(rb"(?:[ \t]*(?:\r\n|\n|\r))*")


class FrontMatterError(Exception):
    """The file's front matter cannot be read at all. `offset` is a byte offset into the file."""

    def __init__(self, kind: str, message: str, offset: int) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.offset = offset


@dataclass(frozen=True, slots=True)
class Document:
    """A Markdown file cut into pieces whose concatenation is exactly the original bytes.

    `data == bom + open_fence + header_bytes + close_fence + body` when there is a header.
    """

    data: bytes
    has_bom: bool
    fence: str  # "---" (YAML) or "+++" (TOML); "" when the file has no front matter
    open_fence: bytes  # the opening fence line with its line break
    header: str  # decoded header text; "" when there is none
    header_start: int  # byte offset of the header's first byte
    header_end: int  # byte offset just past the header (the closing fence's first byte)
    close_fence: bytes  # the closing fence line with its line break
    newline: str  # the opening fence's line break: "\n", "\r\n" or "\r"

    @property
    def has_front_matter(self) -> bool:
        return bool(self.fence)

    @property
    def body(self) -> bytes:
        return self.data[self.header_end + len(self.close_fence) :]

    @property
    def format(self) -> str:
        return FORMAT_OF_FENCE.get(self.fence, "")

    @property
    def tail_end(self) -> int:
        """Byte offset just past the closing fence and the blank lines that follow it."""
        match = _BLANK_LINES.match(self.data, self.header_end + len(self.close_fence))
        assert match is not None  # the pattern matches the empty string
        return match.end()

    @property
    def tail(self) -> str:
        """The closing fence line and the blank lines after it (ASCII by construction)."""
        return self.data[self.header_end : self.tail_end].decode("ascii")

    def with_edits(self, edits: Iterable[Edit]) -> bytes:
        """The whole file with `edits` applied, every other byte kept.

        Offsets count characters from the header's first character, as the header's node spans
        do. The opening fence lies at negative offsets and the `tail` (the closing fence and the
        blank lines under it) right after the header, so a style fix can trim a fence or the
        blank lines before the body while every other fix keeps its header offsets. The body past
        those blank lines is never decoded nor touched."""
        lead = self.open_fence.decode("ascii")
        shifted = [Edit(e.start + len(lead), e.end + len(lead), e.text) for e in edits]
        text = apply_edits(lead + self.header + self.tail, shifted)
        prefix = BOM if self.has_bom else b""
        return prefix + text.encode("utf-8") + self.data[self.tail_end :]


def split(data: bytes, *, max_header_bytes: int | None = None) -> Document:
    """Cut `data` into a Document, or raise FrontMatterError when the header cannot be read."""
    for mark, name in _FOREIGN_BOMS.items():
        if data.startswith(mark):
            raise FrontMatterError(
                "encoding", f"the file is {name} text; mdlint reads UTF-8 only", 0
            )
    has_bom = data.startswith(BOM)
    start = len(BOM) if has_bom else 0
    opening = _OPEN_FENCE.match(data, start)
    if opening is None or (opening.group(2) == b"" and opening.end() != len(data)):
        return _without_front_matter(data, has_bom)
    fence = opening.group(1).decode("ascii")
    header_start = opening.end()
    closing = _closing_fence(data, fence, header_start)
    if closing is None:
        if max_header_bytes is not None and len(data) - header_start > max_header_bytes:
            raise FrontMatterError(
                "too-large", _too_large_message(len(data) - header_start, max_header_bytes), start
            )
        raise FrontMatterError(
            "unclosed", f"the front matter opened by {fence} is never closed", start
        )
    header_end = closing[0]
    if max_header_bytes is not None and header_end - header_start > max_header_bytes:
        raise FrontMatterError(
            "too-large", _too_large_message(header_end - header_start, max_header_bytes), start
        )
    header = decode_utf8(data, header_start, header_end)
    if "\x00" in header:
        raise FrontMatterError(
            "encoding",
            "the header holds a NUL byte; is this a binary file?",
            header_start + header.index("\x00"),
        )
    return Document(
        data=data,
        has_bom=has_bom,
        fence=fence,
        open_fence=data[start:header_start],
        header=header,
        header_start=header_start,
        header_end=header_end,
        close_fence=data[header_end : closing[1]],
        newline=(opening.group(2) or b"\n").decode("ascii"),
    )


def _closing_fence(data: bytes, fence: str, header_start: int) -> tuple[int, int] | None:
    """Where the fence line closing a header that starts at `header_start` starts and ends (its
    line break included). `header_start` follows the opening fence's line break, or is the end
    of the data."""
    found = _BREAK_AND_CLOSE_FENCE[fence].search(data, max(header_start - 1, 0))
    return None if found is None else (found.start() + 1, found.end())


def decode_utf8(data: bytes, start: int, end: int) -> str:
    try:
        return data[start:end].decode("utf-8")
    except UnicodeDecodeError as error:
        bad = start + error.start
        raise FrontMatterError(
            "encoding", f"byte 0x{data[bad]:02x} is not valid UTF-8", bad
        ) from None


def _without_front_matter(data: bytes, has_bom: bool) -> Document:
    if b"\x00" in data[:8192]:
        if _looks_like_utf16(data[:64]):
            raise FrontMatterError(
                "encoding",
                "the file looks like UTF-16 text (without a BOM); mdlint reads UTF-8 only",
                0,
            )
        raise FrontMatterError(
            "encoding", "the file holds NUL bytes; is this a binary file?", data.index(b"\x00")
        )
    newline = "\r\n" if b"\r\n" in data[:4096] else "\n"
    return Document(data, has_bom, "", b"", "", 0, 0, b"", newline)


def _looks_like_utf16(head: bytes) -> bool:
    """ASCII text in UTF-16: every other byte NUL, the ones between not."""
    head = head[: len(head) // 2 * 2]
    if len(head) < 4:
        return False
    low, high = head[0::2], head[1::2]
    return (set(high) == {0} and 0 not in low) or (set(low) == {0} and 0 not in high)


def _too_large_message(size: int, limit: int) -> str:
    return f"the header is larger than the limit of {limit:,} bytes (found {size:,} bytes or more)"


def line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset; CRLF, LF and CR break lines."""
    offset = min(offset, len(data))
    before = data[:offset]
    line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    line = 1 + before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n")
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def read_head(path: str, *, max_header_bytes: int, chunk: int = 65536) -> bytes:
    """Read as much of the file as checking needs: up to its closing fence, not its whole body.
    A named pipe or a socket is refused (OSError) rather than waited on forever."""
    descriptor = _open_regular(path)
    try:
        data = os.read(descriptor, chunk)
        if len(data) < chunk:
            return data
        while True:
            if _has_closing_fence(data):
                return data
            if len(data) > max_header_bytes + chunk:
                return data
            more = os.read(descriptor, chunk)
            if not more:
                return data
            data += more
    finally:
        os.close(descriptor)


def read_whole(path: str) -> bytes:
    """The whole file (a named pipe or a socket is refused, as by read_head)."""
    descriptor = _open_regular(path)
    try:
        chunks = []
        while chunk := os.read(descriptor, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _open_regular(path: str) -> int:
    """A descriptor to read the file, read straight with os.read: Python's file objects cost a
    run three system calls and a third of its reading time. (O_NONBLOCK: opening a named pipe
    must not wait for a writer; it changes nothing for a file.)"""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    mode = os.fstat(descriptor).st_mode
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        os.close(descriptor)
        what = "a named pipe" if stat.S_ISFIFO(mode) else "a socket"
        raise OSError(errno.EINVAL, f"not a regular file ({what})", path)
    return descriptor


def _has_closing_fence(data: bytes) -> bool:
    """Whether `data` holds the closing fence and the end of the blank lines after it (which the
    style rule ST008 counts)."""
    opening = _OPEN_FENCE.match(data, len(BOM) if data.startswith(BOM) else 0)
    if opening is None:
        return True  # no front matter: nothing more to read
    closing = _closing_fence(data, opening.group(1).decode("ascii"), opening.end())
    if closing is None:
        return False
    blanks = _BLANK_LINES.match(data, closing[1])
    return blanks is not None and blanks.end() < len(data)
