"""Per-note work — read, parse, extract — cached, and spread over worker processes when there is
enough of it to pay for starting them.

Each note is independent of the others, so a note's result is the same whether it comes from
the cache, this process or a worker; results are always taken in the notes' order.
"""

from __future__ import annotations

import gc
import os
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .cache import BuildCache, CachedNote, cache_for, note_key, options_fingerprint, signing_key
from .collector import collector_paused, collector_running
from .config import apply_to_note, note_options
from .extract import extract, title_section
from .extract.skip import read_skip
from .identity import card_guid
from .interrupt import deferred
from .model import Diagnostic, ExtractedNote, Loc, NotedeckError, NoteFault
from .notefields import LocalImages, Rendered, fields_key, render_early
from .notemeta import usable_front_matter
from .notes import NoteFile, deck_guess, note_info
from .options import BuildOptions
from .parse import ParsedNote, parse
from .read import SourceText, read_bytes, read_text

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

# Below this much Markdown, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 256 * 1024
PARALLEL_MIN_NOTES = 8
BATCH_MAX_NOTES = 32

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Outcome:
    """One note's result: its entry, or the error that stopped it and the deck it would feed."""

    file: NoteFile
    entry: CachedNote | None
    error: Diagnostic | None = None
    deck: str = ""
    key: str = ""  # the note's cache key ("" when the cache is off)
    rendered: Rendered | None = None  # its fields, when rendered along with it


FAULT = "notedeck failed on this note"  # how a NoteFault's message starts


def understand(
    file: NoteFile, source: SourceText, options: BuildOptions
) -> tuple[BuildOptions, ParsedNote, ExtractedNote]:
    """A read note's own options, its parse and its cards: what `build`, `list` and `check`
    all make of one note (NotedeckError for a broken one, and for a fault of notedeck's own
    on it: one note it cannot read must not stop the others)."""
    meta, ignored = usable_front_matter(source.front_matter, source.text, file.shown)
    source = replace(source, front_matter=meta)
    own = note_options(options, meta, file.shown, source.text)
    try:
        parsed = parse(source.text, str(source.front_matter.get("title") or ""))
        title = title_section(parsed)
        info = note_info(file, source, parsed, title.title if title else "")
        skip = read_skip(source.front_matter, source.text, file.shown)
        note = extract(parsed, info, own.strategies_off, skip)
    except NotedeckError:
        raise
    except Exception as exc:  # a fault of ours on one note becomes that note's error
        where = traceback.extract_tb(exc.__traceback__)[-1]
        raise NoteFault(
            Loc(file.shown, 1),
            f"{FAULT} ({type(exc).__name__}: {exc}, at {Path(where.filename).name}:{where.lineno})",
            "a fault in notedeck, not in the note: please report it with the note attached",
        ) from exc
    if ignored:
        note = replace(note, diagnostics=(*ignored, *note.diagnostics))
    return own, parsed, apply_to_note(note, file, own)


def process(
    file: NoteFile,
    data: bytes,
    key: str,
    options: BuildOptions,
    store: Path | None,
    images: LocalImages | None = None,
) -> Outcome:
    """Everything about one note that depends on that note alone (and the options), kept in the
    cache folder `store` (written here, so workers share the cost of writing entries); its
    fields too, rendered here while the note is at hand."""
    try:
        source = read_text(data, file.shown)
        own, _, note = understand(file, source, options)
    except NotedeckError as exc:
        problem = Diagnostic(exc.loc, "error", exc.message, exc.hint)
        return Outcome(file, None, problem, deck_guess(file, options))
    guids = tuple(
        card_guid(note.info.key, card.section, card.term, card.cased) for card in note.cards
    )
    entry = CachedNote(note, source.diagnostics, own, guids)
    rendered = render_early(note, file.file, file.root, own, images or LocalImages())
    if store is not None and key:
        cache = BuildCache(store)
        cache.put_note(key, entry)
        if rendered is not None:
            cache.put_fields(fields_key(key, rendered.resolved), rendered.fields)
    return Outcome(file, entry, key=key if store is not None else "", rendered=rendered)


Job = tuple[NoteFile, bytes, str, BuildOptions, Path | None]


def _process_batch(batch: list[Job]) -> list[Outcome]:
    images = LocalImages()
    with collector_running():
        return [process(*job, images) for job in batch]


def job_count(options: BuildOptions) -> int:
    return options.jobs if options.jobs > 0 else (os.cpu_count() or 1)


def _run(jobs: list[Job], workers: int) -> Iterator[Outcome]:
    size = sum(len(job[1]) for job in jobs)
    if workers <= 1 or len(jobs) < PARALLEL_MIN_NOTES or size < PARALLEL_MIN_BYTES:
        images = LocalImages()
        with collector_running():
            yield from (process(*job, images) for job in jobs)
        return
    # Batches keep round trips few; several per worker even out notes of different sizes.
    # Each batch's results arrive as one message, held whole while it is read: past a few
    # dozen notes a batch only adds to the build's peak memory, not to its speed.
    per = min(-(-len(jobs) // min(len(jobs), workers * 8)), BATCH_MAX_NOTES)
    batches = [jobs[i : i + per] for i in range(0, len(jobs), per)]
    for outcomes in _in_workers(_process_batch, batches, min(workers, len(batches))):
        yield from outcomes


def _in_workers(
    work: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    context: BaseContext | None = None,
    chunk: int = 1,
) -> Iterator[R]:
    """`work` on each item in worker processes; the results in the items' order."""
    # Imported here: a rebuild that parses a note or two in this process never needs them.
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        # The workers start with the first item handed over, before the thread that looks
        # after them: a Ctrl-C in between left them waiting for work, and this process
        # waiting for them at exit, for ever.
        with deferred:
            results = pool.map(work, items, chunksize=chunk)
        yield from results
    finally:
        pool.shutdown(cancel_futures=True)  # after a Ctrl-C, only the items under way finish


def _keyed(
    file: NoteFile, options: BuildOptions, fingerprint: str, caches: dict[Path, BuildCache]
) -> Outcome | tuple[NoteFile, bytes | None, str]:
    """A note's cache key, with its bytes unless the cache holds its entry (they are read
    again in the rare case the entry is gone by the time it is loaded); or why it cannot be
    read."""
    data = _read(file, options)
    if isinstance(data, Outcome):
        return data
    store = caches.setdefault(file.root, cache_for(file.root, options))
    identity = (file.shown, file.rel, str(file.root), str(file.file))
    key = note_key(fingerprint, identity, data) if store.enabled else ""
    return (file, None if key and store.has_note(key) else data, key)


def _lookup(
    keyed: tuple[NoteFile, bytes | None, str], options: BuildOptions, caches: dict[Path, BuildCache]
) -> Outcome | Job:
    """A note's cached outcome, or the job that computes it."""
    file, kept, key = keyed
    store = caches[file.root]
    entry = store.get_note(key) if key else None
    if entry is not None:
        return Outcome(file, entry, key=key)
    data = kept if kept is not None else _read(file, options)
    if isinstance(data, Outcome):
        return data
    return (file, data, key, options, store.folder if store.enabled else None)


def _read(file: NoteFile, options: BuildOptions) -> bytes | Outcome:
    """A note's bytes, or the outcome saying why they cannot be read."""
    try:
        return read_bytes(file.file, file.shown)
    except NotedeckError as exc:
        problem = Diagnostic(exc.loc, "error", exc.message, exc.hint)
        return Outcome(file, None, problem, deck_guess(file, options))


# Which notes need not be loaded at all, given every note's cache key by its path inside the
# notes root (see settled.held): their decks are kept as the last build left them.
Hold = Callable[[dict[str, str]], set[str]]


def load_notes(
    files: list[NoteFile], options: BuildOptions, hold: Hold | None = None
) -> list[Outcome]:
    """Every note's outcome, in order: from the cache when its key is there, else computed;
    notes that `hold` names are left out."""
    fingerprint = options_fingerprint(options)
    caches: dict[Path, BuildCache] = {}
    outcomes: list[Outcome | None] = []
    misses: list[tuple[int, Job]] = []
    with collector_paused():
        keyed = [_keyed(file, options, fingerprint, caches) for file in files]
        held: set[str] = set()
        if hold is not None:
            held = hold({k[0].rel: k[2] for k in keyed if not isinstance(k, Outcome) and k[2]})
        lookups = [
            k if isinstance(k, Outcome) else _lookup(k, options, caches)
            for k in keyed
            if isinstance(k, Outcome) or k[0].rel not in held
        ]
    for found in lookups:
        if isinstance(found, Outcome):
            outcomes.append(found)
        else:
            misses.append((len(outcomes), found))
            outcomes.append(None)
    if options.cache and misses:
        signing_key()  # settle the key here, before workers could each make their own
    done = _run([job for _, job in misses], job_count(options))
    for (index, _), outcome in zip(misses, done, strict=True):
        outcomes[index] = outcome
    return [o for o in outcomes if o is not None]


# Deck writes handed to forked workers: they inherit the rendered decks instead of receiving
# them through a pipe. Set only while a pool is running.
_WRITES: list[Callable[[], None]] = []
PARALLEL_MIN_DECKS = 16


def _write(index: int) -> BaseException | None:
    return _attempt(_WRITES[index])


def _attempt(write: Callable[[], None]) -> BaseException | None:
    try:
        write()
    except Exception as exc:  # handed back to the caller, which turns it into a message
        return exc
    return None


def run_writes(writes: list[Callable[[], None]], workers: int) -> list[BaseException | None]:
    """Run independent deck writes (in forked workers when there are many); returns each one's
    exception, or None when it was written."""
    global _WRITES
    if workers <= 1 or len(writes) < PARALLEL_MIN_DECKS:
        return [_attempt(write) for write in writes]
    import multiprocessing  # only for many decks: a rebuild after an edit writes one

    if "fork" not in multiprocessing.get_all_start_methods():
        return [_attempt(write) for write in writes]
    _WRITES = writes
    # Frozen objects are left alone by the children's garbage collector, so the pages they
    # share with this process are not copied into each of them.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        chunk = max(1, len(writes) // (workers * 8))
        return list(_in_workers(_write, range(len(writes)), workers, context, chunk))
    finally:
        gc.unfreeze()
        _WRITES = []
