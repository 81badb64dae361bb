"""`notedeck build` answered from the record of the last build (unchanged.py) before the
pipeline (parser, extractor, renderer, genanki) is imported: with nothing changed, importing
them was most of the time a build took."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import unchanged
from .collector import collector_paused
from .model import BuildReport
from .options import BuildOptions

if TYPE_CHECKING:
    from .loaded import Progress


def build(
    paths: list[str],
    options: BuildOptions | None = None,
    progress: Progress | None = None,
    *,
    every_card: bool = False,
) -> BuildReport:
    """The same as `build.build`."""
    options = options or BuildOptions()
    before = unchanged.check(paths, options)
    if before is not None and before.report is not None and not every_card:
        return before.report
    with collector_paused():  # thousands of functions and classes, no garbage
        from .build import build as full

    return full(paths, options, progress, checked=(before,), every_card=every_card)
