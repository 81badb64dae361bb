"""Reading a lock file a line at a time, as notedeck writes it (lock.py: one card per line).

Parsed whole, a large vault's lock file was held three times over at once: its bytes, its
text and the parsed objects, some 50 MB at 40,000 cards on top of the build's peak. Read a
line at a time, only the entries made from it stay. A file in any other layout (edited by
hand, reformatted, with merge-conflict markers) gives None, and the caller parses it whole,
with that parser's messages.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from .fsutil import open_regular
from .lock import VERSION, LockFile, TypeEntry, entry_from
from .model import Deck, RenderedCard

Line = Callable[[], bytes]  # the file's next line, hashed as it is read

_OPEN = b"{\n"
_TYPES = b'  "types": {\n'
_CARDS = b'  "cards": {\n'
_TYPES_END = (b"  },\n",)
_CARDS_END = (b"  }\n",)
_CLOSE = b"}\n"


class _Layout(Exception):
    """The file is not in the layout notedeck writes."""


def read_canonical(path: Path, built: Sequence[Deck] = ()) -> LockFile | None:
    """The lock file, when it is in the layout notedeck writes; None otherwise (and when it
    has a problem the whole-file parser reports). OSError when it cannot be read. Entries
    share the strings of the `built` card with their GUID (see lock.entry_from)."""
    digest = hashlib.sha256()
    with open_regular(path) as handle:
        known = {card.guid: card for deck in built for card in deck.cards}  # once there is a file

        def line() -> bytes:
            text = handle.readline()
            digest.update(text)
            return text

        try:
            lock = _parse(path, line, known)
        except (_Layout, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None
        if handle.read(1):
            return None
    lock.digest = digest.hexdigest()
    return lock


def _parse(path: Path, line: Line, known: Mapping[str, RenderedCard]) -> LockFile:
    if line() != _OPEN:
        raise _Layout
    if _member(line(), b"  ")[0] != "about":
        raise _Layout
    if _member(line(), b"  ") != ("version", VERSION):
        raise _Layout
    if line() != _TYPES:
        raise _Layout
    lock = LockFile(path)
    for name, raw in _members(line, _TYPES_END):
        lock.note_types[name] = TypeEntry(str(raw["hash"]), int(raw["mod"]))
    if line() != _CARDS:
        raise _Layout
    for guid, raw in _chunked_members(line, _CARDS_END):
        if not isinstance(raw, dict):
            raise _Layout
        card = known.get(guid)
        if card is None:
            lock.cards[guid] = entry_from(raw)
        else:  # the card's own GUID string as the key, and its term and section
            lock.cards[card.guid] = entry_from(raw, card.card)
    if line() != _CLOSE:
        raise _Layout
    return lock


def _members(line: Line, ends: tuple[bytes, ...]) -> Iterator[tuple[str, Any]]:
    """`"key": value` lines, each but the last ending in a comma, up to a closing line."""
    text = line()
    if text == b"\n":  # an empty object
        if line() not in ends:
            raise _Layout
        return
    while True:
        last = not text.endswith(b",\n")
        yield _member(text, b"    ")
        if last:
            if line() not in ends:
                raise _Layout
            return
        text = line()


# Card lines parsed at once: a JSON document per line was most of the time reading took.
_CHUNK = 256
_INDENT = b"    "


def _chunked_members(line: Line, ends: tuple[bytes, ...]) -> Iterator[tuple[str, Any]]:
    """What `_members` yields, parsed up to `_CHUNK` lines at a time. Each line holds one
    member: a chunk whose lines make more or fewer members than it has lines is not in the
    layout (its JSON, parsed whole, would give the same members as the lines parsed alone)."""
    text = line()
    if text == b"\n":  # an empty object
        if line() not in ends:
            raise _Layout
        return
    bodies: list[bytes] = []
    while True:
        if not text.startswith(_INDENT) or not text.endswith(b"\n"):
            raise _Layout
        last = not text.endswith(b",\n")
        bodies.append(text[len(_INDENT) : -1 if last else -2])
        if last or len(bodies) == _CHUNK:
            parsed = json.loads(b"{" + b",".join(bodies) + b"}")
            if not isinstance(parsed, dict) or len(parsed) != len(bodies):
                raise _Layout
            yield from parsed.items()
            bodies = []
        if last:
            if line() not in ends:
                raise _Layout
            return
        text = line()


def _member(text: bytes, indent: bytes) -> tuple[str, Any]:
    """One `"key": value` line of the object it is in."""
    if not text.startswith(indent) or not text.endswith(b"\n"):
        raise _Layout
    body = text[len(indent) :].rstrip(b"\n").removesuffix(b",")
    parsed = json.loads(b"{" + body + b"}")
    if not isinstance(parsed, dict) or len(parsed) != 1:
        raise _Layout
    ((key, value),) = parsed.items()
    return str(key), value
