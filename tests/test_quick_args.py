"""`mdlint check` and `mdlint fix` command lines read without click are read as click reads them:
same paths, same options, nothing that click would refuse or read as another setting; and the
check they run is called with the very arguments click's command would pass."""

from __future__ import annotations

import sys

import click
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdlint import commands, entry
from mdlint.cli import check, fix
from mdlint.quick.args import QUICK_FORMATS, parse_args

# Every parameter that the quick path leaves at its default when it answers, by command.
SETTINGS_DEFAULTS = {
    "config_file": None,
    "schema": None,
    "allow_remote_refs": False,
    "select": None,
    "ignore": None,
    "extend_select": None,
    "allow_no_front_matter": False,
    "max_header_bytes": None,
    "format_options": (),
    "output_file": None,
}
DEFAULTS = {
    "check": {
        **SETTINGS_DEFAULTS,
        "show_files": False,
        "show_settings": False,
        "statistics": False,
    },
    "fix": {**SETTINGS_DEFAULTS, "stdin_filename": None},
}
# Parameters read by the quick path: the click name and the request's attribute.
READ = {
    "check": {"exit_zero": "exit_zero"},
    "fix": {"show_diff": "show_diff", "check_only": "check_only", "unsafe_fixes": "unsafe_fixes"},
}
COMMANDS = {"check": check, "fix": fix}


def click_params(argv: list[str]) -> dict[str, object] | None:
    """What click makes of `mdlint ARGV`, or None when it refuses it."""
    try:
        with COMMANDS[argv[0]].make_context(argv[0], list(argv[1:])) as context:
            return dict(context.params)
    except (click.exceptions.Exit, click.exceptions.UsageError):
        return None


def assert_same_reading(argv: list[str]) -> None:
    request = parse_args(argv)
    if request is None:
        return
    params = click_params(argv)
    assert params is not None, f"click refuses {argv} but the quick path accepted it"
    assert list(params["paths"]) == request.paths
    assert params["quiet"] == request.quiet
    assert params["isolated"] == request.isolated
    assert params["force_exclude"] == request.force_exclude
    assert params["respect_gitignore"] == request.respect_gitignore
    assert params["output_format"] == request.output_format
    assert params["no_cache"] == request.no_cache
    assert params["jobs"] == request.jobs
    assert params["cache_dir"] == request.cache_dir
    for name, attribute in READ[request.command].items():
        assert params[name] == getattr(request, attribute), (argv, name)
    assert request.output_format in QUICK_FORMATS
    for name, default in DEFAULTS[request.command].items():
        assert params[name] == default, (argv, name)


ACCEPTED = [
    ["check"],  # the current directory
    ["check", "a.md"],
    ["check", "-q", "a.md", "b.md"],
    ["check", "--quiet", "--no-cache", "a.md"],
    ["check", "--output-format", "concise", "a.md"],
    ["check", "--output-format=full", "a.md"],
    ["check", "--output-format", "github", "-q", "a.md"],
    ["check", "-j", "2", "--jobs=3", "a.md"],
    ["check", "-j1", "a.md"],  # as the benchmarks write it
    ["check", "--cache-dir", "somewhere", "a.md"],
    ["check", "--force-exclude", "--no-respect-gitignore", "a.md"],
    ["check", "--respect-gitignore", "--isolated", "--exit-zero", "a.md"],
    ["check", "a.md", "--", "-odd.md"],
]

ACCEPTED_FIX = [
    ["fix", "a.md"],
    ["fix", "-q", "--force-exclude", "a.md", "b.md"],
    ["fix", "--diff", "--check", "a.md"],
    ["fix", "--unsafe-fixes", "--no-cache", "-j", "2", "a.md"],
    ["fix", "--no-unsafe-fixes", "--output-format=concise", "a.md"],
    ["fix", "--output-format=github", "--check", "a.md"],
    ["fix"],
]

DECLINED = [
    [],
    ["rule", "SC001"],
    ["fix", "--exit-zero", "a.md"],  # not an option of fix
    ["check", "--diff", "a.md"],  # nor this one of check
    ["fix", "-", "--stdin-filename", "a.md"],
    ["fix", "--statistics", "a.md"],
    ["check", "-"],
    ["check", "--schema", "s.json", "a.md"],
    ["check", "--select", "SC", "a.md"],
    ["check", "--config", "x.toml", "a.md"],
    ["check", "--output-format", "json", "a.md"],
    ["check", "-o", "report.txt", "a.md"],
    ["check", "--statistics", "a.md"],
    ["check", "--show-files", "a.md"],
    ["check", "-qj2", "a.md"],  # combined short options: click's business
    ["check", "-j", "0", "a.md"],
    ["check", "-j0", "a.md"],
    ["check", "-j=2", "a.md"],  # click reads the value "=2", and refuses it
    ["check", "-j", "a.md"],
    ["check", "--quiet=yes", "a.md"],
    ["check", "--help"],
    ["check", "--max-header-bytes", "10", "a.md"],
    ["check", "--format-option", "indent=2", "a.md"],
]


@pytest.mark.parametrize("argv", ACCEPTED + ACCEPTED_FIX, ids=" ".join)
def test_accepted_command_lines_read_as_click_reads_them(argv):
    assert parse_args(argv) is not None
    assert_same_reading(argv)


@pytest.mark.parametrize("argv", DECLINED, ids=lambda argv: " ".join(argv) or "nothing")
def test_other_command_lines_are_left_to_click(argv):
    assert parse_args(argv) is None


def test_the_formats_read_here_say_which_are_read_by_programs():
    from mdlint.quick.args import MACHINE_FORMATS
    from mdlint.reporters import FORMATS

    assert set(QUICK_FORMATS) <= set(FORMATS)
    assert {name for name in QUICK_FORMATS if FORMATS[name].machine} == set(MACHINE_FORMATS)


def test_the_output_format_from_the_environment_counts(monkeypatch):
    monkeypatch.setenv("MDLINT_OUTPUT_FORMAT", "json")
    assert parse_args(["check", "a.md"]) is None
    monkeypatch.setenv("MDLINT_OUTPUT_FORMAT", "concise")
    assert_same_reading(["check", "a.md"])


def test_a_cache_directory_that_is_a_file_is_left_to_click(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "file").write_text("")
    assert parse_args(["check", "--cache-dir", "file", "a.md"]) is None
    monkeypatch.setenv("MDLINT_CACHE_DIR", "file")
    assert parse_args(["check", "a.md"]) is None


WORDS = st.sampled_from(
    [
        "a.md",
        "b.md",
        "-",
        "--",
        "-q",
        "--quiet",
        "--no-cache",
        "--exit-zero",
        "--isolated",
        "--force-exclude",
        "--respect-gitignore",
        "--no-respect-gitignore",
        "-j",
        "--jobs",
        "--jobs=2",
        "-j2",
        "-j0",
        "-j=2",
        "-jx",
        "0",
        "2",
        "--cache-dir",
        "--cache-dir=c",
        "--output-format",
        "--output-format=concise",
        "concise",
        "full",
        "json",
        "github",
        "--schema",
        "--select",
        "SC",
        "--debug",
        "--diff",
        "--check",
        "--unsafe-fixes",
        "--no-unsafe-fixes",
        "--stdin-filename",
        "--quiet=1",
        "-x",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(["check", "fix"]), st.lists(WORDS, max_size=8))
def test_any_command_line_the_quick_path_accepts_reads_as_click_reads_it(command, words):
    assert_same_reading([command, *words])


def arguments_of_the_check(argv: list[str], monkeypatch, *, through_click: bool) -> tuple:
    """The arguments `run_check` receives for `mdlint ARGV`, by click's route or the direct one."""
    seen = []

    def record(*args, **kwargs):
        seen.append((args, kwargs))
        return 0

    monkeypatch.setattr(commands, "run_check", record)
    monkeypatch.setattr("mdlint.cli.run_check", record)
    if through_click:
        with pytest.raises(SystemExit):
            check.main(argv[1:], standalone_mode=False)
    else:
        request = parse_args(argv)
        assert request is not None
        entry.run_full_check(request)
    assert len(seen) == 1
    return seen[0]


@pytest.mark.parametrize("argv", ACCEPTED, ids=" ".join)
def test_the_check_runs_with_the_arguments_click_would_give_it(argv, monkeypatch):
    direct = arguments_of_the_check(argv, monkeypatch, through_click=False)
    by_click = arguments_of_the_check(argv, monkeypatch, through_click=True)
    expected_kwargs = {**by_click[1]}
    for name in ("show_files", "show_settings", "debug"):
        assert expected_kwargs.pop(name) is False
    assert direct[0] == by_click[0]
    assert direct[1] == expected_kwargs


def test_the_command_reads_a_check_without_click(tmp_path, monkeypatch):
    """`mdlint check` on a file with findings: the full check runs, and click is never imported."""
    import subprocess

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("---\ntitle: 1\n---\n")
    probe = (
        "import sys\n"
        "from mdlint.entry import main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    print('EXIT', exit.code)\n"
        "print('CLICK' if 'click' in sys.modules else 'NO CLICK')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "check", "--no-cache", "--output-format", "concise", "a.md"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[-2:] == ["EXIT 1", "NO CLICK"]
    assert any(line.startswith("a.md:2:8: SC001 ") for line in lines)
