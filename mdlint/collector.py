"""The pace of Python's collector of reference cycles over a run of the `mdlint` command.

A run starts by importing its modules, reading its settings and the cache: it makes tens of
thousands of objects, few of them garbage, and none in cycles to speak of. With the default
threshold (a collection every 700 objects made) a check of 2,000 articles answered from the
cache paid 3-7 ms (5-9% of the run) for 24 collections that freed 117 objects in all; 60
collections and ~20 ms at 20,000. So the command starts with a collection every 200,000
objects (as mypy runs), and goes back to the usual pace once files are checked or fixed: that
work does leave cycles (the collector freed ~15,000 objects in a cold check of 2,000 articles),
and at the slow pace they piled up to 6-10 MB more at the peak at 20,000. (`Workers.map` calls
`working`; the quick path, a few plain valid headers read without libyaml, never does.)
"""

from __future__ import annotations

import gc

STARTING_THRESHOLD = 200_000
_usual: tuple[int, int, int] | None = None  # the thresholds before `starting`


def starting() -> None:
    """Collect cycles rarely: the command has just started."""
    global _usual
    if _usual is None:
        _usual = gc.get_threshold()
        gc.set_threshold(STARTING_THRESHOLD, *_usual[1:])


def working() -> None:
    """Collect cycles at the usual pace again (a no-op unless `starting` was called)."""
    global _usual
    if _usual is not None:
        gc.set_threshold(*_usual)
        _usual = None
