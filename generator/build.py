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
from pathlib import Path
from urllib.parse import unquote

from .decks import card_tags, deck_name, wants_reverse
from .export import write_tsv
from .extract import extract, title_section
from .identity import card_guid
from .lock import Origin
from .locking import Stamped, guarded, save, stamp, unique_cards
from .media import MediaSet, is_remote
from .model import (
    BuildReport,
    Deck,
    Diagnostic,
    ExtractedNote,
    NotedeckError,
    RenderedCard,
)
from .notes import NoteFile, discover, note_info
from .options import BuildOptions
from .package import model_hashes, write_apkg
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
    for file in discover(paths):
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
    options = options or BuildOptions()
    media = MediaSet()
    cards_by_deck: dict[str, list[RenderedCard]] = {}
    titles: dict[str, list[str]] = {}
    order = 0
    for item in loaded:
        note, file = item.note, item.file
        for image in (img for card in note.cards for img in card.images):
            if not is_remote(image.src):
                media.add_local(image, file.file, file.root)
        image_src = _image_map(media, file)
        deck = deck_name(note.info, options)
        reverse = wants_reverse(note.info, options)
        titles.setdefault(top_deck(deck), []).append(note.info.title)
        for index, card in enumerate(note.cards):
            fields = basic_fields(card, note.info.title, image_src, note.sources)
            if card.kind == "basic" and reverse:
                fields["Reverse"] = "y"  # the frozen basic type's switch for its reverse card
            tags = card_tags(note.info, card, options)
            cards_by_deck.setdefault(top_deck(deck), []).append(
                RenderedCard(card, guid_of(note, index), deck, fields, card.kind, order, tags)
            )
            order += 1
    decks: list[Deck] = []
    for name, cards in cards_by_deck.items():
        used = {n for c in cards for n in _media_names(c, media)}
        files = tuple(media.files[n] for n in sorted(used))
        decks.append(Deck(name, tuple(cards), files, _description(titles[name])))
    return decks, media.diagnostics


def _image_map(media: MediaSet, file: NoteFile) -> Callable[[str], str]:
    def lookup(src: str) -> str:
        return media.name_for(file.file, src) or media.name_for(file.file, unquote(src)) or src

    return lookup


def _media_names(card: RenderedCard, media: MediaSet) -> set[str]:
    names = {n for n in media.files if n in card.fields.get("Definition", "")}
    return names


def _description(titles: list[str]) -> str:
    return "Built by notedeck from: " + ", ".join(titles)


def origins_of(loaded: list[LoadedNote]) -> tuple[dict[str, Origin], dict[Path, set[str]]]:
    """Each card's notes root, note path and key; the note paths built, per notes root."""
    origins: dict[str, Origin] = {}
    built: dict[Path, set[str]] = {}
    for item in loaded:
        built.setdefault(item.file.root, set()).add(item.file.rel)
        for index in range(len(item.note.cards)):
            origin = Origin(item.file.root, item.file.rel, item.note.info.key)
            origins.setdefault(guid_of(item.note, index), origin)  # the first card wins
    return origins, built


def build_epoch() -> int:
    """The build time: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else int(time.time())


def build(paths: list[str], options: BuildOptions | None = None) -> BuildReport:
    options = options or BuildOptions()
    loaded, diagnostics, _failed = load(paths)
    decks, media_diagnostics = render_decks(loaded, options)
    diagnostics.extend(media_diagnostics)
    decks, duplicates = unique_cards(decks)
    diagnostics.extend(duplicates)
    origins, built = origins_of(loaded)
    outputs: list[str] = []
    with guarded(built, options.lock):
        stamped = stamp(decks, origins, built, build_epoch(), options, model_hashes())
        decks = stamped.decks
        for deck in decks:
            outputs.append(_write(deck, stamped, options))
        locks = save(stamped)
    stats = {
        "decks": len(outputs),
        "cards": sum(len(d.cards) for d in decks),
        "media": sum(len(d.media) for d in decks),
        "warnings": sum(1 for d in diagnostics if d.level == "warning"),
        "errors": sum(1 for d in diagnostics if d.level == "error"),
    }
    stats |= {
        "rematched": len(stamped.rematched),
        "removed": len(stamped.removed),
        "reemitted": len(stamped.reemitted),
    }
    return BuildReport(
        tuple(decks),
        tuple(outputs),
        tuple(diagnostics),
        stats,
        rematched=tuple(str(r) for r in stamped.rematched),
        removed=tuple(str(r) for r in stamped.removed),
        locks=tuple(str(p) for p in locks),
    )


def _write(deck: Deck, stamped: Stamped, options: BuildOptions) -> str:
    """Write one deck in the chosen format; returns the path written."""
    suffix = ".tsv" if options.format == "tsv" else ".apkg"
    target = options.out / deck_file_name(deck.name).removesuffix(".apkg")
    target = target.with_name(target.name + suffix)
    try:
        if options.format == "tsv":
            write_tsv(deck, target)
        else:
            mods = stamped.mods
            epoch = stamped.epoch_of(deck)
            write_apkg(deck, target, lambda c: mods[c.guid], epoch, stamped.type_mods)
    except OSError as exc:
        raise NotedeckError(None, f"cannot write {target}: {exc.strerror or exc}") from None
    return str(target)
