"""Cards a note's author turned down by name, in its front matter:

    skip: [Overview, "Docker › 장점"]

An entry is a card's term (or one of its aliases), or a path ending in the term
(`Section › Term`, `>` works too) when the same term is a card in more than one section.
Case, spacing and Unicode normal form do not matter. An entry that names no card is a warning,
so a typo, or a card that a later edit renamed, does not go unnoticed."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..config import BadValue, key_line
from ..model import Card, Diagnostic, Loc, NotedeckError
from ..notemeta import skip_entries

_SEPARATOR = re.compile(r"\s*(?:›|>)\s*")


@dataclass(frozen=True, slots=True)
class Skip:
    """The entries of a note's `skip:` and the line they are written on."""

    entries: tuple[str, ...] = ()
    line: int = 1


NO_SKIP = Skip()


def read_skip(front_matter: dict[str, Any], text: str, path: str) -> Skip:
    """The note's `skip:` (a name, or a list of names), or NotedeckError for any other value
    (the build drops such a value with a warning first: see notemeta.py)."""
    line = key_line(text, "skip")
    try:
        return Skip(skip_entries(front_matter.get("skip")), line)
    except BadValue:
        raise NotedeckError(
            Loc(path, line),
            "front matter `skip` must be a card's term or a list of them",
            'e.g. skip: [Overview, "Docker › 장점"]',
        ) from None


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _parts(entry: str) -> tuple[tuple[str, ...], str]:
    parts = [p for p in _SEPARATOR.split(entry.strip()) if p]
    return tuple(_norm(p) for p in parts[:-1]), _norm(parts[-1]) if parts else ""


def names(card: Card, entry: str) -> bool:
    """Does `entry` name this card: its term or an alias, under the sections it gives?"""
    sections, term = _parts(entry)
    if term not in {_norm(card.term), *(_norm(a) for a in card.aliases)}:
        return False
    have = tuple(_norm(s) for s in card.section)
    return not sections or (len(sections) <= len(have) and have[-len(sections) :] == sections)


def apply_skip(
    cards: tuple[Card, ...], skip: Skip, path: str
) -> tuple[tuple[Card, ...], list[tuple[Card, str]], tuple[Diagnostic, ...]]:
    """The cards left, the ones skipped (with the entry that named each) and a warning for
    every entry that named none."""
    if not skip.entries:
        return cards, [], ()
    kept: list[Card] = []
    skipped: list[tuple[Card, str]] = []
    for card in cards:
        entry = next((e for e in skip.entries if names(card, e)), None)
        if entry is None:
            kept.append(card)
        else:
            skipped.append((card, entry))
    used = {entry for _, entry in skipped}
    unused = tuple(
        Diagnostic(
            Loc(path, skip.line),
            "warning",
            f"`skip` entry {entry!r} names no card of this note",
            "name a card as `notedeck list` shows it: its term, or `Section › Term`",
        )
        for entry in dict.fromkeys(skip.entries)
        if entry not in used
    )
    return tuple(kept), skipped, unused
