"""The pipeline, end to end: notes → cards → decks → .apkg files.

Each stage is a function of the previous stage's output; this module only wires them.
Problems in one note are reported with file:line and do not stop the other notes; a deck
with a broken note is not written, so its previous .apkg survives.
"""

from __future__ import annotations

import os
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .cache import CachedNote, cache_for, deck_digest
from .identity import card_guid
from .media import MediaSet
from .model import (
    BuildReport,
    Deck,
    Diagnostic,
    ExtractedNote,
    NotedeckError,
    RenderedCard,
)
from .notes import NoteFile, discover
from .options import BuildOptions
from .workers import (
    Fields,
    Outcome,
    collector_paused,
    job_count,
    load_notes,
    local_media,
    note_guids,
    note_image_map,
    render_note,
    run_writes,
    store_rendered,
)


@dataclass(frozen=True, slots=True)
class LoadedNote:
    file: NoteFile
    note: ExtractedNote
    outcome: Outcome | None = None  # where the note came from, with its rendered fields if any


def load(
    paths: list[str], options: BuildOptions | None = None, render: bool = False
) -> tuple[list[LoadedNote], list[Diagnostic], set[str]]:
    """Read, parse and extract every note (from the cache when unchanged, in worker processes
    when there are many); returns the notes, diagnostics and the files that failed."""
    loaded: list[LoadedNote] = []
    diagnostics: list[Diagnostic] = []
    failed: set[str] = set()
    for outcome in load_notes(discover(paths), options or BuildOptions(), render):
        entry = outcome.entry
        if entry is None:
            diagnostics.extend([outcome.error] if outcome.error else [])
            failed.add(outcome.file.shown)
            continue
        diagnostics.extend(entry.diagnostics)
        diagnostics.extend(entry.note.diagnostics)
        loaded.append(LoadedNote(outcome.file, entry.note, outcome))
    return loaded, diagnostics, failed


def guid_of(note: ExtractedNote, index: int) -> str:
    card = note.cards[index]
    return card_guid(note.info.key, card.section, card.term)


def top_deck(name: str) -> str:
    return name.split("::", 1)[0]


def deck_file_name(deck: str) -> str:
    """A file name for a deck: NFC, spaces as `-`, nothing a file system refuses."""
    name = unicodedata.normalize("NFC", deck)
    name = re.sub(r"[\s]+", "-", name.strip())
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(".-") or "deck"
    return f"{name}.apkg"


def render_decks(
    loaded: list[LoadedNote], options: BuildOptions | None = None
) -> tuple[list[Deck], list[Diagnostic]]:
    media = MediaSet()
    cards_by_deck: dict[str, list[RenderedCard]] = {}
    used: dict[str, set[str]] = {}
    titles: dict[str, list[str]] = {}
    for item in loaded:
        note, file = item.note, item.file
        titles.setdefault(top_deck(note.info.deck), []).append(note.info.title)
        local_media(media, note, file)
        image_map = note_image_map(media, note, file)
        fields = _fields(item, image_map, options or BuildOptions())
        entry = item.outcome.entry if item.outcome is not None else None
        guids = entry.guids if entry is not None and entry.guids is not None else None
        guids = guids or note_guids(note)
        names = set(image_map.values())
        for index, card in enumerate(note.cards):
            deck = note.info.deck
            cards = cards_by_deck.setdefault(top_deck(deck), [])
            # Document order within each top-level deck: what one .apkg holds depends on the
            # notes of that deck alone, so an edit elsewhere leaves this deck's bytes alone.
            rendered = RenderedCard(
                card, guids[index], deck, fields[index], card.kind, len(cards), card.tags
            )
            cards.append(rendered)
            definition = rendered.fields.get("Definition", "")
            used.setdefault(top_deck(deck), set()).update(n for n in names if n in definition)
    decks: list[Deck] = []
    for name, cards in cards_by_deck.items():
        files = tuple(media.files[n] for n in sorted(used[name]))
        description = "Built by notedeck from: " + ", ".join(titles[name])
        decks.append(Deck(name, tuple(cards), files, description))
    return decks, media.diagnostics


def _fields(item: LoadedNote, image_map: dict[str, str], options: BuildOptions) -> Fields:
    """The note's rendered fields: the cached ones when its images resolve as they did."""
    outcome = item.outcome
    entry = outcome.entry if outcome is not None else None
    if entry is not None and entry.fields is not None and entry.image_map == image_map:
        return entry.fields
    fields = render_note(item.note, image_map)
    if outcome is not None and entry is not None:
        entry = CachedNote(entry.note, entry.diagnostics, image_map, fields, entry.guids)
        store_rendered(options, outcome, entry)
    return fields


def build_epoch() -> int:
    """The build time: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else int(time.time())


def build(paths: list[str], options: BuildOptions | None = None) -> BuildReport:
    options = options or BuildOptions()
    out = options.out
    loaded, diagnostics, _failed = load(paths, options, render=True)
    with collector_paused():  # tens of thousands of records, no cycles among them
        decks, media_diagnostics = render_decks(loaded, options)
    diagnostics.extend(media_diagnostics)
    epoch = build_epoch()
    pinned = os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit()
    store = cache_for(loaded[0].file.root if loaded else None, options)
    outputs: list[str] = []
    pending: list[tuple[Path, str, Callable[[], None]]] = []

    def mod_time(_card: RenderedCard) -> int:
        return epoch

    for deck in decks:
        target = out / deck_file_name(deck.name)
        outputs.append(str(target))
        # Same inputs give the same bytes, so a deck whose inputs are unchanged is not rewritten.
        digest = deck_digest(deck, [mod_time(c) for c in deck.cards], epoch, pinned)
        if not store.deck_fresh(target, digest):
            from .package import write_apkg  # genanki is imported only when a deck is written

            pending.append((target, digest, partial(write_apkg, deck, target, mod_time, epoch)))
    problems = run_writes([write for _, _, write in pending], job_count(options))
    for (target, digest, _), problem in zip(pending, problems, strict=True):
        if problem:
            raise NotedeckError(None, f"cannot write {target}: {problem}")
        store.record_deck(target, digest)
    store.save_decks()
    written = len(pending)
    stats = {
        "decks": len(outputs),
        "cards": sum(len(d.cards) for d in decks),
        "media": sum(len(d.media) for d in decks),
        "written": written,
        "warnings": sum(1 for d in diagnostics if d.level == "warning"),
        "errors": sum(1 for d in diagnostics if d.level == "error"),
    }
    return BuildReport(tuple(decks), tuple(outputs), tuple(diagnostics), stats)
