"""Extra outputs. TSV: one row per note with Anki's text-import headers, for Anki's File ›
Import and for other flashcard apps (the first two columns are front and back).

Anki reads the `#guid column`, `#notetype column`, `#deck column` and `#tags column` headers,
so importing the TSV again updates the same notes instead of adding copies. Media files are not
part of a TSV; fields refer to them by name, as in the .apkg.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .fsutil import atomic_write
from .model import Deck, RenderedCard
from .package import BASIC_FIELDS, CLOZE_FIELDS

_NOTETYPES = {"basic": ("notedeck basic", BASIC_FIELDS), "cloze": ("notedeck cloze", CLOZE_FIELDS)}
FIELD_COLUMNS = max(len(BASIC_FIELDS), len(CLOZE_FIELDS))
# 1-based columns after the fields
TAGS_COLUMN = FIELD_COLUMNS + 1
DECK_COLUMN = FIELD_COLUMNS + 2
NOTETYPE_COLUMN = FIELD_COLUMNS + 3
GUID_COLUMN = FIELD_COLUMNS + 4


def tsv_text(deck: Deck) -> str:
    """The deck as Anki-importable tab-separated text, notes in document order."""
    out = io.StringIO()
    out.write(
        "#separator:tab\n#html:true\n"
        f"#tags column:{TAGS_COLUMN}\n#deck column:{DECK_COLUMN}\n"
        f"#notetype column:{NOTETYPE_COLUMN}\n#guid column:{GUID_COLUMN}\n"
    )
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for card in sorted(deck.cards, key=lambda c: c.order):
        writer.writerow(_row(card))
    return out.getvalue()


def _row(card: RenderedCard) -> list[str]:
    notetype, names = _NOTETYPES[card.model]
    fields = [card.fields.get(name, "") for name in names]
    fields += [""] * (FIELD_COLUMNS - len(fields))
    return [*fields, " ".join(card.tags), card.deck, notetype, card.guid]


def write_tsv(deck: Deck, target: Path) -> None:
    text = tsv_text(deck)
    atomic_write(target, lambda tmp: tmp.write_text(text, "utf-8"))
