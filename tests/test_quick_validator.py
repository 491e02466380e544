"""mdlint/quick/article_validator.py (the bundled schema compiled ahead of time by
tools/generate_quick_validator.py) must be current, import nothing (its patterns are automata, not
`re`), and never say "valid" where jsonschema, the reference, says "invalid".

It may say "invalid" where jsonschema says "valid" (the file then goes to jsonschema), but only in
the documented way: a number that is neither an int nor a float (Decimal, Fraction: no loader
makes one). A string ending in a newline under a `pattern` is no longer one: fastjsonschema
compiles `$` as `\\Z`, and mdlint's jsonschema reads it as ECMA-262 does (mdlint/ecma_pattern.py).
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import json
import math
import re
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from mdlint.checker import analyse
from mdlint.discovery import discover
from mdlint.quick import article_validator
from mdlint.quick.article_validator import is_valid
from mdlint.schema import build_validator, load_schema

from .conftest import BUNDLED_SCHEMA, ROOT, SHARED, generate_site, needs_site_generator

SCHEMA = load_schema()
# jsonschema alone: SCHEMA.validator skips the properties this module's per-property functions
# vouch for (tests/test_property_precheck.py), so it is not an independent reference here.
PLAIN = build_validator(SCHEMA.contents)
GENERATOR = ROOT / "tools" / "generate_quick_validator.py"


def reference(data: Any) -> bool:
    return bool(PLAIN.is_valid(data))


def compare(data: Any) -> str:
    """Asserts that both say the same of JSON data (what every loader makes)."""
    quick, ref = is_valid(data), reference(data)
    shown = json.dumps(data, default=repr)[:500]
    assert quick == ref, f"quick says {quick}, jsonschema says {ref}: {shown}"
    return "equal"


def test_generated_module_is_current():
    for needed in ("fastjsonschema", "interegular"):
        if importlib.util.find_spec(needed) is None:
            pytest.skip(f"{needed} is not installed (it is in the `test` extra)")
    if not GENERATOR.is_file():
        pytest.skip("tools/ is not in this source tree")
    done = subprocess.run(
        [sys.executable, str(GENERATOR), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def imports(code: str) -> set[str]:
    """The modules `code` imports."""
    imported = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add("." * node.level + (node.module or ""))
    return imported


def test_imports_nothing():
    """Every pattern of the bundled schema is an automaton: not even `re` is imported (it would
    cost the pre-commit hook's one-file call ~6 ms of start-up)."""
    assert article_validator.__file__ is not None
    with open(article_validator.__file__, encoding="utf-8") as stream:
        assert imports(stream.read()) <= {"__future__"}


@pytest.mark.skipif(not (SHARED / "corpora").is_dir(), reason="../shared/corpora is absent")
def test_agree_on_every_corpus_header():
    files = discover([str(SHARED / "corpora")], (".md", ".markdown", ".mdx"))
    verdicts = []
    for path in files:
        with open(path, "rb") as stream:
            data = analyse(stream.read(), SCHEMA).data
        if isinstance(data, dict):
            assert is_valid(data) == reference(data), (path, json.dumps(data, default=repr)[:500])
            verdicts.append(is_valid(data))
    assert len(verdicts) > 2000  # (other sites' headers: nearly all invalid for the bundled schema)


@needs_site_generator
def test_agree_on_a_generated_site(tmp_path):
    verdicts = []
    for path in generate_site(tmp_path, 500):
        data = analyse(path.read_bytes(), SCHEMA).data
        assert is_valid(data) == reference(data), (path, json.dumps(data, default=repr)[:500])
        verdicts.append(is_valid(data))
    assert len(verdicts) == 500
    assert 0 < sum(verdicts) < len(verdicts)  # both valid and invalid headers were compared


# --- Headers made of the schema's own vocabulary -------------------------------------------------

STRINGS = st.sampled_from(
    [
        "",
        " ",
        "\n",
        "x",
        "en",
        "EN",
        "pt-br",
        "zh-Hant",
        "en\n",
        "right",
        "left",
        "Right",
        "search",
        "recent",
        "list",
        "post",
        "always",
        "never",
        "daily",
        "main",
        "true",
        "0",
        "2025-02-08 16:00:00",
        "2025-02-08 16:00:00\n",
        "2025-02-08T16:00:00Z",
        "2025/02/08",
        "\u0662\u0660\u0662\u0665-\u0660\u0662-\u0660\u0668 \u0661\u0666:\u0660\u0660:\u0660\u0660",
        "\U0001d11e",
        "caf\u00e9",
        "\u4e2d\u6587",
    ]
) | st.text(max_size=8)
NUMBERS = st.sampled_from([0, 1, -1, 2, 0.0, -0.0, 0.5, 1.0, 1.5, math.nan, math.inf, -math.inf])
SCALARS = STRINGS | NUMBERS | st.integers(-3, 3) | st.floats() | st.booleans() | st.none()
# One strategy (not a union of several) so that it does not outweigh the valid choices it joins.
NEAR_MISS = st.sampled_from([None, 0, 1, 1.0, True, False, "", "x", "2025-02-08", math.nan, [], {}])
INNER_KEYS = st.sampled_from(
    ["src", "visibility", "main", "weight", "name", "list", "render", "priority", "x"]
)
# Few choices, so that lists of them often repeat one (uniqueItems), also as 1 / 1.0 / True.
DUPLICATES = st.lists(st.sampled_from(["en", "a", "search", "list", 1, 1.0, True]), max_size=4)
VALUES = DUPLICATES | st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(INNER_KEYS, inner, max_size=3),
    max_leaves=6,
)


def mostly(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """`valid`, or one time in eight a near miss."""
    return st.integers(0, 7).flatmap(lambda n: NEAR_MISS if n == 0 else valid)


def plausible(subschema: Any) -> st.SearchStrategy[Any]:
    """Values for `subschema` that are mostly valid, with near misses mixed in."""
    subschema = SCHEMA.resolve(subschema)
    if "enum" in subschema:
        return mostly(st.sampled_from(subschema["enum"]))
    if "anyOf" in subschema:
        return st.one_of([plausible(choice) for choice in subschema["anyOf"]])
    kind = subschema.get("type")
    if kind == "array":
        items = plausible(subschema["items"]) if "items" in subschema else SCALARS
        return mostly(st.lists(items, max_size=3))
    if kind == "object":
        properties = subschema.get("properties", {})
        extra = subschema.get("additionalProperties")
        maps = st.fixed_dictionaries({}, optional={k: plausible(v) for k, v in properties.items()})
        if isinstance(extra, dict):
            maps |= st.dictionaries(
                st.sampled_from(["main", "footer"]), plausible(extra), max_size=2
            )
        elif extra is None:
            maps |= st.dictionaries(INNER_KEYS, SCALARS, max_size=2)
        return mostly(maps)
    if kind == "boolean":
        return mostly(st.booleans())
    if kind in ("integer", "number"):
        return NUMBERS | st.integers(-3, 3) | st.floats()
    if "pattern" in subschema:  # matches, sometimes with a final newline (Python's `$` allows one)
        return mostly(st.from_regex(subschema["pattern"]))
    return mostly(st.text(min_size=subschema.get("minLength", 0), max_size=5))


PLAUSIBLE = {key: plausible(value) for key, value in SCHEMA.contents["properties"].items()}
OPTIONAL_KEYS = [key for key in SCHEMA.property_order if key not in ("title", "date")]
KEYS = st.sampled_from([*SCHEMA.property_order, "catgories", "unknown", "Title"])


@settings(max_examples=700, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=8))
def test_never_more_lenient_on_generated_headers(header):
    event(compare(header))


@settings(max_examples=1000, deadline=None)
@given(
    st.fixed_dictionaries(
        {
            "title": PLAUSIBLE["title"],
            "date": PLAUSIBLE["date"] | st.just("2025-02-08 16:00:00"),
        }
    ),
    st.lists(st.sampled_from(OPTIONAL_KEYS), unique=True, max_size=6).flatmap(
        lambda keys: st.fixed_dictionaries({key: PLAUSIBLE[key] for key in keys})
    ),
)
def test_never_more_lenient_on_nearly_valid_headers(required, optional):
    header = {**required, **optional}
    event(compare(header))
    event("jsonschema: valid" if reference(header) else "jsonschema: invalid")


# --- Known traps of fastjsonschema against jsonschema (Draft 2020-12) ----------------------------

BASE = {"title": "A title", "date": "2025-02-08 16:00:00"}
SAFE = "safe"  # quick says invalid, jsonschema says valid: documented, and accepted

TRAPS: list[tuple[str, dict[str, Any], bool | str]] = [
    # (case, keys added to BASE, expected verdict of both, or SAFE)
    ("enum: false", {"sidebar": False}, True),
    ("enum: 0 is not false", {"sidebar": 0}, False),
    ("enum: 0.0 is not false", {"sidebar": 0.0}, False),
    ("enum: 'false' is not false", {"sidebar": "false"}, False),
    ("enum: a string", {"sidebar": "left"}, True),
    ("integer: 1", {"weight": 1}, True),
    ("integer: 1.0 is an integer in 2020-12", {"weight": 1.0}, True),
    ("integer: -0.0", {"weight": -0.0}, True),
    ("integer: 1.5", {"weight": 1.5}, False),
    ("integer: True", {"weight": True}, False),
    ("integer: False", {"weight": False}, False),
    ("integer: nan", {"weight": math.nan}, False),
    ("integer: inf", {"weight": math.inf}, False),
    ("integer: a string", {"weight": "1"}, False),
    ("integer in $defs: 1.0", {"menu": {"main": {"weight": 1.0}}}, True),
    ("integer in $defs: True", {"menu": {"main": {"weight": True}}}, False),
    ("number: 0.5", {"sitemap": {"priority": 0.5}}, True),
    ("number: int 1", {"sitemap": {"priority": 1}}, True),
    ("number: True", {"sitemap": {"priority": True}}, False),
    ("number: False", {"sitemap": {"priority": False}}, False),
    ("minimum: -0.0", {"sitemap": {"priority": -0.0}}, True),
    ("minimum: -0.1", {"sitemap": {"priority": -0.1}}, False),
    ("maximum: 1.1", {"sitemap": {"priority": 1.1}}, False),
    ("minimum/maximum: nan passes both", {"sitemap": {"priority": math.nan}}, True),
    ("maximum: inf", {"sitemap": {"priority": math.inf}}, False),
    ("minimum: -inf", {"sitemap": {"priority": -math.inf}}, False),
    ("number: Decimal (no loader makes one)", {"sitemap": {"priority": Decimal("0.5")}}, SAFE),
    ("number: Fraction (no loader makes one)", {"sitemap": {"priority": Fraction(1, 2)}}, SAFE),
    ("uniqueItems: [1, True]", {"tags": [1, True]}, False),
    ("uniqueItems: [0, False]", {"tags": [0, False]}, False),
    ("uniqueItems: [1, 1.0]", {"tags": [1, 1.0]}, False),
    ("uniqueItems: [[1], [True]]", {"tags": [[1], [True]]}, False),
    ("uniqueItems: dicts", {"tags": [{"a": 1}, {"a": True}]}, False),
    ("uniqueItems: equal strings", {"tags": ["a", "a"]}, False),
    ("uniqueItems: distinct strings", {"tags": ["a", "A"]}, True),
    ("uniqueItems: in anyOf", {"menu": ["main", "main"]}, False),
    ("uniqueItems: of an enum", {"widgets": ["search", "search"]}, False),
    ("uniqueItems: nested", {"thumbnail": {"src": "x", "visibility": ["list", "list"]}}, False),
    ("minLength: astral character", {"title": "\U0001d11e"}, True),
    ("minLength: empty", {"title": ""}, False),
    ("minLength: astral in $defs", {"tags": ["\U0001d11e"]}, True),
    ("pattern: final newline", {"date": "2025-02-08 16:00:00\n"}, False),
    ("pattern: final newline in $defs", {"lang": ["en\n"]}, False),
    ("pattern: final newline, not the end", {"date": "2025-02-08 16:00:00\nx"}, False),
    ("pattern: two final newlines", {"date": "2025-02-08 16:00:00\n\n"}, False),
    ("pattern: leading newline", {"date": "\n2025-02-08 16:00:00"}, False),
    (
        "pattern: Arabic-Indic digits",
        {
            "date": "\u0662\u0660\u0662\u0665-\u0660\u0662-\u0660\u0668 \u0661\u0666:\u0660\u0660:\u0660\u0660"
        },
        False,
    ),
    ("pattern: fullwidth digits", {"date": "\uff12\uff10\uff12\uff15-02-08 16:00:00"}, False),
    ("pattern: not a string", {"date": 20250208}, False),
    ("pattern in $defs: upper case", {"lang": ["EN"]}, False),
    ("pattern in $defs: non-ASCII letter", {"lang": ["é"]}, False),
    ("pattern in $defs: match", {"lang": ["zh-hant"]}, True),
    ("additionalProperties: top level", {"catgories": ["a"]}, False),
    ("additionalProperties: in anyOf", {"thumbnail": {"src": "x", "alt": "y"}}, False),
    ("additionalProperties: in build", {"build": {"list": "never", "x": 1}}, False),
    ("additionalProperties: in $defs", {"menu": {"main": {"weight": 1, "bogus": 1}}}, False),
    ("additionalProperties: open object", {"params": {"anything": [1, None]}}, True),
    ("required: in anyOf", {"thumbnail": {"visibility": ["list"]}}, False),
    ("$ref: empty item", {"categories": [""]}, False),
    ("$ref: string or list", {"author": ["A", "B"]}, True),
    ("$ref: empty string", {"author": ""}, False),
    ("$ref: empty item of the list", {"author": [""]}, False),
    ("anyOf: string", {"menu": ""}, True),
    ("anyOf: map of entries", {"menu": {"main": {"name": "x", "weight": 2}}}, True),
    ("anyOf: neither", {"menu": 1}, False),
    ("anyOf: enum or boolean", {"build": {"list": True, "render": "link"}}, True),
    ("anyOf: bad enum value", {"build": {"list": "sometimes"}}, False),
    ("anyOf: list of objects", {"cascade": [{}, {"a": 1}]}, True),
    ("anyOf: list of non-objects", {"cascade": [{}, 1]}, False),
    ("key $schema: a string", {"$schema": "../article.schema.json"}, True),
    ("key $schema: not a string", {"$schema": 1}, False),
    ("array: a tuple is not a JSON array", {"tags": ("a",)}, False),
    ("boolean: 1 is not true", {"toc": 1}, False),
    ("string: None", {"summary": None}, False),
]


@pytest.mark.parametrize(("keys", "expected"), [t[1:] for t in TRAPS], ids=[t[0] for t in TRAPS])
def test_trap(keys, expected):
    data = {**BASE, **keys}
    quick, ref = is_valid(data), reference(data)
    if expected == SAFE:
        assert (quick, ref) == (False, True)
    else:
        assert (quick, ref) == (expected, expected)


@pytest.mark.parametrize(
    "data", [{"title": "t"}, {"date": BASE["date"]}, {}, [], None, "x", 1, [BASE]]
)
def test_not_a_valid_header(data):
    assert is_valid(data) is False
    assert reference(data) is False


def test_valid_header_untouched():
    """use_default=False: the check writes no default into the data."""
    data = dict(BASE)
    assert is_valid(data) is True
    assert data == BASE


# --- Patterns as automata (tools/generate_quick_validator.py) -------------------------------------


def schema_patterns(schema: Any) -> set[str]:
    """Every `pattern` keyword's value in `schema`."""
    if isinstance(schema, dict):
        found = {schema["pattern"]} if isinstance(schema.get("pattern"), str) else set()
        return found.union(*(schema_patterns(value) for value in schema.values()))
    if isinstance(schema, list):
        return set().union(*(schema_patterns(value) for value in schema))
    return set()


PATTERNS = sorted(schema_patterns(json.loads(BUNDLED_SCHEMA.read_text(encoding="utf-8"))))
# Characters that matter to the bundled patterns, and digits that only Unicode calls digits.
NEAR_CHARACTERS = st.sampled_from("-: \n0a9zA_\u0663\u06f3\u0969\uff13\u00e9")
OTHER_DIGITS = st.sampled_from("\u0663\u06f3\u0969\uff13\U0001d7d9")


@st.composite
def mutated(draw: st.DrawFn, strings: st.SearchStrategy[str]) -> str:
    """A string of `strings` with one character inserted, replaced or deleted, a final newline,
    or a Unicode digit in place of one of its digits."""
    text = draw(strings)
    how = draw(st.sampled_from(["insert", "replace", "delete", "newline", "digit"]))
    if how == "newline":
        return text + "\n"
    if how == "digit":
        digits = [index for index, char in enumerate(text) if char in "0123456789"]
        index = draw(st.sampled_from(digits)) if digits else len(text)
        return text[:index] + draw(OTHER_DIGITS) + text[index + 1 :]
    if how == "insert" or not text:
        index = draw(st.integers(0, len(text)))
        return text[:index] + draw(NEAR_CHARACTERS | st.characters()) + text[index:]
    index = draw(st.integers(0, len(text) - 1))
    if how == "replace":
        return text[:index] + draw(NEAR_CHARACTERS | st.characters()) + text[index + 1 :]
    return text[:index] + text[index + 1 :]


def candidates(pattern: str) -> st.SearchStrategy[str]:
    """Strings `pattern` matches, the same mutated, and any text."""
    matching = st.from_regex(pattern, fullmatch=True)
    return matching | mutated(matching) | st.text()


def reference_search(pattern: str) -> re.Pattern[str]:
    """`pattern` compiled as fastjsonschema compiled it before: its final `$` made `\\Z`."""
    assert pattern.endswith("$"), pattern
    return re.compile(pattern[:-1] + "\\Z")


def test_the_bundled_schema_has_patterns_and_each_is_an_automaton():
    assert len(PATTERNS) >= 2
    for pattern in PATTERNS:
        matcher = article_validator.REGEX_PATTERNS[pattern]
        assert type(matcher).__name__ == "_Automaton", (pattern, matcher)


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=600, deadline=None)
@given(data=st.data())
def test_pattern_automaton_agrees_with_re(pattern, data):
    value = data.draw(candidates(pattern), label="value")
    expected = reference_search(pattern).search(value) is not None
    assert article_validator.REGEX_PATTERNS[pattern].search(value) is expected, value
    event("match" if expected else "no match")


@functools.cache
def load_generator() -> Any:
    """tools/generate_quick_validator.py as a module (it needs fastjsonschema and interegular)."""
    pytest.importorskip("fastjsonschema")
    pytest.importorskip("interegular")
    if not GENERATOR.is_file():
        pytest.skip("tools/ is not in this source tree")
    spec = importlib.util.spec_from_file_location("generate_quick_validator", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def generated_module(patterns: list[str]) -> tuple[str, dict[str, Any]]:
    """The code the generator writes for a schema with a string property for each pattern (and
    a list, whose items' messages the generator expects to remove), and the namespace it defines."""
    properties: dict[str, Any] = {
        f"p{index}": {"type": "string", "pattern": pattern}
        for index, pattern in enumerate(patterns)
    }
    properties["list"] = {"type": "array", "items": {"$ref": "#/$defs/item"}}
    schema = {"type": "object", "properties": properties, "$defs": {"item": {"type": "string"}}}
    code = load_generator().module_code(schema)
    namespace: dict[str, Any] = {}
    exec(compile(code, "<generated>", "exec"), namespace)
    return code, namespace


POSSESSIVE = pytest.mark.skipif(sys.version_info < (3, 11), reason="`re` reads `?+` from 3.11")
REFUSED = [
    "a|b",  # not anchored
    "^a|b$",  # the anchors do not reach past `|`
    "^(?:a|b)$",
    "^(?=a)a$",  # lookahead
    "^a(?<=a)$",  # lookbehind
    "x$",
    "^x",
    "^a$b$",
    "^a\\$",  # the final `$` is escaped
    "^(a)\\1$",  # backreference
    "^(?P<x>a)(?P=x)$",
    "^(?i:k)$",  # inline flag (`re` also matches the Kelvin sign, interegular does not)
    "^\\D$",  # ASCII's complement in interegular, Unicode's in `re`
    "^\\W+$",
    "^[\\S]$",
    "^[^a]$",  # no `^` at all, even in a class
    "^a{}$",  # `re`: the literal `a{}`; interegular: `a{0}`
    "^a{x}$",
    # possessive quantifiers (Python 3.11): `re` never gives the `a` back
    pytest.param("^a?+a$", marks=POSSESSIVE),
    pytest.param("^a{1,2}+$", marks=POSSESSIVE),
    "^[]a]$",  # `re`: `]` or `a`; interegular: an empty class
    "^a(?#comment)$",
    "^\\u00e9$",  # interegular does not read it
    "^a{0,1000}$",  # too many states to write
]


@pytest.mark.parametrize("pattern", REFUSED)
def test_a_pattern_the_translator_refuses_keeps_re(pattern):
    generator = load_generator()
    assert generator.automaton(pattern) is None
    code, namespace = generated_module([pattern, "^[0-9]+$"])
    assert imports(code) == {"re"}
    assert isinstance(namespace["REGEX_PATTERNS"][pattern], re.Pattern)
    assert type(namespace["REGEX_PATTERNS"]["^[0-9]+$"]).__name__ == "_Automaton"


def test_a_schema_whose_patterns_all_translate_imports_nothing():
    code, namespace = generated_module(["^[0-9]+$", "^[a-z]{2}(-[a-z]+)?$"])
    assert imports(code) == set()
    is_valid = namespace["is_valid"]
    assert is_valid({"p0": "12", "p1": "en-gb"})
    assert not is_valid({"p0": "12\n"})
    assert not is_valid({"p0": "\u0661\u0662"})
    assert not is_valid({"p1": "en-"})


# Patterns the translator takes, some with syntax whose reading could differ between `re` and
# interegular. Backslash d, w and s are ASCII only in an automaton (stricter than `re`).
TRANSLATED = [
    "^$",
    "^a\\$$",
    "^a\\^\\|b$",
    "^.$",
    "^.*x.*$",
    "^(?:ab)+c?$",
    "^(?P<year>[0-9]{4})-[0-9]{2,}$",
    "^[a-][-b][a\\-z]$",
    "^[\\x00-\\x1f\\n\\t]*$",
    "^[\\w.]+@\\d{1,3}\\s?$",
    "^a{2}b{0,2}c*?d+?e{3,}$",
    "^(ab)?$",
    "^\\.\\*\\{\\}\\(\\)\\[\\]$",
    "^[(){}*+?.]$",
    "^\\x41\\x7e\\0101$",
]
SHORTHANDS = ("\\d", "\\w", "\\s")


@functools.cache
def translated(pattern: str) -> Any:
    """The generator's `_Automaton` for `pattern`, which it must translate."""
    generator = load_generator()
    found = generator.automaton(pattern)
    assert found is not None, pattern
    namespace: dict[str, Any] = {}
    exec(generator.AUTOMATON_CLASS, namespace)
    return namespace["_Automaton"](*found)


@pytest.mark.parametrize("pattern", TRANSLATED)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_translated_pattern_never_accepts_more_than_re(pattern, data):
    matcher = translated(pattern)
    value = data.draw(candidates(pattern), label="value")
    expected = reference_search(pattern).search(value) is not None
    if any(shorthand in pattern for shorthand in SHORTHANDS):
        assert not matcher.search(value) or expected, value
    else:
        assert matcher.search(value) is expected, value


# Every `uniqueItems` array of the bundled schema holds strings, so a duplicate there is plain
# string equality. fastjsonschema's rule for other items is checked on its own, uncompiled.
UNIQUE = [
    [1, True],
    [0, False],
    [1, 1.0],
    [[1], [True]],
    [{"a": 1}, {"a": True}],
    [{"a": 1}, {"a": 1.0}],
    [[1, [0]], [1, [False]]],
    [None, None],
    [math.nan, 1],
    ["1", 1],
]


@pytest.mark.parametrize("items", UNIQUE, ids=[repr(u) for u in UNIQUE])
def test_unique_items_rule(items):
    fastjsonschema = pytest.importorskip("fastjsonschema")
    schema = {"type": "array", "uniqueItems": True}
    validate = fastjsonschema.compile(schema, use_default=False, detailed_exceptions=False)
    try:
        validate(items)
        quick = True
    except fastjsonschema.JsonSchemaValueException:
        quick = False
    from jsonschema import Draft202012Validator

    assert quick == Draft202012Validator(schema).is_valid(items)


def test_the_full_path_uses_it_for_the_bundled_schema_only_while_it_is_current(
    monkeypatch, tmp_path
):
    from mdlint import schema as schema_module
    from mdlint.quick import article_validator

    bundled = schema_module.bundled_schema_path()
    assert schema_module._load(bundled, False).fast is article_validator.is_valid
    copy = tmp_path / "article.schema.json"
    with open(schema_module.bundled_schema_path(), "rb") as stream:
        copy.write_bytes(stream.read())
    assert schema_module._load(str(copy), False).fast is not article_validator.is_valid
    from mdlint.quick import article_schema

    monkeypatch.setattr(article_schema, "SCHEMA_TEXT", b"{}")  # the schema was edited since
    assert schema_module._load(bundled, False).fast is not article_validator.is_valid
