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
from dataclasses import dataclass, field
from pathlib import Path

from .attribute import deck_description
from .config import apply_to_note, note_options
from .decks import card_tags, wants_reverse
from .export import write_tsv
from .extract import extract, title_section
from .fsutil import describe_os_error
from .identity import card_guid
from .lock import Origin
from .locking import Stamped, guarded, save, stamp, unique_cards
from .media import NoteImages, collect, finish_html
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
from .package import model_hashes, write_apkg
from .parse import parse
from .read import read_note
from .render import basic_fields, cloze_fields

# progress(stage, done, total): lets the CLI draw a progress bar; the library never prints.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class LoadedNote:
    file: NoteFile
    note: ExtractedNote
    options: BuildOptions = field(default_factory=BuildOptions)  # with its front matter's


def load(
    paths: list[str], options: BuildOptions | None = None, progress: Progress | None = None
) -> tuple[list[LoadedNote], list[Diagnostic], dict[str, str]]:
    """Read, parse and extract every note; returns the notes, diagnostics and the files that
    failed, each with the deck it most likely feeds ("" when that cannot be told)."""
    options = options or BuildOptions()
    loaded: list[LoadedNote] = []
    diagnostics: list[Diagnostic] = []
    failed: dict[str, str] = {}
    files = discover(paths, diagnostics)
    for done, file in enumerate(files, 1):
        try:
            source = read_note(file.file, file.shown)
            own = note_options(options, source.front_matter, file.shown, source.text)
            parsed = parse(source.text)
            title = title_section(parsed)
            info = note_info(file, source, parsed, title.title if title else "")
            note = apply_to_note(extract(parsed, info, own.strategies_off), file, own)
        except NotedeckError as exc:
            diagnostics.append(Diagnostic(exc.loc, "error", exc.message, exc.hint))
            failed[file.shown] = deck_guess(file, options)
            continue
        finally:
            if progress is not None:
                progress("parse", done, len(files))
        diagnostics.extend(source.diagnostics)
        diagnostics.extend(note.diagnostics)
        loaded.append(LoadedNote(file, note, own))
    for problem in diagnostics:  # discovery errors: a folder or file that cannot be read
        if problem.level == "error" and problem.loc:
            failed.setdefault(problem.loc.path, "")
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


def render_decks(
    loaded: list[LoadedNote], options: BuildOptions | None = None
) -> tuple[list[Deck], list[Diagnostic]]:
    options = options or BuildOptions()
    media = collect([_note_images(item) for item in loaded], options)
    cards_by_deck: dict[str, list[RenderedCard]] = {}
    order = 0
    for item in loaded:
        note, file = item.note, item.file
        image_src = media.image_map(file.file)
        deck = note.info.deck
        reverse = wants_reverse(note.info, item.options)
        for index, card in enumerate(note.cards):
            make_fields = cloze_fields if card.kind == "cloze" else basic_fields
            fields = make_fields(
                card, note.info.title, image_src, note.sources, item.options.allow_html
            )
            fields = {name: finish_html(value) for name, value in fields.items()}
            fields = _options_fields(fields, item.options, reverse and card.kind == "basic")
            tags = card_tags(note.info, card, item.options)
            cards_by_deck.setdefault(top_deck(deck), []).append(
                RenderedCard(card, guid_of(note, index), deck, fields, card.kind, order, tags)
            )
            order += 1
    decks: list[Deck] = []
    for name, cards in cards_by_deck.items():
        used = {n for c in cards for value in c.fields.values() for n in media.names_in(value)}
        files = tuple(media.files[n] for n in sorted(used))
        decks.append(Deck(name, tuple(cards), files, _description(loaded, name)))
    return decks, media.diagnostics


def _note_images(item: LoadedNote) -> NoteImages:
    images = tuple(image for card in item.note.cards for image in card.images)
    return NoteImages(item.file.file, item.file.root, images)


def _options_fields(fields: dict[str, str], options: BuildOptions, reverse: bool) -> dict[str, str]:
    """`reverse` fills the field that switches the reverse card on; `language` marks the
    term and definition with `lang`, so CJK text is drawn with the right glyphs."""
    if reverse:  # the frozen basic type's switch for its reverse card
        fields = {**fields, "Reverse": "y"}
    lang = options.language
    if lang != "auto":
        fields = {
            **fields,
            "Term": f'<span lang="{lang}">{fields["Term"]}</span>',
            "Definition": f'<div lang="{lang}">{fields["Definition"]}</div>',
        }
    return fields


def _description(loaded: list[LoadedNote], deck: str) -> str:
    notes = [i.note for i in loaded if top_deck(i.note.info.deck) == deck]
    return deck_description([(n.info.title, n.sources) for n in notes])


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


_KEPT = "the previous file, if any, is unchanged"


def build(
    paths: list[str], options: BuildOptions | None = None, progress: Progress | None = None
) -> BuildReport:
    options = options or BuildOptions()
    loaded, diagnostics, failed = load(paths, options, progress)
    # A deck a broken note may belong to is not rewritten: its previous .apkg survives.
    protected = {top_deck(deck) for deck in failed.values() if deck}
    decks, media_diagnostics = render_decks(loaded, options)
    diagnostics.extend(media_diagnostics)
    # --strict: a note with a missing image is broken, so its deck keeps the previous .apkg.
    broken = {d.loc.path for d in media_diagnostics if d.level == "error" and d.loc}
    decks, duplicates = unique_cards(decks)
    diagnostics.extend(duplicates)
    origins, built = origins_of(loaded)
    outputs: list[str] = []
    with guarded(built, options.lock):
        stamped = stamp(decks, origins, built, build_epoch(), options, model_hashes())
        decks = stamped.decks
        for done, deck in enumerate(decks, 1):
            if deck.name in protected:
                target = _target(deck, options)
                why = f"{target} not written: a note of deck {deck.name!r} has errors"
                diagnostics.append(Diagnostic(None, "warning", why, _KEPT))
            elif not any(c.card.loc.path in broken for c in deck.cards):
                outputs.append(_write(deck, stamped, options))
            if progress is not None:
                progress("write", done, len(decks))
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


def _target(deck: Deck, options: BuildOptions) -> Path:
    suffix = ".tsv" if options.format == "tsv" else ".apkg"
    target = options.out / deck_file_name(deck.name).removesuffix(".apkg")
    return target.with_name(target.name + suffix)


def _write(deck: Deck, stamped: Stamped, options: BuildOptions) -> str:
    """Write one deck in the chosen format; returns the path written."""
    target = _target(deck, options)
    try:
        if options.format == "tsv":
            write_tsv(deck, target)
        else:
            mods = stamped.mods
            epoch = stamped.epoch_of(deck)
            write_apkg(deck, target, lambda c: mods[c.guid], epoch, stamped.type_mods)
    except (OSError, sqlite3.Error) as exc:  # sqlite: "database or disk is full"
        why = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        raise NotedeckError(None, f"cannot write {target}: {why}", _KEPT) from None
    return str(target)
