"""The rule catalogue as text for people: `mdlint rule CODE` and `mdlint rule --all`."""

from __future__ import annotations

import difflib
import textwrap

from .rules import BY_CODE, RULES, Rule

_FIX_TEXT = {
    "safe": "safe: `mdlint fix` repairs it without changing what the author meant.",
    "unsafe": "unsafe: `mdlint fix --unsafe-fixes` repairs it with a guess; review the change.",
    "safe or unsafe": (
        "safe or unsafe, depending on the value: `mdlint fix` applies the fixes that keep the "
        "author's meaning, `mdlint fix --unsafe-fixes` also those that guess."
    ),
    "none": "none: mdlint reports it; a person fixes it.",
}


class UnknownRule(LookupError):
    pass


def find_rule(name: str) -> Rule:
    """A rule by its code (`SC001`, any case) or its name (`wrong-type`)."""
    wanted = name.strip()
    rule = BY_CODE.get(wanted.upper()) or next((r for r in RULES if r.name == wanted.lower()), None)
    if rule is not None:
        return rule
    choices = [r.code for r in RULES] + [r.name for r in RULES]
    guess = difflib.get_close_matches(wanted, choices, n=1, cutoff=0.6)
    hint = f'; did you mean "{guess[0]}"?' if guess else "; `mdlint rule --all` lists them"
    raise UnknownRule(f'unknown rule "{name}"{hint}')


def explain(rule: Rule) -> str:
    """What the rule checks, why, an example, and how its fix behaves."""
    parts = [
        f"{rule.code} ({rule.name})",
        "",
        _wrap(rule.summary),
        "",
        "Why:",
        _wrap(rule.why, "  "),
    ]
    if rule.example:
        parts += ["", "Example:", textwrap.indent(rule.example, "    ")]
    parts += ["", "Fix:", _wrap(_FIX_TEXT[rule.fix], "  ")]
    return "\n".join(parts) + "\n"


def listing() -> str:
    """One line per rule: code, name, summary."""
    width = max(len(rule.name) for rule in RULES)
    return "".join(f"{rule.code}  {rule.name:<{width}}  {rule.summary}\n" for rule in RULES)


def _wrap(text: str, indent: str = "") -> str:
    return textwrap.fill(text, width=100, initial_indent=indent, subsequent_indent=indent)
