"""The options of one file's check, in a module of its own so that reading them costs no parser."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .style.settings import FormatSettings

DEFAULT_MAX_HEADER_BYTES = 1_000_000
DEFAULT_VALUE_BUDGET = 100_000


@dataclass(frozen=True)
class CheckOptions:
    require_front_matter: bool = True
    max_header_bytes: int = DEFAULT_MAX_HEADER_BYTES
    value_budget: int = DEFAULT_VALUE_BUDGET
    # The formatter's settings (resolved), or None: the style rules run only when configured.
    style: FormatSettings | None = None
