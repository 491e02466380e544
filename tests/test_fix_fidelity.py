"""On a generated Hugo/Mainroad site: every fixable mistake repaired, nothing else touched."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from .conftest import ROOT, SHARED

GENERATOR = SHARED / "bench" / "make_mainroad_corpus.py"
pytestmark = pytest.mark.skipif(
    not GENERATOR.is_file(), reason="../shared/bench is not beside the checkout"
)


def load_fidelity():
    spec = importlib.util.spec_from_file_location(
        "fix_fidelity", ROOT / "bench" / "fix_fidelity.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    fidelity = load_fidelity()
    out = tmp_path_factory.mktemp("mainroad")
    fidelity.make_corpus(out, 400, 7)
    return fidelity, out


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_generated_site_fidelity(corpus, unsafe):
    fidelity, out = corpus
    report = fidelity.evaluate(out, unsafe)
    expected = report.expected_kinds(unsafe)
    due = {k: n - report.masked[k] for k, n in report.mistakes.items() if k in expected}
    assert sum(due.values()) > 50
    assert {k: report.repaired[k] for k in due} == due
    assert report.clean_files > 100 and report.clean_untouched == report.clean_files
    assert report.lines_changed_outside == []
    assert report.not_idempotent == []
    # Mistakes that need a guess stay when guessing is not allowed.
    if not unsafe:
        assert report.repaired["unknown-key-typo"] == 0 and report.repaired["date-iso-t"] == 0
