"""The quick path: `mdlint check` or `mdlint fix` on a few files, answered without importing
click, the YAML parser or a JSON Schema validator, when every file is plainly clean.

The pre-commit hooks run `mdlint fix` and `mdlint check` on the handful of files in a commit, and almost always they
are fine. Python's start-up is then most of the cost, and the full path's imports (its settings,
discovery and report modules, their dataclasses, PyYAML for a header that needs it) cost twice
the interpreter's own. So the command first tries this path:

- the command line is one `quick.args` understands, no configuration file is in force and
  nothing in the environment changes the settings (the defaults: the bundled schema, no style);
- each file is a regular file whose header is a plain `---` block that `quick.header` reads (the
  common subset of YAML) and that `quick.article_validator` (the bundled schema, compiled ahead of
  time) finds valid, and that holds no `mdlint:` directive and no `$schema` key.

Then every file is clean (and `fix` has nothing to change), and the run prints what the full
path would print for clean files. At
the first doubt it returns None and the full path starts over, so its answer is the only one ever
given about a file with a problem. The cache is neither read nor written here: for a few files
checking is cheaper than hashing, and a file left out of the cache is only checked again later.
"""

from __future__ import annotations

import os
import stat
import sys

from .args import MACHINE_FORMATS, Request

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from collections.abc import Callable  # not at run time: collections costs a call ~1.5 ms

MAX_FILES = 64  # above this the full path's processes and cache do better
MAX_HEAD_BYTES = 65536  # a header longer than this is left to the full path
_OPENINGS = (b"---\n", b"---\r\n")


def run_quickly(request: Request) -> int | None:
    """The exit code when the quick path answered the whole command, None to hand it on."""
    if not request.paths or len(request.paths) > MAX_FILES or _settings_changed(request):
        return None
    files = _files_to_check(request)
    if files is None:
        return None
    from .bundled import current_validator

    is_valid = current_validator()
    if is_valid is None:
        return None  # the bundled schema changed since its validator was generated
    if not all(_plainly_clean(path, is_valid) for path in files):
        return None
    if not request.quiet:
        _print_clean_summary(request, len(files))
    return 0


def _print_clean_summary(request: Request, count: int) -> None:
    """What the full path prints after clean files: check's and fix's summary lines (on stderr
    when standard output is a program's: a format like `github`, or fix's diff)."""
    summary = sys.stderr if request.output_format in MACHINE_FORMATS else sys.stdout
    if request.command == "check":
        print(f"No problems found ({count} file{'' if count == 1 else 's'} checked).", file=summary)
    elif request.show_diff or request.check_only:
        print("0 files would be changed.", file=sys.stderr if request.show_diff else sys.stdout)
    else:
        print("Fixed 0 problems in 0 files; none remain.", file=summary)


def _settings_changed(request: Request) -> bool:
    """Whether anything but the defaults may be in force: a configuration file, or the
    environment switch that turns the pre-checks off."""
    if os.environ.get("MDLINT_NO_FAST_VALIDATOR"):
        return True
    if request.isolated:
        return False
    from ..config_search import NotToml, find_config_file

    try:
        return find_config_file(os.getcwd()) is not None
    except NotToml:
        return True  # the full path reports it


def _files_to_check(request: Request) -> list[str] | None:
    """The files the full path would check (as discovery.discover picks named files), or None
    when it would say more than that."""
    for path in request.paths:
        try:
            mode = os.stat(path).st_mode
        except (OSError, ValueError):
            return None  # missing or unreadable: the full path reports it
        if not stat.S_ISREG(mode):
            return None  # a directory to walk, a pipe to refuse
    paths = _not_excluded(request) if request.force_exclude else request.paths
    return _each_once(paths)


def _not_excluded(request: Request) -> list[str]:
    """With --force-exclude the default exclusions and .gitignore apply to named files too."""
    from ..gitignore import GitIgnore
    from ..globs import DEFAULT_EXCLUDE, GlobSet

    exclude = GlobSet(os.getcwd(), DEFAULT_EXCLUDE)
    gitignore = GitIgnore() if request.respect_gitignore is not False else None
    kept = []
    for path in request.paths:
        absolute = os.path.abspath(path)
        if exclude.matches_absolute(absolute) or (gitignore and gitignore.ignored(absolute, False)):
            continue
        kept.append(path)
    return kept


def _each_once(paths: list[str]) -> list[str]:
    """A file named twice (or by two names) is checked once, as discovery does."""
    seen: set[tuple[int, int]] = set()
    files = []
    for path in paths:
        status = os.stat(path)
        if (status.st_dev, status.st_ino) not in seen:
            seen.add((status.st_dev, status.st_ino))
            files.append(path)
    return files


def _plainly_clean(path: str, is_valid: Callable[[object], bool]) -> bool:
    header = _plain_header(path)
    if header is None or "mdlint" in header or "$schema" in header:
        return False  # a directive or a schema of its own: the full path knows what to do
    from .header import read_header

    data = read_header(header)
    return data is not None and is_valid(data)


def _plain_header(path: str) -> str | None:
    """The header of a file that opens with a `---` line and closes it with another, in UTF-8
    with LF or CRLF line ends; None for anything else (a BOM, a CR alone, `...`, TOML, no
    header). quick.header refuses a CR that ends no CRLF in the header itself."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(MAX_HEAD_BYTES)
    except OSError:
        return None
    opening = next((fence for fence in _OPENINGS if head.startswith(fence)), None)
    if opening is None:
        return None
    closing = head.find(b"\n---", len(opening) - 1)
    first_fence_like = min(
        (found for found in (closing, head.find(b"\n...", len(opening) - 1)) if found >= 0),
        default=-1,
    )
    if first_fence_like < 0 or first_fence_like != closing:
        return None
    after = head[closing + 4 : closing + 6]
    if not (
        after[:1] == b"\n" or after == b"\r\n" or (after == b"" and len(head) < MAX_HEAD_BYTES)
    ):
        return None
    try:
        header = head[len(opening) : closing + 1].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return header if "\x00" not in header else None
