"""Stage 7: rendered cards → a deterministic .apkg. The only module that imports genanki.

Frozen forever (Anki matches note types by id, and changing fields or template names forks a
copy and skips every matched note): the model ids, field names and template names below.
CSS and template text may change.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import shutil
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA

from . import render
from .fieldnames import BASIC_FIELDS as BASIC_FIELDS  # re-exported: other modules import them here
from .fieldnames import CLOZE_FIELDS as CLOZE_FIELDS
from .fsutil import atomic_write
from .identity import deck_id
from .model import Deck, RenderedCard

BASIC_MODEL_ID = 1_738_201_946_001
CLOZE_MODEL_ID = 1_738_201_946_002

_FRONT = (
    '{{#Section}}<div class="nd-section">{{Section}}</div>{{/Section}}\n'
    '<div class="nd-term">{{Term}}</div>'
)
_BACK = (
    "{{FrontSide}}\n<hr id=answer>\n"
    '{{#Aliases}}<div class="nd-aliases">{{Aliases}}</div>{{/Aliases}}\n'
    '<div class="nd-definition">{{Definition}}</div>\n'
    '<div class="nd-source">{{Source}}</div>'
)
# No {{Section}} on the reverse front: a heading card's section path ends with its term.
_REVERSE_FRONT = '{{#Reverse}}<div class="nd-definition">{{Definition}}</div>{{/Reverse}}'
_REVERSE_BACK = (
    '{{FrontSide}}\n<hr id=answer>\n<div class="nd-term">{{Term}}</div>\n'
    '{{#Aliases}}<div class="nd-aliases">{{Aliases}}</div>{{/Aliases}}\n'
    '<div class="nd-source">{{Source}}</div>'
)
_CLOZE_FRONT = (
    '{{#Section}}<div class="nd-section">{{Section}}</div>{{/Section}}\n'
    '<div class="nd-definition">{{cloze:Text}}</div>'
)
_CLOZE_BACK = (
    '{{#Section}}<div class="nd-section">{{Section}}</div>{{/Section}}\n'
    '<div class="nd-definition">{{cloze:Text}}</div>\n'
    '{{#Extra}}<div class="nd-extra">{{Extra}}</div>{{/Extra}}\n'
    '<div class="nd-source">{{Source}}</div>'
)
# The earliest time a zip entry can carry.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_UNIX = 3  # zip "made by" system; fixed so the bytes do not depend on the building OS

ModTime = Callable[[RenderedCard], int]


def card_css() -> str:
    return render.card_css()


def card_templates(model: str) -> list[dict[str, str]]:
    """A note type's card templates (`name`, `qfmt`, `afmt`) as Anki stores them."""
    return [dict(t) for t in _models()[model].templates]


def _models() -> dict[str, genanki.Model]:
    return _models_for(card_css())


@cache  # once per CSS: genanki renders the templates once per model to find required fields
def _models_for(css: str) -> dict[str, genanki.Model]:
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


def model_hashes() -> dict[str, str]:
    """A hash per note type of everything Anki stores for it, keyed by its name: the lock file
    gives a type a new `mod` exactly when this changes, so CSS and template edits reach Anki."""
    out: dict[str, str] = {}
    for model in _models().values():
        # Only what we set: genanki adds keys (`ord`, …) to these dicts when it writes a deck.
        fields = [f["name"] for f in model.fields]
        templates = [[t["name"], t["qfmt"], t["afmt"]] for t in model.templates]
        data = [model.model_id, fields, templates, model.css, model.model_type]
        encoded = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
        out[model.name] = hashlib.sha256(encoded).hexdigest()[:20]
    return out


def zip_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    """Zip entry time for a package whose content last changed at `epoch` (UTC), clamped to
    what zip can store. It comes from the content, never from the clock."""
    if epoch <= 0:
        return _ZIP_TIME
    parts = time.gmtime(epoch)[:6]
    return max(_ZIP_TIME, (parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]))


class _Note(genanki.Note):  # type: ignore[misc]
    """genanki's note without its check for unescaped `<` in fields: notedeck's fields are
    sanitised HTML, and the check's pattern rescans the rest of the line at every tag (a line
    of 30,000 `$x$`, each a math span, took 15 s in it)."""

    def _check_invalid_html_tags_in_fields(self) -> None:
        return None


def write_apkg(
    deck: Deck,
    out: Path,
    mod_time: ModTime,
    epoch: int,
    type_mods: Mapping[str, int] | None = None,
) -> None:
    """Write `deck` to `out` atomically: a temp file in the same folder, then a rename, so a
    failed build never destroys the previous deck.

    Nothing here reads the clock: note and note type `mod`s come from `mod_time` and
    `type_mods` (the lock file); ids, the collection's and the zip entries' times from `epoch`
    (the latest of those times, so a build with the same lock file gives the same bytes)."""
    models = _models()
    gdecks: dict[str, genanki.Deck] = {}
    for name in sorted({c.deck for c in deck.cards} | {deck.name}):
        gdecks[name] = genanki.Deck(
            deck_id(name), name, description=deck.description if name == deck.name else ""
        )
    # Each deck's cards; their genanki notes are made one at a time as they are written, not
    # thousands of them held at once.
    members: dict[str, list[RenderedCard]] = {name: [] for name in gdecks}
    mods: dict[str, int] = {}
    for card in sorted(deck.cards, key=lambda c: c.order):
        gdecks[card.deck].add_model(models[card.model])  # in the order its notes use them
        members[card.deck].append(card)
        mods[card.guid] = mod_time(card)
    types = dict(type_mods or {})
    pairs = [(gdeck, members[name]) for name, gdeck in gdecks.items()]
    atomic_write(out, lambda tmp: _write_zip(pairs, deck, mods, types, epoch, tmp))


def _note(card: RenderedCard, types: Mapping[str, genanki.Model]) -> _Note:
    model = types[card.model]
    fields = [card.fields.get(f["name"], "") for f in model.fields]
    return _Note(model=model, fields=fields, guid=card.guid, tags=list(card.tags), due=card.order)


def _write_zip(
    gdecks: list[tuple[genanki.Deck, list[RenderedCard]]],
    deck: Deck,
    mods: dict[str, int],
    type_mods: dict[str, int],
    epoch: int,
    target: Path,
) -> None:
    entry_time = zip_time(epoch)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".notedeck-") as work:
        db_path = Path(work) / "collection.anki2"
        conn = sqlite3.connect(db_path)
        # A scratch database: durability buys nothing here and fsyncs cost ~15 ms per deck.
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA journal_mode = OFF")
        try:
            cursor = conn.cursor()
            # A scratch database: no journal at all (one kept in memory held a copy of every
            # page the updates below touch: megabytes for a large deck), no waiting for the
            # disk. Neither changes the bytes of the database file (both are rollback-journal
            # modes); nothing is rolled back, and the package itself is written atomically.
            cursor.execute("PRAGMA journal_mode = OFF")
            cursor.execute("PRAGMA synchronous = OFF")
            # A small page cache: the database is written once, front to back (nor does the
            # cache's size change its bytes).
            cursor.execute("PRAGMA cache_size = -512")
            # Ids count up from the epoch so document order is also id order.
            _write_collection(cursor, gdecks, epoch, itertools.count(epoch * 1000))
            # By id, not guid: `guid` has no index, and a scan per note is quadratic.
            ids = dict(cursor.execute("SELECT guid, id FROM notes").fetchall())
            cursor.executemany(
                "UPDATE notes SET mod = ? WHERE id = ?", [(m, ids[g]) for g, m in mods.items()]
            )
            cursor.execute(
                "UPDATE cards SET mod = (SELECT mod FROM notes WHERE notes.id = cards.nid)"
            )
            _set_model_mods(cursor, type_mods, epoch)
            cursor.execute("UPDATE col SET crt = ?, mod = ?", (epoch, epoch * 1000))
            conn.commit()
            cursor.execute("VACUUM")
        finally:
            conn.close()
        media = sorted(deck.media, key=lambda m: m.name)
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            _add_file(zf, "collection.anki2", db_path, entry_time)
            index = {str(i): m.name for i, m in enumerate(media)}
            data = json.dumps(index, ensure_ascii=False, sort_keys=True).encode()
            _add(zf, "media", data, entry_time)
            for i, m in enumerate(media):
                _add(zf, str(i), Path(m.path).read_bytes(), entry_time)


def _write_collection(
    cursor: sqlite3.Cursor,
    gdecks: list[tuple[genanki.Deck, list[RenderedCard]]],
    epoch: int,
    ids: Iterator[int],
) -> None:
    """genanki's `Package.write_to_db`, with the collection's decks and note types written
    once: genanki re-reads and rewrites both JSON documents for every deck, so a top-level deck
    with one sub-deck per note took time quadratic in its notes (a deck of 40,000 cards spent
    minutes there). The same decks, note types, ids and rows, in the same order."""
    cursor.executescript(APKG_SCHEMA)
    cursor.executescript(APKG_COL)
    (raw_decks,) = cursor.execute("SELECT decks FROM col").fetchone()
    (raw_models,) = cursor.execute("SELECT models FROM col").fetchone()
    decks, models = json.loads(raw_decks), json.loads(raw_models)
    for gdeck, _ in gdecks:
        decks[str(gdeck.deck_id)] = gdeck.to_json()
        # Each deck's note types carry its id; as in genanki, the last deck using one wins.
        models.update({m.model_id: m.to_json(epoch, gdeck.deck_id) for m in gdeck.models.values()})
    cursor.execute("UPDATE col SET decks = ?", (json.dumps(decks),))
    cursor.execute("UPDATE col SET models = ?", (json.dumps(models),))
    types = _models()
    for gdeck, cards in gdecks:
        for card in cards:
            _note(card, types).write_to_db(cursor, epoch, gdeck.deck_id, ids)


def _set_model_mods(cursor: sqlite3.Cursor, type_mods: dict[str, int], epoch: int) -> None:
    """genanki stamps note types with the build time; use the lock file's times instead."""
    (raw,) = cursor.execute("SELECT models FROM col").fetchone()
    models = json.loads(raw)
    for model in models.values():
        model["mod"] = type_mods.get(model["name"], epoch)
    cursor.execute("UPDATE col SET models = ?", (json.dumps(models, sort_keys=True),))


def _add(
    zf: zipfile.ZipFile, name: str, data: bytes, entry_time: tuple[int, int, int, int, int, int]
) -> None:
    zf.writestr(_info(name, entry_time), data)


def _add_file(
    zf: zipfile.ZipFile, name: str, path: Path, entry_time: tuple[int, int, int, int, int, int]
) -> None:
    """What `_add` writes for the file's bytes, copied a piece at a time: a large deck's
    collection is megabytes, not held in memory while it is compressed."""
    info = _info(name, entry_time)
    info.file_size = path.stat().st_size  # as `writestr` sets it, before the entry is opened
    with path.open("rb") as source, zf.open(info, "w") as dest:
        shutil.copyfileobj(source, dest, _PIECE)


_PIECE = 1 << 20


def _info(name: str, entry_time: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=entry_time)
    info.create_system = _UNIX
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info
