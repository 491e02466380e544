"""jsonschema-rs answers "valid?" on the hot path; it must agree with jsonschema, the reference."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdlint.checker import analyse
from mdlint.discovery import discover
from mdlint.schema import build_validator, fast_validator, load_schema

from .conftest import SHARED, generate_site, needs_site_generator

SCHEMA = load_schema()
FAST = fast_validator(SCHEMA.contents)
PLAIN = build_validator(SCHEMA.contents)  # jsonschema alone, without per-property prechecks
pytestmark = pytest.mark.skipif(FAST is None, reason="jsonschema-rs is not installed")


def agree(data) -> None:
    assert FAST(data) == PLAIN.is_valid(data), json.dumps(data, default=str)[:500]


@pytest.mark.skipif(not (SHARED / "corpora").is_dir(), reason="../shared/corpora is absent")
def test_agree_on_every_corpus_header():
    files = discover([str(SHARED / "corpora")], (".md", ".markdown", ".mdx"))
    checked = 0
    for path in files:
        with open(path, "rb") as stream:
            data = analyse(stream.read(), SCHEMA).data
        if isinstance(data, dict):
            agree(data)
            checked += 1
    assert checked > 4000


@needs_site_generator
def test_agree_on_a_generated_site(tmp_path):
    verdicts = []
    for path in generate_site(tmp_path, 500):
        data = analyse(path.read_bytes(), SCHEMA).data
        agree(data)
        verdicts.append(FAST(data))
    assert 0 < sum(verdicts) < len(verdicts)  # both valid and invalid headers were compared


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            "",
            "en",
            "EN",
            "pt-br",
            "zh-Hant",
            "right",
            "Right",
            "left",
            "search",
            "recent",
            "2025-02-08 16:00:00",
            "2025/02/08",
            "2025-02-08T16:00:00Z",
            "x" * 300,
            "\u0662\u0660\u0662\u0665-\u0660\u0662-\u0660\u0668 \u0661\u0666:\u0660\u0660:\u0660\u0660",
            "list",
            "post",
            "main",
            " ",
            "\n",
            "true",
        ]
    ),
    st.text(max_size=20),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["src", "visibility", "main", "weight", "name", "x"]), inner, max_size=3
        )
    ),
    max_leaves=8,
)
KEYS = st.sampled_from([*list(SCHEMA.contents["properties"]), "catgories", "unknown"])


@settings(max_examples=1500, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=8))
def test_agree_on_generated_headers(header):
    agree(header)


@settings(max_examples=500, deadline=None)
@given(
    st.fixed_dictionaries(
        {"title": st.text(max_size=5), "date": SCALARS},
        optional={
            k: VALUES
            for k in [
                "lang",
                "widgets",
                "sidebar",
                "thumbnail",
                "menu",
                "comments",
                "weight",
                "tags",
            ]
        },
    )
)
def test_agree_on_nearly_valid_headers(header):
    agree(header)
