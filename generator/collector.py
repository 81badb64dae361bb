"""Pausing Python's cycle collector where a build makes many objects and no garbage cycles,
and running it where it does (see each function)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from contextlib import AbstractContextManager


@contextlib.contextmanager
def _switched(on: bool) -> Iterator[None]:
    """The collector on (or off) inside the block, as it was after it."""
    before = gc.isenabled()
    gc.enable() if on else gc.disable()
    try:
        yield
    finally:
        gc.enable() if before else gc.disable()


def collector_running() -> AbstractContextManager[None]:
    """Parsing makes garbage cycles (syntax tree nodes point at their parents), so the cycle
    collector runs while notes are processed, even inside `collector_paused` (and in workers,
    which inherit a paused collector when forked): without it every parsed note stayed in
    memory until the build ended."""
    return _switched(True)


def collector_paused() -> AbstractContextManager[None]:
    """Loading thousands of cached records or lock entries, or importing the pipeline, creates
    no garbage cycles; pausing the cycle collector meanwhile saves its repeated walks over
    every object made so far."""
    return _switched(False)


def settle_long_lived() -> None:
    """Between the watcher's rebuilds: collect the last rebuild's garbage, then set every
    object left (the pipeline's modules, the cards the watcher remembers) aside from the
    collector's walks, which otherwise revisit them all many times in each rebuild. Run
    while waiting for the next change, so its time is never a rebuild's."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
