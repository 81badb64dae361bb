"""Build options: one frozen record that every stage may read.

Defaults live here; `config.py` merges defaults ← file ← front matter ← flags into it. Add a
field here, with its default, when a stage gains a setting.
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
    cache_dir: Path | None = None  # downloaded images; None: <out>/.notedeck-cache
    download_timeout: float = 15.0  # seconds per remote image, headers and body
    max_image_bytes: int = 10 * 1024 * 1024  # a larger remote image is not bundled
    download_workers: int = 4  # remote images downloaded at once
    # render
    allow_html: bool = False  # trusted notes: skip HTML sanitising
    reverse: bool = False  # also make definition → term cards
    # configuration (config.py): deck naming, tags, strategies, language
    deck: str = "{folder}::{title}"  # deck name template: {title}, {stem}, {folder}
    tags: tuple[str, ...] = ()  # added to every card
    strategies_off: frozenset[str] = frozenset()  # extraction strategies switched off
    language: str = "auto"  # the notes' language: "auto", or a code such as "ko" or "en"
    pinned: frozenset[str] = frozenset()  # fields set on the command line: front matter keeps off
    # output, identity and decks (see lock.py, decks.py, export.py)
    format: str = "apkg"  # "apkg" or "tsv"
    lock: bool = True  # keep `notedeck.lock` beside the notes (stable note mod times, re-matching)
    removed_tag: str = ""  # re-emit cards that left the notes, tagged with this tag
    one_deck: str = ""  # put every note's deck under this one deck
    section_tags: bool = True  # tag cards with their section path
    rematch_threshold: float = 0.6  # how alike a renamed card's definition must stay (0..1)
    # speed
    jobs: int = 0  # worker processes for large builds; 0 = one per CPU, 1 = this process only
    cache: bool = True  # reuse unchanged notes' results and leave unchanged decks unwritten
    build_cache_dir: Path | None = None  # parse cache; default: .notedeck-cache/ in each notes root
    # answer a build whose inputs are all unchanged from the record of the last one (its report
    # then lists decks without their cards: the CLI's one-off builds, not watch or library use)
    reuse_unchanged: bool = False
