"""Tests for the bundled JSON Schema ``schemas/article.schema.json``."""

from __future__ import annotations

import copy
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .conftest import VALID_HEADER

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "schemas" / "article.schema.json"
POSTS_DIR = ROOT / "examples" / "content" / "posts"

VALID_POSTS = [
    "deepseek-and-chip-stocks.md",
    "bond-yields-weekly.md",
    "cloud-earnings-preview.md",
]

FIRST_KEYS = [
    "title",
    "date",
    "summary",
    "categories",
    "lang",
    "translations",
    "tags",
    "menu",
    "thumbnail",
    "lead",
    "comments",
    "authorbox",
    "pager",
    "toc",
    "mathjax",
    "sidebar",
    "widgets",
]

ALL_WIDGETS = ("search", "ddg-search", "recent", "categories", "taglist", "social", "languages")

EXAMPLE_HEADER_YAML = VALID_HEADER.split("---\n")[1]  # the example header of DEVELOPERS.md

EXAMPLE_HEADER: dict[str, Any] = {
    "title": "DeepSeek's rise: what it means — Barrons.com",
    "date": "2025-02-08 16:00:00",
    "summary": "Some summary...",
    "categories": ["Dow Jones Newswires"],
    "lang": ["en"],
    "translations": ["en"],
    "tags": ["DeepSeek"],
    "menu": "",
    "thumbnail": "",
    "lead": "",
    "comments": False,
    "authorbox": False,
    "pager": True,
    "toc": False,
    "mathjax": False,
    "sidebar": "right",
    "widgets": ["search", "recent", "taglist"],
}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    with SCHEMA_PATH.open(encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def read_header(path: Path) -> dict[str, Any]:
    """Parse the YAML between the opening and closing ``---`` fences."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "---", f"{path.name} does not start with a front-matter fence"
    end = lines.index("---", 1)
    header = yaml.safe_load("\n".join(lines[1:end]))
    assert isinstance(header, dict)
    return header


def flatten(errors: list[ValidationError]) -> list[ValidationError]:
    """All errors, including those nested in ``anyOf`` branches."""
    out: list[ValidationError] = []
    for error in errors:
        out.append(error)
        out.extend(flatten(list(error.context or [])))
    return out


def keyword_paths(errors: list[ValidationError]) -> set[tuple[str, tuple[Any, ...]]]:
    return {(str(e.validator), tuple(e.absolute_path)) for e in flatten(errors)}


# --- the schema itself -------------------------------------------------------


def test_schema_is_valid_2020_12(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema["title"]
    assert schema["description"]


def test_schema_file_is_two_space_indented(schema: dict[str, Any]) -> None:
    text = SCHEMA_PATH.read_text(encoding="utf-8")
    assert text == json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def test_top_level_constraints(schema: dict[str, Any]) -> None:
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["title", "date"]


def test_property_order_starts_with_mainroad_keys(schema: dict[str, Any]) -> None:
    assert list(schema["properties"])[: len(FIRST_KEYS)] == FIRST_KEYS


def test_every_property_has_a_description(schema: dict[str, Any]) -> None:
    for name, subschema in schema["properties"].items():
        description = subschema.get("description")
        assert isinstance(description, str), name
        assert description.strip(), name


def test_date_carries_canonical_format(schema: dict[str, Any]) -> None:
    date = schema["properties"]["date"]
    assert date["x-mdlint-date-format"] == "%Y-%m-%d %H:%M:%S"
    assert "default" not in date
    # Formatting any datetime with the canonical format satisfies the pattern.
    rendered = datetime(2025, 2, 8, 16, 0, 0).strftime(date["x-mdlint-date-format"])
    assert rendered == "2025-02-08 16:00:00"
    assert re.search(date["pattern"], rendered)


@pytest.mark.parametrize(
    ("name", "default"),
    [
        pytest.param("menu", "", id="menu"),
        pytest.param("thumbnail", "", id="thumbnail"),
        pytest.param("lead", "", id="lead"),
        pytest.param("comments", False, id="comments"),
        pytest.param("authorbox", False, id="authorbox"),
        pytest.param("pager", True, id="pager"),
        pytest.param("toc", False, id="toc"),
        pytest.param("mathjax", False, id="mathjax"),
        pytest.param("draft", False, id="draft"),
        pytest.param("sidebar", "right", id="sidebar"),
    ],
)
def test_defaults(
    schema: dict[str, Any], validator: Draft202012Validator, name: str, default: Any
) -> None:
    subschema = schema["properties"][name]
    assert subschema["default"] == default
    assert type(subschema["default"]) is type(default)
    # A default must itself be valid for its property.
    assert list(validator.iter_errors({**EXAMPLE_HEADER, name: default})) == []


# --- valid headers -----------------------------------------------------------


def test_example_header_dict_passes(validator: Draft202012Validator) -> None:
    assert list(validator.iter_errors(EXAMPLE_HEADER)) == []


def test_example_header_yaml_passes(validator: Draft202012Validator) -> None:
    header = yaml.safe_load(EXAMPLE_HEADER_YAML)
    assert header == EXAMPLE_HEADER
    assert list(validator.iter_errors(header)) == []


@pytest.mark.parametrize("filename", VALID_POSTS)
def test_valid_example_articles_pass(validator: Draft202012Validator, filename: str) -> None:
    header = read_header(POSTS_DIR / filename)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(header)]
    assert errors == []


def test_real_hugo_fields_pass(validator: Draft202012Validator) -> None:
    header = {
        **EXAMPLE_HEADER,
        "lastmod": "2024-01-02T03:04:05Z",
        "slug": "deepseek-rise",
        "aliases": ["/old/deepseek/", "/2025/02/deepseek/"],
        "weight": 3,
        "params": {"a": 1},
        "menu": {"main": {"weight": 10, "parent": "docs"}},
        "draft": True,
    }
    assert list(validator.iter_errors(header)) == []


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"menu": "main"}, id="menu-string"),
        pytest.param({"menu": ["main", "footer"]}, id="menu-list"),
        pytest.param({"thumbnail": "img/a.png"}, id="thumbnail-path"),
        pytest.param({"thumbnail": {"src": "img/a.png"}}, id="thumbnail-object-src-only"),
        pytest.param(
            {"thumbnail": {"src": "img/a.png", "visibility": ["list", "post"]}},
            id="thumbnail-object",
        ),
        pytest.param({"sidebar": False}, id="sidebar-false"),
        pytest.param({"sidebar": "left"}, id="sidebar-left"),
        pytest.param({"lang": ["en", "zh", "pt-br", "zh-hant"]}, id="language-tags"),
        pytest.param({"widgets": list(ALL_WIDGETS)}, id="all-widgets"),
        pytest.param({"author": "Newsroom"}, id="author-string"),
        pytest.param({"authors": ["A. Writer", "B. Editor"]}, id="authors-list"),
        pytest.param(
            {"publishDate": "2025-02-08", "expiryDate": "2026-02-08T00:00:00+08:00"},
            id="hugo-dates",
        ),
        pytest.param(
            {"build": {"list": "never", "render": "link", "publishResources": False}}, id="build"
        ),
        pytest.param(
            {"cascade": [{"params": {"x": 1}, "target": {"path": "/posts/**"}}]}, id="cascade-list"
        ),
        pytest.param({"sitemap": {"changefreq": "weekly", "priority": 0.5}}, id="sitemap"),
        pytest.param(
            {"resources": [{"src": "images/*.jpg", "title": "Photo :counter"}]}, id="resources"
        ),
        pytest.param({"$schema": "../../../schemas/article.schema.json"}, id="dollar-schema"),
        pytest.param(
            {"summary": "", "categories": [], "tags": [], "widgets": []}, id="empty-values"
        ),
    ],
)
def test_other_valid_headers(validator: Draft202012Validator, changes: dict[str, Any]) -> None:
    header = {**copy.deepcopy(EXAMPLE_HEADER), **changes}
    assert list(validator.iter_errors(header)) == []


# --- invalid headers ---------------------------------------------------------

_MISSING = object()

INVALID_CASES = [
    pytest.param({"title": ""}, "minLength", ["title"], id="empty-title"),
    pytest.param({"date": "2025/02/08 16:00:00"}, "pattern", ["date"], id="date-with-slashes"),
    pytest.param({"date": "2025-02-08"}, "pattern", ["date"], id="date-only"),
    pytest.param({"comments": "false"}, "type", ["comments"], id="comments-string"),
    pytest.param({"pager": "yes"}, "type", ["pager"], id="pager-yes-string"),
    pytest.param({"categories": "Markets"}, "type", ["categories"], id="categories-scalar"),
    pytest.param({"tags": ["DeepSeek", "DeepSeek"]}, "uniqueItems", ["tags"], id="duplicate-tags"),
    pytest.param({"lang": ["EN"]}, "pattern", ["lang", 0], id="lang-uppercase"),
    pytest.param({"sidebar": "center"}, "enum", ["sidebar"], id="sidebar-center"),
    pytest.param({"sidebar": True}, "enum", ["sidebar"], id="sidebar-true"),
    pytest.param(
        {"widgets": ["search", "Recent"]}, "enum", ["widgets", 1], id="widget-capitalised"
    ),
    pytest.param(
        {"widgets": ["search", "recent", "search"]},
        "uniqueItems",
        ["widgets"],
        id="duplicate-widget",
    ),
    pytest.param({"catgories": ["Markets"]}, "additionalProperties", [], id="unknown-key"),
    pytest.param({"title": _MISSING}, "required", [], id="missing-title"),
    pytest.param({"date": _MISSING}, "required", [], id="missing-date"),
    pytest.param(
        {"thumbnail": {"visibility": ["list"]}},
        "required",
        ["thumbnail"],
        id="thumbnail-without-src",
    ),
    pytest.param(
        {"thumbnail": {"src": "img/a.png", "visibility": ["home"]}},
        "enum",
        ["thumbnail", "visibility", 0],
        id="thumbnail-visibility-home",
    ),
    pytest.param({"menu": 3}, "type", ["menu"], id="menu-number"),
    pytest.param({"weight": "3"}, "type", ["weight"], id="weight-string"),
]


@pytest.mark.parametrize(("changes", "keyword", "path"), INVALID_CASES)
def test_invalid_headers(
    validator: Draft202012Validator, changes: dict[str, Any], keyword: str, path: list[Any]
) -> None:
    header = copy.deepcopy(EXAMPLE_HEADER)
    for key, value in changes.items():
        if value is _MISSING:
            del header[key]
        else:
            header[key] = value

    errors = list(validator.iter_errors(header))
    # Exactly one top-level problem, located at (or above) the expected path ...
    assert len(errors) == 1, [e.message for e in errors]
    top_path = list(errors[0].absolute_path)
    assert path[: len(top_path)] == top_path
    # ... and the expected keyword fails at the expected path (inside anyOf if need be).
    assert (keyword, tuple(path)) in keyword_paths(errors)


def test_unknown_key_message_names_the_key(validator: Draft202012Validator) -> None:
    (error,) = validator.iter_errors({**EXAMPLE_HEADER, "catgories": ["Markets"]})
    assert "catgories" in error.message


# --- broken example articles -------------------------------------------------

BROKEN_POSTS = [
    # PyYAML reads YAML 1.1, where `pager: yes` is True; a YAML 1.2 parser reads
    # the string "yes". Only the YAML-1.1-proof problem is required here.
    pytest.param("bad-booleans.md", {("type", ("comments",))}, id="bad-booleans"),
    pytest.param(
        "bad-date-and-sidebar.md",
        {("pattern", ("date",)), ("enum", ("sidebar",))},
        id="bad-date-and-sidebar",
    ),
    pytest.param(
        "bad-widgets.md",
        {("type", ("categories",)), ("enum", ("widgets", 1)), ("uniqueItems", ("widgets",))},
        id="bad-widgets",
    ),
    pytest.param(
        "unknown-key.md",
        {("additionalProperties", ()), ("required", ())},
        id="unknown-key",
    ),
]


@pytest.mark.parametrize(("filename", "expected"), BROKEN_POSTS)
def test_broken_example_articles_fail(
    validator: Draft202012Validator, filename: str, expected: set[tuple[str, tuple[Any, ...]]]
) -> None:
    header = read_header(POSTS_DIR / filename)
    found = keyword_paths(list(validator.iter_errors(header)))
    assert expected <= found


def test_example_posts_are_all_covered() -> None:
    names = {p.name for p in POSTS_DIR.glob("*.md")}
    assert names == set(VALID_POSTS) | {p.values[0] for p in BROKEN_POSTS}
