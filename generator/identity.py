"""Card identity. A GUID names what a card is about — the note's key, the section path and the
term — and never its definition, so editing a definition updates the note in Anki in place."""

from __future__ import annotations

import hashlib

_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)


def _base91(number: int) -> str:
    out = ""
    while number:
        number, rem = divmod(number, len(_ALPHABET))
        out = _ALPHABET[rem] + out
    return out or _ALPHABET[0]


def stable_hash(*parts: str) -> int:
    """A 63-bit integer from text, the same on every machine and Python run."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def card_guid(note_key: str, section: tuple[str, ...], term: str, cased: bool = False) -> str:
    """`cased`: the term's letter case is part of it (`\\s` and `\\S` in a regex cheat sheet
    are two cards, so two notes in Anki); otherwise `TCP` and `tcp` are one identity."""
    from .extract.terms import identity_key, term_key  # not needed for deck ids alone

    keys = [term_key(s) for s in section]
    name = identity_key(term, cased)
    return _base91(stable_hash("notedeck-card", note_key, *keys, "\x1e", name))


def deck_id(name: str) -> int:
    """Anki deck ids: stable per name, within the range Anki accepts (positive, < 2**53)."""
    return (stable_hash("notedeck-deck", name) % (2**52)) + 1
