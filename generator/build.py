"""The pipeline, end to end: notes → cards → decks → .apkg files.

Each stage is a function of the previous stage's output; this module only wires them.
Problems in one note are reported with file:line and do not stop the other notes; a deck
with a broken note is not written, so its previous .apkg survives.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from . import held, settled, unchanged
from .cache import BuildCache, cache_for, deck_digest
from .export import write_tsv
from .fsutil import describe_os_error
from .loaded import Progress, deck_file_name, load, origins_of, render_decks, top_deck
from .lock import LockFile, Origin, lock_path
from .locking import Stamped, guarded, save, stamp, unique_cards
from .lockread import read_lock
from .model import BuildReport, Deck, Diagnostic, NotedeckError
from .notes import NoteFile
from .options import BuildOptions
from .package import model_hashes
from .workers import job_count, run_writes


def build_epoch() -> int:
    """The build time: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else int(time.time())


_KEPT = "the previous file, if any, is unchanged"


def build(
    paths: list[str],
    options: BuildOptions | None = None,
    progress: Progress | None = None,
    checked: tuple[unchanged.Check | None] | None = None,  # unchanged.check's answer, if asked
    *,
    every_card: bool = False,
) -> BuildReport:
    """Build the decks. `every_card`: the report holds every card, so no deck is answered
    from a record without loading its notes (the watcher's first build, which later
    rebuilds are told against); what it records lets the next build keep decks."""
    options = options or BuildOptions()
    before = checked[0] if checked is not None else unchanged.check(paths, options)
    if before is not None and before.report is not None and not every_card:
        return before.report  # nothing it read or wrote has changed since the last build
    try:
        return _build(paths, options, progress, before, hold=not every_card)
    except settled.Touched:  # raised before anything was stamped or written
        return _build(paths, options, progress, before, hold=False)


def _build(
    paths: list[str],
    options: BuildOptions,
    progress: Progress | None,
    before: unchanged.Check | None,
    hold: bool,
) -> BuildReport:
    found = (before.files, list(before.found)) if before is not None else None
    # A command-line build of one notes root with a lock file keeps the decks an edit did not
    # touch without loading their notes (held.py): the lock is read, under its guard, first.
    early = _early_root(before, options) if hold else None
    with guarded([early] if early is not None else [], options.lock):
        first = {early: read_lock(lock_path(early))} if early is not None else {}
        return _finish(paths, found, first, options, progress, before)


def _early_root(before: unchanged.Check | None, options: BuildOptions) -> Path | None:
    if before is None or not options.reuse_unchanged or not options.lock:
        return None
    roots = {file.root for file in before.files}
    if len(roots) != 1:
        return None
    root = next(iter(roots))
    # Without a record no deck can be kept: the lock is read after the notes are rendered and
    # freed, as in any build, so a large vault's notes and lock entries are not held at once.
    return root if settled.recorded(root, options) else None


def _keep(
    kept: dict[str, settled.DeckRecord],
    locks: dict[Path, LockFile],
    options: BuildOptions,
    others: str | None,
    keys: dict[str, str],
) -> set[str]:
    """The notes not to load: those of the decks kept as they are (recorded in `kept`)."""
    (root, lock), target_of = next(iter(locks.items())), partial(_target, options=options)
    kept.update(settled.held(keys, root, lock, options, model_hashes(), target_of, others))
    return {rel for record in kept.values() for rel, _ in record.notes}


def _finish(
    paths: list[str],
    found: tuple[list[NoteFile], list[Diagnostic]] | None,
    first: dict[Path, LockFile],  # the notes root's lock, read before its notes: decks may be kept
    options: BuildOptions,
    progress: Progress | None,
    before: unchanged.Check | None,
) -> BuildReport:
    others = before.others if before is not None else None
    kept: dict[str, settled.DeckRecord] = {}  # filled while the notes are found
    keep = partial(_keep, kept, first, options, others) if first else None
    # Loaded here, so that only this frame holds the notes' records and `del` frees them.
    loaded, diagnostics, failed = load(paths, options, progress, found, keep)
    if kept and (failed or any(top_deck(i.note.info.deck) in kept for i in loaded)):
        raise settled.Touched  # a note that failed or joined a kept deck: load them all
    # A deck a broken note may belong to is not rewritten: its previous .apkg survives.
    protected = {top_deck(deck) for deck in failed.values() if deck}
    decks, media_diagnostics = render_decks(loaded, options)
    diagnostics.extend(media_diagnostics)
    if kept:
        held.check_untouched(decks, kept, next(iter(first.values())))
    # --strict: a note with a missing image is broken, so its deck keeps the previous .apkg.
    broken = {d.loc.path for d in media_diagnostics if d.level == "error" and d.loc}
    decks, duplicates = unique_cards(decks)
    diagnostics.extend(duplicates)
    origins, built = origins_of(loaded)
    fed = held.fed(loaded, diagnostics)
    del loaded  # the notes' parsed records: only their cards are needed from here on
    for notes_root in first if kept else ():  # their notes are built, just not loaded
        built.setdefault(notes_root, set()).update(r for k in kept.values() for r, _ in k.notes)
    outputs: list[str] = []
    unwritten: list[str] = []  # decks left as the last build wrote them, for the summary
    stores: dict[Path | None, BuildCache] = {}
    with guarded([] if first else built, options.lock):
        # Each lock file's entries share the strings of the cards built (see lock.entry_from).
        locks = (
            {r: first.get(r) or read_lock(lock_path(r), decks) for r in built}
            if options.lock
            else {}
        )
        calm = not (duplicates or failed or broken)
        target_of = partial(_target, options=options)
        root, lock = _one(locks) if calm else (None, None)
        settle = settled.plan(decks, origins, root, lock, options, model_hashes(), target_of)
        if kept and settle is None:
            raise settled.Touched
        if settle is not None:
            settle.held = kept
            settle.others = others
        todo, taken = settled.split(decks, settle)
        stamped = stamp(todo, origins, built, build_epoch(), options, model_hashes(), locks, taken)
        decks = _merge(decks, stamped.decks, settle)
        decks = held.in_order(decks, kept, fed, before.files if before is not None else [])
        writes: list[tuple[Path, str, BuildCache, Callable[[], None]]] = []
        clashing = _clashes(decks, options, diagnostics)
        for deck in decks:
            target = _target(deck, options)
            if deck.name in protected:
                why = f"{target} not written: a note of deck {deck.name!r} has errors"
                diagnostics.append(Diagnostic(None, "warning", why, _KEPT))
            if (
                deck.name in clashing
                or deck.name in protected
                or any(c.card.loc.path in broken for c in deck.cards)
            ):
                unwritten.append(deck.name)
                continue
            outputs.append(str(target))
            if deck.name in kept or (settle and deck.name in settle.settled):
                continue  # as recorded: nothing to stamp, digest or write
            store = stores.setdefault(_root_of(deck, origins), _store(deck, origins, options))
            digest = _digest(deck, stamped, options)
            if not store.deck_fresh(target, digest):  # same inputs, same bytes: keep the file
                writes.append((target, digest, store, partial(_write, deck, stamped, options)))
        del origins  # every card's: not held while the decks are written
        problems = run_writes([w for *_, w in writes], job_count(options))
        for done, ((target, digest, store, _), problem) in enumerate(
            zip(writes, problems, strict=True), 1
        ):
            if problem is not None:
                raise _write_error(target, problem)
            store.record_deck(target, digest)
            if progress is not None:
                progress("write", done, len(writes))
        for store in stores.values():
            store.save_decks()
        written = save(stamped)
        if settle is not None:
            written_decks = {deck.name for deck in decks if str(target_of(deck)) in outputs}
            settled.remember(settle, decks, written_decks, target_of, fed)
    counts = held.counts(decks, kept)
    # What the summary counts is what was written: a deck left unwritten is named, not counted.
    shipped = [
        (deck, n) for deck, n in zip(decks, counts, strict=True) if deck.name not in unwritten
    ]
    stats = {
        "decks": len(outputs),
        "cards": sum(n for _, n in shipped),
        "media": sum(len(deck.media) for deck, _ in shipped),
        "unwritten": len(unwritten),
        "written": len(writes),
        "warnings": sum(1 for d in diagnostics if d.level == "warning"),
        "errors": sum(1 for d in diagnostics if d.level == "error"),
    }
    stats |= {
        "rematched": len(stamped.rematched),
        "removed": len(stamped.removed),
        "reemitted": len(stamped.reemitted),
    }
    report = BuildReport(
        tuple(decks),
        tuple(outputs),
        tuple(diagnostics),
        stats,
        rematched=tuple(str(r) for r in stamped.rematched),
        removed=tuple(str(r) for r in stamped.removed),
        locks=tuple(str(p) for p in written),
        deck_cards=counts if kept else (),
        unwritten=tuple(unwritten),
    )
    if before is not None:
        unchanged.remember(before, options, report, len(media_diagnostics))
    return report


def _one(locks: dict[Path, LockFile]) -> tuple[Path | None, LockFile | None]:
    """The only notes root and its lock file (None, None unless there is exactly one)."""
    return next(iter(locks.items())) if len(locks) == 1 else (None, None)


def _merge(decks: list[Deck], stamped: list[Deck], settle: settled.Plan | None) -> list[Deck]:
    """Settled decks and stamped ones, in the order the decks were rendered."""
    if settle is None or not settle.settled:
        return stamped
    by_name = {deck.name: deck for deck in stamped}
    merged = [settle.settled.get(deck.name) or by_name.pop(deck.name) for deck in decks]
    return merged + list(by_name.values())


def _target(deck: Deck, options: BuildOptions) -> Path:
    suffix = ".tsv" if options.format == "tsv" else ".apkg"
    target = options.out / deck_file_name(deck.name).removesuffix(".apkg")
    return target.with_name(target.name + suffix)


def _clashes(decks: list[Deck], options: BuildOptions, diagnostics: list[Diagnostic]) -> set[str]:
    """Decks whose names make the same file name (`A B` and `A-B`, or `Alpha` and `alpha` on
    a case-insensitive disk): one would silently overwrite the other, so neither is written."""
    by_file: dict[str, list[Deck]] = {}
    for deck in decks:
        by_file.setdefault(_target(deck, options).name.casefold(), []).append(deck)
    clashing: set[str] = set()
    for same in (group for group in by_file.values() if len(group) > 1):
        names = " and ".join(repr(deck.name) for deck in same)
        why = f"decks {names} would be written to the same file, {_target(same[0], options)}"
        loc = same[-1].cards[0].card.loc if same[-1].cards else None
        diagnostics.append(Diagnostic(loc, "error", why, f"rename one of the decks; {_KEPT}"))
        clashing.update(deck.name for deck in same)
    return clashing


def _write(deck: Deck, stamped: Stamped, options: BuildOptions) -> None:
    """Write one deck in the chosen format."""
    target = _target(deck, options)
    if options.format == "tsv":
        write_tsv(deck, target)
    else:
        from .package import write_apkg  # genanki is imported only when a deck is written

        mods = stamped.mods
        epoch = stamped.epoch_of(deck)
        write_apkg(deck, target, lambda c: mods[c.guid], epoch, stamped.type_mods)


def _write_error(target: Path, exc: BaseException) -> NotedeckError:
    if isinstance(exc, OSError):
        why = describe_os_error(exc)
    elif isinstance(exc, sqlite3.Error):  # "database or disk is full"
        why = str(exc)
    else:
        raise exc  # anything else is a bug, not a problem with the notes
    return NotedeckError(None, f"cannot write {target}: {why}", _KEPT)


def _root_of(deck: Deck, origins: dict[str, Origin]) -> Path | None:
    origin = origins.get(deck.cards[0].guid) if deck.cards else None
    return origin.root if origin is not None else None


def _store(deck: Deck, origins: dict[str, Origin], options: BuildOptions) -> BuildCache:
    return cache_for(_root_of(deck, origins), options)


def _digest(deck: Deck, stamped: Stamped, options: BuildOptions) -> str:
    """Everything the deck's file is made of: its cards with their times, the note types'
    times and the output format."""
    mods = [stamped.mods[c.guid] for c in deck.cards]
    base = deck_digest(deck, mods, stamped.epoch_of(deck), True)
    types = ",".join(f"{k}={v}" for k, v in sorted(stamped.type_mods.items()))
    return hashlib.sha256(f"{base}|{types}|{options.format}".encode()).hexdigest()
