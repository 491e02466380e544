"""The command lines `mdlint` reads without click: `mdlint check` with a few options and paths.

The quick path answers them when every file is plainly clean; otherwise `commands.run_check`
runs them as click would have. Anything else (another command, an option that changes the
settings, another output format, a bad value, `--help`) is left to click: `parse_check_args`
returns None, so click stays the one place that defines the options, their help and their error
messages. tests/test_quick_args.py holds both parsers to the same reading of every command line
that this one accepts.
"""

from __future__ import annotations

import os

QUICK_FORMATS = ("full", "concise")  # the formats that print nothing for a file without findings
# Options that leave the settings at their defaults (with no configuration file, the bundled
# schema and rules): they say how the run goes and what it prints.
_FLAGS = {
    "-q": "quiet",
    "--quiet": "quiet",
    "--no-cache": "no_cache",
    "--exit-zero": "exit_zero",
    "--isolated": "isolated",
    "--force-exclude": "force_exclude",
    "--respect-gitignore": "respect_gitignore",
    "--no-respect-gitignore": "no_respect_gitignore",
}
_WITH_VALUE = ("-j", "--jobs", "--cache-dir", "--output-format")


class CheckRequest:
    """What `mdlint check` was asked: its paths and the options the quick path reads."""

    __slots__ = (
        "cache_dir",
        "exit_zero",
        "force_exclude",
        "isolated",
        "jobs",
        "no_cache",
        "output_format",
        "paths",
        "quiet",
        "respect_gitignore",
    )

    def __init__(self) -> None:
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


def parse_check_args(argv: list[str]) -> CheckRequest | None:
    """The request, or None when the command line is click's to read."""
    if not argv or argv[0] != "check":
        return None
    request = CheckRequest()
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
        if name in _WITH_VALUE:
            given = value if equals else next(words, None)
            if given is None or not _accept_value(request, name, given):
                return None
        elif not equals and word in _FLAGS:
            _set_flag(request, _FLAGS[word])
        else:
            return None
    if "-" in request.paths or request.output_format not in QUICK_FORMATS:
        return None  # stdin is refused, with click's message; other formats have their options
    if _bad_cache_dir(os.environ.get("MDLINT_CACHE_DIR")):
        return None
    return request


def _accept_value(request: CheckRequest, name: str, value: str) -> bool:
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


def _set_flag(request: CheckRequest, name: str) -> None:
    if name == "respect_gitignore":
        request.respect_gitignore = True
    elif name == "no_respect_gitignore":
        request.respect_gitignore = False
    else:
        setattr(request, name, True)
