"""`did_you_mean`, the near-miss suggestion of SC002 and SC006 messages (and of the fixes that
take it), gives the same answers whether it remembers them or not."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mdlint import schema_findings
from mdlint.schema_findings import did_you_mean

KEYS = ["title", "date", "categories", "tags", "sidebar", "widgets", "Thumbnail", "lang"]


def test_same_letters_in_another_case_first_then_a_near_spelling():
    assert did_you_mean("TITLE", KEYS) == "title"
    assert did_you_mean(" thumbnail ", KEYS) == "Thumbnail"
    assert did_you_mean("categroies", KEYS) == "categories"
    assert did_you_mean("widget", KEYS) == "widgets"
    assert did_you_mean("author", KEYS) is None
    assert did_you_mean(3, KEYS) is None and did_you_mean("title", []) is None


words = st.text(alphabet="abcdeTITLgs ", max_size=12)


@given(words, st.lists(words, max_size=8))
def test_remembered_answers_are_the_answers(word, candidates):
    assert did_you_mean(word, candidates) == schema_findings._closest(word, tuple(candidates))
    assert did_you_mean(word, candidates) == schema_findings._closest(word, tuple(candidates))


def test_long_words_and_long_lists_are_not_remembered():
    schema_findings._remembered_closest.cache_clear()
    many = [f"key{number}" for number in range(schema_findings._MAX_REMEMBERED_CANDIDATES + 1)]
    long_word = "x" * (schema_findings._MAX_REMEMBERED_WORD + 1)
    assert did_you_mean("key7", many) == "key7"
    assert did_you_mean(long_word, KEYS) is None
    assert schema_findings._remembered_closest.cache_info().currsize == 0
    assert did_you_mean("categroies", KEYS) == "categories"
    assert schema_findings._remembered_closest.cache_info().currsize == 1
