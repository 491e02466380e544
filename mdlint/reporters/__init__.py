"""Reporters turn results into text. Each is registered by the name `--output-format` takes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TextIO

from ..findings import FileResult


@dataclass(frozen=True)
class ReportOptions:
    color: bool = False
    quiet: bool = False


Reporter = Callable[[Sequence[FileResult], TextIO, ReportOptions], None]


def get_reporter(name: str) -> Reporter:
    if name == "concise":
        from .text import report_concise

        return report_concise
    raise KeyError(name)


REPORTER_NAMES = ("concise",)
