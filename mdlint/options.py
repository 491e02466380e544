"""The options of a run and of one file's check, in a module of their own so that the command
line can build them without importing the runner, the parser or the validator.

Like every type a run meets before its first file (tests/test_startup.py guards it), these are
NamedTuples or plain classes, not dataclasses: importing dataclasses and generating each one's
methods cost a warm run a third of its time."""

from __future__ import annotations

from .records import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from .style.settings import FormatSettings

DEFAULT_MAX_HEADER_BYTES = 1_000_000
DEFAULT_VALUE_BUDGET = 100_000


class CheckOptions(NamedTuple):
    require_front_matter: bool = True
    max_header_bytes: int = DEFAULT_MAX_HEADER_BYTES
    value_budget: int = DEFAULT_VALUE_BUDGET
    # The formatter's settings (resolved), or None: the style rules run only when configured.
    style: FormatSettings | None = None


class Overrides(NamedTuple):
    """What the command line says; None (or empty) leaves the configuration's value."""

    schema: str | None = None
    allow_remote_refs: bool = False
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    require_front_matter: bool | None = None
    max_header_bytes: int | None = None
    respect_gitignore: bool | None = None
    force_exclude: bool = False
    unsafe_fixes: bool | None = None
    format: FormatSettings | None = None  # `--format-option` keys, over the config's [format]


class ProjectArgs(NamedTuple):
    """The command line's say in a run's settings: which configuration, and what overrides it."""

    config_file: str | None = None
    isolated: bool = False
    overrides: Overrides = Overrides()  # the options, `--format-option` aside
    format_options: tuple[str, ...] = ()  # `--format-option KEY=VALUE`, as given, read on load
