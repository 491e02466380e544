"""Properties of `fix` over generated headers: what it must never change, whatever the input."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdlint.checker import analyse
from mdlint.fixer import fix_bytes
from mdlint.schema import load_schema

SCHEMA = load_schema()
WIDGETS = ["search", "recent", "categories", "taglist", "social"]
# key -> (a correct value, the mistakes that can be made in it)
MISTAKES = {
    "comments": ["false", ['"false"', "no", "'False'", "off"]],
    "pager": ["true", ['"true"', "yes", "on", '"TRUE"']],
    "sidebar": ['"right"', ['"Right"', "RIGHT", "' right'", '"rigth"']],
    "date": [
        '"2025-02-08 16:00:00"',
        ['"2025/02/08"', '"Feb 8, 2025"', '"2025-02-08T16:00:00"', '"03/04/2025"'],
    ],
}


@dataclass
class Header:
    lines: list[str]  # without line breaks
    owner: list[str]  # the key each line belongs to ("" for comments and blank lines)
    broken: set[str]


def quoted(draw, text: str) -> str:
    style = draw(st.sampled_from(["double", "single", "plain"]))
    return {"double": f'"{text}"', "single": f"'{text}'", "plain": text}[style]


@st.composite
def headers(draw) -> Header:
    lines: list[str] = []
    owner: list[str] = []
    broken: set[str] = set()

    def add(key: str, *texts: str) -> None:
        for text in texts:
            lines.append(text)
            owner.append(key)
        if draw(st.integers(0, 9)) == 0:
            lines.append(draw(st.sampled_from(["", "# a note", "  # indented note"])))
            owner.append("")

    add(
        "title",
        "title: "
        + quoted(draw, draw(st.sampled_from(["Markets rally", "Chips: a primer", "Q3 — update"]))),
    )
    for key, (good, bad) in MISTAKES.items():
        if draw(st.booleans()):
            broken.add(key)
            value = draw(st.sampled_from(bad))
        else:
            value = good
        comment = draw(st.sampled_from(["", "", "", "  # checked", "    # keep me"]))
        add(key, f"{key}: {value}{comment}")
    indent = " " * draw(st.sampled_from([0, 2, 4]))
    flow = draw(st.booleans())
    items = draw(st.lists(st.sampled_from(WIDGETS), min_size=1, max_size=5))
    if len(set(items)) != len(items):
        broken.add("widgets")
    if draw(st.booleans()):
        items = [items[0].capitalize(), *items[1:]]
        broken.add("widgets")
    rendered = [quoted(draw, item) for item in items]
    if flow:
        add("widgets", "widgets: [" + ", ".join(rendered) + "]")
    else:
        add("widgets", "widgets:", *(f"{indent}- {item}" for item in rendered))
    tag = quoted(draw, draw(st.sampled_from(["AI", "Nvidia", "open source"])))
    if draw(st.booleans()):
        broken.add("tags")
        add("tags", f"tags: {tag}")
    else:
        add("tags", f"tags:\n{indent}- {tag}" if not flow else f"tags: [{tag}]")
    return Header(lines, owner, broken)


def to_bytes(header: Header, crlf: bool, bom: bool, body: bytes) -> bytes:
    newline = "\r\n" if crlf else "\n"
    text = (
        "---"
        + newline
        + newline.join(line.replace("\n", newline) for line in header.lines)
        + newline
        + "---"
        + newline
    )
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode() + body


BODIES = st.sampled_from(
    [b"", b"\nBody.\n", b"Body with \xff bytes\r\n", b"---\nnot a header\n---\n"]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headers(), st.booleans(), st.booleans(), BODIES, st.booleans())
def test_fix_changes_only_broken_keys_and_keeps_everything_else(header, crlf, bom, body, unsafe):
    data = to_bytes(header, crlf, bom, body)
    result = fix_bytes(data, SCHEMA, unsafe=unsafe)
    fixed = result.fixed

    assert fixed.endswith(body)
    assert fixed.startswith(b"\xef\xbb\xbf") == bom
    if crlf:
        assert fixed.count(b"\n") == fixed.count(b"\r\n") + body.count(b"\n") - body.count(b"\r\n")
    # Idempotent: a second run changes nothing.
    assert fix_bytes(fixed, SCHEMA, unsafe=unsafe).fixed == fixed
    # What is left is exactly what a check finds.
    after = analyse(fixed, SCHEMA).findings
    assert [(f.code, f.json_path) for f in after] == [
        (f.code, f.json_path) for f in result.remaining
    ]
    # Every line outside the broken keys' blocks is untouched.
    original_lines = to_bytes(header, False, False, b"").decode().splitlines()[1:-1]
    owners = [
        owner
        for line, owner in zip(header.lines, header.owner, strict=True)
        for _ in line.split("\n")
    ]
    fixed_text = fixed.removeprefix(b"\xef\xbb\xbf")[
        : len(fixed) - len(body) - (3 if bom else 0)
    ].decode()
    fixed_lines = fixed_text.replace("\r\n", "\n").splitlines()[1:-1]
    matcher = difflib.SequenceMatcher(a=original_lines, b=fixed_lines, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            assert {owners[i] for i in range(i1, i2)} <= header.broken, (
                original_lines,
                fixed_lines,
            )
    # The data of keys that were not broken is the same.
    before_data = analyse(data, SCHEMA).data or {}
    after_data = analyse(fixed, SCHEMA).data or {}
    for key in before_data:
        if key not in header.broken:
            assert after_data.get(key) == before_data[key]


@settings(max_examples=200, deadline=None)
@given(headers(), st.booleans())
def test_a_file_without_mistakes_is_never_changed(header, crlf):
    if header.broken:
        return
    data = to_bytes(header, crlf, False, b"\nBody\n")
    assert fix_bytes(data, SCHEMA, unsafe=True).fixed == data
