"""mdlint/quick/article_validator.py (the bundled schema compiled ahead of time by
tools/generate_quick_validator.py) must be current, import nothing but `re`, and never say "valid"
where jsonschema, the reference, says "invalid".

It may say "invalid" where jsonschema says "valid" (the file then goes to jsonschema), but only in
the documented way: a number that is neither an int nor a float (Decimal, Fraction: no loader
makes one). A string ending in a newline under a `pattern` is no longer one: fastjsonschema
compiles `$` as `\\Z`, and mdlint's jsonschema reads it as ECMA-262 does (mdlint/ecma_pattern.py).
"""

from __future__ import annotations

import ast
import importlib.util
import json
import math
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

from .conftest import ROOT, SHARED, generate_site, needs_site_generator

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
    if importlib.util.find_spec("fastjsonschema") is None:
        pytest.skip("fastjsonschema is not installed (it is in the `test` extra)")
    if not GENERATOR.is_file():
        pytest.skip("tools/ is not in this source tree")
    done = subprocess.run(
        [sys.executable, str(GENERATOR), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_imports_only_re():
    assert article_validator.__file__ is not None
    with open(article_validator.__file__, encoding="utf-8") as stream:
        tree = ast.parse(stream.read())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add("." * node.level + (node.module or ""))
    assert imported <= {"re", "__future__"}, imported


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
