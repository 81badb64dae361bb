"""Build options: one frozen record that every stage may read.

Defaults live here; `config.py`-style merging (defaults ← file ← front matter ← flags) fills
it in. Add a field here, with its default, when a stage gains a setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class BuildOptions:
    out: Path = Path("dist")
    # media
    offline: bool = False  # never download remote images
    refresh: bool = False  # re-download remote images even when cached
    strict: bool = False  # a missing image is an error, not a warning
    # render
    allow_html: bool = False  # trusted notes: skip HTML sanitising
    reverse: bool = False  # also make definition → term cards
    # speed
    jobs: int = 0  # worker processes for large builds; 0 = one per CPU, 1 = this process only
    cache: bool = True  # reuse unchanged notes' results and leave unchanged decks unwritten
    cache_dir: Path | None = None  # default: .notedeck-cache/ inside each notes root
