"""The result cache: every input of a result invalidates it, and a broken cache never fails a run."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from mdlint import cache as cache_module
from mdlint.cache import Cache
from mdlint.cli import main
from mdlint.findings import FileResult

from .conftest import VALID_HEADER

BROKEN = VALID_HEADER.replace('sidebar: "right"', 'sidebar: "Right"')


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MDLINT_CACHE_DIR", raising=False)
    (tmp_path / "good.md").write_text(VALID_HEADER)
    (tmp_path / "bad.md").write_text(BROKEN)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(
        main, ["check", "--output-format", "concise", *args], catch_exceptions=False
    )


@pytest.fixture
def checks(monkeypatch) -> list[str]:
    """The paths actually analysed (not answered from the cache)."""
    from mdlint import runner

    seen: list[str] = []
    real = runner.Project.check_file

    def spy(self, path, data=None):
        seen.append(Path(path).name)
        return real(self, path, data)

    monkeypatch.setattr(runner.Project, "check_file", spy)
    return seen


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The names of the files whose head is read."""
    from mdlint import document

    seen: list[str] = []
    real = document.read_head

    def spy(path, **kwargs):
        seen.append(Path(path).name)
        return real(path, **kwargs)

    monkeypatch.setattr(document, "read_head", spy)
    return seen


def test_second_run_uses_the_cache_and_reports_the_same(site, checks):
    first = run(".")
    assert sorted(checks) == ["bad.md", "good.md"]
    checks.clear()
    second = run(".")
    assert checks == []
    assert second.output == first.output and second.exit_code == first.exit_code == 1
    assert (site / ".mdlint_cache" / ".gitignore").read_text().strip().endswith("*")


def test_a_changed_file_is_checked_again(site, checks):
    run(".")
    checks.clear()
    (site / "bad.md").write_text(VALID_HEADER)
    assert run(".").exit_code == 0
    assert checks == ["bad.md"]


def test_a_changed_schema_invalidates(site, checks):
    schema = site / "s.json"
    schema.write_text(json.dumps({"type": "object"}))
    assert run("--schema", str(schema), ".").exit_code == 0
    checks.clear()
    schema.write_text(json.dumps({"type": "object", "required": ["nope"]}))
    assert run("--schema", str(schema), ".").exit_code == 1
    assert sorted(checks) == ["bad.md", "good.md"]


def test_a_changed_referenced_schema_invalidates(site, checks):
    (site / "part.json").write_text(json.dumps({"type": "string"}))
    (site / "s.json").write_text(json.dumps({"properties": {"title": {"$ref": "part.json"}}}))
    assert run("--schema", "s.json", ".").exit_code == 0
    checks.clear()
    assert run("--schema", "s.json", ".").exit_code == 0
    assert checks == []
    (site / "part.json").write_text(json.dumps({"type": "integer"}))
    assert run("--schema", "s.json", ".").exit_code == 1
    assert sorted(checks) == ["bad.md", "good.md"]


def test_a_changed_configuration_invalidates(site, checks):
    run(".")
    checks.clear()
    (site / ".mdlint.toml").write_text('ignore = ["SC002"]\n')
    assert run(".").exit_code == 0
    assert sorted(checks) == ["bad.md", "good.md"]


def test_a_new_mdlint_version_invalidates(site, checks, monkeypatch):
    run(".")
    checks.clear()
    monkeypatch.setattr(cache_module, "__version__", "999.0")
    run(".")
    assert sorted(checks) == ["bad.md", "good.md"]


def test_no_cache_neither_reads_nor_writes(site, checks):
    run("--no-cache", ".")
    assert not (site / ".mdlint_cache").exists()  # nothing written
    run(".")  # a cache now holds both files
    stored = (site / ".mdlint_cache" / cache_module.FILE_NAME).read_bytes()
    checks.clear()
    assert run("--no-cache", ".").exit_code == 1
    assert sorted(checks) == ["bad.md", "good.md"]  # nothing read: both checked again
    assert (site / ".mdlint_cache" / cache_module.FILE_NAME).read_bytes() == stored


def test_cache_dir_option_and_environment(site, monkeypatch):
    run("--cache-dir", str(site / "elsewhere"), ".")
    assert (site / "elsewhere" / cache_module.FILE_NAME).is_file()
    monkeypatch.setenv("MDLINT_CACHE_DIR", str(site / "from-env"))
    run(".")
    assert (site / "from-env" / cache_module.FILE_NAME).is_file()


def test_cache_lives_beside_the_configuration(site, monkeypatch):
    (site / "pyproject.toml").write_text("[tool.mdlint]\n")
    (site / "sub").mkdir()
    monkeypatch.chdir(site / "sub")
    run("..")
    assert (site / ".mdlint_cache" / cache_module.FILE_NAME).is_file()


def stored_paths(site: Path) -> list[str]:
    with sqlite3.connect(site / ".mdlint_cache" / cache_module.FILE_NAME) as connection:
        return sorted(Path(row[0]).name for row in connection.execute("SELECT path FROM entries"))


@pytest.mark.parametrize("garbage", [b"{not a database", b"SQLite format 3\x00" + b"\x07" * 200])
def test_a_corrupt_cache_is_ignored_with_a_warning_then_replaced(site, checks, garbage):
    (site / ".mdlint_cache").mkdir()
    (site / ".mdlint_cache" / cache_module.FILE_NAME).write_bytes(garbage)
    result = run(".")
    assert result.exit_code == 1
    assert "SC002" in result.stdout
    assert "warning: ignoring the cache" in result.stderr
    assert sorted(checks) == ["bad.md", "good.md"]
    checks.clear()
    again = run(".")  # the corrupt file was replaced by a good one
    assert (again.stdout, again.stderr, checks) == (result.stdout, "", [])


def test_a_cache_without_its_tables_is_ignored_with_a_warning(site, checks):
    (site / ".mdlint_cache").mkdir()
    sqlite3.connect(site / ".mdlint_cache" / cache_module.FILE_NAME).close()  # an empty database
    result = run(".")
    assert result.exit_code == 1 and "warning: ignoring the cache" in result.stderr
    assert stored_paths(site) == ["bad.md", "good.md"]


def test_another_versions_cache_is_replaced_without_a_warning(site, checks, monkeypatch):
    run(".")
    ours = cache_module.__version__
    monkeypatch.setattr(cache_module, "__version__", "0.0.1")
    (site / "other.md").write_text(VALID_HEADER)
    run("other.md")  # written by "another version": the old entries go
    assert stored_paths(site) == ["other.md"]
    monkeypatch.setattr(cache_module, "__version__", ours)
    checks.clear()
    result = run(".")
    assert result.stderr == "" and sorted(checks) == ["bad.md", "good.md", "other.md"]


def test_files_of_former_cache_formats_go_once_this_one_is_written(site):
    """They are mdlint's own (the directory ignores everything in it), of no use to any version
    that writes this format, and at 20,000 articles ~6 MB each."""
    directory = site / ".mdlint_cache"
    directory.mkdir()
    for name in cache_module.FORMER_FILES:
        (directory / name).write_text("an earlier format")
    (directory / "notes.txt").write_text("not mdlint's")
    assert run(".").exit_code == 1
    names = sorted(path.name for path in directory.iterdir())
    assert names == sorted([".gitignore", cache_module.FILE_NAME, "notes.txt"])


def _spoil(site: Path, findings: str, *, clean_too: bool = False) -> None:
    """Replace the stored findings of the files that have some (and of clean files too), in the
    entries and in the listings alike (mdlint/listings.py)."""
    from mdlint import listings

    where = "TRUE" if clean_too else "findings != ''"
    with sqlite3.connect(site / ".mdlint_cache" / cache_module.FILE_NAME) as connection:
        connection.execute(f"UPDATE entries SET findings = ? WHERE {where}", (findings,))
        for directory, text in connection.execute("SELECT directory, files FROM listings"):
            files = {
                name: (stamp, findings if stored or clean_too else stored)
                for name, (stamp, stored) in listings.parse(text).items()
            }
            connection.execute(
                "UPDATE listings SET files = ? WHERE directory = ?",
                (listings.serialized(files), directory),
            )


def test_entries_with_the_wrong_shape_are_rechecked(site, checks):
    first = run(".")
    _spoil(site, '[["bogus"]]')
    checks.clear()
    assert run(".").output == first.output
    assert checks == ["bad.md"]  # good.md had no findings, so its entry is still good
    _spoil(site, "{not json", clean_too=True)
    checks.clear()
    assert run(".").output == first.output
    assert sorted(checks) == ["bad.md", "good.md"]


def test_a_listing_that_is_not_one_is_ignored(site, checks):
    """A listing's text that does not read as one (hand-edited, cut short) holds no file: the
    entries answer."""
    first = run(".")
    with sqlite3.connect(site / ".mdlint_cache" / cache_module.FILE_NAME) as connection:
        connection.execute("UPDATE listings SET files = 'good.md' || char(0) || 'x'")
    checks.clear()
    assert run(".").output == first.output
    assert checks == []


def test_a_listing_that_is_not_text_is_ignored_and_written_again(site, checks):
    """A listing stored as a BLOB (by another tool) holds no file, and the run that writes the
    directory's listing again replaces it rather than failing on it."""
    first = run(".")
    database = site / ".mdlint_cache" / cache_module.FILE_NAME
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE listings SET files = CAST(files AS BLOB)")
    checks.clear()
    assert run(".").output == first.output
    (site / "bad.md").write_text(VALID_HEADER)  # a change: the listing is written again
    assert run(".").exit_code == 0
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT typeof(files) FROM listings").fetchall() == [("text",)]
    checks.clear()
    assert run(".").exit_code == 0
    assert checks == []


def test_many_files_are_read_and_written_in_windows(site, checks, monkeypatch):
    """Memory stays flat: entries are read WINDOW at a time and written in batches; the results
    still line up with their files."""
    for number in range(7):
        (site / f"n{number}.md").write_text(BROKEN if number % 3 == 0 else VALID_HEADER)
    from mdlint import runner

    monkeypatch.setattr(runner, "WINDOW", 2)
    monkeypatch.setattr(cache_module, "_WRITE_BATCH", 3)
    asked: list[int] = []
    real = cache_module.Cache.entries

    def spy(self, paths):
        asked.append(len(paths))
        return real(self, paths)

    monkeypatch.setattr(cache_module.Cache, "entries", spy)
    first = run(".")
    assert len(stored_paths(site)) == 9
    assert max(asked) == 2 and sum(asked) == 9
    asked.clear()
    checks.clear()
    second = run(".")
    assert checks == [] and second.output == first.output
    assert first.output.count("SC002") == 4  # bad.md, n0, n3, n6
    # The second run reads no entry: its directory's listing holds the 9 files, unchanged.
    assert sum(asked) == 0


def test_files_whose_names_are_not_utf8_are_kept_too(site, checks):
    name = b"caf\xe9.md"  # Latin-1, as an old site may have it: not UTF-8
    try:
        (site / os.fsdecode(name)).write_text(VALID_HEADER)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes UTF-8 names only")
    first = run(".")
    assert first.exit_code == 1 and "(3 files checked)" in first.output
    checks.clear()
    second = run(".")
    assert (second.stdout, second.stderr, checks) == (first.stdout, first.stderr, [])


def test_a_cache_locked_by_another_run_is_a_warning_not_a_failure(site, checks, monkeypatch):
    run(".")
    (site / "new.md").write_text(VALID_HEADER)
    monkeypatch.setattr(cache_module, "_BUSY_TIMEOUT", 0.1)
    other = sqlite3.connect(site / ".mdlint_cache" / cache_module.FILE_NAME)
    other.execute("BEGIN EXCLUSIVE")  # another mdlint, writing
    try:
        result = run(".")
    finally:
        other.rollback()
        other.close()
    assert result.exit_code == 1 and "SC002" in result.stdout
    assert result.stderr.count("warning:") == 1 and "locked" in result.stderr  # one wait, not two
    checks.clear()
    assert run(".").stderr == ""
    assert checks == ["new.md"]  # the locked cache was kept, not replaced as a corrupt one


def test_an_unwritable_cache_is_a_warning_not_a_failure(site):
    (site / ".mdlint_cache").write_text("a file where the directory should be")
    result = run(".")
    assert result.exit_code == 1
    assert "warning: cannot write the cache" in result.stderr


def test_an_unchanged_file_is_not_even_read(site, reads):
    run(".")
    reads.clear()
    assert run(".").exit_code == 1
    assert reads == []


def test_same_size_new_content_is_seen(site, checks):
    import os

    run(".")
    checks.clear()
    before = os.stat(site / "bad.md")
    (site / "bad.md").write_text(BROKEN.replace('"Right"', '"Left "'))  # same length
    assert os.stat(site / "bad.md").st_size == before.st_size
    os.utime(site / "bad.md", ns=(before.st_atime_ns, before.st_mtime_ns + 1))
    assert "Left" in run(".").stdout
    assert checks == ["bad.md"]


def test_a_header_naming_its_schema_is_always_read_and_follows_the_schema(site, checks):
    (site / "s.json").write_text(
        json.dumps({"properties": {"$schema": {}, "n": {"type": "string"}}})
    )
    (site / "own.md").write_text("---\n$schema: s.json\nn: 1\n---\n")
    assert run("own.md").exit_code == 1
    (site / "s.json").write_text(
        json.dumps({"properties": {"$schema": {}, "n": {"type": "integer"}}})
    )
    checks.clear()
    assert run("own.md").exit_code == 0
    assert checks == ["own.md"]


def test_the_digest_is_hashlibs_blake2b():
    import hashlib

    from mdlint.digest import hex_digest

    for data in (b"", b"---\ntitle: x\n---\n", bytes(range(256)) * 40):
        assert hex_digest(data, 16) == hashlib.blake2b(data, digest_size=16).hexdigest()
        assert hex_digest(data) == hashlib.blake2b(data, digest_size=32).hexdigest()


def test_a_file_checked_for_the_first_time_is_read_once(site, reads):
    """The check and the key its result is stored under come from one reading."""
    assert run(".").exit_code == 1
    assert sorted(reads) == ["bad.md", "good.md"]
    reads.clear()
    (site / "good.md").write_text(VALID_HEADER + "\nMore body.\n")  # a new body, a new stamp
    assert run(".").exit_code == 1
    assert reads == ["good.md", "good.md"]  # hashed to compare with its entry, then checked


def test_runs_starting_at_once_on_another_versions_cache_keep_each_others_entries(
    site, monkeypatch
):
    """Each drops the old version's entries under a write lock, in place: the second to write
    finds the file already this version's and keeps what the first stored."""
    run(".")
    ours = cache_module.__version__
    monkeypatch.setattr(cache_module, "__version__", "0.0.1")
    run(".")  # the file is another version's now
    monkeypatch.setattr(cache_module, "__version__", ours)
    warnings: list[str] = []
    first, second = (Cache(str(site / ".mdlint_cache"), warnings.append) for _ in range(2))
    assert first.entries(["good.md"]) == second.entries(["good.md"]) == [None]
    key = cache_module.CacheKey("content", "settings", (1, 2, 3), False)
    first.put("good.md", key, FileResult("good.md"))
    first.save()
    second.put("bad.md", key, FileResult("bad.md"))
    second.save()
    assert stored_paths(site) == ["bad.md", "good.md"] and warnings == []


# --- The source lines a report shows come with the result, also from the cache ------------------


@pytest.fixture
def source_reads(monkeypatch) -> list[str]:
    """The names of the files the `full` reporter reads to show their lines."""
    from mdlint.reporters import full

    seen: list[str] = []
    real = full._read_head_lines

    def spy(path, wanted):
        seen.append(Path(path).name)
        return real(path, wanted)

    monkeypatch.setattr(full, "_read_head_lines", spy)
    return seen


def test_a_report_reads_no_file_for_its_lines_cold_or_warm(site, source_reads):
    (site / "multi.md").write_text(
        VALID_HEADER.replace("widgets:\n", "widgets: 7\nwidgetz:\n").replace("toc: false", "toc: 1")
    )
    full = ["--output-format", "full", "."]
    cold = CliRunner().invoke(main, ["check", *full])
    warm = CliRunner().invoke(main, ["check", *full])
    uncached = CliRunner().invoke(main, ["check", "--no-cache", *full])
    assert cold.exit_code == warm.exit_code == 1
    assert "^" in cold.output and "multi.md" in cold.output
    assert warm.output == cold.output == uncached.output
    assert source_reads == []


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "b.md", ".", "..", "", "/", "//", "c d"]), max_size=6))
def test_an_entry_is_keyed_by_the_absolute_path_as_abspath_makes_it(parts):
    path = "/".join(parts) or "."
    cache = Cache("/nonexistent", lambda message: None)
    assert cache._absolute(path) == os.path.normpath(os.path.join(cache._cwd, path))
    assert cache._absolute(path) == cache._absolute(path)  # also once its directory is known


def test_the_shortcut_for_unchanged_files_finds_what_cache_key_finds(site, monkeypatch):
    """cached_windows answers an unchanged file under shared settings without cache_key(); the
    stored results must be those cache_key() leads to."""
    from mdlint.runner import Project

    (site / "schema.md").write_text(VALID_HEADER.replace("---\n", '---\n$schema: "x.json"\n', 1))
    (site / "later.md").write_text(VALID_HEADER)
    run(".")
    stored = (site / "later.md").stat()
    (site / "later.md").write_text(BROKEN + "\n")  # changed, its time put back: its size tells
    os.utime(site / "later.md", ns=(stored.st_atime_ns, stored.st_mtime_ns))
    project = Project.load()
    cache = Cache(str(site / ".mdlint_cache"), lambda message: None)
    files = list(project.iter_files(["."]))

    def windows():
        return [item for window in project.cached_windows(files, cache) for item in window]

    quick = windows()
    monkeypatch.setattr(Project, "_shared_fingerprint", lambda self, path: None)
    assert windows() == quick
    hits = {Path(path).name: hit for path, hit in quick}
    assert hits["good.md"] is not None and hits["bad.md"] is not None and hits["later.md"] is None


# Paths under one root: files, files in subdirectories, names that sort around "/" and ".", and
# one that is not UTF-8 (surrogate-escaped, keyed by its bytes).
_NAMES = ["a.md", "b.md", "a b.md", "a-b.md", "a0.md", "é.md", "z.md", os.fsdecode(b"caf\xe9.md")]
_DIRECTORIES = ["", "sub/", "sub-dir/", "sub.x/", "sub/x/", "x/"]
_PATHS = st.tuples(st.sampled_from(_DIRECTORIES), st.sampled_from(_NAMES)).map("".join)


@settings(max_examples=200, deadline=None)
@given(
    stored=st.lists(_PATHS, max_size=12, unique=True),
    asked=st.lists(_PATHS, min_size=1, max_size=8),
    slack=st.sampled_from([0, 1, 64]),
)
def test_a_window_finds_each_files_own_entry_however_the_table_is_read(
    tmp_path_factory, stored, asked, slack
):
    """`entries` reads a stretch of the table when it can, and looks each path up otherwise;
    either way each path gets its own entry (rows of other files in the stretch are skipped)."""
    root = tmp_path_factory.mktemp("window")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.setattr(cache_module, "_STRETCH_SLACK", slack)
        _check_window(root, stored, asked)


def _check_window(root: Path, stored: list[str], asked: list[str]) -> None:
    writer = Cache(str(root / "cache"), lambda message: None)
    for number, path in enumerate(stored):
        key = cache_module.CacheKey(f"content {number}", "settings", (number, 1, 2), False)
        writer.put(path, key, FileResult(path))
    writer.save()
    found = Cache(str(root / "cache"), pytest.fail).entries(asked)
    assert [entry and entry.content for entry in found] == [
        f"content {stored.index(path)}" if path in stored else None for path in asked
    ]
    assert [entry and entry.path for entry in found] == [
        entry and cache_module._key(os.path.join(str(root), path))
        for entry, path in zip(found, asked)
    ]


def test_a_stretch_with_many_other_rows_is_not_read_to_its_end(site, monkeypatch):
    """A window whose first and last files have a whole tree between them (files walked in
    another window) looks its files up one by one instead."""
    (site / "m").mkdir()
    for number in range(100):
        (site / "m" / f"n{number}.md").write_text(VALID_HEADER)
    (site / "z.md").write_text(VALID_HEADER)
    run(".")
    looked_up: list[int] = []
    real = cache_module._rows_named
    monkeypatch.setattr(
        cache_module,
        "_rows_named",
        lambda connection, keys: looked_up.append(len(keys)) or real(connection, keys),
    )
    cache = Cache(str(site / ".mdlint_cache"), pytest.fail)
    found = cache.entries(["bad.md", "z.md"])  # m/n0.md .. m/n99.md lie between them
    assert looked_up == [2] and all(entry is not None for entry in found)
    assert cache.entries(["m/n1.md", "m/n2.md"]) != [None, None] and looked_up == [2]


# --- Listings against the entries and against no cache at all --------------------------------

_VARIANTS = [
    VALID_HEADER,
    BROKEN,
    VALID_HEADER.replace("toc: false", "toc: maybe"),
    VALID_HEADER.replace("---\n", '---\n$schema: "schema.json"\n', 1),  # names its own schema
]
_NAMES_IN_SITE = ["a.md", "b.md", "sub/c.md", "sub/d.md"]
_STEPS = st.one_of(
    st.tuples(st.just("write"), st.sampled_from(_NAMES_IN_SITE), st.sampled_from(range(4))),
    st.tuples(st.just("touch"), st.sampled_from(_NAMES_IN_SITE), st.just(0)),
    st.tuples(st.just("delete"), st.sampled_from(_NAMES_IN_SITE), st.just(0)),
    st.tuples(st.just("config"), st.just(""), st.sampled_from(range(3))),
    st.tuples(st.just("run named"), st.sampled_from(_NAMES_IN_SITE), st.just(0)),
)
_CONFIGS = [
    "",
    'ignore = ["SC002"]\n',
    'per-file-ignores = { "sub/**" = ["SC001"] }\n',  # settings told apart by path: no listing
]


@settings(max_examples=40, deadline=None)
@given(st.lists(_STEPS, min_size=1, max_size=8))
def test_runs_with_listings_report_what_runs_without_a_cache_report(tmp_path_factory, steps):
    """Files written, touched (a new time, the same bytes), deleted; the settings changed; some
    files named rather than walked: after each step, a run with the cache (its listings and its
    entries) reports what a run without one reports."""
    root = tmp_path_factory.mktemp("listings")
    (root / "sub").mkdir()
    (root / "schema.json").write_text(
        (Path(__file__).parents[1] / "schemas" / "article.schema.json").read_text()
    )
    for name in _NAMES_IN_SITE:
        (root / name).write_text(VALID_HEADER)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        patch.delenv("MDLINT_CACHE_DIR", raising=False)
        run(".")
        for time, (action, name, choice) in enumerate(steps, start=1):
            paths = ["."]
            if action == "write":
                (root / name).write_text(_VARIANTS[choice])
            elif action == "touch" and (root / name).exists():
                os.utime(root / name, ns=(time * 10**9, time * 10**9))
            elif action == "delete" and (root / name).exists():
                (root / name).unlink()
            elif action == "config":
                (root / ".mdlint.toml").write_text(_CONFIGS[choice])
            elif action == "run named" and (root / name).exists():
                paths = [name]
            cached = run(*paths)
            fresh = run("--no-cache", *paths)
            assert (cached.output, cached.exit_code) == (fresh.output, fresh.exit_code), steps


def test_a_directory_of_more_files_than_a_listing_holds_is_answered_by_entries(
    site, checks, monkeypatch
):
    """A run keeps one directory's listing in memory: a bigger directory is not listed."""
    from mdlint import listings

    monkeypatch.setattr(listings, "MOST_FILES", 1)
    first = run(".")
    with sqlite3.connect(site / ".mdlint_cache" / cache_module.FILE_NAME) as connection:
        assert connection.execute("SELECT COUNT(*) FROM listings").fetchone() == (0,)
    checks.clear()
    assert run(".").output == first.output and checks == []
    (site / "third.md").write_text(VALID_HEADER)
    monkeypatch.setattr(listings, "MOST_FILES", 3)
    run(".")
    with sqlite3.connect(site / ".mdlint_cache" / cache_module.FILE_NAME) as connection:
        (text,) = connection.execute("SELECT files FROM listings").fetchone()
    assert sorted(listings.parse(text)) == ["bad.md", "good.md", "third.md"]


def test_a_run_with_nothing_new_writes_nothing(site, monkeypatch):
    """A run that stores its results lists them too: the next, with nothing new, writes nothing."""
    run(".")
    written: list[int] = []
    real = cache_module.Cache._write_pending

    def spy(self):
        written.append(len(self._pending))
        return real(self)

    monkeypatch.setattr(cache_module.Cache, "_write_pending", spy)
    assert run(".").exit_code == 1
    assert written == []


def test_a_listing_written_again_forgets_files_no_longer_there(site):
    """Its entries go with them: a cache does not grow with every name a site ever had."""
    from mdlint import listings

    run(".")
    (site / "bad.md").rename(site / "renamed.md")
    run(".")
    with sqlite3.connect(site / ".mdlint_cache" / cache_module.FILE_NAME) as connection:
        (text,) = connection.execute("SELECT files FROM listings").fetchone()
    assert sorted(listings.parse(text)) == ["good.md", "renamed.md"]
    assert stored_paths(site) == ["good.md", "renamed.md"]  # the entry of bad.md went too


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=500, deadline=None)
@given(JSON_VALUES, JSON_VALUES)
def test_settings_texts_tell_values_apart_as_json_with_sorted_keys_does(a, b):
    """The settings fingerprint is written without json (which imports re): its text must tell
    two settings apart exactly when their JSON with sorted keys does."""
    same_json = json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    assert (cache_module.canonical(a) == cache_module.canonical(b)) == same_json


def test_settings_texts_do_not_depend_on_the_order_of_a_dicts_keys():
    first = {"b": [1, {"y": 2, "x": None}], "a": "s"}
    second = {"a": "s", "b": (1, {"x": None, "y": 2})}
    assert cache_module.canonical(first) == cache_module.canonical(second)


def test_the_bundled_schema_is_read_only_when_asked_and_fingerprinted_by_its_bytes(monkeypatch):
    """A run answered from the cache needs the bundled schema's fingerprint, not its contents:
    they are parsed when first asked for, and are the file's."""
    from mdlint import schema as schema_module
    from mdlint.quick.article_schema import SCHEMA_TEXT

    monkeypatch.delenv("MDLINT_NO_FAST_VALIDATOR", raising=False)
    schema_module._LOADED.clear()
    parsed: list[str] = []
    real = schema_module.parse_json
    monkeypatch.setattr(
        schema_module, "parse_json", lambda text, path: parsed.append(path) or real(text, path)
    )
    bundled = schema_module.load_schema(None)
    fingerprint = bundled.fingerprint
    assert parsed == []
    with open(schema_module.bundled_schema_path(), "rb") as stream:
        assert stream.read() == SCHEMA_TEXT
        stream.seek(0)
        assert bundled.contents == json.load(stream)
    assert len(parsed) == 1
    # The same schema through the path every other schema takes: another fingerprint (its
    # results are kept apart), the same contents.
    monkeypatch.setenv("MDLINT_NO_FAST_VALIDATOR", "1")
    schema_module._LOADED.clear()
    plain = schema_module.load_schema(None)
    assert plain.fingerprint != fingerprint and plain.contents == bundled.contents
    schema_module._LOADED.clear()
