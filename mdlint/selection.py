"""Which rules are on for a file: `select`, `ignore`, `extend-select` and `per-file-ignores`.

As in Ruff, a selector is a rule code (`SC001`), a prefix of codes (`SC`, `SC00`) or `ALL`. Within
one layer of settings (the config file, then the command line) the most specific selector wins,
whatever list it is in; on a tie `ignore` wins. A layer that sets `select` starts afresh.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from .globs import GlobSet
from .records import NamedTuple
from .rules import RULES

ALL = "ALL"


@cache
def all_codes() -> tuple[str, ...]:
    return tuple(rule.code for rule in RULES)


def is_known_selector(text: str) -> bool:
    return text == ALL or any(code.startswith(text) for code in all_codes())


def parse_selector(text: str) -> str:
    """`text` as a selector (upper-cased), or ValueError naming what is wrong."""
    normalised = text.strip().upper()
    if not normalised or not is_known_selector(normalised):
        raise ValueError(f'unknown rule code or prefix "{text}" (see `mdlint rule --all`)')
    return normalised


def matches(selector: str, code: str) -> bool:
    return selector == ALL or code.startswith(selector)


def _specificity(selector: str) -> int:
    return 0 if selector == ALL else len(selector)


class SelectionLayer(NamedTuple):
    """One source of rule selection; `select=None` keeps what earlier layers chose."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()

    def decide(self, code: str, enabled_before: bool) -> bool:
        chosen = [s for s in (*(self.select or ()), *self.extend_select) if matches(s, code)]
        ignored = [s for s in self.ignore if matches(s, code)]
        best_chosen = max(map(_specificity, chosen), default=-1)
        best_ignored = max(map(_specificity, ignored), default=-1)
        if best_chosen < 0 and best_ignored < 0:
            return enabled_before and self.select is None
        return best_chosen > best_ignored


def enabled_codes(layers: Sequence[SelectionLayer]) -> frozenset[str]:
    """The codes left on after every layer, starting from all rules."""
    enabled = set(all_codes())
    for layer in layers:
        enabled = {code for code in all_codes() if layer.decide(code, code in enabled)}
    return frozenset(enabled)


class PerFileIgnore(NamedTuple):
    """A `per-file-ignores` entry. A glob starting with `!` applies to files it does not match."""

    globs: GlobSet
    negated: bool
    selectors: tuple[str, ...]

    def applies_to(self, path: str) -> bool:
        return self.globs.matches(path) != self.negated


def per_file_ignores(
    root: str, entries: Iterable[tuple[str, tuple[str, ...]]]
) -> tuple[PerFileIgnore, ...]:
    result = []
    for glob, selectors in entries:
        negated = glob.startswith("!")
        result.append(
            PerFileIgnore(GlobSet(root, [glob[1:] if negated else glob]), negated, selectors)
        )
    return tuple(result)


class RuleFilter(NamedTuple):
    """Decides, for one file's path, which finding codes are reported."""

    enabled: frozenset[str]
    per_file: tuple[PerFileIgnore, ...] = ()

    def codes_for(self, path: str) -> frozenset[str]:
        ignored = [
            selector
            for entry in self.per_file
            if entry.applies_to(path)
            for selector in entry.selectors
        ]
        if not ignored:
            return self.enabled
        return frozenset(
            code for code in self.enabled if not any(matches(s, code) for s in ignored)
        )
