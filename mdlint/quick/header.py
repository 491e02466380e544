r"""Read the plain YAML header of a typical article without importing a YAML parser.

`read_header(text)` returns the header's data, exactly as `yaml_tree.compose_raw(text)` and
`plain_data()` would give it (same types, same key order), or None, which means "not sure: ask
the real parser". None is always a correct answer; a dict must never differ from libyaml's.

The subset read (anything else gives None):

- a block mapping whose keys start at column 0 and are plain identifier-like words
  (`[A-Za-z_][A-Za-z0-9_-]*`, at most 100 characters, not `true`/`null` and the like), each key
  once, followed by `:` and a space or the end of the line;
- values on the key's line: a plain scalar (no leading indicator but the `-` of `-5`, no `: `, no
  trailing `:`; resolved with the YAML 1.2 core schema; octal, hexadecimal, `.inf` and `.nan` are
  declined), a one-line double-quoted scalar with the escapes `\\ \" \/ \n \t \uXXXX`, a
  one-line single-quoted scalar, a one-line flow sequence of such scalars, or nothing (null);
- after an empty value, a block sequence of one-line scalars (or empty items: null), every `-`
  at one indentation, which may be the key's;
- blank lines, comment lines and ` #` comments after values;
- lines ended by LF or CRLF (a file saved on Windows), mixed or not.

Declined outright: tabs, a CR not followed by LF, any character YAML refuses or libyaml reads as
a line break (NEL, LS, PS), a BOM, any `!` (the careful path reports tags, so it must see the
header), headers over 64 KiB, and headers without any key (the careful path reports those too).
"""

from __future__ import annotations

import re

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import Any, Callable, TypeVar  # noqa: UP035 (only re and typing: see its test)

    _Kept = TypeVar("_Kept")


_MAX_CHARS = 65536  # also keeps the values far below the value budget of plain_data() (100,000)
# Control characters but LF and CR (tab and NEL among them) and `!`; see _refused().
_REFUSED = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f!\x7f-\x9f]")
# LS and PS (line breaks to libyaml), the BOM and the two non-characters YAML refuses: tested
# with `in`, as a character class of them would take half a millisecond to compile.
_REFUSED_WIDE = ("\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff")
_END = r"(?: +#.*| *)"  # what may follow a quoted scalar or a flow sequence
# What a double-quoted and a single-quoted scalar hold between their quotes, each written as an
# unrolled loop: linear time.
_DOUBLE = r'[^"\\]*(?:\\.[^"\\]*)*'
_SINGLE = r"[^']*(?:''[^']*)*"
# A key line, a sequence item line, or a blank or comment line. A quoted value that ends the line
# as it may is read by the same match (`double` or `single`); any other value is `rest`, where a
# quoted one is refused.
LINE = re.compile(
    r"(?:(?P<key>[A-Za-z_][A-Za-z0-9_-]{0,99}):|(?P<dash> *)-)"
    f"(?: +(?:(?:\"(?P<double>{_DOUBLE})\"|'(?P<single>{_SINGLE})'){_END}|(?P<rest>.*)))?"
    r"| *(?:#.*)?"
)
# The patterns below are left to re.compile's own cache, compiled when first needed: most headers
# have no escape, no flow sequence and no number, and compiling them costs a run that checks one
# file ~0.6 ms (a fiftieth of it).
_ESCAPE = r"\\(?:([\\\"/nt])|u([0-9a-fA-F]{4})|.)"
# A flow sequence's item and the `,` or `]` after it. A plain item holds no `?` (PyYAML's own
# scanner ends it there) and its words are split by spaces so that a failing match of a long
# line does not take quadratic time.
_FLOW_ITEM = (
    r""" *(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^']*(?:''[^']*)*)'"""
    r"""|([^-?:,\[\]{}#&*!|>'"%@` ][^?:,\[\]{}#"' ]*(?: +[^?:,\[\]{}#"' ]+)*)) *([,\]])"""
)
_FLOW_EMPTY = r" *\]"
# The plain scalars of the YAML 1.2 core schema that are not strings: these words, and numbers.
_WORDS: dict[str, bool | None] = {
    **dict.fromkeys(["true", "True", "TRUE"], True),
    **dict.fromkeys(["false", "False", "FALSE"], False),
    **dict.fromkeys(["~", "null", "Null", "NULL"], None),
}
_NUMBER = r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
_NUMBER_FIRST = frozenset("-+.0123456789")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_SIMPLE_ESCAPES = {"\\": "\\", '"': '"', "/": "/", "n": "\n", "t": "\t"}


class _Unsure(Exception):
    """The text leaves the subset: the real parser must read it."""


def read_header(text: str) -> dict[str, Any] | None:
    """The header's data, or None when the text is outside the subset (or has no key)."""
    if not isinstance(text, str) or len(text) > _MAX_CHARS or _refused(text):
        return None
    try:
        return _read_mapping(lines(text)) or None
    except Exception:  # _Unsure; and a bug here must cost speed, never give a wrong answer
        return None


def lines(text: str) -> list[str]:
    """The text's lines without their line breaks (LF or CRLF), for a text `_refused` lets in."""
    if "\r" not in text:
        return text.split("\n")
    return [line[:-1] if line[-1:] == "\r" else line for line in text.split("\n")]


def _refused(text: str) -> bool:
    """Whether `text` holds a character outside the subset: one YAML refuses, a line break other
    than LF and CRLF (a lone CR among them), a tab, the BOM, or `!` (with a `!` anywhere,
    plain_data() leaves tags to the careful path)."""
    if _REFUSED.search(text):
        return True
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return True
    if text.isascii():
        return False
    if any(character in text for character in _REFUSED_WIDE):
        return True
    try:
        text.encode("utf-8")  # fails on a surrogate
    except UnicodeEncodeError:
        return True
    return False


def _read_mapping(lines: list[str]) -> dict[str, Any]:
    """The top-level mapping, line by line; {} when there is no key."""
    data: dict[str, Any] = {}
    open_key: str | None = None  # the last key, when its value was empty
    items: list[Any] | None = None  # that key's block sequence, once its first item is read
    indent = 0
    for line in lines:
        read = _READ.get(line) or remembered(_READ, line, _read_line)
        if read is _UNSURE:
            raise _Unsure
        key, dash, value, empty = read
        if type(value) is list:  # a flow sequence: the data's own copy
            value = value.copy()
        if key is not None:
            if key in data or key in _WORDS:  # `true:` is a bool key, `null:` a null one
                raise _Unsure
            data[key] = value
            open_key, items = (key if empty else None), None
        elif dash is not None:
            if open_key is None:
                raise _Unsure
            if items is None:
                items, indent = [], len(dash)
                data[open_key] = items
            elif len(dash) != indent:
                raise _Unsure
            items.append(value)
    return data


# What each line reads as, by its text: the lines of a site's headers are mostly the same ones
# (`comments: false`, `lang:`, `  - "en"`: 88% of the lines of the benchmark's 2,000 articles
# repeat one met before), and a line read again costs a dictionary lookup, not a match and its
# value's reading (read_header in one pass over those articles: ~41 -> ~20-29 us a header). A
# line's reading depends on nothing but its text. quick.nodes keeps its lines' shapes the same
# way (`remembered`).
_Read = tuple[str | None, str | None, "Any", bool]  # key, the dash's indent, value, empty
_UNSURE = ("", "", None, False)  # a line outside the subset (by identity)
_READ: dict[str, _Read] = {}
# Only short lines are kept (the longest line repeated in the benchmark's site and in
# ../shared/corpora has 124 characters): long ones (titles, summaries) seldom repeat, and 2,048
# of them could hold as many megabytes. Once _MAX_KEPT lines are kept, they are dropped: those
# that repeat come back at once. At most ~1 MB for each memory.
KEPT_LINE_LENGTH = 160
_MAX_KEPT = 2048


def remembered(memory: dict[str, _Kept], line: str, read: Callable[[str], _Kept]) -> _Kept:
    """`read(line)`, kept in `memory` by the line's text when the line is short. (Callers look
    the line up first: the lookup is the hot path, this the miss.)"""
    value = read(line)
    if len(line) <= KEPT_LINE_LENGTH:
        if len(memory) >= _MAX_KEPT:
            memory.clear()
        memory[line] = value
    return value


def _read_line(line: str) -> _Read:
    """A line's key (or None), its dash's indentation (None when it is no sequence item), its
    value, and whether that value is empty; _UNSURE for a line outside the subset."""
    match = LINE.fullmatch(line)
    if match is None:
        return _UNSURE
    key, dash, double, single, rest = match.groups()
    try:
        if double is not None or single is not None:
            return key, dash, quoted_value(double, single), False
        if not rest or rest[0] == "#":
            return key, dash, None, True
        return key, dash, _value(rest) if key is not None else _plain(rest), False
    except _Unsure:
        return _UNSURE


def _value(text: str) -> Any:
    """A value on a key's line that LINE did not read as quoted: a flow sequence or a plain
    scalar."""
    return _flow_sequence(text) if text[0] == "[" else _plain(text)


def quoted_value(double: str | None, single: str | None) -> str:
    """A quoted scalar's value, from what its quotes hold: `double` (between double quotes) or
    else `single`."""
    if double is not None:
        return _unescape(double)
    assert single is not None
    return single.replace("''", "'")


def _plain(text: str) -> Any:
    """A plain scalar in block context, with what follows it on the line (a comment, spaces).
    Its first character is no indicator, so a quote here (a quoted scalar that LINE could not
    read) is refused."""
    text = plain_text(text)
    if text[0] in _INDICATORS and not (text[0] == "-" and text[1:2] in _NUMBER_FIRST):
        raise _Unsure  # `-5` and `-.5` are numbers, `-` alone an empty sequence item
    if ": " in text or text.endswith(":"):
        raise _Unsure
    return _resolve(text)


def plain_text(text: str) -> str:
    """A plain scalar's text, without the comment and the spaces after it on the line."""
    comment = text.find(" #")
    return (text if comment < 0 else text[:comment]).rstrip(" ")


def _resolve(text: str) -> Any:
    """The value of a plain scalar under the YAML 1.2 core schema."""
    if text in _WORDS:
        return _WORDS[text]
    if text[0] not in _NUMBER_FIRST:
        return text
    if text.startswith(("0o", "0x")) or text.lstrip("+-").lower() in (".inf", ".nan"):
        raise _Unsure  # octal, hexadecimal, infinity, NaN (or a string that looks like one)
    if re.fullmatch(_NUMBER, text) is None:
        return text
    if len(text) > 100:  # int() refuses more than 4,300 digits; so does plain_data()
        raise _Unsure
    return int(text) if text.lstrip("+-").isdigit() else float(text)


def _unescape(text: str) -> str:
    """A double-quoted scalar's content with its escapes replaced."""
    return re.sub(_ESCAPE, _escaped, text) if "\\" in text else text


def _escaped(match: re.Match[str]) -> str:
    if match[1] is not None:
        return _SIMPLE_ESCAPES[match[1]]
    if match[2] is None:  # an escape outside the few mapped here
        raise _Unsure
    character = chr(int(match[2], 16))
    # only characters the header may hold as they are: no surrogate, control character, NEL...
    if character != "!" and _refused(character):
        raise _Unsure
    return character


def _flow_sequence(text: str) -> list[Any]:
    """`[a, "b", 'c']` on one line, its items scalars; `[]` is an empty list."""
    items, _ = flow_items(text)
    return [
        _resolve(plain) if plain is not None else quoted_value(double, single)
        for double, single, plain, _ in (item.groups() for item in items)
    ]


def flow_items(text: str) -> tuple[list[re.Match[str]], int]:
    """The matches of a one-line flow sequence's items (groups: the double-quoted item, the
    single-quoted one, the plain one, then the `,` or `]` after it) and where its `]` ends."""
    position = 1
    items: list[re.Match[str]] = []
    closed = re.compile(_FLOW_EMPTY).match(text, position)
    if closed is not None:
        position = closed.end()
    else:
        item = re.compile(_FLOW_ITEM)
        while True:
            match = item.match(text, position)
            if match is None:
                raise _Unsure
            items.append(match)
            position = match.end()
            if match[4] == "]":
                break
    if re.compile(_END).fullmatch(text, position) is None:
        raise _Unsure
    return items, position
