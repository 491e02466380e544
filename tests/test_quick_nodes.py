"""quick.nodes makes the nodes libyaml makes (types, tags, values, styles, spans) for every header
quick.header reads."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdlint.quick.header import read_header
from mdlint.quick.nodes import read_nodes
from mdlint.tree import Mapping, Scalar, Sequence
from mdlint.yaml_tree import compose_raw

from .conftest import SHARED, generate_site, needs_site_generator
from .test_quick_header import CRLF_MIXES, HEADERS, changed_headers, headers_under, with_crlf


def described(node: Any) -> Any:
    """Everything about a node and those below it that checking and fixing read."""
    span = node.span
    where = (span.start, span.end, span.start_line, span.start_col, span.end_line, span.end_col)
    if isinstance(node, Scalar):
        return ("scalar", node.tag, node.value, node.style, node.explicit_tag, where)
    if isinstance(node, Sequence):
        items = [described(item) for item in node.items]
        return ("sequence", node.tag, node.flow, node.explicit_tag, where, items)
    assert isinstance(node, Mapping)
    pairs = [(described(key), described(value)) for key, value in node.pairs]
    return ("mapping", node.tag, node.flow, node.explicit_tag, where, pairs)


def check(text: str) -> bool:
    """Whether quick.nodes read `text`, after checking that it read it as libyaml does."""
    if read_header(text) is None:
        return False
    nodes = read_nodes(text)
    composed = compose_raw(text)
    assert nodes is not None, f"quick.header reads it, quick.nodes does not: {text!r}"
    assert composed is not None
    assert described(nodes) == described(composed.tree), text
    return True


@settings(max_examples=1500, deadline=None)
@given(HEADERS, st.sampled_from(["", "\n"]))
def test_generated_headers_get_libyamls_nodes(header, end):
    check(header + end)


@settings(max_examples=800, deadline=None)
@given(HEADERS, st.sampled_from(["", "\n"]), CRLF_MIXES)
def test_crlf_headers_get_libyamls_nodes(header, end, which):
    check(with_crlf(header + end, which))


@settings(max_examples=300, deadline=None)
@given(changed_headers(["\n", " ", ":", "#", "-", "'", '"', "[", "]", ",", "é", "  - x\n", "\r\n"]))
def test_headers_with_random_changes_get_libyamls_nodes_or_none(text):
    check(text)


@pytest.mark.parametrize(
    "text",
    [
        "a:   # c\nb: 1\n",
        "a:\n",
        "a: x",
        "a: x\n# tail\n\n",
        "a:\n- x\n\n# c\nb: 1\n",
        "a:\n  - x\n  -\n  - # c\n",
        "\n# lead\na: 'x'  # c\n",
        "a: [ ]\nb: []  # c\nc: [ x , 'y' ]\n",
        "a: \"é\\u00e9\\n\"\nb: 'it''s'\nc: \"\"\n",
        "date: 2025-02-08 16:00:00\nn: -5\nf: 1.5e3\nt: true\nz: ~\ne: null\n",
        "tags:\n-   spaced  # c\n- 'q'\n-\nnext: [a, \"b c\", 'd']  # c\n",
        # Spaces short of the dashes at the very end close the sequence before the end.
        "title:\n    -\n   ",
        "a:\n  - x\n\n ",
        "a:\n    - x\n  # c\n ",
        "a:\n    - x\n    ",
        "a:\n    - x\n  # c",
        "a:\n-\n  ",
        # CRLF: one line break of two characters.
        "a: x\r\nb:\r\n  - 'y'  # c\r\n\r\n  -\r\nc: [d]\r\n",
        "a:\r\n    - x\r\n   ",
        "a: x\nb: y\r\n",
    ],
)
def test_libyamls_places(text):
    assert check(text)


def test_a_line_met_again_elsewhere_gets_nodes_of_its_own_at_its_own_place():
    """quick.nodes keeps each line's shape by its text: the nodes made from it are new ones,
    placed where the line is."""
    first = read_nodes("b: [y, 'z']\nc:\n  - 1\n")
    second = read_nodes("a: x\nb: [y, 'z']\nc:\n  - 1\n")
    assert first is not None and second is not None
    assert check("b: [y, 'z']\nc:\n  - 1\n") and check("a: x\nb: [y, 'z']\nc:\n  - 1\n")
    b_first = first.pairs[0][1]
    b_second = second.pairs[1][1]
    assert b_first is not b_second and b_first.items[0] is not b_second.items[0]
    assert (b_first.span.start_line, b_second.span.start_line) == (0, 1)
    assert read_nodes("a: x\n  stray") is None and read_nodes("a: x\n  stray") is None


@needs_site_generator
def test_every_header_of_a_generated_site(tmp_path):
    generate_site(tmp_path, 300, seed=5)
    read = [check(header) for header in headers_under(str(tmp_path))]
    assert sum(read) >= 0.97 * 300  # plain headers, valid and not


@pytest.mark.skipif(not (SHARED / "corpora").is_dir(), reason="../shared/corpora is absent")
def test_every_corpus_header():
    assert sum(check(header) for header in headers_under(str(SHARED / "corpora"))) > 0
