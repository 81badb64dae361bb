"""A build's decks against the lock files of their notes roots: final GUIDs, note and note type
`mod` times, re-matched and removed cards. build.py calls `stamp` inside `guarded`, then writes
the decks, then `save`, so two builds of the same notes take turns on the lock file."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .decks import safe_tag
from .fsutil import exclusive_lock
from .lock import LockFile, Origin, guard_path, lock_path, type_mods, write_lock
from .lockread import read_lock
from .model import Deck, Diagnostic, NotedeckError, RenderedCard
from .options import BuildOptions
from .reconcile import Rematch, Removed, reconcile


@dataclass(slots=True)
class Stamped:
    decks: list[Deck]
    mods: dict[str, int]
    type_mods: dict[str, int]
    rematched: list[Rematch] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    reemitted: list[RenderedCard] = field(default_factory=list)
    locks: list[LockFile] = field(default_factory=list)

    def epoch_of(self, deck: Deck) -> int:
        """The latest time in a deck: what its package's own times and ids derive from, so
        they too only change when the deck's content does."""
        times = [self.mods[c.guid] for c in deck.cards]
        return max([*times, *self.type_mods.values()], default=0)


@contextlib.contextmanager
def guarded(roots: Iterable[Path], enabled: bool = True) -> Iterator[None]:
    """Hold every notes root's lock-file guard (in a fixed order, so builds cannot deadlock)."""
    with contextlib.ExitStack() as stack:
        if enabled:
            for root in sorted(set(roots)):
                try:
                    stack.enter_context(exclusive_lock(guard_path(root)))
                except OSError as exc:
                    raise _unwritable(guard_path(root), exc) from None
        yield


def stamp(
    decks: list[Deck],
    origins: Mapping[str, Origin],
    built: Mapping[Path, set[str]],
    now: int,
    options: BuildOptions,
    type_hashes: Mapping[str, str],
    locks: Mapping[Path, LockFile] | None = None,
    taken: frozenset[str] = frozenset(),
) -> Stamped:
    """Final GUIDs and `mod`s for every card; without a lock file every card is new.
    `locks`: lock files already read, by notes root; `taken`: GUIDs of cards not stamped here
    whose lock entries must be left alone (see settled.py)."""
    cards = [card for deck in decks for card in deck.cards]
    if not options.lock:
        return Stamped(decks, {c.guid: now for c in cards}, dict.fromkeys(type_hashes, now))
    # Each root's cards alone, their origins looked up by GUID: no (card, origin) pair is held
    # per card for the whole stamp.
    by_root: dict[Path, list[RenderedCard]] = {root: [] for root in built}
    for card in cards:
        by_root.setdefault(origins[card.guid].root, []).append(card)
    result = Stamped([], {}, {})
    final: dict[int, RenderedCard] = {}  # by id() of the card as rendered, when it changed
    types: dict[str, int] = {}
    for root in sorted(by_root):
        lock = (locks or {}).get(root) or read_lock(lock_path(root))
        done = reconcile(
            lock,
            by_root[root],
            origins,
            built.get(root, set()),
            now,
            options.rematch_threshold,
            safe_tag(options.removed_tag.split("::")),
            taken,
        )
        for card, stamped in zip(by_root[root], done.cards, strict=True):
            if stamped is not card:  # a re-matched card: its older GUID
                final[id(card)] = stamped
        if result.mods:
            result.mods.update(done.mods)
        else:  # the same mapping in the same order, without a copy of tens of thousands
            result.mods = done.mods
        result.rematched.extend(done.rematched)
        result.removed.extend(done.removed)
        result.reemitted.extend(done.reemitted)
        for name, mod in type_mods(lock, type_hashes, now).items():
            types[name] = max(types.get(name, 0), mod)
        result.locks.append(lock)
    result.type_mods = types
    result.decks = _regroup(decks, final, result.reemitted)
    return result


def _regroup(
    decks: list[Deck], final: dict[int, RenderedCard], extra: list[RenderedCard]
) -> list[Deck]:
    out = [
        Deck(d.name, tuple(final.get(id(c), c) for c in d.cards), d.media, d.description)
        for d in decks
    ]
    for card in extra:
        top = card.deck.split("::", 1)[0]
        index = next((i for i, d in enumerate(out) if d.name == top), None)
        if index is None:
            out.append(Deck(top, (card,), ()))
        else:
            deck = out[index]
            out[index] = Deck(deck.name, (*deck.cards, card), deck.media, deck.description)
    return out


def unique_cards(decks: list[Deck]) -> tuple[list[Deck], list[Diagnostic]]:
    """Drop cards whose identity an earlier card already has (two notes with the same
    front-matter `id` and the same term in the same section): Anki would keep only one."""
    seen: dict[str, RenderedCard] = {}
    out: list[Deck] = []
    warnings: list[Diagnostic] = []
    for deck in decks:
        kept = []
        for card in deck.cards:
            first = seen.setdefault(card.guid, card)
            if first is card:
                kept.append(card)
                continue
            warnings.append(
                Diagnostic(
                    card.card.loc,
                    "warning",
                    f"card {card.card.term!r} has the same identity as the one at "
                    f"{first.card.loc}; only that one is built",
                    "give each note its own front-matter `id`",
                )
            )
        out.append(Deck(deck.name, tuple(kept), deck.media, deck.description))
    return out, warnings


def lock_aliases(roots: Iterable[Path]) -> dict[str, str]:
    """A card's own GUID → the older GUID it kept when it was renamed or moved, from the lock
    files (read only), so `notedeck list` shows the GUIDs a build writes."""
    aliases: dict[str, str] = {}
    for root in sorted(set(roots)):
        lock = read_lock(lock_path(root))
        for guid, entry in lock.cards.items():
            if entry.alias and entry.alias not in lock.cards:
                aliases[entry.alias] = guid
    return aliases


def save(stamped: Stamped) -> list[Path]:
    """Write the lock files that changed; returns their paths."""
    written = []
    for lock in stamped.locks:
        try:
            if write_lock(lock):
                written.append(lock.path)
        except OSError as exc:
            raise _unwritable(lock.path, exc) from None
    return written


def _unwritable(path: Path, exc: OSError) -> NotedeckError:
    return NotedeckError(
        None,
        f"cannot write {path}: {exc.strerror or exc}",
        "the lock file lives beside the notes; make that folder writable, or build with "
        "--no-lock (then every import overwrites edits made in Anki)",
    )
