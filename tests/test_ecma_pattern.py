"""`pattern` with ECMA-262's `$` (the end of the string only), as JSON Schema defines it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mdlint import check_text
from mdlint.ecma_pattern import compiled, end_anchored
from mdlint.schema import build_validator

from .conftest import VALID_HEADER


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("^a$", r"^a\Z"),
        (r"^a\$$", r"^a\$\Z"),  # an escaped `$` is a dollar sign
        ("[$]$", r"[$]\Z"),  # so is one in a class
        ("[]$]x$", r"[]$]x\Z"),  # a `]` first in a class is a member
        ("[^]$]$", r"[^]$]\Z"),
        (r"a\\$", r"a\\\Z"),  # an escaped backslash, then the end
        ("(a|b$)c", r"(a|b\Z)c"),
        ("no-anchor", "no-anchor"),
    ],
)
def test_end_anchored(pattern, expected):
    assert end_anchored(pattern) == expected


@pytest.mark.filterwarnings("ignore::FutureWarning")  # "possible nested set": `[[` is fine
@given(st.text(alphabet="ab$[]^\\\n", max_size=8), st.text(alphabet="ab$\n", max_size=5))
def test_it_matches_as_python_does_except_before_a_final_newline(pattern, text):
    try:
        python = re.compile(pattern)
    except re.error:
        with pytest.raises(re.error):
            compiled(pattern)
        return
    ours = compiled(pattern)
    if not text.endswith("\n"):
        assert bool(ours.search(text)) == bool(python.search(text))
    elif ours.search(text):  # stricter only: never a match Python's `$` would refuse
        assert python.search(text)


def test_jsonschema_refuses_a_final_newline_with_its_own_message():
    validator = build_validator({"type": "string", "pattern": "^[a-z]+$"})
    assert validator.is_valid("en")
    assert not validator.is_valid("en\n")
    assert [e.message for e in validator.iter_errors("en\n")] == [
        "'en\\n' does not match '^[a-z]+$'"
    ]


def test_a_date_with_a_final_newline_is_reported():
    header = VALID_HEADER.replace('date: "2025-02-08 16:00:00"', 'date: "2025-02-08 16:00:00\\n"')
    assert header != VALID_HEADER
    assert [finding.code for finding in check_text(header)] == ["SC003"]
