"""The formatter's settings: `[tool.mdlint.format]` (or `[format]` in `.mdlint.toml`), typed.

Every style rule is off until a key (or the `style` preset) turns it on, so a project that never
writes a `[format]` table pays nothing for the formatter. A key left out is `None`; the value
`"preserve"` (or `false` for the two switches) turns a rule off explicitly, which matters when a
preset would turn it on: explicit keys always win over the preset.

This module imports nothing heavy: the configuration loader reads it on every run.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..records import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import Any, Literal

    QuoteStyle = Literal["double", "single", "plain", "preserve"]
    ListStyle = Literal["block", "flow", "preserve"]

PRESERVE = "preserve"
QUOTE_STYLES = ("double", "single", "plain", PRESERVE)
LIST_STYLES = ("block", "flow", PRESERVE)
LIST_INDENTS = (0, 2, 4)
CLOSING_FENCES = ("---", PRESERVE)


class FormatSettingError(ValueError):
    """A `[format]` key that is unknown or has a value of the wrong type or range."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.message = message


class FormatSettings(NamedTuple):
    """The style rules' settings. `None` means "not set": the preset (if any) decides, else off."""

    style: str | None = None  # a preset's name: "mainroad"
    key_order: tuple[str, ...] | Literal["schema", "preserve"] | None = None  # ST001
    quote_style: QuoteStyle | None = None  # ST002
    list_style: ListStyle | None = None  # ST003
    list_indent: int | Literal["preserve"] | None = None  # ST004
    space_after_colon: bool | None = None  # ST005
    trim_trailing_whitespace: bool | None = None  # ST006
    max_blank_lines: int | Literal["preserve"] | None = None  # ST007
    blank_lines_after_header: int | Literal["preserve"] | None = None  # ST008
    closing_fence: Literal["---", "preserve"] | None = None  # ST009

    def resolved(self) -> FormatSettings:
        """The settings with the preset's values filled in where no key was given."""
        if self.style is None:
            return self
        preset = PRESETS[self.style]
        return self._replace(
            **{
                name: getattr(preset, name)
                for name in self._fields
                if name != "style" and getattr(self, name) is None
            },
        )

    def merged(self, over: FormatSettings) -> FormatSettings:
        """These settings with every key that `over` sets taken from `over` (the command line)."""
        return self._replace(
            **{
                name: getattr(over, name)
                for name in over._fields
                if getattr(over, name) is not None
            }
        )

    @property
    def enabled(self) -> bool:
        """Whether any style rule is on (after the preset is applied), as the rules judge it."""
        settings = self.resolved()
        if all(getattr(settings, name) is None for name in settings._fields if name != "style"):
            return False  # nothing set: no need to load the rules
        from .registry import STYLE_RULES

        return any(rule.enabled(settings) for rule in STYLE_RULES)

    def describe(self) -> str:
        """The settings in force as TOML-like `key = value` pairs, for `--show-settings`."""
        settings = self.resolved()
        pairs = []
        for name in settings._fields:
            value = getattr(settings, name)
            if value is None:
                continue
            pairs.append(f"{name.replace('_', '-')} = {_toml(value)}")
        return ", ".join(pairs) if pairs else "(off)"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return str(value)


PRESETS: dict[str, FormatSettings] = {
    # The house style of the bundled Hugo/Mainroad article schema.
    "mainroad": FormatSettings(
        key_order="schema",
        quote_style="double",
        list_style="block",
        list_indent=2,
        space_after_colon=True,
        trim_trailing_whitespace=True,
        max_blank_lines=0,
        blank_lines_after_header=1,
        closing_fence="---",
    ),
}


# --- Reading a TOML table ------------------------------------------------------------------------


def _choice(options: tuple[Any, ...]) -> str:
    shown = [f'"{o}"' if isinstance(o, str) else str(o) for o in options]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


def _expected(key: str, what: str, value: Any) -> FormatSettingError:
    from ..config import describe  # config reads this module at import: describe waits

    return FormatSettingError(key, f"expected {what}, found {describe(value)}")


def _one_of(options: tuple[Any, ...]) -> Any:
    def read(key: str, value: Any) -> Any:
        if not any(type(value) is type(option) and value == option for option in options):
            raise _expected(key, _choice(options), value)
        return value

    return read


def _preset(key: str, value: Any) -> str:
    if not isinstance(value, str) or value not in PRESETS:
        raise _expected(key, _choice(tuple(PRESETS)), value)
    return value


def _key_order(key: str, value: Any) -> tuple[str, ...] | str:
    what = '"schema", "preserve" or a list of keys like ["title", "date"]'
    if value in ("schema", PRESERVE):
        return str(value)
    if not isinstance(value, list) or not value:
        raise _expected(key, what, value)
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise _expected(f"{key}[{index}]", "a key (a string)", item)
    if len(set(value)) != len(value):
        duplicate = next(item for item in value if value.count(item) > 1)
        raise FormatSettingError(key, f'the key "{duplicate}" is listed twice')
    return tuple(value)


def _switch(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _expected(key, "true or false", value)
    return value


def _count(key: str, value: Any) -> int | str:
    if value == PRESERVE:
        return PRESERVE
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _expected(key, 'a whole number, 0 or more, or "preserve"', value)
    return value


_READERS = {
    "style": _preset,
    "key-order": _key_order,
    "quote-style": _one_of(QUOTE_STYLES),
    "list-style": _one_of(LIST_STYLES),
    "list-indent": _one_of((*LIST_INDENTS, PRESERVE)),
    "space-after-colon": _switch,
    "trim-trailing-whitespace": _switch,
    "max-blank-lines": _count,
    "blank-lines-after-header": _count,
    "closing-fence": _one_of(CLOSING_FENCES),
}
KNOWN_KEYS = tuple(_READERS)


def unknown_key_hint(key: str, known: tuple[str, ...]) -> str:
    """`did you mean "list-indent"?`, or the known keys when none is close (any settings table)."""
    import difflib

    guess = difflib.get_close_matches(key.replace("_", "-"), known, n=1, cutoff=0.6)
    return f'did you mean "{guess[0]}"?' if guess else f"known keys: {', '.join(known)}"


def parse_format_settings(table: Mapping[str, Any]) -> FormatSettings:
    """The settings a `[format]` table gives. Raises FormatSettingError naming the key at fault."""
    values: dict[str, Any] = {}
    for key, value in table.items():
        reader = _READERS.get(key)
        if reader is None:
            raise FormatSettingError(key, f"unknown key; {unknown_key_hint(key, KNOWN_KEYS)}")
        values[key.replace("-", "_")] = reader(key, value)
    return FormatSettings(**values)


def parse_option(text: str) -> tuple[str, Any]:
    """`KEY=VALUE` from `--format-option`: VALUE is read as TOML (`4`, `true`, `["a", "b"]`),
    and as a bare string when it is not TOML (`quote-style=double`)."""
    from ..config_search import NotToml, parse_toml

    key, equals, raw = text.partition("=")
    key, raw = key.strip(), raw.strip()
    if not equals or not key:
        raise FormatSettingError(text, 'expected KEY=VALUE, like "quote-style=double"')
    try:
        value: Any = parse_toml("--format-option", f"value = {raw}")["value"]
    except NotToml:
        value = raw
    return key, value
