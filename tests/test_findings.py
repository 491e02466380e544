"""A Finding is a value: equal to another with the same fields, whatever the fixer's `detail`."""

from __future__ import annotations

import pickle

import pytest

from mdlint.findings import FileResult, Finding

FINDING = Finding("SC002", "not one of the values", 3, 10, 3, 17, "sidebar", "safe")


def test_detail_is_neither_compared_nor_hashed_nor_shown():
    other = FINDING._replace(detail=object())
    assert other == FINDING and not other != FINDING and hash(other) == hash(FINDING)
    assert "detail" not in repr(other) and repr(other) == repr(FINDING)
    assert FINDING != FINDING._replace(line=4)


def test_a_finding_is_not_a_tuple_of_its_values():
    assert FINDING != tuple(FINDING) and not FINDING == tuple(FINDING)
    with pytest.raises(TypeError):
        sorted([FINDING, FINDING._replace(detail=1)])  # findings sort by sort_key only


def test_results_cross_process_boundaries():
    result = FileResult("a.md", (FINDING,))
    assert pickle.loads(pickle.dumps(result)) == result
