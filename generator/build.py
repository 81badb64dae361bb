"""The pipeline, end to end: notes → cards → decks → .apkg files.

Each stage is a function of the previous stage's output; this module only wires them.
Problems in one note are reported with file:line and do not stop the other notes; a deck
with a broken note is not written, so its previous .apkg survives.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from .extract import extract, title_section
from .fsutil import describe_os_error
from .identity import card_guid
from .media import MediaSet, is_remote
from .model import (
    BuildReport,
    Deck,
    Diagnostic,
    ExtractedNote,
    NotedeckError,
    RenderedCard,
)
from .notes import NoteFile, deck_guess, discover, note_info
from .options import BuildOptions
from .package import write_apkg
from .parse import parse
from .read import read_note
from .render import basic_fields


@dataclass(frozen=True, slots=True)
class LoadedNote:
    file: NoteFile
    note: ExtractedNote


def load(paths: list[str]) -> tuple[list[LoadedNote], list[Diagnostic], set[str]]:
    """Read, parse and extract every note; returns the notes, diagnostics and the files that
    failed."""
    loaded: list[LoadedNote] = []
    diagnostics: list[Diagnostic] = []
    failed: set[str] = set()
    for file in discover(paths, diagnostics):
        try:
            source = read_note(file.file, file.shown)
            parsed = parse(source.text)
            title = title_section(parsed)
            info = note_info(file, source, parsed, title.title if title else "")
            note = extract(parsed, info)
        except NotedeckError as exc:
            diagnostics.append(Diagnostic(exc.loc, "error", exc.message, exc.hint))
            failed.add(file.shown)
            continue
        diagnostics.extend(source.diagnostics)
        diagnostics.extend(note.diagnostics)
        loaded.append(LoadedNote(file, note))
    failed.update(d.loc.path for d in diagnostics if d.level == "error" and d.loc)
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
    name = name.encode("utf-8")[:200].decode("utf-8", "ignore")  # file systems allow 255 bytes
    return f"{name}.apkg"


def render_decks(loaded: list[LoadedNote]) -> tuple[list[Deck], list[Diagnostic]]:
    media = MediaSet()
    cards_by_deck: dict[str, list[RenderedCard]] = {}
    order = 0
    for item in loaded:
        note, file = item.note, item.file
        for image in (img for card in note.cards for img in card.images):
            if not is_remote(image.src):
                media.add_local(image, file.file, file.root)
        image_src = _image_map(media, file)
        for index, card in enumerate(note.cards):
            fields = basic_fields(card, note.info.title, image_src, note.sources)
            deck = note.info.deck
            cards_by_deck.setdefault(top_deck(deck), []).append(
                RenderedCard(card, guid_of(note, index), deck, fields, card.kind, order, card.tags)
            )
            order += 1
    decks: list[Deck] = []
    for name, cards in cards_by_deck.items():
        used = {n for c in cards for n in _media_names(c, media)}
        files = tuple(media.files[n] for n in sorted(used))
        decks.append(Deck(name, tuple(cards), files, _description(loaded, name)))
    return decks, media.diagnostics


def _image_map(media: MediaSet, file: NoteFile) -> Callable[[str], str]:
    def lookup(src: str) -> str:
        return media.name_for(file.file, src) or media.name_for(file.file, unquote(src)) or src

    return lookup


def _media_names(card: RenderedCard, media: MediaSet) -> set[str]:
    names = {n for n in media.files if n in card.fields.get("Definition", "")}
    return names


def _description(loaded: list[LoadedNote], deck: str) -> str:
    titles = [i.note.info.title for i in loaded if top_deck(i.note.info.deck) == deck]
    return "Built by notedeck from: " + ", ".join(titles)


def build_epoch() -> int:
    """The build time: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else int(time.time())


_KEPT = "the previous file, if any, is unchanged"


def build(paths: list[str], options: BuildOptions | None = None) -> BuildReport:
    options = options or BuildOptions()
    out = options.out
    loaded, diagnostics, failed = load(paths)
    # A deck a broken note may belong to is not rewritten: its previous .apkg survives.
    protected = {top_deck(deck_guess(Path(path))) for path in failed}
    decks, media_diagnostics = render_decks(loaded)
    diagnostics.extend(media_diagnostics)
    epoch = build_epoch()
    outputs: list[str] = []
    for deck in decks:
        target = out / deck_file_name(deck.name)
        if deck.name in protected:
            why = f"not written: a note of deck {deck.name!r} has errors"
            diagnostics.append(Diagnostic(None, "warning", f"{target} {why}", _KEPT))
            continue
        try:
            write_apkg(deck, target, lambda _card: epoch, epoch)
        except (OSError, sqlite3.Error) as exc:  # sqlite: "database or disk is full"
            why = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
            raise NotedeckError(None, f"cannot write {target}: {why}", _KEPT) from None
        outputs.append(str(target))
    stats = {
        "decks": len(outputs),
        "cards": sum(len(d.cards) for d in decks),
        "media": sum(len(d.media) for d in decks),
        "warnings": sum(1 for d in diagnostics if d.level == "warning"),
        "errors": sum(1 for d in diagnostics if d.level == "error"),
    }
    return BuildReport(tuple(decks), tuple(outputs), tuple(diagnostics), stats)
