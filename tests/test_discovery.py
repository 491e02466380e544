"""Which files a run checks: explicit paths, walked directories, globs, .gitignore and links."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdlint.cli import main
from mdlint.config import resolve_config
from mdlint.discovery import (
    DEFAULT_EXTENSIONS,
    DiscoveryRules,
    PathError,
    discover,
    iter_files,
    passed_over,
)
from mdlint.globs import DEFAULT_EXCLUDE, GlobSet
from mdlint.runner import Overrides, Project

from .test_gitignore import build, trees
from .test_gitignore import patterns as gitignore_patterns

HEADER = "---\ntitle: x\n---\n"


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEADER)


def found(root: Path, *paths: str, config: str = "", **overrides: object) -> list[str]:
    """The files a run from `root` would check, relative to `root`, with `config` as mdlint.toml."""
    if config:
        (root / "mdlint.toml").write_text(config)
    project = Project(resolve_config(root), Overrides(**overrides))  # type: ignore[arg-type]
    given = [str(root / path) for path in paths] or [str(root)]
    return [os.path.relpath(path, root) for path in project.discover(given)]


def show_files(root: Path, *args: str) -> list[str]:
    result = CliRunner().invoke(main, ["check", "--show-files", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [os.path.relpath(line, root) for line in result.output.splitlines()]


# --- Walking ---------------------------------------------------------------------------------------


def test_markdown_files_in_sorted_order_each_directory_before_its_subdirectories(tmp_path):
    touch(tmp_path, "b.md", "a.markdown", "z/y.md", "c/d.md", "c/a/b.md", "note.txt", "README.MD")
    assert found(tmp_path) == ["README.MD", "a.markdown", "b.md", "c/d.md", "c/a/b.md", "z/y.md"]


def test_hidden_directories_and_files_are_skipped(tmp_path):
    touch(tmp_path, ".git/x.md", ".github/y.md", "a/.drafts/z.md", ".hidden.md", "ok.md")
    assert found(tmp_path) == ["ok.md"]


def test_a_hidden_directory_named_explicitly_is_walked(tmp_path):
    touch(tmp_path, ".github/y.md", ".github/.z/w.md")
    assert found(tmp_path, ".github") == [".github/y.md"]


def test_extensions_from_the_config(tmp_path):
    touch(tmp_path, "a.md", "b.mdx", "c.markdown", "d.MDX")
    assert found(tmp_path, config="extensions = ['.mdx']\n") == ["b.mdx", "d.MDX"]


def test_default_excludes_skip_package_readmes(tmp_path):
    touch(tmp_path, "node_modules/pkg/README.md", "venv/lib/x.md", "content/a.md")
    assert found(tmp_path) == ["content/a.md"]


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(tmp_path):
    touch(tmp_path, "node_modules/x.md", "vendor/y.md", "drafts/z.md", "a.md")
    assert found(tmp_path, config="exclude = ['vendor']\n") == [
        "a.md",
        "drafts/z.md",
        "node_modules/x.md",
    ]
    assert found(tmp_path, config="extend-exclude = ['drafts/', '*.tmp.md']\n") == [
        "a.md",
        "vendor/y.md",
    ]


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("drafts", ["content/post.md", "content/posts/a.md"]),  # a name at any depth
        ("/drafts", ["content/drafts/b.md", "content/post.md", "content/posts/a.md"]),  # anchored
        ("content/drafts", ["drafts/c.md", "content/post.md", "content/posts/a.md"]),  # has a slash
        (
            "posts/*.md",
            ["drafts/c.md", "content/post.md", "content/drafts/b.md", "content/posts/a.md"],
        ),
        ("**/posts/*.md", ["drafts/c.md", "content/post.md", "content/drafts/b.md"]),
        ("*.md", []),
        ("post.md", ["drafts/c.md", "content/drafts/b.md", "content/posts/a.md"]),
        ("post*", ["drafts/c.md", "content/drafts/b.md"]),
    ],
)
def test_exclude_globs_follow_gitignore_rules(tmp_path, pattern, expected):
    touch(tmp_path, "drafts/c.md", "content/post.md", "content/drafts/b.md", "content/posts/a.md")
    assert sorted(found(tmp_path, config=f"extend-exclude = ['{pattern}']\n")) == sorted(expected)


def test_a_negated_exclude_re_includes(tmp_path):
    touch(tmp_path, "a.md", "b.md", "keep.md")
    assert found(tmp_path, config="extend-exclude = ['*.md', '!keep.md']\n") == ["keep.md"]


def test_include_restricts_walked_files(tmp_path):
    touch(tmp_path, "content/a.md", "content/docs/b.md", "README.md", "notes/c.md")
    assert found(tmp_path, config="include = ['content/**']\n") == [
        "content/a.md",
        "content/docs/b.md",
    ]
    assert found(tmp_path, config="include = ['content/**', '!content/docs/']\n") == [
        "content/a.md"
    ]


def test_include_does_not_apply_to_explicit_files(tmp_path):
    touch(tmp_path, "README.md")
    assert found(tmp_path, "README.md", config="include = ['content/**']\n") == ["README.md"]


def test_globs_are_relative_to_the_config_file(tmp_path, monkeypatch):
    touch(tmp_path, "site/content/drafts/a.md", "site/content/b.md")
    (tmp_path / "site" / "mdlint.toml").write_text("extend-exclude = ['/content/drafts']\n")
    monkeypatch.chdir(tmp_path / "site" / "content")
    assert show_files(tmp_path / "site" / "content") == ["b.md"]


def test_globs_do_not_apply_outside_the_config_directory(tmp_path):
    touch(tmp_path, "other/drafts/a.md")
    config = tmp_path / "site" / "mdlint.toml"
    config.parent.mkdir()
    config.write_text("extend-exclude = ['drafts']\n")
    project = Project(resolve_config(config_file=str(config)))
    assert project.discover([str(tmp_path / "other")]) == [str(tmp_path / "other/drafts/a.md")]


# --- Explicit paths --------------------------------------------------------------------------------


def test_explicit_files_are_always_checked(tmp_path):
    touch(tmp_path, "drafts/a.md", "notes.txt", ".hidden.md", "node_modules/r.md")
    config = "extend-exclude = ['drafts']\n"
    files = ("drafts/a.md", "notes.txt", ".hidden.md", "node_modules/r.md")
    assert found(tmp_path, *files, config=config) == list(files)


def test_force_exclude_applies_the_exclusions_to_explicit_files(tmp_path):
    touch(tmp_path, "drafts/a.md", "b.md", "node_modules/r.md")
    config = "extend-exclude = ['drafts']\n"
    files = ("drafts/a.md", "b.md", "node_modules/r.md")
    assert found(tmp_path, *files, config=config, force_exclude=True) == ["b.md"]


def test_an_explicit_excluded_directory_is_walked_with_the_other_patterns(tmp_path):
    touch(tmp_path, "drafts/a.md", "drafts/b.tmp.md", "drafts/sub/c.md")
    config = "extend-exclude = ['drafts', '*.tmp.md']\n"
    assert found(tmp_path, "drafts", config=config) == ["drafts/a.md", "drafts/sub/c.md"]
    assert found(tmp_path, "drafts", config=config, force_exclude=True) == []


def test_each_file_once_in_the_order_given(tmp_path):
    touch(tmp_path, "a/x.md", "b/y.md")
    assert found(tmp_path, "b", "a", "b/y.md", "a/../a/x.md") == ["b/y.md", "a/x.md"]


def test_a_missing_path_is_an_error(tmp_path):
    with pytest.raises(PathError, match="no such file or directory"):
        discover([str(tmp_path / "nope")])


def test_extensions_may_still_be_passed_positionally(tmp_path):
    touch(tmp_path, "a.md", "b.mdx")
    assert discover([str(tmp_path)], (".mdx",)) == [str(tmp_path / "b.mdx")]


# --- .gitignore ------------------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path):
    (tmp_path / ".git" / "info").mkdir(parents=True)
    touch(tmp_path, "a.md", "public/p.md", "content/b.md", "content/c.md", "content/sub/d.md")
    (tmp_path / ".gitignore").write_text("public/\n# a comment\n\n*.tmp\n")
    (tmp_path / "content" / ".gitignore").write_text("c.md\n")
    return tmp_path


def test_gitignored_files_are_skipped_in_a_repository(repo):
    assert found(repo) == ["a.md", "content/b.md", "content/sub/d.md"]


def test_a_deeper_gitignore_can_re_include(repo):
    (repo / "content" / "sub" / ".gitignore").write_text("!d.md\n")
    (repo / "content" / ".gitignore").write_text("d.md\nc.md\n")
    assert found(repo) == ["a.md", "content/b.md", "content/sub/d.md"]


def test_git_info_exclude_is_read(repo):
    (repo / ".git" / "info" / "exclude").write_text("b.md\n")
    assert found(repo) == ["a.md", "content/sub/d.md"]


def test_respect_gitignore_can_be_turned_off(repo):
    everything = ["a.md", "content/b.md", "content/c.md", "content/sub/d.md", "public/p.md"]
    assert found(repo, config="respect-gitignore = false\n") == everything
    (repo / "mdlint.toml").unlink()
    assert found(repo, respect_gitignore=False) == everything
    assert show_files(repo, "--no-respect-gitignore", str(repo)) == everything


def test_outside_a_repository_gitignore_files_are_not_read(repo):
    (repo / ".git" / "info").rmdir()
    (repo / ".git").rmdir()
    assert "content/c.md" in found(repo)


def test_a_gitignored_file_named_explicitly_is_checked_unless_force_exclude(repo):
    assert found(repo, "content/c.md") == ["content/c.md"]
    assert found(repo, "content/c.md", force_exclude=True) == []


def test_a_gitignored_directory_named_explicitly_is_walked(repo):
    touch(repo, "public/x.tmp", "public/q.md")
    assert found(repo, "public") == ["public/p.md", "public/q.md"]


def test_a_directory_only_pattern_skips_directories_not_files_of_that_name(repo):
    touch(repo, "notes.md", "content/notes.md/x.md", "content/sub/notes.md")
    (repo / ".gitignore").write_text("public/\n")  # literal patterns only: the names tell
    (repo / "content" / ".gitignore").write_text("notes.md/\n/sub/d.md\n")
    assert found(repo) == [
        "a.md",
        "notes.md",
        "content/b.md",
        "content/c.md",
        "content/sub/notes.md",
    ]


def test_a_git_file_marks_a_worktree(repo):
    (repo / ".git" / "info").rmdir()
    (repo / ".git").rmdir()
    (repo / ".git").write_text("gitdir: /elsewhere\n")
    assert found(repo) == ["a.md", "content/b.md", "content/sub/d.md"]


# --- Links -----------------------------------------------------------------------------------------


needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")


@needs_symlinks
def test_links_out_of_the_tree_are_not_followed(tmp_path):
    touch(tmp_path, "outside/secret.md", "site/a.md")
    (tmp_path / "site" / "out").symlink_to(tmp_path / "outside", target_is_directory=True)
    (tmp_path / "site" / "out.md").symlink_to(tmp_path / "outside" / "secret.md")
    assert found(tmp_path / "site") == ["a.md"]


@needs_symlinks
def test_links_inside_the_tree_are_checked_at_their_own_place(tmp_path):
    touch(tmp_path, "docs/a.md")
    (tmp_path / "alias").symlink_to(tmp_path / "docs", target_is_directory=True)
    (tmp_path / "b.md").symlink_to(tmp_path / "docs" / "a.md")
    assert found(tmp_path) == ["docs/a.md"]


@needs_symlinks
def test_a_link_named_explicitly_is_followed_and_counted_once(tmp_path):
    touch(tmp_path, "docs/a.md")
    (tmp_path / "alias").symlink_to(tmp_path / "docs", target_is_directory=True)
    (tmp_path / "b.md").symlink_to(tmp_path / "docs" / "a.md")
    assert found(tmp_path, "alias") == ["alias/a.md"]
    assert found(tmp_path, "b.md", "docs") == ["b.md"]


@needs_symlinks
def test_a_link_cycle_ends(tmp_path):
    touch(tmp_path, "a/x.md")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert found(tmp_path) == ["a/x.md"]


@needs_symlinks
def test_a_dangling_link_is_skipped_when_walking(tmp_path):
    touch(tmp_path, "a.md")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    assert found(tmp_path) == ["a.md"]


# --- Glob sets -------------------------------------------------------------------------------------


def test_globset_drops_only_the_patterns_that_match_a_named_directory(tmp_path):
    globs = GlobSet(tmp_path, ["drafts", "*.tmp", "/top"])
    narrowed = globs.without_patterns_matching(str(tmp_path / "content" / "drafts"))
    assert narrowed.patterns == ("*.tmp", "/top")


@pytest.mark.parametrize(
    "directory", ["content", "content/venv", "venv/x", "a/node_modules/b", "venvs", "x.venv/y"]
)
def test_bare_names_are_dropped_as_pathspec_drops_them(tmp_path, directory):
    """Bare names (the default excludes) skip pathspec; they must drop the same patterns."""
    from mdlint.globs import _compile_each

    names = ["node_modules", "venv", "__pycache__", "x.venv"]
    expected = tuple(
        name
        for name, pattern in zip(names, _compile_each(tuple(names)), strict=True)
        if pattern.match_file(directory + "/") is None
    )
    narrowed = GlobSet(tmp_path, names).without_patterns_matching(str(tmp_path / directory))
    assert narrowed.patterns == expected


def test_globset_relative_paths(tmp_path):
    globs = GlobSet(tmp_path / "site", ["x"])
    assert globs.relative(str(tmp_path / "site" / "a" / "b.md")) == "a/b.md"
    assert globs.relative(str(tmp_path / "site2" / "b.md")) is None
    assert globs.relative(str(tmp_path / "site")) == ""


def test_default_rules_walk_like_before(tmp_path):
    touch(tmp_path, "a.md", "node_modules/b.md")
    assert discover([str(tmp_path)], rules=DiscoveryRules()) == [
        str(tmp_path / "a.md"),
        str(tmp_path / "node_modules" / "b.md"),
    ]


@needs_symlinks
def test_discovery_hands_over_the_stamp_it_took_of_each_file(tmp_path):
    """A run reuses it for the cache's signature instead of asking for it again."""
    touch(tmp_path, "a.md", "sub/b.md")
    (tmp_path / "sub" / "link.md").symlink_to(tmp_path / "a.md")
    found = list(iter_files([str(tmp_path), str(tmp_path / "sub" / "link.md")]))
    assert len(found) == 2  # the link reaches a.md again: counted once
    for path, stamp in found:
        status = os.stat(path)
        assert stamp == (status.st_mtime_ns, status.st_size, status.st_ino)


# --- The walk against matching each path -----------------------------------------------------------
# The walk asks once per directory which names are excluded there, when the patterns in force
# tell by names. The reference below is discovery as it was: each entry's path matched against
# every pattern in force, the `.gitignore` files read from the repository down to the entry.


def reference_discover(paths: list[str], rules: DiscoveryRules) -> list[str]:
    found, seen = [], set()
    for named in paths:
        for path in reference_expand(named, rules):
            status = os.stat(path)
            if (status.st_dev, status.st_ino) not in seen:
                seen.add((status.st_dev, status.st_ino))
                found.append(path)
    return found


def reference_expand(path: str, rules: DiscoveryRules) -> list[str]:
    is_dir = os.path.isdir(path)
    named_root: str | None = os.path.abspath(path)
    exclude = rules.exclude
    if rules.force_exclude:
        if reference_excluded(os.path.abspath(path), is_dir, rules, None, exclude):
            return []
        named_root = None
    elif is_dir and exclude is not None:
        exclude = exclude.without_patterns_matching(path)
    return list(reference_walk(path, rules, named_root, exclude)) if is_dir else [path]


def reference_walk(
    directory: str, rules: DiscoveryRules, named_root: str | None, exclude: GlobSet | None
) -> Iterator[str]:
    subdirectories = []
    for entry in sorted(os.scandir(directory), key=lambda entry: entry.name):
        if entry.name.startswith(".") or entry.is_symlink():
            continue
        absolute = os.path.abspath(entry.path)
        if entry.is_dir():
            if not reference_excluded(absolute, True, rules, named_root, exclude):
                subdirectories.append(entry.path)
        elif (
            entry.name.lower().endswith(rules.extensions)
            and entry.is_file()
            and (rules.include is None or rules.include.matches_absolute(absolute))
            and not reference_excluded(absolute, False, rules, named_root, exclude)
        ):
            yield entry.path
    for subdirectory in subdirectories:
        yield from reference_walk(subdirectory, rules, named_root, exclude)


def reference_excluded(
    absolute: str,
    is_dir: bool,
    rules: DiscoveryRules,
    named_root: str | None,
    exclude: GlobSet | None,
) -> bool:
    if exclude is not None and exclude.matches_absolute(absolute, is_dir):
        return True
    return rules.respect_gitignore and reference_ignored(absolute, is_dir, named_root)


def reference_ignored(absolute: str, is_dir: bool, named_root: str | None) -> bool:
    directory = os.path.dirname(absolute)
    repository = directory
    while not os.path.exists(os.path.join(repository, ".git")):
        if os.path.dirname(repository) == repository:
            return False
        repository = os.path.dirname(repository)
    relative = os.path.relpath(directory, repository)
    parts = [] if relative == os.curdir else relative.split(os.sep)
    bases = [os.path.join(repository, *parts[:depth]) for depth in range(len(parts) + 1)]
    sources = [(os.path.join(repository, ".git", "info", "exclude"), repository)]
    sources += [(os.path.join(base, ".gitignore"), base) for base in bases]
    verdict = None
    for file, base in sources:
        if not os.path.isfile(file):
            continue
        globs = GlobSet(base, Path(file).read_text().splitlines())
        if named_root and (named_root == base or named_root.startswith(base + os.sep)):
            globs = globs.without_patterns_matching(named_root)
        decision = globs.check_absolute(absolute, is_dir)
        if decision is not None:
            verdict = decision
    return bool(verdict)


CONFIG_PATTERNS = st.lists(
    st.sampled_from(["drafts", "public/", "/docs", "a/b", "a.md", "_gen/", "*.txt", "!a.md", "b*"]),
    max_size=3,
)
INCLUDE_PATTERNS = st.sampled_from(["a/**", "docs", "*.md", "!b.markdown", "a.md", "/docs/", "a/b"])
TARGETS = ["", "a", "a/b", "docs", "public", "a/public", "a/.h", "a/../a", "a.md", "a/index.md"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    trees(),
    st.sampled_from([(), DEFAULT_EXCLUDE]),
    st.one_of(CONFIG_PATTERNS, gitignore_patterns()),
    st.lists(INCLUDE_PATTERNS, max_size=2),
    st.sampled_from(["", "a"]),  # where the config file lies
    st.lists(st.sampled_from(TARGETS), min_size=1, max_size=3),
    st.sampled_from([DEFAULT_EXTENSIONS, ("",)]),  # ("",): every file, whatever its name
    st.booleans(),
    st.booleans(),
)
def test_the_walk_finds_what_matching_each_path_finds(
    tree, exclude, extend_exclude, include, config_place, targets, extensions, respect, force
):
    with tempfile.TemporaryDirectory() as temporary:
        root = build(tree, Path(os.path.realpath(temporary)))
        base = root / config_place
        paths = [str(root / target) for target in targets if (root / target).exists()]

        def rules() -> DiscoveryRules:
            return DiscoveryRules(
                extensions=extensions,
                include=GlobSet(base, include) if include else None,
                exclude=GlobSet(base, (*exclude, *extend_exclude)),
                respect_gitignore=respect,
                force_exclude=force,
            )

        assert discover(paths, rules=rules()) == reference_discover(paths, rules())


def test_the_walk_tells_excluded_names_without_matching_paths(repo, monkeypatch):
    """With literal patterns only, no walked entry's path is matched against them."""
    touch(repo, "drafts/x.md", "content/drafts/y.md")
    (repo / ".gitignore").write_text("public/\n/drafts\nresources/_gen/\n")

    def refuse(*args: object) -> bool:
        raise AssertionError("matched one path")

    monkeypatch.setattr(DiscoveryRules, "excluded", refuse)
    assert found(repo) == ["a.md", "content/b.md", "content/drafts/y.md", "content/sub/d.md"]


@pytest.mark.skipif(not hasattr(os, "link"), reason="no hard links")
def test_a_file_reached_twice_counts_once_however_it_is_reached(tmp_path):
    """By its hard links, or by paths given that overlap in any way."""
    touch(tmp_path, "a/one.md", "a/b/two.md")
    os.link(tmp_path / "a" / "one.md", tmp_path / "a" / "b" / "also-one.md")
    walked = discover([str(tmp_path / "a")])
    assert [os.path.basename(path) for path in walked] == ["one.md", "two.md"]  # not also-one
    overlapping = [str(tmp_path / "a"), str(tmp_path / "a" / "b"), str(tmp_path / "a/b/../b")]
    assert discover(overlapping) == walked


def test_files_a_walk_finds_are_kept_in_little_memory(tmp_path, monkeypatch):
    """A file with one link found by a walk is noted as an inode in its directory's record, not
    in the set of device and inode numbers (~150 bytes a file): the memory of a run stays flat
    as the site grows. Named files and hard links go to the set."""
    from mdlint import discovery

    touch(tmp_path, *(f"posts/{n:03}.md" for n in range(60)), "about.md", "named.md")
    os.link(tmp_path / "about.md", tmp_path / "posts" / "about-again.md")
    made: list[discovery._Listed] = []

    class Spied(discovery._Listed):
        def __init__(self) -> None:
            super().__init__()
            made.append(self)

    monkeypatch.setattr(discovery, "_Listed", Spied)
    paths = discover([str(tmp_path), str(tmp_path / "posts"), str(tmp_path / "named.md")])
    assert len(paths) == 62  # about-again.md is about.md; posts and named.md were listed already
    (listed,) = made
    assert sum(len(record) for record in listed._by_directory.values()) == 61 * 8
    assert len(listed._anywhere) == 1  # about.md: two links


def test_a_file_mounted_on_another_is_told_apart_by_its_entry(tmp_path):
    """A bind mount puts a file over another's directory entry: the entry's inode (from the
    directory) is then not the file's, and the file may also be reached by its own entry."""
    from mdlint.discovery import _Listed

    status = os.stat_result((0o100644, 7, 1, 1, 0, 0, 10, 0, 0, 0))  # inode 7 on device 1
    listed = _Listed()
    listed.entering((1, 100))
    assert listed.first_time("mounted/x.md", status, 3)  # entry inode 3: a mount
    listed.entering((1, 200))
    assert not listed.first_time("own/x.md", status, 7)
    assert not listed.first_time("x.md", status, None)


def test_a_file_named_after_a_walk_listed_it_is_not_listed_again(tmp_path):
    touch(tmp_path, "a/x.md", "a/y.md")
    assert found(tmp_path, "a", "a/y.md", "./a/x.md") == ["a/x.md", "a/y.md"]
    assert found(tmp_path, "a/y.md", "a") == ["a/y.md", "a/x.md"]


def test_a_walk_uses_the_gitignore_reader_it_is_given(repo):
    """Each walk gets a fresh reader of the .gitignore files, unless its rules bring one."""
    from mdlint.gitignore import GitIgnore

    reader = GitIgnore()
    discover([str(repo)], rules=DiscoveryRules(respect_gitignore=True, gitignore=reader))
    assert reader._chains  # it was asked
    assert DiscoveryRules().gitignore._chains == {}  # the placeholder never is


# --- A walk that finds nothing says what it passed over ------------------------------------------


def test_passed_over_counts_the_markdown_files_the_extensions_leave_out(tmp_path):
    touch(tmp_path, "a.mdx", "b.MDX", "c/d.mkd", "e.txt", "node_modules/f.mdx", ".hidden/g.mdx")
    project = Project(resolve_config(tmp_path), Overrides())
    rules = project.discovery_rules()
    # The other rules still apply: node_modules is excluded, hidden entries are skipped.
    assert passed_over([str(tmp_path)], rules) == {".mdx": 2, ".mkd": 1}
    assert passed_over([str(tmp_path)], rules._replace(extensions=(".mdx",))) == {".mkd": 1}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", ["check", "fix"])
def test_a_walk_that_finds_nothing_warns_and_names_what_it_passed_over(
    tmp_path, monkeypatch, command
):
    monkeypatch.chdir(tmp_path)
    touch(tmp_path, "docs/a.mdx", "docs/b.mdx", "docs/notes.txt")
    code, stdout, stderr = run(command, str(tmp_path / "docs"))
    assert code == 0 and ("0 files checked" in stdout or "in 0 files" in stdout)
    assert stderr == (
        f"mdlint: warning: no files to check under {tmp_path / 'docs'}: mdlint looks for files "
        'ending .md, .markdown, and passed over 2 .mdx files; add ".mdx" to `extensions` in the '
        "configuration to check them\n"
    )


def test_a_walk_that_finds_nothing_at_all_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where the default exclusions (node_modules) apply
    touch(tmp_path, "docs/notes.txt", "node_modules/x.md")
    code, _, stderr = run("check", "-q", str(tmp_path))
    assert code == 0
    assert stderr == (
        f"mdlint: warning: no files to check under {tmp_path}: none ends .md, .markdown and is "
        "not excluded\n"
    )


def test_no_warning_once_the_extension_is_configured_or_a_file_is_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    touch(tmp_path, "docs/a.mdx", "docs/b.md")
    _, stdout, stderr = run("check", str(tmp_path / "docs"))
    assert "1 file checked" in stdout and stderr == ""
    (tmp_path / "mdlint.toml").write_text('extensions = [".mdx"]\n')
    _, stdout, stderr = run(
        "check", "--config", str(tmp_path / "mdlint.toml"), str(tmp_path / "docs")
    )
    assert "1 file checked" in stdout and stderr == ""


def test_named_files_all_excluded_need_no_warning(tmp_path, monkeypatch):
    """pre-commit names files: when --force-exclude leaves none, nothing was walked to warn about."""
    monkeypatch.chdir(tmp_path)
    touch(tmp_path, "node_modules/a.md")
    code, stdout, stderr = run("check", "--force-exclude", str(tmp_path / "node_modules" / "a.md"))
    assert code == 0 and "0 files checked" in stdout and stderr == ""
