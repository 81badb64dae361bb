"""Pausing Python's cycle collector where a build makes many objects and no garbage cycles,
and running it where it does (see each function)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_running() -> Iterator[None]:
    """Parsing makes garbage cycles (syntax tree nodes point at their parents), so the cycle
    collector runs while notes are processed, even inside `collector_paused` (and in workers,
    which inherit a paused collector when forked): without it every parsed note stayed in
    memory until the build ended."""
    enabled = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not enabled:
            gc.disable()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Loading thousands of cached records or lock entries, or importing the pipeline, creates
    no garbage cycles; pausing the cycle collector meanwhile saves its repeated walks over
    every object made so far."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
