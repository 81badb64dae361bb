"""Decks a build keeps without loading their notes (see settled.held), seen from the build: what
fed each deck this time (recorded for the next build), whether the loaded notes touch a kept
deck after all, and the kept decks in their place among the others.

After editing one note of a large vault, loading every other note's cached cards, rendering
them and digesting their decks only finds them unchanged. A kept deck appears in the build's
report by name, media and description, and its cards are counted, not listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .lock import LockFile
from .media import bundled_digest
from .model import Deck, Diagnostic
from .notes import NoteFile
from .settled import DeckRecord, Fed, Touched

if TYPE_CHECKING:
    from .loaded import LoadedNote


def fed(loaded: Iterable[LoadedNote], diagnostics: Iterable[Diagnostic]) -> dict[str, Fed]:
    """Per top-level deck: every loaded note feeding it (path and cache key), its first note
    with cards, and whether nothing was reported about those notes (a note without a cache
    key, or a report that names no note, makes it not clean)."""
    reported = {d.loc.path if d.loc else None for d in diagnostics}
    notes: dict[str, list[tuple[str, str]]] = {}
    leads: dict[str, str] = {}
    clean: dict[str, bool] = {}
    for item in loaded:
        name = item.note.info.deck.split("::", 1)[0]
        notes.setdefault(name, []).append((item.file.rel, item.key))
        if item.note.cards:
            leads.setdefault(name, item.file.rel)
        quiet = item.key != "" and item.file.shown not in reported and None not in reported
        clean[name] = clean.get(name, True) and quiet
    return {
        name: Fed(tuple(rels), leads.get(name, ""), clean[name]) for name, rels in notes.items()
    }


def check_untouched(
    decks: Iterable[Deck], held: Mapping[str, DeckRecord], lock: LockFile | None
) -> None:
    """Touched when a rendered card has the identity of a kept deck's card (a full build would
    report a duplicate) or a rendered deck bundles an image whose bytes a kept deck bundles
    under another name (a full build names it once, for the note that comes first)."""
    kept_media = {bundled_digest(m.name): m.name for record in held.values() for m in record.media}
    kept_ids: set[str] = set()
    for record in held.values():
        for guid in record.guids:
            entry = lock.cards.get(guid) if lock is not None else None
            kept_ids.update({guid, entry.alias} if entry is not None and entry.alias else {guid})
    for deck in decks:
        if deck.name in held:
            raise Touched
        for media in deck.media:
            if kept_media.get(bundled_digest(media.name), media.name) != media.name:
                raise Touched
        if any(card.guid in kept_ids for card in deck.cards):
            raise Touched


def in_order(
    decks: list[Deck],
    held: Mapping[str, DeckRecord],
    fed: Mapping[str, Fed],
    files: list[NoteFile],
) -> list[Deck]:
    """The built decks and the kept ones in the order a build of every note gives: by their
    first note with cards."""
    if not held:
        return decks
    kept = [Deck(name, (), record.media, record.description) for name, record in held.items()]
    position = {file.rel: index for index, file in enumerate(files)}
    leads = {name: record.lead for name, record in held.items()}
    leads |= {name: source.lead for name, source in fed.items()}
    return sorted([*decks, *kept], key=lambda d: position.get(leads.get(d.name, ""), len(files)))


def counts(decks: Iterable[Deck], held: Mapping[str, DeckRecord]) -> tuple[int, ...]:
    """Cards per deck, kept decks counted from their record."""
    return tuple(len(held[d.name].guids) if d.name in held else len(d.cards) for d in decks)
