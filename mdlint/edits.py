"""Text edits on the header: the only way mdlint ever changes a file."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Edit:
    """Replace header characters [start, end) with `text` (start == end inserts)."""

    start: int
    end: int
    text: str


class OverlappingEdits(ValueError):
    pass


def overlaps(a: Edit, b: Edit) -> bool:
    """Two edits touch the same characters, or insert at the same place (their order would matter)."""
    if a.start == b.start:
        return True
    return a.start < b.end and b.start < a.end


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    ordered = sorted(edits)
    for before, after in itertools.pairwise(ordered):
        if overlaps(before, after):
            raise OverlappingEdits(f"edits at {before.start} and {after.start} overlap")
    pieces: list[str] = []
    position = 0
    for edit in ordered:
        pieces.append(text[position : edit.start])
        pieces.append(edit.text)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)
