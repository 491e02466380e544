"""Start-up stays cheap: heavy modules are imported only when a run needs them (mdformat's guard)."""

from __future__ import annotations

import subprocess
import sys

from .conftest import VALID_HEADER

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


QUICK_PROBE = ENTRY_PROBE.format(heavy=(*NEITHER, "contextlib", "json", "_sqlite3"))


def test_checking_a_commits_clean_files_imports_little_beyond_re(tmp_path):
    """The pre-commit hook's call on clean files is start-up bound: the quick path imports its
    own modules, re and the pregenerated validator, and not typing (mdlint/generic.py), nor
    contextlib, nor the cache's json and SQLite (it neither reads nor writes the cache)."""
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(VALID_HEADER)
    command = [sys.executable, "-c", QUICK_PROBE, "check", "--force-exclude", "a.md", "b.md"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, check=True)
    summary, loaded = done.stdout.splitlines()
    assert summary == "No problems found (2 files checked)."
    assert loaded.split() == ["LOADED:"]
