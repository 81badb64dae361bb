"""Import built decks into a fresh collection with the real `anki` package and read them back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition, ImportResponse

IF_NEWER = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER


@dataclass
class ImportedCard:
    note_id: int
    guid: str
    deck: str
    question: str
    answer: str
    fields: dict[str, str]
    tags: list[str]
    due: int


def open_collection(folder: Path) -> Collection:
    folder.mkdir(parents=True, exist_ok=True)
    return Collection(str(folder / "collection.anki2"))


def import_apkg(col: Collection, apkg: Path) -> ImportResponse:
    """Import like Anki desktop does by default: update notes when the package's are newer."""
    request = ImportAnkiPackageRequest(
        package_path=str(apkg),
        options=ImportAnkiPackageOptions(
            with_scheduling=False,
            with_deck_configs=False,
            merge_notetypes=False,
            update_notes=IF_NEWER,
            update_notetypes=IF_NEWER,
        ),
    )
    return col.import_anki_package(request)


def cards(col: Collection) -> list[ImportedCard]:
    out: list[ImportedCard] = []
    for cid in sorted(col.find_cards(""), key=lambda c: (col.get_card(c).due, c)):
        card = col.get_card(cid)
        note = card.note()
        out.append(
            ImportedCard(
                note_id=note.id,
                guid=note.guid,
                deck=col.decks.name(card.did),
                question=card.question(),
                answer=card.answer(),
                fields=dict(note.items()),
                tags=list(note.tags),
                due=card.due,
            )
        )
    return out


def imported(apkg: Path, work: Path) -> list[ImportedCard]:
    """The cards of a built deck, as a fresh Anki collection sees them after importing it."""
    col = open_collection(work)
    try:
        import_apkg(col, apkg)
        return cards(col)
    finally:
        col.close()


_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def text_of(html: str) -> str:
    """Visible text of rendered card HTML (styles and tags dropped, spaces folded)."""
    return " ".join(_TAG.sub(" ", _STYLE.sub("", html)).split())


def img_sources(html: str) -> list[str]:
    return re.findall(r"<img[^>]*\bsrc=\"([^\"]+)\"", html)


def review_all(col: Collection, deck: str, ease: int = 4, limit: int = 1000) -> int:
    """Study `deck` (and its subdecks) with the scheduler until nothing is due, answering every
    card with `ease` (4 = Easy graduates a new card at once); returns how many answers."""
    col.decks.select(col.decks.id_for_name(deck))
    answered = 0
    while answered < limit and (card := col.sched.getCard()) is not None:
        col.sched.answerCard(card, ease)
        answered += 1
    return answered


def review_count(col: Collection, note_id: int) -> int:
    """How many times the cards of a note were answered (Anki's review log)."""
    return int(
        col.db.scalar(
            "SELECT count() FROM revlog WHERE cid IN (SELECT id FROM cards WHERE nid = ?)", note_id
        )
    )
