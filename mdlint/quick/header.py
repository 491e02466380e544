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

from .scan import flow_items, line_parts

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import Any, Callable, TypeVar  # noqa: UP035 (typing only here: see its test)

    _Kept = TypeVar("_Kept")


_MAX_CHARS = 65536  # also keeps the values far below the value budget of plain_data() (100,000)
# The characters `_refused` looks for when a header is not all printable: the control characters
# but LF and CR (tab and NEL among them), LS and PS (line breaks to libyaml), the BOM and the two
# non-characters YAML refuses.
_REFUSED = frozenset(
    [chr(code) for code in range(0x20) if chr(code) not in "\n\r"]
    + [chr(code) for code in range(0x7F, 0xA0)]
    + ["\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff"]
)
# The plain scalars of the YAML 1.2 core schema that are not strings: these words, and numbers.
_WORDS: dict[str, bool | None] = {
    **dict.fromkeys(["true", "True", "TRUE"], True),
    **dict.fromkeys(["false", "False", "FALSE"], False),
    **dict.fromkeys(["~", "null", "Null", "NULL"], None),
}
_NUMBER_FIRST = frozenset("-+.0123456789")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_SIMPLE_ESCAPES = {"\\": "\\", '"': '"', "/": "/", "n": "\n", "t": "\t"}
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


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
    if "!" in text:
        return True
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        return True
    # Every character refused is one that Python does not print (a control character, a line or
    # paragraph separator, a format character, a non-character, a surrogate): most headers are
    # answered by this one pass.
    if text.replace("\n", "").replace("\r", "").isprintable():
        return False
    if not _REFUSED.isdisjoint(text):
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
    parts = line_parts(line)
    if parts is None:
        return _UNSURE
    key, dash, double, single, rest, _ = parts
    try:
        if double is not None or single is not None:
            return key, dash, quoted_value(double, single), False
        if not rest or rest[0] == "#":
            return key, dash, None, True
        return key, dash, _value(rest) if key is not None else _plain(rest), False
    except _Unsure:
        return _UNSURE


def _value(text: str) -> Any:
    """A value on a key's line that `line_parts` did not read as quoted: a flow sequence or a plain
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
    Its first character is no indicator, so a quote here (a quoted scalar that `line_parts` could
    not read) is refused."""
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
    if not _is_number(text):
        return text
    if len(text) > 100:  # int() refuses more than 4,300 digits; so does plain_data()
        raise _Unsure
    return int(text) if text.lstrip("+-").isdigit() else float(text)


def _is_number(text: str) -> bool:
    """Whether `text` is a number of the core schema that _resolve reads (as `fullmatch` with
    `[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?`)."""
    if not text.isascii():  # then str.isdigit() means [0-9]
        return False
    mantissa, e, exponent = text.lower().partition("e")
    if e and not _unsigned(exponent).isdigit():
        return False
    whole, _, fraction = _unsigned(mantissa).partition(".")
    if whole:
        return whole.isdigit() and (not fraction or fraction.isdigit())
    return fraction.isdigit()  # `.5` (no digits at all: False)


def _unsigned(text: str) -> str:
    return text[1:] if text[:1] in ("+", "-") else text


def _unescape(text: str) -> str:
    """A double-quoted scalar's content with its escapes (`\\\\ \\" \\/ \\n \\t \\uXXXX`) replaced;
    any other escape is refused."""
    if "\\" not in text:
        return text
    parts = []
    position = 0
    while (escape := text.find("\\", position)) >= 0:
        parts.append(text[position:escape])
        code = text[escape + 1 : escape + 2]
        if code == "u":
            digits = text[escape + 2 : escape + 6]
            if len(digits) != 4 or not _HEX_DIGITS.issuperset(digits):
                raise _Unsure
            parts.append(_escaped_character(digits))
            position = escape + 6
        elif code and code in _SIMPLE_ESCAPES:
            parts.append(_SIMPLE_ESCAPES[code])
            position = escape + 2
        else:  # an escape outside the few mapped here
            raise _Unsure
    parts.append(text[position:])
    return "".join(parts)


def _escaped_character(digits: str) -> str:
    """The character of a `\\uXXXX` escape: only one the header may hold as it is (no surrogate,
    control character, NEL...)."""
    character = chr(int(digits, 16))
    if character != "!" and _refused(character):
        raise _Unsure
    return character


def _flow_sequence(text: str) -> list[Any]:
    """`[a, "b", 'c']` on one line, its items scalars; `[]` is an empty list."""
    found = flow_items(text)
    if found is None:
        raise _Unsure
    return [
        _resolve(plain) if plain is not None else quoted_value(double, single)
        for double, single, plain, _, _ in found[0]
    ]
