"""Literal patterns are matched without pathspec; they must match exactly what pathspec matches."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdlint.globs import GlobSet, _compile_each, _Literal

NAMES = st.sampled_from(["a", "b", "docs", "public", ".hidden", "x.y", "...", "_gen", "c.md"])


@st.composite
def literal_patterns(draw: st.DrawFn) -> str:
    names = draw(st.lists(NAMES, min_size=1, max_size=3))
    lead = draw(st.sampled_from(["", "/"]))
    trail = draw(st.sampled_from(["", "/"]))
    return lead + "/".join(names) + trail


PATHS = st.lists(NAMES, min_size=1, max_size=4)


def pathspec_says(pattern: str, parts: list[str], is_dir: bool) -> bool:
    compiled = _compile_each((pattern,))[0]
    relative = "/".join(parts)
    return compiled.match_file(relative + "/" if is_dir else relative) is not None


@settings(max_examples=1500, deadline=None)
@given(literal_patterns(), PATHS, st.booleans())
def test_a_literal_pattern_matches_what_pathspec_matches(pattern, parts, is_dir):
    literal = _Literal.read(pattern)
    assert literal is not None
    assert literal.matches(parts, is_dir) == pathspec_says(pattern, parts, is_dir)


@settings(max_examples=300, deadline=None)
@given(st.lists(literal_patterns(), max_size=4), PATHS, st.booleans())
def test_a_set_of_literal_patterns_decides_as_pathspec_decides(
    tmp_path_factory, patterns, parts, is_dir
):
    base = tmp_path_factory.getbasetemp()
    globs = GlobSet(base, ["# a comment", "", *patterns])
    relative = "/".join(parts)
    expected = globs.check_relative(relative + "/" if is_dir else relative)  # pathspec's
    assert globs.check_absolute(str(base / relative), is_dir) == expected


@pytest.mark.parametrize(
    "pattern",
    ["*.md", "!keep", "a/**/b", "a\\ b", "trailing ", "./a", "a/../b", "/", "a//b", "[ab]"],
)
def test_other_patterns_are_left_to_pathspec(pattern):
    assert _Literal.read(pattern) is None


# What _Literal.read accepted when it was a regular expression: its string reading must agree.
FORMER_LITERAL = re.compile(r"(/)?((?:[A-Za-z0-9_.-]+/)*[A-Za-z0-9_.-]+)(/)?")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="/.a_-Z9* !\\é\n", max_size=8))
def test_a_literal_is_read_as_the_former_pattern_read_it(pattern):
    match = FORMER_LITERAL.fullmatch(pattern)
    names = tuple(match[2].split("/")) if match else ()
    if match is None or any(name in (".", "..") for name in names):
        assert _Literal.read(pattern) is None
        return
    literal = _Literal.read(pattern)
    assert literal is not None
    assert (literal.names, literal.anchored, literal.directory_only) == (
        names,
        bool(match[1]) or len(names) > 1,
        bool(match[3]),
    )


def test_a_typical_hugo_gitignore_needs_no_pathspec(tmp_path):
    globs = GlobSet(tmp_path, ["# Hugo", "public/", "resources/_gen/", ".hugo_build.lock", ""])
    assert globs._literals is not None
    assert globs.matches(str(tmp_path / "public" / "index.md"))
    assert globs.matches(str(tmp_path / "resources" / "_gen" / "x.md"))
    assert not globs.matches(str(tmp_path / "content" / "public.md"))
    assert not globs.matches(str(tmp_path / "content" / "resources" / "_gen" / "x.md"))


# A walk asks once per directory which names its sets exclude there (`names_matched_in`). Where
# that is known, it must be exactly what matching each entry's path says.

NON_LITERAL = st.sampled_from(["*.md", "!a", "!public/", "a/**", "**/b", "docs/*", "*"])
ANY_PATTERNS = st.lists(st.one_of(literal_patterns(), NON_LITERAL), max_size=4)
ENTRY_NAMES = st.sampled_from(["a", "A", "b", "docs", "public", "x.y", "_gen", "c.md", "site"])


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(st.lists(literal_patterns(), max_size=5), ANY_PATTERNS),
    st.sampled_from(["site", "", "elsewhere"]),
    st.lists(ENTRY_NAMES, max_size=3),
    ENTRY_NAMES,
    st.booleans(),
)
def test_the_names_matched_in_a_directory_are_those_whose_paths_match(
    tmp_path_factory, patterns, top, parts, name, is_dir
):
    root = tmp_path_factory.getbasetemp()
    globs = GlobSet(root / "site", patterns)
    directory = os.path.join(root, top, *parts)  # in the base, outside it, or above it
    names = globs.names_matched_in(directory, is_dir)
    if names is not None:
        assert (name in names) == globs.matches_absolute(os.path.join(directory, name), is_dir)
    elif globs._literals is not None:  # only a pattern matching the directory leaves it unknown
        assert globs.matches_absolute(directory, True)


def test_the_names_a_hugo_gitignore_excludes_are_known_in_each_directory(tmp_path):
    globs = GlobSet(tmp_path, ["public/", "/drafts", "resources/_gen/", ".hugo_build.lock"])
    assert globs.names_matched_in(str(tmp_path)) == {"drafts", ".hugo_build.lock"}
    assert globs.names_matched_in(str(tmp_path), True) == {"public", "drafts", ".hugo_build.lock"}
    in_resources = globs.names_matched_in(str(tmp_path / "resources"), True)
    assert in_resources == {"_gen", "public", ".hugo_build.lock"}
    assert globs.names_matched_in(str(tmp_path / "content")) == {".hugo_build.lock"}
    assert globs.names_matched_in(str(tmp_path / "public")) is None  # all of it matches
    assert globs.names_matched_in(str(tmp_path.parent)) == frozenset()  # outside the base
    assert GlobSet(tmp_path, ["*.md"]).names_matched_in(str(tmp_path)) is None
