"""The lock file: `notedeck.lock` beside the notes, committed with them.

Anki updates a note on import only when the package's note `mod` is newer than its own. So
every card's `mod` must change exactly when its content changes: a fixed time skips every
update, the build time overwrites every edit a learner made in Anki. The lock file records, per
GUID, a hash of everything that goes into the note (fields, tags, deck, note type) and the time
that content last changed. Unchanged cards keep their time; changed and new cards get the build
time, and a changed card's time is always later than the recorded one, even within one second.

It also remembers each card's term, section and a sketch of its definition, so a renamed or
moved card keeps its GUID (see rematch.py), and which cards left the notes.

The file is JSON with sorted, one-line entries so that diffs stay readable. It is written here
and read by lockread.py.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .fieldnames import BASIC_FIELDS, CLOZE_FIELDS
from .fsutil import atomic_write
from .model import Card, RenderedCard
from .rematch import sketch

LOCK_NAME = "notedeck.lock"
GUARD_NAME = ".notedeck.lock.guard"
VERSION = 1
_ABOUT = (
    "Written by `notedeck build`; commit it with your notes. It keeps cards' identities and "
    "the times their content last changed, so re-imports update exactly the changed cards."
)


@dataclass(frozen=True, slots=True)
class Entry:
    """What the lock file knows about one GUID."""

    file: str  # the note's path inside the notes root
    note: str  # the note's key (front-matter `id` or its path)
    deck: str
    section: tuple[str, ...]
    term: str
    model: str
    hash: str
    mod: int
    sketch: str
    alias: str = ""  # the GUID the card's own identity gives, when it kept an older one
    removed: bool = False  # the card has left the notes


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a card comes from: its notes root, its note's path there and the note's key."""

    root: Path
    file: str
    note: str


@dataclass(frozen=True, slots=True)
class TypeEntry:
    hash: str
    mod: int


@dataclass(slots=True)
class LockFile:
    path: Path
    cards: dict[str, Entry] = field(default_factory=dict)
    note_types: dict[str, TypeEntry] = field(default_factory=dict)
    digest: str = ""  # sha256 of the text as read, so an unchanged lock is not rewritten


def lock_path(root: Path) -> Path:
    return root / LOCK_NAME


def enclosing_root(path: Path) -> Path | None:
    """The nearest folder at or above `path` that holds a lock file, looking no further up than
    a git repository's top: once a notes folder has a lock file, building one of its sub-folders
    or files keeps the same notes root, so the same card identities and deck names."""
    for folder in (path, *path.parents):
        if (folder / LOCK_NAME).is_file():
            return folder
        if (folder / ".git").exists():
            return None
    return None


def guard_path(root: Path) -> Path:
    return root / GUARD_NAME


# One encoder each, made once: `json.dumps` with options builds a new encoder per call, which
# was most of the time spent hashing and writing tens of thousands of cards.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_SPACED = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
# The string encoder both use (they keep non-ASCII text as it is).
_string: Callable[[str], str] = json.encoder.encode_basestring


def content_hash(card: RenderedCard) -> str:
    """Everything Anki stores for the note: note type, fields, tags and deck (and nothing
    else, so a value the note type has no field for cannot make a card look changed)."""
    names = CLOZE_FIELDS if card.model == "cloze" else BASIC_FIELDS
    values = [card.fields.get(name, "") for name in names]
    data = [card.model, values, list(card.tags), card.deck]
    strings = [card.model, *values, *card.tags, card.deck]
    if all(type(value) is str for value in strings):
        # What `_COMPACT.encode(data)` writes, without making an encoder per card.
        text = (
            f"[{_string(card.model)},[{','.join(map(_string, values))}],"
            f"[{','.join(map(_string, card.tags))}],{_string(card.deck)}]"
        )
    else:
        text = _COMPACT.encode(data)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def next_mod(previous: int | None, now: int) -> int:
    """The time to give changed content: the build time, but always after the recorded one."""
    return now if previous is None else max(now, previous + 1)


def entry_for(
    card: RenderedCard, origin: Origin, mod: int, digest: str, sketch_hex: str | None = None
) -> Entry:
    """A lock entry for a card; `digest` is its content_hash, `sketch_hex` its definition's
    sketch when already known (computed here otherwise)."""
    return Entry(
        file=origin.file,
        note=origin.note,
        deck=card.deck,
        section=card.card.section,
        term=card.card.term,
        model=card.model,
        hash=digest,
        mod=mod,
        sketch=sketch_hex if sketch_hex is not None else sketch(card.card.definition_md),
    )


def entry_from(raw: Mapping[str, Any], like: Card | None = None) -> Entry:
    """A card's entry from its JSON object (KeyError, TypeError or ValueError when it is not).
    Interned: each note's cards repeat its path, key, deck and sections. `like`: the card
    built with the entry's GUID, whose term and section the entry shares when they are equal
    (a large vault's lock file does not hold a second copy of every card's)."""
    intern = sys.intern
    section = tuple(map(str, raw["section"]))
    term = str(raw["term"])
    if like is not None and like.section == section:
        section = like.section  # not interned: the table of interned strings never shrinks
    else:
        section = tuple(map(intern, section))
    if like is not None and like.term == term:
        term = like.term
    get = raw.get
    # Positional, in the fields' order: a lock file is tens of thousands of these.
    return Entry(
        intern(str(raw["file"])),
        intern(str(raw["note"])),
        intern(str(raw["deck"])),
        section,
        term,
        intern(str(raw["model"])),
        str(raw["hash"]),
        int(raw["mod"]),
        str(get("sketch", "")),
        str(get("alias", "")),
        bool(get("removed", False)),
    )


def _sort_key(item: tuple[str, Entry]) -> tuple[Any, ...]:
    guid, e = item
    return (e.file, e.note, e.section, e.term.casefold(), e.term, guid)


def _in_order(cards: Mapping[str, Entry]) -> Iterator[tuple[str, Entry]]:
    """`cards` sorted by `_sort_key`, a note file at a time: the sort keys of tens of thousands
    of cards (their terms case-folded) are never all made at once."""
    by_file: dict[str, list[str]] = {}
    for guid, entry in cards.items():
        by_file.setdefault(entry.file, []).append(guid)
    for file in sorted(by_file):
        yield from sorted(((g, cards[g]) for g in by_file.pop(file)), key=_sort_key)


_FIELDS = tuple(f.name for f in fields(Entry))


def render_lock(cards: Mapping[str, Entry], types: Mapping[str, TypeEntry]) -> str:
    """The lock file's text: stable order, one line per card."""
    return "".join(_lock_parts(cards, types))


def _lock_parts(cards: Mapping[str, Entry], types: Mapping[str, TypeEntry]) -> Iterator[str]:
    """The lock file's text, a piece at a time: tens of thousands of cards make a text of tens
    of megabytes, which is never held whole."""
    line = _SPACED.encode
    type_lines = [
        f"    {line(n)}: {line({'hash': t.hash, 'mod': t.mod})}" for n, t in sorted(types.items())
    ]
    yield (
        "{\n"
        f'  "about": {line(_ABOUT)},\n'
        f'  "version": {VERSION},\n'
        '  "types": {\n' + ",\n".join(type_lines) + "\n  },\n"
        '  "cards": {\n'
    )
    separator = ""
    for guid, entry in _in_order(cards):
        yield f"{separator}    {_string(guid)}: {_entry_line(entry)}"
        separator = ",\n"
    yield "\n  }\n}\n"


_STR = {str}


def _entry_line(entry: Entry) -> str:
    """What `_SPACED.encode` writes for the entry's fields (optional ones left out when
    unset), formatted directly: the encoder's dict handling was most of writing a lock file."""
    strings = (entry.file, entry.note, entry.deck, entry.term, entry.model, entry.hash)
    plain = set(map(type, (*strings, entry.sketch, entry.alias, *entry.section))) == _STR
    if not plain or type(entry.mod) is not int or type(entry.removed) is not bool:
        raw = {name: getattr(entry, name) for name in _FIELDS}
        raw["section"] = list(entry.section)
        for optional in ("alias", "removed"):
            if raw[optional] in ("", False):
                del raw[optional]
        return _SPACED.encode(raw)
    s = _string
    text = (
        f'{{"file": {s(entry.file)}, "note": {s(entry.note)}, "deck": {s(entry.deck)}, '
        f'"section": [{", ".join(map(s, entry.section))}], "term": {s(entry.term)}, '
        f'"model": {s(entry.model)}, "hash": {s(entry.hash)}, "mod": {entry.mod}, '
        f'"sketch": {s(entry.sketch)}'
    )
    if entry.alias:
        text += f', "alias": {s(entry.alias)}'
    if entry.removed:
        text += ', "removed": true'
    return text + "}"


def _batched(parts: Iterator[str], size: int = 512) -> Iterator[str]:
    """The parts joined a few hundred at a time: encoding, hashing and writing each card's
    line on its own was most of the time writing a lock file took."""
    batch: list[str] = []
    for part in parts:
        batch.append(part)
        if len(batch) == size:
            yield "".join(batch)
            batch.clear()
    if batch:
        yield "".join(batch)


class _Unchanged(Exception):
    """The lock file written would be the one already there: the temp file is dropped."""


def write_lock(lock: LockFile) -> bool:
    """Write the lock file when its content changed; True when it was written."""
    digest = hashlib.sha256()

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8") as handle:
            for text in _batched(_lock_parts(lock.cards, lock.note_types)):
                digest.update(text.encode("utf-8", "surrogatepass"))
                handle.write(text)
        if lock.digest and digest.hexdigest() == lock.digest:
            raise _Unchanged

    try:
        atomic_write(lock.path, write)
    except _Unchanged:
        return False
    lock.digest = digest.hexdigest()
    return True


def type_mods(lock: LockFile, hashes: Mapping[str, str], now: int) -> dict[str, int]:
    """Note types' `mod` by the same rule as cards, so a CSS or template change reaches Anki
    (update if newer) while an unchanged type keeps its time. Updates `lock` in place."""
    mods: dict[str, int] = {}
    for name, digest in sorted(hashes.items()):
        old = lock.note_types.get(name)
        mod = old.mod if old and old.hash == digest else next_mod(old.mod if old else None, now)
        lock.note_types[name] = TypeEntry(digest, mod)
        mods[name] = mod
    return mods
