"""What the `.gitignore` files of a repository ignore, asked of one path or of a directory's names.

`trees()` draws random repositories (nested `.gitignore` files, `.git/info/exclude`, a nested
repository; literal and other patterns) that tests/test_discovery.py walks too.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mdlint.gitignore import GitIgnore

DIRECTORIES = ["", "a", "a/b", "a/b/c", "docs", "public", "drafts", "a/public", "docs/_gen", "a/.h"]
FILE_NAMES = ["a.md", "A.md", "index.md", "b.markdown", "notes.txt", "a", "b", "public", "_gen"]
PATTERN_NAMES = st.sampled_from(
    ["a", "b", "c", "docs", "public", "drafts", "_gen", "a.md", "index.md"]
)
NON_LITERAL = st.sampled_from(
    ["*.md", "!a.md", "!public/", "a/**", "**/b", "docs/*", "*.txt", "!*.md", "pub*", "# note", ""]
)


@st.composite
def literal_patterns(draw: st.DrawFn) -> str:
    names = draw(st.lists(PATTERN_NAMES, min_size=1, max_size=3))
    return draw(st.sampled_from(["", "/"])) + "/".join(names) + draw(st.sampled_from(["", "/"]))


def patterns(paths: list[str] | None = None) -> st.SearchStrategy[list[str]]:
    """Literal patterns only (most `.gitignore` files), or a mix. `paths`: paths relative to the
    patterns' base, that the literal ones name more often than not (random ones seldom match)."""
    literal = literal_patterns()
    if paths:
        literal = st.one_of(
            literal, st.builds(pattern_naming, st.sampled_from(paths), st.integers(0, 4))
        )
    literals = st.lists(literal, min_size=1, max_size=4)
    mixed = st.lists(st.one_of(literal, NON_LITERAL), min_size=1, max_size=4)
    return st.one_of(literals, mixed)


def pattern_naming(path: str, form: int) -> str:
    """A literal pattern that names `path`: by its name alone, anchored, or as a directory."""
    name = path.rsplit("/", 1)[-1]
    return [name, "/" + path, path + "/", name + "/", path][form]


@dataclass(frozen=True)
class Tree:
    files: list[str]  # relative paths; one that is also a directory's is left out
    ignore_files: dict[str, list[str]]  # directory -> its `.gitignore` lines
    repositories: list[str]  # directories holding a `.git`
    info_excludes: dict[str, list[str]]  # repository -> its `.git/info/exclude` lines


@st.composite
def trees(draw: st.DrawFn) -> Tree:
    places = st.sampled_from(DIRECTORIES)
    # Many files and patterns, so that patterns often match some (small trees rarely do).
    drawn = draw(st.lists(st.tuples(places, st.sampled_from(FILE_NAMES)), min_size=8, max_size=40))
    files = sorted({os.path.join(place, name) for place, name in drawn})
    repositories = draw(st.sampled_from([[], [""], [""], ["", "a"], ["", "docs"], ["a"]]))
    ignore_files = {
        directory: draw(patterns(paths_below(directory, files)))
        for directory in draw(st.lists(places, min_size=1, max_size=4, unique=True))
    }
    with_info_exclude = (
        draw(st.lists(st.sampled_from(repositories), unique=True)) if repositories else []
    )
    info_excludes = {
        repository: draw(patterns(paths_below(repository, files)))
        for repository in with_info_exclude
    }
    return Tree(files, ignore_files, repositories, info_excludes)


def paths_below(directory: str, files: list[str]) -> list[str]:
    """The files and directories below `directory`, relative to it."""
    paths = {*files, *DIRECTORIES}
    prefix = directory + "/" if directory else ""
    return sorted(
        path[len(prefix) :] for path in paths if path.startswith(prefix) and path != directory
    )


def build(tree: Tree, root: Path) -> Path:
    for directory in DIRECTORIES:
        (root / directory).mkdir(parents=True, exist_ok=True)
    for repository in tree.repositories:
        (root / repository / ".git" / "info").mkdir(parents=True)
    for repository, lines in tree.info_excludes.items():
        (root / repository / ".git" / "info" / "exclude").write_text("\n".join(lines) + "\n")
    for directory, lines in tree.ignore_files.items():
        (root / directory / ".gitignore").write_text("\n".join(lines) + "\n")
    for file in tree.files:
        if not (root / file).is_dir():
            (root / file).write_text("---\ntitle: x\n---\n")
    return root


@settings(max_examples=200, deadline=None)
@given(
    trees(),
    st.sampled_from(DIRECTORIES),
    st.sampled_from([None, "", "a", "a/b", "docs", "public", "drafts/x"]),
    st.booleans(),
)
def test_the_names_ignored_in_a_directory_are_those_ignored_one_by_one(
    tree, directory, named, is_dir
):
    with tempfile.TemporaryDirectory() as temporary:
        root = build(tree, Path(os.path.realpath(temporary)))
        absolute = os.path.normpath(root / directory)
        named_root = None if named is None else os.path.normpath(root / named)
        gitignore = GitIgnore()
        names = gitignore.names_ignored_in(absolute, is_dir, named_root)
        if names is None:
            return
        for name in {*FILE_NAMES, *(os.path.basename(d) for d in DIRECTORIES)} - {""}:
            path = os.path.join(absolute, name)
            assert (name in names) == gitignore.ignored(path, is_dir, named_root), name


def test_the_names_a_literal_gitignore_ignores_are_known(tmp_path):
    (tmp_path / ".git" / "info").mkdir(parents=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("local.md\n")
    (tmp_path / ".gitignore").write_text("public/\n/drafts\n")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / ".gitignore").write_text("c.md\n")
    gitignore = GitIgnore()
    assert gitignore.names_ignored_in(str(tmp_path)) == {"local.md", "drafts"}
    in_content = gitignore.names_ignored_in(str(tmp_path / "content"), True)
    assert in_content == {"local.md", "public", "c.md"}
    (tmp_path / "content" / ".gitignore").write_text("*.md\n")
    assert GitIgnore().names_ignored_in(str(tmp_path / "content")) is None


def test_outside_a_repository_no_names_are_ignored(tmp_path):
    (tmp_path / ".gitignore").write_text("a.md\n")
    assert GitIgnore().names_ignored_in(str(tmp_path)) == frozenset()
