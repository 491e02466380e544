"""The quick path answers only for clean files, and then exactly as the full command line does;
at any doubt it hands over, having printed nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdlint.cli import main as full_command_line
from mdlint.quick.args import parse_args
from mdlint.quick.run import MAX_FILES
from mdlint.quick.run import run_quickly as run_request
from mdlint.runner import Project

from .conftest import SHARED, VALID_HEADER, generate_site, needs_site_generator

BROKEN = VALID_HEADER.replace('date: "2025-02-08 16:00:00"', 'date: "08/02/2025"')


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A directory with no configuration above it (the checkout's pyproject.toml names mdlint)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_quickly(argv: list[str]) -> int | None:
    request = parse_args(argv)
    assert request is not None, argv
    return run_request(request)


def write(directory: Path, name: str, text: str) -> str:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return name


def both_ways(argv: list[str], capsys) -> tuple[tuple[object, str, str], ...]:
    """(exit code, stdout, stderr) of the quick path and of the full command line."""
    quick = run_quickly(argv)
    captured = capsys.readouterr()
    full = CliRunner().invoke(full_command_line, argv)
    return (quick, captured.out, captured.err), (full.exit_code, full.stdout, full.stderr)


CLEAN_RUNS = [
    ["check"],
    ["check", "-q"],
    ["check", "--no-cache"],
    ["check", "--output-format", "concise"],
    ["check", "--exit-zero", "-j", "1"],
    ["fix"],
    ["fix", "-q"],
    ["fix", "--check"],
    ["fix", "--diff"],
    ["fix", "--diff", "--check"],
    ["fix", "--unsafe-fixes", "-j", "1"],
    # `github` is read by GitHub Actions: the summary goes to stderr, but for fix --check's
    ["check", "--output-format", "github"],
    ["check", "-q", "--output-format", "github"],
    ["fix", "--output-format", "github"],
    ["fix", "--diff", "--output-format", "github"],
    ["fix", "--check", "--output-format", "github"],
]


@pytest.mark.parametrize("command", CLEAN_RUNS, ids=" ".join)
def test_clean_files_are_answered_as_the_full_path_answers(site, capsys, command):
    names = [write(site, f"post-{n}.md", VALID_HEADER) for n in range(3)]
    quick, full = both_ways([*command, *names], capsys)
    assert quick == full  # exit code, stdout and stderr
    assert quick[0] == 0
    assert all((site / name).read_text() == VALID_HEADER for name in names)


@pytest.mark.parametrize("command", [["check"], ["fix", "--check"], ["fix"]], ids=" ".join)
def test_clean_files_saved_on_windows_are_answered_as_the_full_path_answers(site, capsys, command):
    texts = [VALID_HEADER.replace("\n", "\r\n"), VALID_HEADER.replace("---\n", "---\r\n")]
    names = [write_bytes(site, f"post-{n}.md", text) for n, text in enumerate(texts)]
    quick, full = both_ways([*command, *names], capsys)
    assert quick == full
    assert quick[0] == 0
    assert [(site / name).read_bytes() for name in names] == [text.encode() for text in texts]


def write_bytes(directory: Path, name: str, text: str) -> str:
    """`write`, with the line ends as they are in `text` (write_text would translate none, but
    says nothing about it)."""
    (directory / name).write_bytes(text.encode("utf-8"))
    return name


def test_fixing_a_broken_file_is_left_to_the_full_path(site, capsys):
    clean, broken = write(site, "clean.md", VALID_HEADER), write(site, "broken.md", BROKEN)
    assert run_quickly(["fix", clean, broken]) is None
    assert capsys.readouterr() == ("", "")
    assert (site / broken).read_text() == BROKEN


def test_one_clean_file_named_twice_counts_once(site, capsys):
    name = write(site, "post.md", VALID_HEADER)
    quick, full = both_ways(["check", name, f"./{name}"], capsys)
    assert quick == full == (0, "No problems found (1 file checked).\n", "")


@pytest.mark.parametrize(
    ("ignored", "options", "checked"),
    [
        ("drafts/\n", [], 2),
        ("drafts/\n", ["--no-respect-gitignore"], 4),
        ("# Hugo\npublic/\n/drafts\n.hugo_build.lock\n", [], 2),
        ("*.md\n!post.md\n", [], 1),  # wildcards and `!`: pathspec decides
        ("content/sub/\n", [], 3),
    ],
)
def test_force_exclude_leaves_out_what_the_full_path_leaves_out(
    site, capsys, ignored, options, checked
):
    (site / ".git").mkdir()
    (site / ".gitignore").write_text(ignored)
    (site / "sub").mkdir()
    (site / "sub" / ".gitignore").write_text("deeper.md\n")
    names = [
        write(site, "post.md", VALID_HEADER),
        write(site, "node_modules/pkg/README.md", VALID_HEADER),
        write(site, "drafts/later.md", VALID_HEADER),
        write(site, "sub/deeper.md", VALID_HEADER),
        write(site, "sub/kept.md", VALID_HEADER),
    ]
    quick, full = both_ways(["check", "--force-exclude", *options, *names], capsys)
    assert quick == full
    plural = "file" if checked == 1 else "files"
    assert quick == (0, f"No problems found ({checked} {plural} checked).\n", ""), ignored


def test_pre_commit_style_runs_import_nothing_heavy_with_a_literal_gitignore(site):
    """`mdlint check --force-exclude FILE` in a Git repository, as the hook runs it."""
    (site / ".git").mkdir()
    (site / ".gitignore").write_text("public/\nresources/_gen/\n.hugo_build.lock\n")
    name = write(site, "content/post.md", VALID_HEADER)
    probe = (
        "import sys\n"
        "from mdlint.entry import main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
        "heavy = ('click', 'yaml', 'jsonschema', 'jsonschema_rs', 'pathspec', 'dataclasses')\n"
        "print('LOADED:', code, *sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "check", "--force-exclude", name],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines() == ["No problems found (1 file checked).", "LOADED: 0"]


@pytest.mark.parametrize(
    "text",
    [
        BROKEN,
        "No front matter at all.\n",
        "\ufeff" + VALID_HEADER,
        BROKEN.replace("\n", "\r\n"),
        VALID_HEADER.replace("\n", "\r"),
        VALID_HEADER.replace("pager: true\n", "pager: true\r"),
        VALID_HEADER.replace("\n---\n\n", "\n---\r"),
        VALID_HEADER.replace("toc: false", "toc: false  # mdlint: disable=SC001"),
        VALID_HEADER.replace("toc: false", "$schema: other.json"),
        VALID_HEADER.replace("toc: false", "toc: &anchor false"),
        VALID_HEADER.replace("---\n\nBody", "...\n\nBody"),
        "+++\ntitle = 'x'\n+++\n",
        "---\n---\n",
    ],
    ids=[
        "invalid",
        "no-header",
        "bom",
        "invalid-crlf",
        "cr-line-ends",
        "a-cr-alone",
        "cr-after-the-closing-fence",
        "directive",
        "own-schema",
        "anchor",
        "dots-fence",
        "toml",
        "empty",
    ],
)
def test_anything_but_a_plainly_clean_file_is_handed_over_silently(site, capsys, text):
    clean = write(site, "clean.md", VALID_HEADER)
    other = write(site, "other.md", text)
    assert run_quickly(["check", clean, other]) is None
    assert capsys.readouterr() == ("", "")


def test_paths_the_full_path_must_judge_are_handed_over(site):
    write(site, "clean.md", VALID_HEADER)
    (site / "folder").mkdir()
    assert run_quickly(["check", "missing.md"]) is None
    assert run_quickly(["check", "folder"]) is None
    many = [write(site, f"p{n}.md", VALID_HEADER) for n in range(MAX_FILES + 1)]
    assert run_quickly(["check", *many]) is None


def test_a_configuration_file_above_sends_the_run_to_the_full_path(site):
    (site / "sub").mkdir()
    name = write(site, "sub/post.md", VALID_HEADER)
    assert run_quickly(["check", name]) == 0
    (site / "pyproject.toml").write_text("[project]\nname = 'site'\n")
    assert run_quickly(["check", name]) == 0  # a pyproject.toml that does not name mdlint
    (site / "pyproject.toml").write_text("[project]\nname = 'mdlint-site'\n")
    assert run_quickly(["check", name]) == 0  # one that names it, without a [tool.mdlint]
    (site / "pyproject.toml").write_text("[tool.mdlint]\nrequire-front-matter = false\n")
    assert run_quickly(["check", name]) is None
    (site / "pyproject.toml").write_text("[tool.mdlint\nbroken")  # the full path reports it
    assert run_quickly(["check", name]) is None
    assert run_quickly(["check", "--isolated", name]) == 0
    (site / "pyproject.toml").unlink()
    (site / ".mdlint.toml").write_text("")
    assert run_quickly(["check", name]) is None


def test_a_bundled_schema_edited_since_its_validator_was_generated_turns_it_off(site, monkeypatch):
    from mdlint.quick import article_schema

    name = write(site, "post.md", VALID_HEADER)
    edited = article_schema.SCHEMA_TEXT.replace(b'"right"', b'"Right"', 1)  # same size
    monkeypatch.setattr(article_schema, "SCHEMA_TEXT", edited)
    assert run_quickly(["check", name]) is None


def test_the_switch_that_turns_pre_checks_off_turns_the_quick_path_off(site, monkeypatch):
    name = write(site, "post.md", VALID_HEADER)
    monkeypatch.setenv("MDLINT_NO_FAST_VALIDATOR", "1")
    assert run_quickly(["check", name]) is None


@pytest.mark.parametrize(
    ("command", "summary"),
    [
        ("check", "No problems found (1 file checked)."),
        ("fix", "Fixed 0 problems in 0 files; none remain."),
    ],
)
def test_the_command_runs_the_quick_path_without_importing_click_yaml_or_validators(
    site, command, summary
):
    name = write(site, "post.md", VALID_HEADER)
    probe = (
        "import sys\n"
        "from mdlint.entry import main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
        "heavy = ('click', 'yaml', 'jsonschema', 'jsonschema_rs', 'referencing', 'pathspec', "
        "'ruamel', 'dataclasses', 'json', 'pathlib')\n"
        "print('LOADED:', code, *sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, command, "--no-cache", name],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines() == [summary, "LOADED: 0"]


def test_the_command_hands_a_broken_file_to_the_full_path(site):
    name = write(site, "post.md", BROKEN)
    done = subprocess.run(
        [sys.executable, "-m", "mdlint", "check", "--no-cache", "--output-format", "concise", name],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stdout.startswith(f"{name}:3:7: SC003 ")


def test_the_command_hands_a_file_to_fix_to_click(site):
    name = write(site, "post.md", VALID_HEADER.replace('sidebar: "right"', 'sidebar: "Right"'))
    done = subprocess.run(
        [sys.executable, "-m", "mdlint", "fix", "--no-cache", name],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Fixed 1 problem in 1 file")
    assert (site / name).read_text() == VALID_HEADER


def plainly_clean_agrees_with_the_full_path(paths: list[str]) -> tuple[int, int]:
    """For each file the quick path calls clean, the full path finds nothing either.
    Returns (files the quick path vouched for, files the full path found clean)."""
    from mdlint.quick.bundled import current_validator
    from mdlint.quick.run import _plainly_clean

    is_valid = current_validator()
    assert is_valid is not None
    project = Project.load(isolated=True)
    vouched = clean = 0
    for path in paths:
        findings = project.check_file(path).findings
        clean += not findings
        if _plainly_clean(path, is_valid):
            vouched += 1
            assert findings == (), path
    return vouched, clean


@needs_site_generator
def test_on_a_generated_site_it_vouches_only_for_clean_files_and_for_most_of_them(tmp_path):
    paths = [str(path) for path in generate_site(tmp_path, 400, seed=5)]
    vouched, clean = plainly_clean_agrees_with_the_full_path(paths)
    assert clean > 100
    assert vouched >= 0.95 * clean, (vouched, clean)
    for path in paths:  # the same site saved on Windows
        data = Path(path).read_bytes()
        Path(path).write_bytes(data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    assert plainly_clean_agrees_with_the_full_path(paths) == (vouched, clean)


@pytest.mark.skipif(not (SHARED / "corpora").is_dir(), reason="../shared/corpora is absent")
def test_on_the_corpora_it_vouches_only_for_clean_files():
    from mdlint.discovery import discover

    paths = discover([str(SHARED / "corpora")], (".md", ".markdown"))
    plainly_clean_agrees_with_the_full_path(paths)
