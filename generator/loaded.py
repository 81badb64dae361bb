"""Notes loaded for a build and rendered into decks: each note read, parsed and extracted (or
taken from the cache), then every card's fields, tags and media gathered per top-level deck.
build.py stamps and writes what this gives."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .attribute import deck_description
from .cache import BuildCache, cache_for
from .collector import collector_paused
from .decks import card_tags
from .identity import card_guid
from .lock import Origin
from .media import NoteImages, collect
from .model import Deck, Diagnostic, ExtractedNote, RenderedCard
from .notefields import Rendered, fields_key, note_fields, resolved_images
from .notes import NoteFile, discover
from .options import BuildOptions
from .workers import Hold, load_notes

# progress(stage, done, total): lets the CLI draw a progress bar; the library never prints.
Progress = Callable[[str, int, int], None]
# How any field refers to a bundled file (an explicit class is three times as fast as
# IGNORECASE on Korean text, and this runs on every field of every card).
_SRC = re.compile("[sS][rR][cC]=")


@dataclass(frozen=True, slots=True)
class LoadedNote:
    file: NoteFile
    note: ExtractedNote
    options: BuildOptions = field(default_factory=BuildOptions)  # with its front matter's
    key: str = ""  # the note's cache key: what its rendered fields are cached under
    guids: tuple[str, ...] = ()  # each card's GUID (worked out on demand when empty)
    rendered: Rendered | None = None  # its fields, if rendered with it (names to be checked)

    def guid(self, index: int) -> str:
        return self.guids[index] if self.guids else guid_of(self.note, index)


def load(
    paths: list[str],
    options: BuildOptions | None = None,
    progress: Progress | None = None,
    discovered: tuple[list[NoteFile], list[Diagnostic]] | None = None,
    hold: Hold | None = None,
) -> tuple[list[LoadedNote], list[Diagnostic], dict[str, str]]:
    """Read, parse and extract every note (from the cache when unchanged, in worker processes
    when there are many); returns the notes, diagnostics and the files that failed, each with
    the deck it most likely feeds ("" when that cannot be told). `discovered`: the notes found
    under `paths` and the problems finding them, when already known; `hold`: which notes to
    leave out, given every note's cache key (see held.py)."""
    options = options or BuildOptions()
    loaded: list[LoadedNote] = []
    diagnostics: list[Diagnostic] = []
    failed: dict[str, str] = {}
    if discovered is None:
        files = discover(paths, diagnostics)
    else:
        files, found = discovered
        diagnostics.extend(found)
    with collector_paused():  # thousands of records, no cycles among them
        outcomes = load_notes(files, options, hold)
    for done, outcome in enumerate(outcomes, 1):
        if progress is not None:
            progress("parse", done, len(outcomes))
        entry = outcome.entry
        if entry is None:
            diagnostics.extend([outcome.error] if outcome.error else [])
            failed[outcome.file.shown] = outcome.deck
            continue
        diagnostics.extend(entry.diagnostics)
        diagnostics.extend(entry.note.diagnostics)
        loaded.append(
            LoadedNote(
                outcome.file, entry.note, entry.options, outcome.key, entry.guids, outcome.rendered
            )
        )
    for problem in diagnostics:  # discovery errors: a folder or file that cannot be read
        if problem.level == "error" and problem.loc:
            failed.setdefault(problem.loc.path, "")
    return loaded, diagnostics, failed


def guid_of(note: ExtractedNote, index: int) -> str:
    card = note.cards[index]
    return card_guid(note.info.key, card.section, card.term, card.cased)


def top_deck(name: str) -> str:
    return name.split("::", 1)[0]


def deck_file_name(deck: str) -> str:
    """A file name for a deck: NFC, spaces as `-`, nothing a file system refuses."""
    name = unicodedata.normalize("NFC", deck)
    # No invisible format characters: U+202E would show `‮gnp.exe.apkg` as `kpa.exe.png`.
    name = "".join(c for c in name if unicodedata.category(c) != "Cf")
    name = re.sub(r"[\s]+", "-", name.strip())
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(".-") or "deck"
    name = name.encode("utf-8")[:200].decode("utf-8", "ignore")  # file systems allow 255 bytes
    return f"{name}.apkg"


def render_decks(
    loaded: list[LoadedNote], options: BuildOptions | None = None
) -> tuple[list[Deck], list[Diagnostic]]:
    options = options or BuildOptions()
    media = collect([_note_images(item) for item in loaded], options)
    cards_by_deck: dict[str, list[RenderedCard]] = {}
    stores: dict[Path, BuildCache] = {}
    for item in loaded:
        note, file = item.note, item.file
        if not note.cards:
            continue
        store = stores.setdefault(file.root, cache_for(file.root, options))
        deck = note.info.deck
        cards = cards_by_deck.setdefault(top_deck(deck), [])
        # The cards of a section share their tags: worked out once, one tuple for all of them.
        tag_sets: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[str, ...]] = {}
        for index, fields in enumerate(_note_fields(item, media.image_map(file.file), store)):
            card = note.cards[index]
            tags = tag_sets.get((card.tags, card.section))
            if tags is None:
                tags = tag_sets[card.tags, card.section] = card_tags(note.info, card, item.options)
            # Document order within each top-level deck: an edit in one deck leaves the
            # others' bytes alone.
            order = len(cards)
            cards.append(RenderedCard(card, item.guid(index), deck, fields, card.kind, order, tags))
    decks: list[Deck] = []
    for name, cards in cards_by_deck.items():
        values = (v for c in cards for v in c.fields.values() if _SRC.search(v))  # the only refs
        used = {n for value in values for n in media.names_in(value)}
        files = tuple(media.files[n] for n in sorted(used))
        decks.append(Deck(name, tuple(cards), files, _description(loaded, name)))
    return decks, media.diagnostics


def _note_fields(
    item: LoadedNote, image_src: Callable[[str], str], store: BuildCache
) -> tuple[dict[str, str], ...]:
    """Every card's HTML fields: as rendered along with the note, or from the cache, when the
    note and its images' names are as they were then."""
    note = item.note
    resolved = resolved_images(note, image_src)
    early = item.rendered
    if early is not None and early.resolved == resolved and len(early.fields) == len(note.cards):
        return early.fields
    key = fields_key(item.key, resolved) if item.key else ""
    if key:
        cached = store.get_fields(key)
        if cached is not None and len(cached) == len(note.cards):
            return cached
    rendered = note_fields(note, item.options, image_src)
    if key:
        store.put_fields(key, rendered)
    return rendered


def _note_images(item: LoadedNote) -> NoteImages:
    images = tuple(image for card in item.note.cards for image in card.images)
    return NoteImages(item.file.file, item.file.root, images)


def _description(loaded: list[LoadedNote], deck: str) -> str:
    notes = [i.note for i in loaded if top_deck(i.note.info.deck) == deck]
    return deck_description([(n.info.title, n.sources) for n in notes])


def origins_of(loaded: list[LoadedNote]) -> tuple[dict[str, Origin], dict[Path, set[str]]]:
    """Each card's notes root, note path and key; the note paths built, per notes root."""
    origins: dict[str, Origin] = {}
    built: dict[Path, set[str]] = {}
    for item in loaded:
        rel = item.file.rel
        built.setdefault(item.file.root, set()).add(rel)
        origin = Origin(item.file.root, rel, item.note.info.key)
        for index in range(len(item.note.cards)):
            origins.setdefault(item.guid(index), origin)  # the first card wins
    return origins, built
