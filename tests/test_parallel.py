"""--jobs changes how fast, never what: the same output in the same order for any N."""

from __future__ import annotations

from click.testing import CliRunner

from mdlint.cli import main
from mdlint.runner import check_in_parallel

from .conftest import VALID_HEADER


def make_site(root, count: int) -> None:
    for index in range(count):
        folder = root / f"part-{index % 7}"
        folder.mkdir(exist_ok=True)
        text = VALID_HEADER
        if index % 3 == 0:
            text = text.replace('sidebar: "right"', 'sidebar: "Right"')
        if index % 5 == 0:
            text = text.replace("pager: true", "pager: yes").replace("title:", "titel:")
        (folder / f"article-{index:04d}.md").write_text(text)


def test_output_is_identical_whatever_the_jobs(tmp_path):
    make_site(tmp_path, 300)
    outputs = set()
    for jobs in ("1", "2", "3"):
        result = CliRunner().invoke(main, ["check", "--no-cache", "-j", jobs, str(tmp_path)])
        assert result.exit_code == 1
        outputs.add(result.output)
    assert len(outputs) == 1
    assert "Found" in outputs.pop()


def test_parallel_results_keep_the_order_and_drop_fixer_details(tmp_path):
    from mdlint.runner import Project

    make_site(tmp_path, 200)
    paths = sorted(str(p) for p in tmp_path.rglob("*.md"))
    project = Project.load(isolated=True)
    serial = check_in_parallel(project, paths, 1)
    parallel = check_in_parallel(project, paths, 2)
    assert [r.path for r in parallel] == paths
    assert [[(f.code, f.line, f.col, f.message) for f in r.findings] for r in parallel] == [
        [(f.code, f.line, f.col, f.message) for f in r.findings] for r in serial
    ]
    assert all(f.detail is None for r in parallel for f in r.findings)
