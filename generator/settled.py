"""Decks an edit elsewhere did not touch are neither stamped against the lock file again nor
digested nor written.

After editing one note, only that note's deck differs from the last build; checking the other
decks' tens of thousands of cards against the lock file and hashing them again only finds them
unchanged. A record per output folder keeps, for each deck written: a digest of the deck as
rendered (its cards' fields, identities, order, tags and origins, media and description, the
options and notedeck's code), the final GUIDs its cards got, a digest of those GUIDs' lock
entries, and the size and time of its file. A deck whose digest, lock entries, note types and
file are all as recorded is "settled": its cards keep their recorded GUIDs and its file stays.

The other decks are stamped as before, with the settled decks' GUIDs taken beforehand, so
removed-card detection and re-matching see the same lock entries as in a full stamp (every
built note's entries stay in scope; only the settled cards' own GUIDs are already claimed).
Settling is off whenever a build could differ from that: no lock file, no cache, several
notes roots, re-emitted removed cards, duplicate identities or notes with errors.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .cache import BuildCache, cache_for, options_fingerprint
from .fsutil import file_stamp
from .lock import LockFile, Origin
from .model import Deck, MediaFile
from .options import BuildOptions

# marshal's format 2 has no back-references, so equal values always give equal bytes.
_MARSHAL = 2


@dataclass(frozen=True, slots=True)
class DeckRecord:
    key: str  # the deck as rendered
    guids: tuple[str, ...]  # its cards' final GUIDs, in order
    entries: str  # digest of those GUIDs' lock entries
    size: int
    mtime_ns: int
    # What a build needs to keep the deck without loading its notes (see `held`):
    notes: tuple[tuple[str, str], ...] = ()  # every note feeding it: (path in root, cache key)
    lead: str = ""  # its first note with cards: where the deck comes in the build's order
    media: tuple[MediaFile, ...] = ()
    stamps: tuple[tuple[str, int, int], ...] = ()  # its media files' (path, size, mtime_ns)
    description: str = ""
    clean: bool = False  # its notes and their images had nothing to report
    others: str = ""  # digest of the names of the root's other files (where images resolve)


@dataclass(slots=True)
class Plan:
    """Which decks are settled, and what is needed to record the others after the build."""

    store: BuildCache
    where: str
    lock: LockFile  # the notes root's, updated in place by the stamp
    keys: dict[str, str] = field(default_factory=dict)  # each deck's key as rendered
    settled: dict[str, Deck] = field(default_factory=dict)  # by name, with final GUIDs
    records: dict[str, DeckRecord] = field(default_factory=dict)
    held: dict[str, DeckRecord] = field(default_factory=dict)  # kept without their notes
    others: str | None = None  # digest of the names of the root's other files, if known

    def claimed(self) -> set[str]:
        own = {card.guid for deck in self.settled.values() for card in deck.cards}
        return own.union(*(record.guids for record in self.held.values()))


@dataclass(frozen=True, slots=True)
class _Stored:
    types: dict[str, tuple[str, int]]
    decks: dict[str, DeckRecord]


def plan(
    decks: list[Deck],
    origins: Mapping[str, Origin],
    root: Path | None,
    lock: LockFile | None,
    options: BuildOptions,
    type_hashes: Mapping[str, str],
    target: Callable[[Deck], Path],
) -> Plan | None:
    """The decks that need no stamping or writing; None when settling is off for this build."""
    store = _usable(root, lock, options)
    if store is None or root is None or lock is None:
        return None
    where = _where(root, options)
    fingerprint = f"{options_fingerprint(options)}\x1f{options.format}"
    keys = {}
    for deck in decks:
        key = deck_key(deck, origins, fingerprint)
        if key is None:
            return None
        keys[deck.name] = key
    stored = store.get_build(where)
    result = Plan(store, where, lock, keys)
    if not isinstance(stored, _Stored):
        return result
    result.records = dict(stored.decks)
    if not _same_types(stored, lock, type_hashes):
        return result
    for deck in decks:
        record = stored.decks.get(deck.name)
        if record is None or record.key != keys[deck.name]:
            continue
        if len(record.guids) != len(deck.cards) or not _as_written(record, lock, target(deck)):
            continue
        cards = tuple(
            card if card.guid == guid else dataclasses.replace(card, guid=guid)
            for card, guid in zip(deck.cards, record.guids, strict=True)
        )
        result.settled[deck.name] = Deck(deck.name, cards, deck.media, deck.description)
    return result


def held(
    keys: Mapping[str, str],
    root: Path | None,
    lock: LockFile | None,
    options: BuildOptions,
    type_hashes: Mapping[str, str],
    target: Callable[[Deck], Path],
    others: str | None,
) -> dict[str, DeckRecord]:
    """Decks that can be kept without even loading their notes: every note that fed the deck
    is there with the same cache key (so the same bytes, options and code), no other note
    is recorded for it, its media files, lock entries, note types and file are as recorded,
    and nothing was reported about its notes; and no file was added to or removed from the
    notes root but notes (`others`: a bare image name may resolve anywhere in it). `keys`:
    every readable note's cache key, by its path inside the notes root. A note that was not in
    the deck and now joins it is only seen once loaded: the build then loads everything again
    (see build.py)."""
    store = _usable(root, lock, options)
    if store is None or root is None or lock is None:
        return {}
    stored = store.get_build(_where(root, options))
    if not isinstance(stored, _Stored) or not _same_types(stored, lock, type_hashes):
        return {}
    kept: dict[str, DeckRecord] = {}
    for name, record in stored.decks.items():
        if not record.clean or not record.notes or not record.lead:
            continue
        if others is None or record.others != others:
            continue
        if any(keys.get(rel) != key for rel, key in record.notes):
            continue
        if any(file_stamp(Path(path)) != (size, mtime) for path, size, mtime in record.stamps):
            continue
        if _as_written(record, lock, target(Deck(name, (), ()))):
            kept[name] = record
    return kept


def _usable(root: Path | None, lock: LockFile | None, options: BuildOptions) -> BuildCache | None:
    """The notes root's build cache, when this build may settle or keep decks: one notes root
    with a lock file, a cache, and no re-emitted removed cards."""
    if root is None or lock is None or not options.lock or options.removed_tag.strip():
        return None
    store = cache_for(root, options)
    return store if store.enabled else None


def _as_written(record: DeckRecord, lock: LockFile, path: Path) -> bool:
    """The deck's lock entries and file are as they were when it was recorded."""
    same_entries = entries_digest(lock, record.guids) == record.entries
    return same_entries and file_stamp(path) == (record.size, record.mtime_ns)


def recorded(root: Path, options: BuildOptions) -> bool:
    """Whether a build of this notes root into this output was recorded (so decks may be kept)."""
    store = cache_for(root, options)
    return store.enabled and isinstance(store.get_build(_where(root, options)), _Stored)


def _same_types(stored: _Stored, lock: LockFile, type_hashes: Mapping[str, str]) -> bool:
    """The note types are as the decks were written with them: same definitions, same times."""
    now_types = {n: (t.hash, t.mod) for n, t in lock.note_types.items()}
    same = all(now_types.get(n, ("", 0))[0] == h for n, h in type_hashes.items())
    return same and stored.types == now_types


class Touched(Exception):
    """A deck kept without loading its notes is touched by this build after all (a note joined
    it, shares an image or an identity with it): the build must load every note. Raised
    before anything is stamped or written."""


def split(decks: list[Deck], plan: Plan | None) -> tuple[list[Deck], frozenset[str]]:
    """The decks to stamp, and the GUIDs the settled and held ones hold. When a card to stamp
    has one of those GUIDs as its own (a new card named as a settled card was before it was
    renamed), a full stamp would give it that GUID: nothing is settled then."""
    if plan is None or not (plan.settled or plan.held):
        return decks, frozenset()
    taken = frozenset(plan.claimed())
    todo = [deck for deck in decks if deck.name not in plan.settled]
    if any(card.guid in taken for deck in todo for card in deck.cards):
        if plan.held:
            raise Touched
        plan.settled.clear()
        return decks, frozenset()
    return todo, taken


@dataclass(frozen=True, slots=True)
class Fed:
    """What fed a deck in this build: its notes' paths and cache keys, its first note with
    cards, and whether its notes and their images had nothing to report."""

    notes: tuple[tuple[str, str], ...]
    lead: str
    clean: bool


def remember(
    now: Plan,
    stamped: list[Deck],
    written: set[str],
    target: Callable[[Deck], Path],
    fed: Mapping[str, Fed],
) -> None:
    """Record each deck whose file now holds it (written or kept); forget the others."""
    records: dict[str, DeckRecord] = {}
    for deck in stamped:
        key = now.keys.get(deck.name)
        if deck.name in now.held:
            records[deck.name] = now.held[deck.name]
            continue
        if deck.name in now.settled:
            record = now.records[deck.name]
        elif key is None or deck.name not in written:
            continue
        else:
            guids = tuple(card.guid for card in deck.cards)
            entries = entries_digest(now.lock, guids)
            stat = file_stamp(target(deck))
            if entries is None or stat is None:
                continue
            record = DeckRecord(key, guids, entries, *stat)
        records[deck.name] = _with_sources(record, deck, fed.get(deck.name), now.others)
    types = {n: (t.hash, t.mod) for n, t in now.lock.note_types.items()}
    now.store.put_build(now.where, _Stored(types, records))


def _with_sources(
    record: DeckRecord, deck: Deck, fed: Fed | None, others: str | None
) -> DeckRecord:
    """The record, with what a later build needs to keep the deck without its notes."""
    if fed is None:
        return dataclasses.replace(record, clean=False)
    stamps = [(m.path, file_stamp(Path(m.path))) for m in deck.media]
    known = tuple((path, *stat) for path, stat in stamps if stat is not None)
    return dataclasses.replace(
        record,
        notes=fed.notes,
        lead=fed.lead,
        media=deck.media,
        stamps=known,
        description=deck.description,
        clean=fed.clean and len(known) == len(stamps) and others is not None,
        others=others or "",
    )


def deck_key(deck: Deck, origins: Mapping[str, Origin], fingerprint: str) -> str | None:
    """A digest of everything stamping and writing a deck read from it, as rendered (a card at
    a time: a copy of a whole deck's fields is never made)."""
    digest = hashlib.sha256()
    try:
        media = [(m.name, str(m.path)) for m in deck.media]
        digest.update(marshal.dumps((fingerprint, deck.name, deck.description, media), _MARSHAL))
        for c in deck.cards:
            origin = origins.get(c.guid)
            if origin is None:
                return None
            card = c.card
            row = (
                c.guid, c.deck, c.model, c.order, c.tags, c.fields, card.term, card.section,
                card.definition_md, origin.file, origin.note,
            )  # fmt: skip
            digest.update(marshal.dumps(row, _MARSHAL))
    except ValueError:  # a value marshal cannot write (a str subclass): never settled
        return None
    return digest.hexdigest()


def entries_digest(lock: LockFile, guids: tuple[str, ...]) -> str | None:
    """A digest of the deck's lock entries, an entry at a time (a copy of a large deck's
    entries is never made, at the end of a build, when its memory is at its highest)."""
    digest = hashlib.sha256()
    for guid in guids:
        e = lock.cards.get(guid)
        if e is None:
            return None
        row = (
            guid, e.file, e.note, e.deck, e.section, e.term, e.model, e.hash, e.mod, e.sketch,
            e.alias, e.removed,
        )  # fmt: skip
        try:
            digest.update(marshal.dumps(row, _MARSHAL))
        except ValueError:
            return None
    return digest.hexdigest()


def _where(root: Path, options: BuildOptions) -> str:
    text = f"settled2\x1f{root}\x1f{options.out.resolve()}\x1f{options.format}"
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()
