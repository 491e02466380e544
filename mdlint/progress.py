"""A progress bar for long runs, on stderr.

It appears only when stderr is a terminal, only once the run has lasted about a second (a quick run
never flickers), never when a machine format (json, sarif, ...) is written to stdout, and it is
wiped before the report is printed:

    Checking [##############..............] 4821/10000 files

`Progress.advance` fits the runner's `progress` callback.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from types import TracebackType

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mdlint/generic.py)
if TYPE_CHECKING:
    from typing import TextIO, TypeVar

    _T = TypeVar("_T")

DELAY = 1.0  # seconds before the bar appears
REFRESH = 0.1  # seconds between two redraws


def progress_wanted(
    stream: object,
    *,
    machine_output_on_stdout: bool,
    environ: Mapping[str, str] | None = None,
) -> bool:
    """Whether a run may draw a progress bar on `stream` (stderr)."""
    if machine_output_on_stdout:
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        if not (isatty and isatty()):
            return False
    except ValueError:  # a closed stream
        return False
    return (environ if environ is not None else os.environ).get("TERM") != "dumb"


class Progress:
    """Counts files done out of `total` and draws a bar once `delay` seconds have passed."""

    def __init__(
        self,
        total: int,
        *,
        enabled: bool,
        stream: TextIO | None = None,
        label: str = "Checking",
        delay: float = DELAY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.done = 0
        self.enabled = enabled and total > 1
        self.stream = stream
        self.label = label
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self._drawn_at: float | None = None
        self._width = 0  # characters on the line now

    @property
    def shown(self) -> bool:
        return self._width > 0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < self.delay:
            return
        if self._drawn_at is not None and now - self._drawn_at < REFRESH and self.done < self.total:
            return
        self._drawn_at = now
        self._draw()

    def close(self) -> None:
        """Wipe the bar, so that what is printed next starts on a clean line."""
        if self.shown:
            self._write("\r" + " " * self._width + "\r")
            self._width = 0

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def line(self, columns: int) -> str:
        """The bar as drawn on a terminal `columns` wide."""
        done = min(self.done, self.total)
        count = f" {done}/{self.total} files"
        room = columns - 1 - len(self.label) - len(count) - 3
        bar_width = max(min(room, 40), 0)
        if bar_width < 10:
            return f"{self.label}{count}"[: max(columns - 1, 0)]
        filled = bar_width * done // self.total if self.total else bar_width
        return f"{self.label} [{'#' * filled}{'.' * (bar_width - filled)}]{count}"

    def _draw(self) -> None:
        import shutil  # only once a bar is drawn: it imports the compression modules

        columns = shutil.get_terminal_size((80, 24)).columns
        text = self.line(columns)
        padding = " " * max(self._width - len(text), 0)
        self._write("\r" + text + padding)
        self._width = len(text)

    def _write(self, text: str) -> None:
        stream = self.stream or sys.stderr
        try:
            stream.write(text)
            stream.flush()
        except (OSError, ValueError):
            self.enabled = False
