"""The lines of the quick path's YAML subset taken apart with string methods, not `re`.

quick.header reads a header's data from these pieces and quick.nodes places its nodes. They are
read without regular expressions because importing `re` (with enum, functools and collections)
costs a process ~6 ms, a third of what a pre-commit call on one clean file takes. Each function
reads exactly what a regular expression given in its docstring would match (with `fullmatch`);
tests/test_quick_scan.py holds them to those expressions over drawn lines.

`D` and `S` below are what a double-quoted and a single-quoted scalar hold between their quotes:
`D = [^"\\\\]*(?:\\\\.[^"\\\\]*)*` and `S = [^']*(?:''[^']*)*`; `END = (?: +#.*| *)` is what may
follow a quoted scalar or a flow sequence on its line.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    # key, the dash's indentation, the double-quoted and the single-quoted content, the rest of
    # the line, and the column where the value (its opening quote, or the rest) starts
    Line = tuple[str | None, str | None, str | None, str | None, str | None, int]
    # the double-quoted content, the single-quoted one, the plain text, and the item's span
    # (a quoted item's with its quotes)
    FlowItem = tuple[str | None, str | None, str | None, int, int]

_KEY_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_KEY_MORE = _KEY_FIRST | frozenset("0123456789-")
_MAX_KEY = 100
# What a plain flow item cannot start with, and what it cannot hold.
_FLOW_PLAIN_FIRST_NOT = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_FLOW_PLAIN_NOT = frozenset("?:,[]{}#\"'")
_NOTHING: Line = (None, None, None, None, None, 0)  # a blank line or a comment line


def line_parts(line: str) -> Line | None:
    """A line of a block mapping: a key or a sequence item with what follows, or a blank or
    comment line (all None); None for any other line. As `fullmatch` with

        (?:(?P<key>[A-Za-z_][A-Za-z0-9_-]{0,99}):|(?P<dash> *)-)
        (?: +(?:(?:"(?P<double>D)"|'(?P<single>S)')END|(?P<rest>.*)))?
        | *(?:#.*)?

    A quoted value that does not end the line as it may is given as `rest`."""
    key = dash = None
    if line[:1] in _KEY_FIRST:
        colon = line.find(":")
        if not 0 < colon <= _MAX_KEY or not _KEY_MORE.issuperset(line[1:colon]):
            return None
        key, column = line[:colon], colon + 1
    else:
        indent = len(line) - len(line.lstrip(" "))
        first = line[indent : indent + 1]
        if first == "" or first == "#":
            return _NOTHING
        if first != "-":
            return None
        dash, column = line[:indent], indent + 1
    if column == len(line):
        return key, dash, None, None, None, column
    if line[column] != " ":
        return None
    start = column + 1 if line[column + 1 : column + 2] != " " else _after_spaces(line, column)
    quote = line[start : start + 1]
    if quote == '"' or quote == "'":
        close = closing_quote(line, start)
        if close >= 0 and ends_line(line, close + 1):
            content = line[start + 1 : close]
            if quote == '"':
                return key, dash, content, None, None, start
            return key, dash, None, content, None, start
    return key, dash, None, None, line[start:], start


def closing_quote(text: str, start: int) -> int:
    """Where the quote that closes the scalar opened at `start` (by `"` or `'`) is; -1 when it
    is not closed on the line. Between the quotes: `D` or `S`."""
    if text[start] == "'":
        position = start + 1
        while True:
            close = text.find("'", position)
            if close < 0 or text[close + 1 : close + 2] != "'":
                return close
            position = close + 2  # `''` is a quote inside
    position = start + 1
    while True:
        close = text.find('"', position)
        escape = text.find("\\", position, len(text) if close < 0 else close)
        if escape < 0:
            return close
        position = escape + 2  # past the escaped character (a last backslash escapes none: -1)


def ends_line(text: str, position: int) -> bool:
    """Whether `text[position:]` is what may follow a value on its line: `END`."""
    after = text[position:].lstrip(" ")
    return not after or (after[0] == "#" and len(after) < len(text) - position)


def flow_items(text: str) -> tuple[list[FlowItem], int] | None:
    """The items of the one-line flow sequence `text` starts with (its `[`), and where its `]`
    ends; None when it is not one, or is followed by more than `END`. The sequence is ` *\\]`
    (empty), or items, each as `fullmatch` reads

        *(?:"(D)"|'(S)'|([^-?:,\\[\\]{}#&*!|>'"%@` ][^?:,\\[\\]{}#"' ]*(?: +[^?:,\\[\\]{}#"' ]+)*)) *([,\\]])

    one after the other until the one ended by `]`."""
    items: list[FlowItem] = []
    position = _after_spaces(text, 1)
    if text[position : position + 1] != "]":
        while True:
            item = _flow_item(text, _after_spaces(text, position))
            if item is None:
                return None
            items.append(item)
            position = _after_spaces(text, item[4])
            if text[position : position + 1] == "]":
                break
            if text[position : position + 1] != ",":
                return None
            position += 1
    end = position + 1
    return (items, end) if ends_line(text, end) else None


def _flow_item(text: str, start: int) -> FlowItem | None:
    """The flow item that starts at `start` (past its spaces): quoted, its span with its quotes,
    or plain, its span without its trailing spaces. None when there is none."""
    first = text[start : start + 1]
    if first == '"' or first == "'":
        close = closing_quote(text, start)
        if close < 0:
            return None
        content = text[start + 1 : close]
        if first == '"':
            return content, None, None, start, close + 1
        return None, content, None, start, close + 1
    if first == "" or first in _FLOW_PLAIN_FIRST_NOT:
        return None
    stop = start + 1
    while stop < len(text) and text[stop] not in _FLOW_PLAIN_NOT:
        stop += 1
    plain = text[start:stop].rstrip(" ")
    return None, None, plain, start, start + len(plain)


def _after_spaces(text: str, position: int) -> int:
    return len(text) - len(text[position:].lstrip(" "))
