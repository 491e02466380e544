"""The README's recipes (pre-commit, GitHub Actions, GitLab CI) and .pre-commit-hooks.yaml agree
with each other and with the command line: each snippet is valid YAML, names hooks that exist and
runs options that exist. (tests/test_precommit.py runs the hooks for real.)"""

from __future__ import annotations

import re
import shlex
import sys

import pytest
import yaml

from mdlint.cli import main

from .conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

README = (ROOT / "README.md").read_text(encoding="utf-8")
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def yaml_blocks(section: str) -> list[object]:
    start = README.index(f"## {section}\n")
    end = README.index("\n## ", start + 1)
    blocks = re.findall(r"```yaml\n(.*?)```", README[start:end], flags=re.DOTALL)
    return [yaml.safe_load(block) for block in blocks]


def runs(command: str) -> list[str]:
    """The arguments of an `mdlint ...` command line, checked against mdlint's own parser."""
    words = shlex.split(command)
    assert words[0] == "mdlint", command
    subcommand = main.commands[words[1]]
    subcommand.make_context(words[1], words[2:])  # raises on an unknown option or value
    return words[1:]


def test_the_hooks():
    assert [hook["id"] for hook in HOOKS] == ["mdlint", "mdlint-fix"]
    for hook in HOOKS:
        assert hook["language"] == "python"
        assert hook["types_or"] == ["markdown"]
        assert hook.get("pass_filenames", True) is True
    assert hook_runs(HOOKS[0]["entry"])[0] == "check"
    assert hook_runs(HOOKS[1]["entry"])[0] == "fix"


def hook_runs(entry: str) -> list[str]:
    """The arguments a hook's entry gives mdlint. The entry starts mdlint.entry.run (the console
    script's function) with the hook environment's python, not the script (see the file)."""
    python, dash_c, code, *arguments = shlex.split(entry)
    assert [python, dash_c] == ["python", "-c"]
    module, function = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"
    ]["scripts"]["mdlint"].split(":")
    assert code.endswith(f"; from {module} import {function}; {function}()")
    return runs(shlex.join(["mdlint", *arguments]))


@pytest.mark.parametrize("name", ["a.md", "b.markdown", "c.MD"])
def test_the_hooks_match_markdown_files(name):
    identify = pytest.importorskip("identify.identify")
    assert "markdown" in identify.tags_from_filename(name)


def test_the_pre_commit_snippet_names_the_hooks():
    (config,) = yaml_blocks("pre-commit")
    (repo,) = config["repos"]
    assert repo["rev"] == "v0.1.0"  # the placeholder the README explains
    assert {hook["id"] for hook in repo["hooks"]} == {hook["id"] for hook in HOOKS}


def test_the_github_actions_recipe():
    workflow, sarif_workflow = yaml_blocks("CI")[:2]
    steps = workflow["jobs"]["mdlint"]["steps"]  # type: ignore[index]
    sarif_job = sarif_workflow["jobs"]["mdlint"]  # type: ignore[index]
    uses = [step["uses"] for step in steps if "uses" in step]
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@v\d+", action) for action in uses), uses
    commands = [step["run"] for step in steps if "run" in step]
    assert commands[0] == "pip install mdlint-frontmatter"
    assert runs(commands[1])[:3] == ["check", "--output-format", "github"]
    sarif_steps = sarif_job["steps"]
    upload = sarif_steps[-1]
    assert re.fullmatch(r"github/codeql-action/upload-sarif@v\d+", upload["uses"])
    sarif_run = runs(sarif_steps[-2]["run"])
    assert "sarif" in sarif_run
    assert sarif_run[sarif_run.index("--output-file") + 1] == upload["with"]["sarif_file"]
    assert sarif_job["permissions"]["security-events"] == "write"


def test_the_gitlab_recipe():
    (pipeline,) = yaml_blocks("CI")[2:]
    job = pipeline["mdlint"]  # type: ignore[index]
    assert job["script"][0] == "pip install mdlint-frontmatter"
    arguments = runs(job["script"][1])
    assert arguments[:3] == ["check", "--output-format", "junit"]
    report = arguments[arguments.index("--output-file") + 1]
    assert job["artifacts"] == {"when": "always", "reports": {"junit": report}}


def test_the_completion_recipe_uses_the_command_name():
    assert "_MDLINT_COMPLETE=bash_source mdlint" in README
