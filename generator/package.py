"""Stage 7: rendered cards → a deterministic .apkg. The only module that imports genanki.

Frozen forever (Anki matches note types by id, and changing fields or template names forks a
copy and skips every matched note): the model ids, field names and template names below.
CSS and template text may change.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path

import genanki

from .fsutil import atomic_write
from .identity import deck_id
from .model import Deck, RenderedCard

BASIC_MODEL_ID = 1_738_201_946_001
CLOZE_MODEL_ID = 1_738_201_946_002
BASIC_FIELDS = ("Term", "Definition", "Aliases", "Section", "Source", "Reverse")
CLOZE_FIELDS = ("Text", "Extra", "Section", "Source")

_FRONT = '<div class="nd-section">{{Section}}</div>\n<div class="nd-term">{{Term}}</div>'
_BACK = (
    "{{FrontSide}}\n<hr id=answer>\n"
    '<div class="nd-definition">{{Definition}}</div>\n'
    '{{#Aliases}}<div class="nd-aliases">{{Aliases}}</div>{{/Aliases}}\n'
    '<div class="nd-source">{{Source}}</div>'
)
_REVERSE_FRONT = (
    '{{#Reverse}}<div class="nd-section">{{Section}}</div>\n'
    '<div class="nd-definition">{{Definition}}</div>{{/Reverse}}'
)
_REVERSE_BACK = (
    '{{FrontSide}}\n<hr id=answer>\n<div class="nd-term">{{Term}}</div>\n'
    '<div class="nd-source">{{Source}}</div>'
)
_CLOZE_FRONT = (
    '<div class="nd-section">{{Section}}</div>\n<div class="nd-definition">{{cloze:Text}}</div>'
)
_CLOZE_BACK = (
    '<div class="nd-section">{{Section}}</div>\n<div class="nd-definition">{{cloze:Text}}</div>\n'
    '{{#Extra}}<div class="nd-extra">{{Extra}}</div>{{/Extra}}\n'
    '<div class="nd-source">{{Source}}</div>'
)
# Zip entries carry this time, so the same inputs give the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

ModTime = Callable[[RenderedCard], int]


def card_css() -> str:
    return resources.files("generator").joinpath("templates/card.css").read_text("utf-8")


@cache  # one set per run: genanki renders the templates once per model to find required fields
def _models() -> dict[str, genanki.Model]:
    css = card_css()
    basic = genanki.Model(
        BASIC_MODEL_ID,
        "notedeck basic",
        fields=[{"name": name} for name in BASIC_FIELDS],
        templates=[
            {"name": "Card 1", "qfmt": _FRONT, "afmt": _BACK},
            {"name": "Card 2 (reverse)", "qfmt": _REVERSE_FRONT, "afmt": _REVERSE_BACK},
        ],
        css=css,
    )
    cloze = genanki.Model(
        CLOZE_MODEL_ID,
        "notedeck cloze",
        fields=[{"name": name} for name in CLOZE_FIELDS],
        templates=[{"name": "Cloze", "qfmt": _CLOZE_FRONT, "afmt": _CLOZE_BACK}],
        css=css,
        model_type=genanki.Model.CLOZE,
    )
    return {"basic": basic, "cloze": cloze}


def write_apkg(deck: Deck, out: Path, mod_time: ModTime, epoch: int) -> None:
    """Write `deck` to `out` atomically: a temp file in the same folder, then a rename, so a
    failed build never destroys the previous deck."""
    models = _models()
    gdecks: dict[str, genanki.Deck] = {}
    for name in sorted({c.deck for c in deck.cards} | {deck.name}):
        gdecks[name] = genanki.Deck(
            deck_id(name), name, description=deck.description if name == deck.name else ""
        )
    mods: dict[str, int] = {}
    for card in sorted(deck.cards, key=lambda c: c.order):
        model = models[card.model]
        fields = [card.fields.get(f["name"], "") for f in model.fields]
        note = genanki.Note(
            model=model, fields=fields, guid=card.guid, tags=list(card.tags), due=card.order
        )
        gdecks[card.deck].add_note(note)
        mods[card.guid] = mod_time(card)
    atomic_write(out, lambda tmp: _write_zip(list(gdecks.values()), deck, mods, epoch, tmp))


def _write_zip(
    gdecks: list[genanki.Deck], deck: Deck, mods: dict[str, int], epoch: int, target: Path
) -> None:
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".notedeck-") as work:
        db_path = Path(work) / "collection.anki2"
        conn = sqlite3.connect(db_path)
        # A scratch database: durability buys nothing here and fsyncs cost ~15 ms per deck.
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA journal_mode = MEMORY")
        try:
            cursor = conn.cursor()
            package = genanki.Package(gdecks)
            # Ids count up from the epoch so document order is also id order.
            package.write_to_db(cursor, epoch, itertools.count(epoch * 1000))
            # By id, not guid: guid has no index, so each update would scan every note
            # (quadratic: minutes for a deck of 10,000 cards).
            rows = cursor.execute("SELECT guid, id FROM notes").fetchall()
            cursor.executemany(
                "UPDATE notes SET mod = ? WHERE id = ?",
                [(mods[g], i) for g, i in rows if g in mods],
            )
            cursor.execute(
                "UPDATE cards SET mod = (SELECT mod FROM notes WHERE notes.id = cards.nid)"
            )
            cursor.execute("UPDATE col SET crt = ?, mod = ?", (epoch, epoch * 1000))
            conn.commit()
            cursor.execute("VACUUM")
        finally:
            conn.close()
        media = sorted(deck.media, key=lambda m: m.name)
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            _add(zf, "collection.anki2", db_path.read_bytes())
            index = {str(i): m.name for i, m in enumerate(media)}
            _add(zf, "media", json.dumps(index, ensure_ascii=False, sort_keys=True).encode())
            for i, m in enumerate(media):
                _add(zf, str(i), Path(m.path).read_bytes())


def _add(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data)
