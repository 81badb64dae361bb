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
    # output, identity and decks (see lock.py, decks.py, export.py)
    format: str = "apkg"  # "apkg" or "tsv"
    lock: bool = True  # keep `notedeck.lock` beside the notes (stable note mod times, re-matching)
    removed_tag: str = ""  # re-emit cards that left the notes, tagged with this tag
    one_deck: str = ""  # put every note's deck under this one deck
    folder_decks: bool = True  # nest each note's deck under decks named after its folders
    section_tags: bool = True  # tag cards with their section path
    rematch_threshold: float = 0.6  # how alike a renamed card's definition must stay (0..1)
