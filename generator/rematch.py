"""Finding a renamed or moved card's old identity by its definition.

A card's GUID comes from its note, section and term, so renaming a term or moving it to another
section gives it a new GUID. When the definition stayed (nearly) the same, the card is the
same card and should keep its old GUID, and with it the learner's review history.

Definitions are compared by a bottom-k sketch: the k smallest hashes of their word pairs. The
sketch is small enough to keep in the lock file, and two sketches estimate how much of the two
texts' word pairs are shared (Jaccard similarity) without keeping the texts themselves.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

SKETCH_SIZE = 16
_WORD = re.compile(r"\w+")


def sketch(text: str) -> str:
    """The sketch of a definition, as hex (8 digits per hash, smallest first)."""
    words = _WORD.findall(text.casefold())
    shingles = set(map(" ".join, itertools.pairwise(words))) or set(words)
    # Each hash as its 4 big-endian bytes: they sort as the numbers do, and their hex is the
    # 8 digits of each (a cold build sketches every card, in the build's own process).
    blake = hashlib.blake2b
    hashes = sorted({blake(s.encode("utf-8"), digest_size=4).digest() for s in shingles})
    return b"".join(hashes[:SKETCH_SIZE]).hex()


def _values(sketch_hex: str) -> list[int]:
    return [int(sketch_hex[i : i + 8], 16) for i in range(0, len(sketch_hex), 8)]


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity of the texts two sketches were made from (0..1)."""
    va, vb = set(_values(a)), set(_values(b))
    if not va or not vb:
        return 0.0
    union = sorted(va | vb)[:SKETCH_SIZE]
    return sum(1 for v in union if v in va and v in vb) / len(union)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One side of a possible re-match: an identity, its sketch and its note."""

    key: str
    sketch: str
    note: str


def best_pairs(
    new: Sequence[Candidate], old: Sequence[Candidate], threshold: float
) -> list[tuple[str, str, float]]:
    """Pair new cards with vanished ones whose definitions are at least `threshold` alike,
    most alike first, each side used once; a pair in the same note wins a tie.

    Returns (new key, old key, similarity). Only pairs sharing a sketch value are scored, so
    this stays near-linear however many cards moved."""
    index: dict[int, list[int]] = {}
    for j, cand in enumerate(old):
        for value in _values(cand.sketch):
            index.setdefault(value, []).append(j)
    scored: list[tuple[float, int, int, int]] = []
    for i, cand in enumerate(new):
        shared = Counter(j for v in set(_values(cand.sketch)) for j in index.get(v, ()))
        for j in shared:
            score = similarity(cand.sketch, old[j].sketch)
            if score >= threshold:
                other_note = 0 if old[j].note == cand.note else 1
                scored.append((-score, other_note, i, j))
    used_new: set[int] = set()
    used_old: set[int] = set()
    pairs: list[tuple[str, str, float]] = []
    for neg_score, _, i, j in sorted(scored):
        if i in used_new or j in used_old:
            continue
        used_new.add(i)
        used_old.add(j)
        pairs.append((new[i].key, old[j].key, -neg_score))
    return pairs
