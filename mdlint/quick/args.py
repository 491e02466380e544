"""The command lines `mdlint` reads without click: `mdlint check` and `mdlint fix` with a few
options and paths.

The quick path answers them when every file is plainly clean; otherwise `commands.run_check`
runs a check as click would have, and click reads a fix again. Anything else (another command, an option that changes the
settings, another output format, a bad value, `--help`) is left to click: `parse_check_args`
returns None, so click stays the one place that defines the options, their help and their error
messages. tests/test_quick_args.py holds both parsers to the same reading of every command line
that this one accepts.
"""

from __future__ import annotations

import os

# The formats that print nothing for a file without findings and have no option of their own;
# those read by programs (mdlint.reporters.FORMATS[name].machine) write the summary to stderr.
QUICK_FORMATS = ("full", "concise", "github")
MACHINE_FORMATS = ("github",)
# Options that leave the settings at their defaults (with no configuration file, the bundled
# schema and rules): they say how the run goes and what it prints.
_FLAGS = {
    "-q": "quiet",
    "--quiet": "quiet",
    "--no-cache": "no_cache",
    "--isolated": "isolated",
    "--force-exclude": "force_exclude",
    "--respect-gitignore": "respect_gitignore",
    "--no-respect-gitignore": "no_respect_gitignore",
}
# Each command's own: `check --exit-zero`; `fix`'s way of writing (fixes change nothing in a
# clean file, safe or not).
_COMMAND_FLAGS = {
    "check": {"--exit-zero": "exit_zero"},
    "fix": {
        "--diff": "show_diff",
        "--check": "check_only",
        "--unsafe-fixes": "unsafe_fixes",
        "--no-unsafe-fixes": "no_unsafe_fixes",
    },
}
_WITH_VALUE = ("-j", "--jobs", "--cache-dir", "--output-format")


class Request:
    """What `mdlint check` or `mdlint fix` was asked: the paths and the options read here."""

    __slots__ = (
        "cache_dir",
        "check_only",
        "command",
        "exit_zero",
        "force_exclude",
        "isolated",
        "jobs",
        "no_cache",
        "output_format",
        "paths",
        "quiet",
        "respect_gitignore",
        "show_diff",
        "unsafe_fixes",
    )

    def __init__(self, command: str) -> None:
        self.command = command
        self.paths: list[str] = []
        self.quiet = False
        self.isolated = False
        self.force_exclude = False
        self.respect_gitignore: bool | None = None  # None: the configuration's (true by default)
        self.output_format = os.environ.get("MDLINT_OUTPUT_FORMAT") or "full"
        self.exit_zero = False
        self.no_cache = False
        self.jobs: int | None = None
        self.cache_dir: str | None = os.environ.get("MDLINT_CACHE_DIR") or None
        self.show_diff = False
        self.check_only = False
        self.unsafe_fixes: bool | None = None


def parse_args(argv: list[str]) -> Request | None:
    """The request, or None when the command line is click's to read."""
    if not argv or argv[0] not in _COMMAND_FLAGS:
        return None
    request = Request(argv[0])
    flags = {**_FLAGS, **_COMMAND_FLAGS[argv[0]]}
    words = iter(argv[1:])
    options_done = False
    for word in words:
        if options_done or not word.startswith("-") or word == "-":
            request.paths.append(word)
            continue
        if word == "--":
            options_done = True
            continue
        name, equals, value = word.partition("=")
        if word.startswith("-j") and len(word) > 2:  # `-j1`: a short option's value joined to it
            name, equals, value = "-j", "=", word[2:]
        if name in _WITH_VALUE:
            given = value if equals else next(words, None)
            if given is None or not _accept_value(request, name, given):
                return None
        elif not equals and word in flags:
            _set_flag(request, flags[word])
        else:
            return None
    if "-" in request.paths or request.output_format not in QUICK_FORMATS:
        return None  # stdin has its own rules; other formats have their options
    if _bad_cache_dir(os.environ.get("MDLINT_CACHE_DIR")):
        return None
    return request


def _accept_value(request: Request, name: str, value: str) -> bool:
    if name in ("-j", "--jobs"):
        if not (value.isascii() and value.isdigit() and int(value) >= 1):
            return False
        request.jobs = int(value)
    elif name == "--cache-dir":
        if _bad_cache_dir(value):
            return False
        request.cache_dir = value
    else:
        request.output_format = value
    return True


def _bad_cache_dir(value: str | None) -> bool:
    """click refuses a cache directory that is an existing file, or an empty one."""
    return value is not None and (value == "" or os.path.isfile(value))


def _set_flag(request: Request, name: str) -> None:
    if name in ("respect_gitignore", "unsafe_fixes"):
        setattr(request, name, True)
    elif name in ("no_respect_gitignore", "no_unsafe_fixes"):
        setattr(request, name.removeprefix("no_"), False)
    else:
        setattr(request, name, True)
