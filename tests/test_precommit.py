"""The pre-commit hooks, run by pre-commit itself, as a user's repository runs them.

A temporary git repository gets a `.pre-commit-config.yaml` whose `repo:` is this project's
checkout and whose `rev:` is its HEAD commit. pre-commit clones that commit and builds the hook's
environment with pip (from the package index), so what is tested is the COMMITTED state: commit
`.pre-commit-hooks.yaml` and the code before running this module. To try uncommitted work, commit
it in a throwaway clone and point MDLINT_PRECOMMIT_REPO at that clone.

The environment is built once per module, in a PRE_COMMIT_HOME of its own (no cache of the
user's is reused). The module is skipped when git or pre-commit is missing, when the project is
not a git checkout, or when pip reports that it cannot reach the package index; any other failure
fails the tests.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, VALID_HEADER

REPO_ENV = "MDLINT_PRECOMMIT_REPO"
BROKEN = VALID_HEADER.replace("pager: true", 'pager: "true"')  # SC001 at 18:8, a safe fix
BROKEN_MARKDOWN = VALID_HEADER.replace('sidebar: "right"', 'sidebar: "Right"')  # SC002 at 21:10
# A valid article with CRLF line breaks, a comment and odd spacing: the fix hook must not touch it.
VALID_CRLF = (
    VALID_HEADER.replace("toc: false", "toc:   false   # keep")
    .replace("\n", "\r\n")
    .encode("utf-8")
)
NETWORK_ERRORS = (  # what pip (urllib3) prints when it cannot reach the package index
    "Failed to establish a new connection",
    "NewConnectionError",
    "NameResolutionError",
    "Failed to resolve",
    "Temporary failure in name resolution",
    "Name or service not known",
    "nodename nor servname provided",
    "Network is unreachable",
    "No route to host",
    "Could not fetch URL",
    "ConnectTimeoutError",
    "ProxyError",
)
TIMEOUT = 900  # seconds; building the environment downloads and installs the dependencies


def _git(*args: str, cwd: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, env=_clean_env()
    )


def _clean_env(**extra: str) -> dict[str, str]:
    """The environment without what would steer git, pip's prompts or mdlint's output."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "MDLINT_", "PRE_COMMIT"))
    }
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1", NO_COLOR="1", **extra)
    return env


@pytest.fixture(scope="module")
def hook_source() -> tuple[str, str]:
    """(the repository pre-commit clones, the commit it checks out)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    repo = os.environ.get(REPO_ENV) or str(ROOT)
    head = _git("rev-parse", "HEAD", cwd=repo)
    if head.returncode != 0:
        pytest.skip(f"{repo} is not a git checkout with a commit: {head.stderr.strip()}")
    rev = head.stdout.strip()
    if _git("cat-file", "-e", f"{rev}:.pre-commit-hooks.yaml", cwd=repo).returncode != 0:
        pytest.fail(
            f"{repo} at {rev[:12]} has no .pre-commit-hooks.yaml: pre-commit only sees committed "
            f"files, so commit it (or set {REPO_ENV} to a clone where it is committed)"
        )
    return repo, rev


def _make_project(directory: Path, hook_source: tuple[str, str]) -> Path:
    repo, rev = hook_source
    directory.mkdir(parents=True, exist_ok=True)
    (directory / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {json.dumps(repo)}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: mdlint\n"
        "      - id: mdlint-fix\n",
        encoding="utf-8",
    )
    posts = directory / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "good.md").write_bytes(VALID_CRLF)
    (posts / "bad.md").write_text(BROKEN, encoding="utf-8")
    (posts / "other.markdown").write_text(BROKEN_MARKDOWN, encoding="utf-8")
    (directory / "notes.txt").write_text("not Markdown, no front matter\n", encoding="utf-8")
    assert _git("init", "-q", cwd=directory).returncode == 0
    _stage(directory)
    return directory


def _stage(directory: Path) -> None:
    done = _git("add", "-A", cwd=directory)
    assert done.returncode == 0, done.stderr


def _pre_commit(project: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        timeout=TIMEOUT,
        env=_clean_env(PRE_COMMIT_HOME=str(home)),
    )


def _network_error(text: str) -> str | None:
    """The first line that says the package index could not be reached, if one does."""
    for line in text.splitlines():
        if any(marker in line for marker in NETWORK_ERRORS):
            return line.strip()
    return None


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory, hook_source: tuple[str, str]) -> Path:
    """A PRE_COMMIT_HOME in which the hooks' environment has been built (once per module)."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    project = _make_project(tmp_path_factory.mktemp("warm-up") / "site", hook_source)
    done = _pre_commit(project, home, "install-hooks")
    if done.returncode != 0:
        log = home / "pre-commit.log"
        text = "\n".join(
            [done.stdout, done.stderr, log.read_text(errors="replace") if log.exists() else ""]
        )
        line = _network_error(text)
        if line is not None:
            pytest.skip(f"pre-commit could not build the hook's environment offline: {line}")
        pytest.fail(f"pre-commit install-hooks failed (exit {done.returncode}):\n{text}")
    return home


@pytest.fixture
def project(tmp_path: Path, hook_source: tuple[str, str]) -> Path:
    return _make_project(tmp_path / "site", hook_source)


def test_check_hook_fails_on_the_broken_articles_and_passes_the_valid_one(
    project: Path, pre_commit_home: Path
) -> None:
    done = _pre_commit(project, pre_commit_home, "run", "mdlint", "--all-files", "--color=never")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Failed" in output
    bad = os.path.join("content", "posts", "bad.md")
    other = os.path.join("content", "posts", "other.markdown")
    assert f"{bad}:18:8: SC001 [*]" in output  # the `full` format's first line
    assert 'pager: "true"' in output  # ... and the source line under it
    assert f"{other}:21:10: SC002 [*]" in output  # `.markdown` files are Markdown too
    assert "good.md" not in output  # passed to the hook, and clean
    assert "notes.txt" not in output  # not Markdown: never passed to the hook

    good = os.path.join("content", "posts", "good.md")
    done = _pre_commit(project, pre_commit_home, "run", "mdlint", "--files", good, "--color=never")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout


def test_fix_hook_repairs_the_broken_articles_and_leaves_the_valid_one(
    project: Path, pre_commit_home: Path
) -> None:
    posts = project / "content" / "posts"
    done = _pre_commit(
        project, pre_commit_home, "run", "mdlint-fix", "--all-files", "--color=never"
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in output
    assert (posts / "bad.md").read_text(encoding="utf-8") == VALID_HEADER
    assert (posts / "other.markdown").read_text(encoding="utf-8") == VALID_HEADER
    assert (posts / "good.md").read_bytes() == VALID_CRLF

    _stage(project)
    for hook in ("mdlint-fix", "mdlint"):
        done = _pre_commit(project, pre_commit_home, "run", hook, "--all-files", "--color=never")
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Passed" in done.stdout
