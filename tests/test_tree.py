"""The header's nodes (mdlint.tree), which checking and fixing read without PyYAML."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from yaml import ScalarNode

from mdlint.quick.nodes import read_nodes
from mdlint.tree import STR, Mapping, Scalar, Sequence, Span, resolve_plain
from mdlint.yaml_tree import _Yaml12Resolver, compose_raw

PYYAML = _Yaml12Resolver()


def pyyaml_resolves(text: str) -> str:
    return str(PYYAML.resolve(ScalarNode, text, (True, False)))  # type: ignore[no-untyped-call]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "~",
        "null",
        "NULL",
        "nUll",
        "true",
        "True",
        "yes",
        "on",
        "0",
        "-12",
        "+3",
        "0o17",
        "0o8",
        "0x1F",
        "0xg",
        "1.5",
        ".5",
        "1.",
        "1e3",
        "1.5E-3",
        "-.inf",
        ".NaN",
        ".nan.",
        "2025-02-08",
        "12:30",
        "1_000",
        "true\n",
        "12\n",
        "null\n",
        "\n",
        " 1",
        "-",
        "+",
        ".",
        "e3",
    ],
)
def test_resolve_plain_gives_pyyamls_tag(text):
    assert resolve_plain(text) == pyyaml_resolves(text)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="0123456789+-.eExXoOabcfinNtTrRuUlLsS~_: \n", max_size=12))
def test_resolve_plain_gives_pyyamls_tag_on_drawn_texts(text):
    assert resolve_plain(text) == pyyaml_resolves(text)


def test_nodes_keep_their_identity_repr_and_span_through_pickling():
    text = "a: 'x'\nb:\n  - 1\n"
    for root in (read_nodes(text), compose_raw(text).tree):  # quick.nodes' marks and libyaml's
        assert isinstance(root, Mapping)
        copy = pickle.loads(pickle.dumps(root))
        assert isinstance(copy, Mapping) and copy is not root and copy != root
        (key, value), (_, items) = copy.pairs
        assert isinstance(key, Scalar) and key.value == "a" and key.span.start == 0
        assert isinstance(value, Scalar) and (value.tag, value.value, value.style) == (
            STR,
            "x",
            "'",
        )
        assert isinstance(items, Sequence) and not items.flow
        assert value.span == Span(3, 6, 0, 3, 0, 6) == root.pairs[0][1].span
        assert (
            repr(value)
            == "Scalar(tag='tag:yaml.org,2002:str', value='x', style=\"'\", span=(3, 6, 0, 3, 0, 6))"
        )
        assert copy.get("b") is copy.pairs[1] and copy.get("c") is None
