"""Property tests of the check path: whatever the bytes, `analyse` returns findings and never raises.

Three sources of input: headers built from YAML-ish pieces (keys, quoted and plain scalars, block
and flow lists, nested mappings, comments, LF/CRLF/CR, a BOM), those files with random byte
insertions, deletions and flips, and raw random bytes. Every finding must carry a known rule code,
a one-line message and a position inside the file. The coverage-guided twin is fuzz/fuzz_check.py.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mdlint.checker import CheckOptions, analyse
from mdlint.findings import Finding
from mdlint.rules import BY_CODE
from mdlint.schema import load_schema
from mdlint.yaml_tree import MAX_DEPTH, _Loader

SCHEMA = load_schema()
FAST = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


def file_lines(data: bytes) -> list[str]:
    """Lines as mdlint counts them (LF, CRLF, lone CR; not NEL, LS or PS), decoded as it decodes."""
    return [
        line.decode("utf-8", errors="replace")
        for line in data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    ]


def assert_only_findings(data: bytes, options: CheckOptions | None = None) -> list[Finding]:
    findings = analyse(data, SCHEMA, options).findings
    lines = file_lines(data)
    for finding in findings:
        assert finding.code in BY_CODE, finding
        # one line that prints as itself: no line break, control, bidi or other invisible character
        assert finding.message and all(
            char.isprintable() or char in "\u200c\u200d" for char in finding.message
        ), finding
        assert 1 <= finding.line <= len(lines) + 1, (finding, len(lines))
        assert finding.col >= 1, finding
        if finding.line <= len(lines):
            assert finding.col <= len(lines[finding.line - 1]) + 1, (finding, lines)
        assert (finding.end_line, finding.end_col) >= (finding.line, finding.col), finding
    return findings


# --- Headers built from YAML-ish pieces -----------------------------------------------------------

KEYS = st.sampled_from(
    ["title", "date", "tags", "categories", "widgets", "sidebar", "pager", "menu", "params", "lang"]
) | st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True)
WORDS = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=12)
PLAIN = st.sampled_from(
    [
        "true",
        "false",
        "yes",
        "null",
        "~",
        "12",
        "-3.5",
        "0x1F",
        "1e3",
        ".inf",
        "2025-02-08 16:00:00",
        "right",
        "search",
        "Hello world",
        "a: b",
        "#x",
        "- x",
        "[x",
        "@x",
        "!!int 7",
        "!!python/object:os.system x",
        "!%0a%1b%5b2J x",
        "&a x",
        "*a",
        "'",
        '"',
    ]
) | st.from_regex(r"[A-Za-z0-9 ._/-]{1,20}", fullmatch=True)


def _double_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


SCALARS = st.one_of(
    PLAIN,
    WORDS.map(_double_quoted),
    WORDS.map(_single_quoted),
    st.sampled_from(['"\\ud800"', '"\\x41\\u00e9\\U0001F600"', '"\\N\\L\\P"', "'it''s'"]),
)


def _indent(lines: list[str], spaces: int) -> list[str]:
    return [" " * spaces + line for line in lines]


@st.composite
def values(draw: Any, depth: int = 0) -> list[str]:
    """A value as lines; the first line continues after `key:`."""
    kinds = ["scalar", "flow"] + (["block-list", "mapping"] if depth < 3 else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "scalar":
        return [" " + draw(SCALARS)]
    if kind == "flow":
        items = draw(st.lists(SCALARS, max_size=4))
        return [" [" + ", ".join(items) + "]"]
    if kind == "block-list":
        items = draw(st.lists(SCALARS, min_size=1, max_size=4))
        indent = draw(st.sampled_from([0, 2, 4]))
        return ["", *_indent([f"- {item}" for item in items], indent)]
    pairs = draw(st.lists(st.tuples(KEYS, st.deferred(lambda: values(depth + 1))), max_size=3))
    lines = [""]
    for key, value in pairs:
        lines += _indent([f"{key}:{value[0]}", *value[1:]], 2)
    return lines


@st.composite
def headers(draw: Any) -> bytes:
    lines: list[str] = []
    for key, value in draw(st.lists(st.tuples(KEYS, values()), max_size=8)):
        if draw(st.booleans()) and draw(st.booleans()):
            lines.append(draw(st.sampled_from(["# a comment", "", "  # indented comment"])))
        comment = draw(st.sampled_from(["", "", "", "  # note"]))
        lines += [f"{key}:{value[0]}{comment}", *value[1:]]
    newline = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    close = draw(st.sampled_from(["---", "---", "..."]))
    body = draw(st.sampled_from(["", "Body text.", "# Title\n\nSome *markdown*."]))
    text = newline.join(["---", *lines, close, "", body])
    data = text.encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if draw(st.booleans()) and draw(st.booleans()) else data


@FAST
@given(headers())
@example(b"---\ntitle: a\xe2\x80\xa8b\ndate: x\n---\n")  # LS is no line break in YAML 1.2
@example(b"---\ntitle: '\xc2\x85'\n\xc2\x85: x\n---\n")
def test_built_headers_only_give_findings(data: bytes) -> None:
    assert_only_findings(data)


# --- Mutated files ---------------------------------------------------------------------------------


@st.composite
def mutated(draw: Any) -> bytes:
    data = bytearray(draw(headers()))
    for _ in range(draw(st.integers(1, 8))):
        operation = draw(st.sampled_from(["insert", "delete", "flip", "splice"]))
        position = draw(st.integers(0, len(data)))
        if operation == "insert":
            data[position:position] = draw(
                st.binary(min_size=1, max_size=4)
                | st.sampled_from(
                    [b"\x00", b"\t", b"\r", b"---\n", b"...\n", b"[", b"{", b"&a ", b"*a", b"\xff"]
                )
            )
        elif operation == "delete" and data:
            del data[position : position + draw(st.integers(1, 6))]
        elif operation == "flip" and position < len(data):
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif operation == "splice":
            data[position:position] = data[: draw(st.integers(0, 40))]
    return bytes(data)


@FAST
@given(mutated())
def test_mutated_files_only_give_findings(data: bytes) -> None:
    assert_only_findings(data)


@FAST
@given(mutated(), st.integers(1, 80), st.integers(1, 40))
def test_small_limits_only_give_findings(data: bytes, max_bytes: int, budget: int) -> None:
    assert_only_findings(data, CheckOptions(max_header_bytes=max_bytes, value_budget=budget))


# --- Raw bytes -----------------------------------------------------------------------------------


@FAST
@given(st.binary(max_size=600))
def test_random_bytes_only_give_findings(data: bytes) -> None:
    assert_only_findings(data)


@FAST
@given(st.binary(max_size=400), st.sampled_from([b"---\n", b"\xef\xbb\xbf---\r\n", b"+++\n"]))
def test_random_headers_only_give_findings(data: bytes, fence: bytes) -> None:
    assert_only_findings(fence + data + b"\n---\n")


@FAST
@given(st.text(max_size=300))
def test_random_text_headers_only_give_findings(text: str) -> None:
    assert_only_findings(("---\n" + text + "\n---\n").encode("utf-8", errors="surrogatepass"))


# --- The nesting pre-check's shortcut --------------------------------------------------------------


def _depth(text: str) -> int | None:
    """How deep collections nest, from libyaml's events; None when the text is not YAML."""
    loader = _Loader(text)
    depth = deepest = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return deepest


NESTY = st.text(st.sampled_from("[]{}-:?, ab\n#'\"&*!|>"), max_size=60)


@settings(FAST, max_examples=150)
@given(headers().map(lambda data: data.decode("utf-8-sig")) | NESTY)
def test_the_indicator_count_bounds_the_depth(text: str) -> None:
    """compose_raw skips the exact depth check when `[{-:?` appear at most MAX_DEPTH times, which
    is sound only if every nested collection needs one of them."""
    depth = _depth(text)
    if depth is not None:
        assert depth <= sum(text.count(indicator) for indicator in "[{-:?")


def test_max_depth_is_small_enough_for_python_recursion() -> None:
    assert MAX_DEPTH * 3 < 1000  # our converters and jsonschema recurse a few frames per level


# --- The linear uniqueItems agrees with jsonschema's ------------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-2, 2)
    | st.sampled_from([0.0, 1.0, -1.0, 2.5, float("inf")])
    | st.sampled_from(["", "a", "1", "true"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from("ab"), inner),
    max_leaves=8,
)


@FAST
@given(st.lists(JSON_VALUES, max_size=6))
def test_linear_unique_items_agrees_with_jsonschema(items: list[Any]) -> None:
    from jsonschema._utils import uniq

    from mdlint.unique_items import has_repeats

    assert has_repeats(items) == (not uniq(items))


def test_the_validators_use_the_linear_unique_items() -> None:
    from mdlint.schema import build_validator

    validator = build_validator({"uniqueItems": True})
    assert type(validator).__name__ == "Draft202012Validator"
    assert len(list(validator.iter_errors([{"a": 1}, "x", {"a": 1.0}]))) == 1
    assert list(validator.iter_errors([{"a": 1}, {"a": True}, [1], [True], 1, "1"])) == []
    big = [{"n": i} for i in range(50_000)]  # pairwise, this would take jsonschema an hour
    assert list(validator.iter_errors(big)) == []
    assert len(list(validator.iter_errors([*big, {"n": 7}]))) == 1
