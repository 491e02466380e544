"""mdlint reads every file of the real corpora in ../shared/corpora without a crash or a traceback."""

from __future__ import annotations

import json

import pytest

from mdlint.discovery import discover
from mdlint.options import Overrides
from mdlint.runner import Project

from .conftest import SHARED

CORPORA = SHARED / "corpora"
pytestmark = pytest.mark.skipif(
    not CORPORA.is_dir(), reason="../shared/corpora is not beside the checkout"
)


@pytest.fixture(scope="module")
def permissive_schema(tmp_path_factory):
    path = tmp_path_factory.mktemp("schema") / "permissive.json"
    path.write_text(json.dumps({"type": "object"}))
    return path


@pytest.mark.parametrize(
    "corpus", ["hugo-docs", "nodejs-site", "astro-docs", "rust-blog", "jekyll-docs"]
)
def test_every_corpus_file_is_read_without_error(corpus, permissive_schema):
    files = discover([str(CORPORA / corpus)], (".md", ".markdown", ".mdx"))
    assert len(files) > 100
    project = Project.load(Overrides(schema=str(permissive_schema)), isolated=True)
    results = [project.check_file(path) for path in files]
    assert [r.error for r in results if r.error] == []
    codes = {f.code for r in results for f in r.findings}
    # Measured facts of these corpora: every YAML header parses; at most a few files lack a header.
    assert not codes & {"FM002", "FM003", "FM004", "FM008", "FM009", "IN001"}
    if corpus == "rust-blog":
        assert codes == {"FM010"}
    else:
        # The corpus's own LICENSE.md files carry no header; besides them, at most one file.
        headerless = [r.path for r in results for f in r.findings if f.code == "FM001"]
        assert len([p for p in headerless if not p.endswith("LICENSE.md")]) <= 1


def test_cli_over_all_corpora_has_no_traceback(permissive_schema):
    from click.testing import CliRunner

    from mdlint.cli import main

    result = CliRunner().invoke(
        main, ["check", "-q", "--schema", str(permissive_schema), str(CORPORA)]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output
