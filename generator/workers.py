"""Per-note work — read, parse, extract, render — cached, and spread over worker processes when
there is enough of it to pay for starting them.

Each note is independent of the others, so a note's result is the same whether it comes from
the cache, this process or a worker; results are always taken in the notes' order.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from .cache import (
    BuildCache,
    CachedNote,
    cache_for,
    note_key,
    options_fingerprint,
    signing_key,
)
from .extract import extract, title_section
from .identity import card_guid
from .media import MediaSet, is_remote
from .model import Diagnostic, ExtractedNote, Loc, NotedeckError
from .notes import NoteFile, note_info
from .options import BuildOptions
from .parse import parse
from .read import read_text
from .render import basic_fields

# Below this much Markdown, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 256 * 1024
PARALLEL_MIN_NOTES = 8

Fields = tuple[dict[str, str], ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    """One note's result: its entry, or the error that stopped it."""

    file: NoteFile
    key: str
    entry: CachedNote | None
    error: Diagnostic | None = None


def note_image_map(media: MediaSet, note: ExtractedNote, file: NoteFile) -> dict[str, str]:
    """The bundled name of each image the note's cards show, as `media` resolved them."""
    found: dict[str, str] = {}
    for card in note.cards:
        for image in card.images:
            name = media.name_for(file.file, image.src)
            if name is not None:
                found[image.src] = name
    return found


def local_media(media: MediaSet, note: ExtractedNote, file: NoteFile) -> None:
    for card in note.cards:
        for image in card.images:
            if not is_remote(image.src):
                media.add_local(image, file.file, file.root)


def render_note(note: ExtractedNote, image_map: dict[str, str]) -> Fields:
    """The HTML fields of every card of a note, images pointing at their bundled names."""

    def lookup(src: str) -> str:
        return image_map.get(src) or image_map.get(unquote(src)) or src

    title = note.info.title
    return tuple(basic_fields(card, title, lookup, note.sources) for card in note.cards)


Job = tuple[NoteFile, bytes, str, bool, Path | None]


def process(file: NoteFile, data: bytes, key: str, render: bool, store: Path | None) -> Outcome:
    """Everything about one note that depends on that note alone, kept in the cache folder
    `store` (written here, so workers share the cost of writing entries)."""
    try:
        source = read_text(data, file.shown)
        parsed = parse(source.text)
        title = title_section(parsed)
        info = note_info(file, source, parsed, title.title if title else "")
        note = extract(parsed, info)
    except NotedeckError as exc:
        return Outcome(file, key, None, Diagnostic(exc.loc, "error", exc.message, exc.hint))
    guids = note_guids(note)
    entry = CachedNote(note, source.diagnostics, guids=guids)
    if render:
        media = MediaSet()
        local_media(media, note, file)
        image_map = note_image_map(media, note, file)
        fields = render_note(note, image_map)
        entry = CachedNote(note, source.diagnostics, image_map, fields, guids)
    if store is not None:
        BuildCache(store).put_note(key, entry)
    return Outcome(file, key, entry)


def note_guids(note: ExtractedNote) -> tuple[str, ...]:
    return tuple(card_guid(note.info.key, card.section, card.term) for card in note.cards)


def _process_batch(batch: list[Job]) -> list[Outcome]:
    return [process(*job) for job in batch]


def job_count(options: BuildOptions) -> int:
    return options.jobs if options.jobs > 0 else (os.cpu_count() or 1)


def _run(jobs: list[Job], workers: int) -> Iterator[Outcome]:
    size = sum(len(job[1]) for job in jobs)
    if workers <= 1 or len(jobs) < PARALLEL_MIN_NOTES or size < PARALLEL_MIN_BYTES:
        yield from (process(*job) for job in jobs)
        return
    # Batches keep round trips few; several per worker even out notes of different sizes.
    per = -(-len(jobs) // min(len(jobs), workers * 8))
    batches = [jobs[i : i + per] for i in range(0, len(jobs), per)]
    with ProcessPoolExecutor(max_workers=min(workers, len(batches))) as pool:
        for outcomes in pool.map(_process_batch, batches):
            yield from outcomes


# Deck writes handed to forked workers: they inherit the rendered decks instead of receiving
# them through a pipe. Set only while a pool is running.
_WRITES: list[Callable[[], None]] = []
PARALLEL_MIN_DECKS = 16


def _write(index: int) -> str:
    return _attempt(_WRITES[index])


def _attempt(write: Callable[[], None]) -> str:
    try:
        write()
    except OSError as exc:
        return exc.strerror or str(exc)
    return ""


def run_writes(writes: list[Callable[[], None]], workers: int) -> list[str]:
    """Run independent deck writes (in forked workers when there are many); returns each
    one's problem, or "" when it was written."""
    global _WRITES
    forkable = "fork" in multiprocessing.get_all_start_methods()
    if workers <= 1 or len(writes) < PARALLEL_MIN_DECKS or not forkable:
        return [_attempt(write) for write in writes]
    _WRITES = writes
    # Frozen objects are left alone by the children's garbage collector, so the pages they
    # share with this process are not copied into each of them.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            chunk = max(1, len(writes) // (workers * 8))
            return list(pool.map(_write, range(len(writes)), chunksize=chunk))
    finally:
        gc.unfreeze()
        _WRITES = []


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Loading thousands of cached records creates no garbage cycles; pausing the cycle
    collector meanwhile saves its repeated walks over every record loaded so far."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _lookup(
    file: NoteFile,
    options: BuildOptions,
    fingerprint: str,
    render: bool,
    caches: dict[Path, BuildCache],
) -> Outcome | Job:
    """A note's cached outcome, or the job that computes it."""
    try:
        data = file.file.read_bytes()
    except OSError as exc:
        problem = Diagnostic(Loc(file.shown, 1), "error", f"cannot read: {exc.strerror or exc}")
        return Outcome(file, "", None, problem)
    store = caches.setdefault(file.root, cache_for(file.root, options))
    identity = (file.shown, file.rel, str(file.root), str(file.file))
    key = note_key(fingerprint, identity, data)
    entry = store.get_note(key)
    if entry is not None and (entry.fields is not None or not render):
        return Outcome(file, key, entry)
    return (file, data, key, render, store.folder)


def load_notes(files: list[NoteFile], options: BuildOptions, render: bool) -> list[Outcome]:
    """Every note's outcome, in order: from the cache when its key is there, else computed."""
    fingerprint = options_fingerprint(options)
    caches: dict[Path, BuildCache] = {}
    outcomes: list[Outcome | None] = []
    misses: list[tuple[int, Job]] = []
    with collector_paused():
        lookups = [_lookup(file, options, fingerprint, render, caches) for file in files]
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


def store_rendered(options: BuildOptions, outcome: Outcome, entry: CachedNote) -> None:
    """Keep a note rendered again (its images changed) for the next build."""
    if outcome.key:
        cache_for(outcome.file.root, options).put_note(outcome.key, entry)
