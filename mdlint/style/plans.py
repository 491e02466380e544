"""What a style finding carries as its `detail`: the fix planned when it was found, or why none is.

Apart from style.base so that the fix engine (`mdlint.fixes`), which every check of an invalid
header imports, can tell these plans apart without importing what the style rules work with.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..edits import Edit


@dataclass(frozen=True)
class StyleFix:
    """The repair planned with a style finding; always safe, since it never changes the data."""

    edits: tuple[Edit, ...]
    description: str
    # Lower goes first in a fix pass. Key order moves whole blocks, and the blank lines it uses
    # to tell a banner comment from a key's own comment are there only before ST007 runs.
    priority: int = 1


@dataclass(frozen=True)
class StyleRefusal:
    """A style finding that mdlint will not repair itself, and why."""

    reason: str
