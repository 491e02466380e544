"""Start-up stays cheap: heavy modules are imported only when a run needs them (mdformat's guard)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, VALID_HEADER

PROBE = """
import sys
from mdlint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = ("jsonschema", "referencing", "ruamel", "yaml", "pathspec", "jsonschema_rs",
         "mdlint.style.base")
print("LOADED:", " ".join(sorted(m for m in heavy if m in sys.modules)))
"""


def loaded_after(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True
    )
    last = done.stdout.splitlines()[-1]
    assert last.startswith("LOADED:")
    return set(last.removeprefix("LOADED:").split())


def test_version_imports_no_parser_and_no_validator():
    assert loaded_after("--version") == set()


def test_help_imports_no_parser_and_no_validator():
    assert loaded_after("--help") == set()


def test_checking_a_valid_file_does_not_import_jsonschema(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(VALID_HEADER)
    loaded = loaded_after("check", "--no-cache", "--isolated", str(path))
    assert "jsonschema" not in loaded and "referencing" not in loaded and "ruamel" not in loaded


def test_checking_plain_valid_headers_does_not_import_the_yaml_parser(tmp_path):
    """A header in the plain subset that passes is read without libyaml, in any process."""
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(VALID_HEADER)
    loaded = loaded_after("check", "--no-cache", "--isolated", "-j", "1", str(tmp_path))
    assert "yaml" not in loaded and "jsonschema_rs" not in loaded and "jsonschema" not in loaded


def test_checking_plain_invalid_headers_does_not_import_the_yaml_parser(tmp_path):
    """An invalid header in the plain subset is placed and its fixes planned without libyaml,
    and, with no format configured, without the style rules."""
    (tmp_path / "a.md").write_text(VALID_HEADER.replace('"right"', '"Right"'))
    (tmp_path / "b.md").write_text(VALID_HEADER.replace("toc: false", "toc: maybe"))
    loaded = loaded_after("check", "--no-cache", "--isolated", "-j", "1", str(tmp_path))
    assert "yaml" not in loaded and "ruamel" not in loaded and "mdlint.style.base" not in loaded
    assert "jsonschema" in loaded  # the findings are jsonschema's: the files were checked


ENTRY_PROBE = """
import sys
from mdlint.entry import main
try:
    main()
except SystemExit:
    pass
heavy = {heavy!r}
print("LOADED:", " ".join(sorted(m for m in heavy if m in sys.modules)))
"""
# What neither a warm run nor the hook's call on clean files imports.
NEITHER = (
    "click",
    "jsonschema",
    "referencing",
    "ruamel",
    "yaml",
    "pathspec",
    "jsonschema_rs",
    "_hashlib",
    "pathlib",
    "urllib.parse",
    "dataclasses",
    "mdlint.checker",
    "mdlint.fixer",
    "sqlite3",
    "datetime",
    "typing",
    "importlib",
)
WARM_PROBE = ENTRY_PROBE.format(heavy=(*NEITHER, "mdlint.quick.article_validator"))


def test_a_run_answered_from_the_cache_imports_no_parser_validator_or_click(tmp_path):
    """Warm runs are start-up bound: findings come from the cache, so nothing that finds or
    fixes them is imported, nor click (the command line is common), nor OpenSSL's hashes, nor
    pathlib (configuration paths are strings), nor dataclasses (the types a run meets before
    its first file are NamedTuples or plain classes: generating dataclasses' methods and
    importing the module cost a warm run a third of its time), nor the sqlite3 package and
    datetime (the cache uses the C module _sqlite3 directly), nor the pregenerated validator
    (the bundled schema's fingerprint needs only its text), nor typing (its names are for type
    checkers: mdlint/generic.py), nor importlib (a reporter is imported with __import__)."""
    (tmp_path / "good.md").write_text(VALID_HEADER)
    (tmp_path / "bad.md").write_text(VALID_HEADER.replace('sidebar: "right"', "sidebar: 1"))
    (tmp_path / "more").mkdir()
    for number in range(70):  # more than the quick path takes
        (tmp_path / "more" / f"{number}.md").write_text(VALID_HEADER)
    command = [sys.executable, "-c", WARM_PROBE, "check", "--output-format", "concise", "."]
    first = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True)
    assert "bad.md:" in first.stdout
    again = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True)
    assert again.stdout.splitlines()[:-1] == first.stdout.splitlines()[:-1]
    assert again.stdout.splitlines()[-1].split() == ["LOADED:"]


@pytest.mark.parametrize("output_format", ["full", "concise", "github"])
def test_a_run_with_nothing_to_report_from_the_cache_imports_no_json_re_or_typing(
    tmp_path, output_format
):
    """With no finding to read back, a run answered from the cache needs no JSON: the settings'
    fingerprint is written without json, and the bundled schema's is its bytes, not its parsed
    contents. json would bring re (~6 ms). Nor do the formats read without click (the default,
    concise, and github for CI steps) import typing, or unicodedata for a report with no source
    line to show. (The other formats have options of their own: click reads their command
    lines.)"""
    for number in range(70):  # more than the quick path takes
        (tmp_path / f"{number}.md").write_text(VALID_HEADER)
    probe = ENTRY_PROBE.format(heavy=(*NEITHER, "json", "re", "unicodedata"))
    command = [sys.executable, "-c", probe, "check", "--output-format", output_format, "."]
    first = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True)
    assert "mdlint.checker" in first.stdout.splitlines()[-1].split()  # it checked the files
    again = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True)
    assert again.stdout.splitlines()[:-1] == first.stdout.splitlines()[:-1]
    assert again.stdout.splitlines()[-1].split() == ["LOADED:"]


def hook_entry(hook_id: str) -> list[str]:
    """The command .pre-commit-hooks.yaml gives the hook, as pre-commit runs it in the hook's
    environment: its `python` is the interpreter mdlint is installed in (here, the tests')."""
    import shlex

    import yaml

    with open(ROOT / ".pre-commit-hooks.yaml", encoding="utf-8") as stream:
        hooks = {hook["id"]: hook for hook in yaml.safe_load(stream)}
    command = shlex.split(hooks[hook_id]["entry"])
    assert command[0] == "python", command  # not pip's console script: see the file's comment
    return [sys.executable, *command[1:]]


def imported_by(command: list[str], cwd: Path) -> tuple[str, set[str]]:
    """What `command` (a Python command line) prints, and the modules it imports (-X importtime)."""
    done = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return done.stdout, modules - {"cumulative"}


def test_the_hooks_call_on_clean_files_imports_nothing_but_mdlint(tmp_path):
    """The pre-commit hook's call on a commit's clean files is start-up bound, and imports no
    module of the standard library beyond what the interpreter imports to start (`python -c
    pass`): not re (its pattern reading is string methods:
    mdlint/quick/scan.py; the pregenerated validator's patterns are automata), not typing
    (mdlint/generic.py), not collections (type names under TYPE_CHECKING), nor the cache's json
    and SQLite (it neither reads nor writes the cache), nor click, the parsers, the validators.
    Its entry is not pip's console script, whose launcher imports re."""
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(VALID_HEADER)
    entry = hook_entry("mdlint")
    _, at_start = imported_by([sys.executable, "-c", "pass"], tmp_path)
    printed, modules = imported_by([*entry, "a.md", "b.md"], tmp_path)
    assert printed == "No problems found (2 files checked).\n"
    others = {name for name in modules - at_start if name.partition(".")[0] != "mdlint"}
    assert others <= {"gc", "__future__"}  # built in; and what `from __future__ import` loads
    assert {"mdlint.entry", "mdlint.quick.run", "mdlint.quick.article_validator"} <= modules


def test_the_fix_hook_runs_the_same_entry():
    assert hook_entry("mdlint-fix")[:-2] == hook_entry("mdlint")[:-2]
    assert hook_entry("mdlint-fix")[-2:] == ["fix", "--force-exclude"]


def test_the_hooks_entry_does_not_import_the_repositorys_own_files(tmp_path):
    """A repository being committed may hold a `mdlint.py` or a `mdlint/` package of its own:
    the hook must import the installed mdlint, as the console script does (`python -c` puts
    the current directory first on the import path: the entry takes it off)."""
    (tmp_path / "mdlint.py").write_text("raise SystemExit('the repository\\'s mdlint.py ran')\n")
    (tmp_path / "a.md").write_text(VALID_HEADER)
    done = subprocess.run(
        [*hook_entry("mdlint"), "a.md"], cwd=tmp_path, capture_output=True, text=True
    )
    assert (done.returncode, done.stdout) == (0, "No problems found (1 file checked).\n")
