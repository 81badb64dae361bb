"""One notes root's cards against its lock file: final GUIDs, `mod` times, re-matches and
removed cards. The lock file is updated in place; lock.py reads and writes it.

Only lock entries "in scope" take part: those of notes built this time and of notes whose file
is gone. Building one file of a folder leaves the other notes' entries alone, and a note that
failed to load is not mistaken for one whose cards were all removed.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from .extract.terms import term_key
from .lock import Entry, LockFile, Origin, content_hash, entry_for, next_mod
from .model import Card, Loc, RenderedCard
from .rematch import Candidate, best_pairs, sketch
from .render import SECTION_SEPARATOR

# Re-emitted removed cards come after every card of the notes.
_REEMIT_ORDER = 1_000_000


@dataclass(frozen=True, slots=True)
class Rematch:
    """A renamed or moved card that kept an older card's GUID."""

    guid: str
    old: Entry
    new: RenderedCard
    similarity: float

    def __str__(self) -> str:
        alike = f"definition {self.similarity:.0%} alike"
        return f"{_where(self.old)} → {_where_card(self.new)} ({alike})"


@dataclass(frozen=True, slots=True)
class Removed:
    guid: str
    entry: Entry

    def __str__(self) -> str:
        return _where(self.entry)


@dataclass(slots=True)
class Reconciled:
    cards: list[RenderedCard] = field(default_factory=list)
    mods: dict[str, int] = field(default_factory=dict)
    rematched: list[Rematch] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)  # newly removed by this build
    reemitted: list[RenderedCard] = field(default_factory=list)


def _path(section: tuple[str, ...], term: str) -> str:
    """`Section › Term`; a heading card's section already ends with its term."""
    if section and term_key(section[-1]) == term_key(term):
        return SECTION_SEPARATOR.join(section)
    return SECTION_SEPARATOR.join((*section, term))


def _where(entry: Entry) -> str:
    return f"{entry.file}: {_path(entry.section, entry.term)}"


def _where_card(card: RenderedCard) -> str:
    return _path(card.card.section, card.card.term)


def reconcile(
    lock: LockFile,
    cards: Sequence[RenderedCard],
    origins: Mapping[str, Origin],
    built_files: set[str],
    now: int,
    threshold: float,
    removed_tag: str = "",
    taken: frozenset[str] = frozenset(),
) -> Reconciled:
    """`origins`: each card's, by its GUID. `taken`: GUIDs already claimed by cards stamped
    before (settled decks, see settled.py): they stay in scope but are neither matched again
    nor removed."""
    root = lock.path.parent
    gone = {
        f for f in {e.file for e in lock.cards.values()} - built_files if not (root / f).exists()
    }
    scope = {g: e for g, e in lock.cards.items() if e.file in built_files or e.file in gone}
    aliases = {e.alias: g for g, e in scope.items() if e.alias}
    final: list[str | None] = [None] * len(cards)
    claimed: set[str] = set(taken)
    for pass_map in (None, aliases):  # a card's own GUID first, then one it kept before
        for i, card in enumerate(cards):
            guid = card.guid if pass_map is None else pass_map.get(card.guid)
            in_lock = guid in lock.cards and (pass_map is None or guid in scope)
            if final[i] is None and guid is not None and in_lock and guid not in claimed:
                final[i] = guid
                claimed.add(guid)
    result = Reconciled()
    sketches: dict[int, str] = {}
    similarity = _rematch(cards, origins, final, scope, claimed, threshold, sketches)
    unclaimed = sorted(g for g in scope if g not in claimed)  # left the notes
    # Tens of thousands of GUIDs and recorded entries: not held while the new ones are made,
    # so each recorded entry is freed as its card's replaces it.
    del scope, claimed, aliases
    for i, card in enumerate(cards):
        guid = final[i] or card.guid
        old = lock.cards.get(guid)
        digest = content_hash(card)
        if old and old.hash == digest:
            digest = old.hash  # one string for both: the one just made is freed at once
        mod = old.mod if old and old.hash == digest else next_mod(_mod(old), now)
        # The sketch depends only on the definition: an unchanged card keeps its recorded one.
        known = old.sketch if old and old.hash == digest and old.sketch else sketches.get(i)
        # An unchanged card's entry is made anew too: it shares the card's term and section
        # (which stay in memory anyway) and the recorded one, with its own copies read from
        # the lock file, is freed. Equal either way, so the file written is the same.
        entry = entry_for(card, origins[card.guid], mod, digest, known)
        if guid != card.guid:
            entry = replace(entry, alias=card.guid)
            if i in similarity and old is not None:
                result.rematched.append(Rematch(guid, old, card, similarity[i]))
        lock.cards[guid] = entry
        result.cards.append(card if guid == card.guid else replace(card, guid=guid))
        result.mods[guid] = mod
    for guid in unclaimed:
        entry = lock.cards[guid]
        if not entry.removed:
            result.removed.append(Removed(guid, entry))
            lock.cards[guid] = entry = replace(entry, removed=True)
        if removed_tag:
            _reemit(lock, guid, entry, removed_tag, now, result)
    return result


def _mod(entry: Entry | None) -> int | None:
    return entry.mod if entry else None


def _rematch(
    cards: Sequence[RenderedCard],
    origins: Mapping[str, Origin],
    final: list[str | None],
    scope: dict[str, Entry],
    claimed: set[str],
    threshold: float,
    sketches: dict[int, str],
) -> dict[int, float]:
    """Give unmatched cards the GUID of a vanished card with a (nearly) equal definition.
    The sketches it makes are left in `sketches`, by card index."""
    unclaimed = sorted(g for g in scope if g not in claimed)
    old = [Candidate(g, scope[g].sketch, scope[g].note) for g in unclaimed]
    unmatched = [i for i in range(len(cards)) if final[i] is None]
    if not old or not unmatched:
        return {}
    for i in unmatched:
        sketches[i] = sketch(cards[i].card.definition_md)
    new = [Candidate(str(i), sketches[i], origins[cards[i].guid].note) for i in unmatched]
    found: dict[int, float] = {}
    for new_key, guid, score in best_pairs(new, old, threshold):
        final[int(new_key)] = guid
        claimed.add(guid)
        found[int(new_key)] = score
    return found


def _reemit(
    lock: LockFile, guid: str, entry: Entry, tag: str, now: int, result: Reconciled
) -> None:
    """A removed card, emitted again with `tag` so learners can find it and delete it."""
    card = removed_card(guid, entry, tag, _REEMIT_ORDER + len(result.reemitted))
    digest = content_hash(card)
    mod = entry.mod if entry.hash == digest else next_mod(entry.mod, now)
    lock.cards[guid] = replace(entry, hash=digest, mod=mod)
    result.reemitted.append(card)
    result.mods[guid] = mod


def removed_card(guid: str, entry: Entry, tag: str, order: int) -> RenderedCard:
    term = html.escape(entry.term)
    notice = (
        f'<p class="nd-removed">Removed from the notes ({html.escape(entry.file)}). '
        "Delete this card, or keep it: notedeck no longer updates it.</p>"
    )
    section = SECTION_SEPARATOR.join(html.escape(s) for s in entry.section)
    if entry.model == "cloze":
        fields = {"Text": f"{notice}{{{{c1::{term}}}}}", "Section": section}
    else:
        fields = {"Term": term, "Definition": notice, "Section": section}
    fields["Source"] = html.escape(entry.file)
    card = Card(entry.term, "", entry.section, Loc(entry.file, 0), kind="basic")
    model: Literal["basic", "cloze"] = "cloze" if entry.model == "cloze" else "basic"
    return RenderedCard(card, guid, entry.deck, fields, model, order, (tag,))
