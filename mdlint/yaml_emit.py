"""Write small pieces of YAML: one scalar in a chosen quote style, a value from a schema default.

The output always reads back as exactly the value it was made from (checked for plain scalars by
resolving them under the same YAML 1.2 rules the checker uses).
"""

from __future__ import annotations

import json
import re
from typing import Any

# Plain scalars that readers with older (YAML 1.1) rules would take for something else.
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off"}
_INDICATOR_START = set("-?:,[]{}#&*!|>'\"%@`")
_NON_PRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ud800-\udfff\ufffe\uffff]")
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\x00": "\\0",
    "\x07": "\\a",
    "\x08": "\\b",
    "\x0b": "\\v",
    "\x0c": "\\f",
    "\x1b": "\\e",
    "\x85": "\\N",
    "\xa0": "\\_",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


def double_quoted(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES and char != "\xa0":
            out.append(_ESCAPES[char])
        elif _NON_PRINTABLE.match(char):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def single_quoted(text: str) -> str | None:
    """None when single quotes cannot hold the text (line breaks, unprintable characters)."""
    if "\n" in text or "\r" in text or _NON_PRINTABLE.search(text):
        return None
    return "'" + text.replace("'", "''") + "'"


def plain_is_safe(text: str) -> bool:
    """Whether `text` written without quotes reads back as the same string, in any YAML reader."""
    from .tree import STR, resolve_plain

    if not text or text != text.strip() or text.lower() in _YAML11_WORDS:
        return False
    if text[0] in _INDICATOR_START or _NON_PRINTABLE.search(text) or "\n" in text or "\r" in text:
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if any(char in text for char in ",[]{}"):  # unsafe inside flow collections
        return False
    return resolve_plain(text) == STR


def scalar(text: str, style: str | None) -> str:
    """`text` as a YAML scalar in `style` ('"', "'", or None for plain), falling back to double quotes."""
    if style is None and plain_is_safe(text):
        return text
    if style == "'":
        quoted = single_quoted(text)
        if quoted is not None:
            return quoted
    return double_quoted(text)


def value(data: Any, string_style: str | None) -> str | None:
    """A flow-style YAML rendering of a JSON value; None for what has no short rendering."""
    if data is None:
        return "null"
    if isinstance(data, bool):
        return "true" if data else "false"
    if isinstance(data, (int, float)):
        return json.dumps(data)
    if isinstance(data, str):
        return scalar(data, string_style)
    if isinstance(data, list):
        items = [value(item, string_style) for item in data]
        return None if None in items else "[" + ", ".join(item for item in items if item) + "]"
    if isinstance(data, dict) and not data:
        return "{}"
    return None
