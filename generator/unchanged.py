"""A build whose inputs are exactly those of the last build is answered from a record of it.

Rebuilding with nothing changed would load every note's cached cards, stamp them against the
lock file and compare every deck's digest, only to write nothing. Instead, after a clean build
(no errors, no media problems, no cards re-matched or removed) a record keeps a digest of
everything the build read: the paths, the options and notedeck's own code, every note's bytes,
the bundled media files' bytes, the names of all other files in the notes roots (a bare image
name may resolve anywhere in a root), the lock files and SOURCE_DATE_EPOCH; and the size and
time of each file written. The next build with the same digest and untouched outputs returns
the recorded report: the same decks, diagnostics and counts, nothing written.

The record lives in the first notes root's build cache (signed like every entry), so it is
never stale and never taken from someone else's cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .cache import BuildCache, cache_for, code_fingerprint, options_fingerprint
from .fsutil import file_stamp
from .lock import LOCK_NAME, lock_path
from .model import BuildReport, Deck, Diagnostic
from .notes import NoteFile, discover
from .options import BuildOptions

# The report's stat that says it came from the record (the CLI then lists no per-deck counts).
REUSED = "reused"


@dataclass(frozen=True, slots=True)
class Record:
    digest: str
    media: tuple[str, ...]  # bundled media files, hashed into the digest
    outputs: tuple[tuple[str, int, int], ...]  # (path, size, mtime_ns) as written
    report: BuildReport  # decks without their cards


@dataclass(frozen=True, slots=True)
class Check:
    """What a build read before it started: its notes, and their digest (None: not recordable)."""

    paths: list[str]
    files: list[NoteFile]
    found: tuple[Diagnostic, ...]  # what finding the notes reported
    store: BuildCache
    base: str | None
    others: str | None = None  # digest of the names of the notes roots' other files
    report: BuildReport | None = None  # the recorded report, when everything is unchanged


def check(paths: list[str], options: BuildOptions) -> Check | None:
    """None when builds are not recorded; else the inputs as they are now, with the last
    build's report when nothing it read or wrote has changed since."""
    if not (options.cache and options.reuse_unchanged):
        return None
    found: list[Diagnostic] = []
    try:
        files = discover(paths, found)
    except Exception:
        return None  # the build itself reports it
    store = cache_for(files[0].root, options) if files else None
    if store is None or not store.enabled:
        return None
    now = Check(paths, files, tuple(found), store, *_base(paths, options, files, store))
    record = store.get_build(_where(paths, options))
    if now.base is None or not isinstance(record, Record):
        return now
    if _outputs(record.report) != record.outputs:
        return now
    if _final(now, record.media) != record.digest:
        return now
    return dataclasses.replace(now, report=record.report)


def remember(now: Check, options: BuildOptions, report: BuildReport, media_problems: int) -> None:
    """Keep the record of a clean build, for `check` to answer the next one with."""
    stats = report.stats
    troubled = stats.get("errors") or media_problems or options.refresh
    if troubled or report.rematched or report.removed or stats.get("reemitted"):
        return  # the next build could say something else: it runs in full
    outputs = _outputs(report)
    if now.base is None or outputs is None:
        return
    media = tuple(sorted({m.path for deck in report.decks for m in deck.media}))
    decks = tuple(Deck(d.name, (), d.media, d.description) for d in report.decks)
    stats = {**stats, "written": 0, REUSED: 1}
    counts = report.deck_cards or tuple(len(d.cards) for d in report.decks)
    light = dataclasses.replace(report, decks=decks, stats=stats, locks=(), deck_cards=counts)
    record = Record(_final(now, media), media, outputs, light)
    now.store.put_build(_where(now.paths, options), record)


def _where(paths: list[str], options: BuildOptions) -> str:
    text = "\x1f".join([os.getcwd(), str(options.out.resolve()), *paths])
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _type_hashes(store: BuildCache) -> dict[str, str]:
    """The note types' hashes (package.model_hashes), kept in the build cache under what makes
    them, notedeck's code and Pygments' version (its styles are the code blocks' CSS):
    importing genanki and the renderer to work them out again was a third of a build with
    nothing changed."""
    import pygments

    made = f"note types\x1f{code_fingerprint()}\x1f{pygments.__version__}"
    key = hashlib.sha256(made.encode()).hexdigest()
    kept = store.get_build(key)
    if isinstance(kept, dict) and all(isinstance(v, str) for v in kept.values()):
        return {str(k): v for k, v in kept.items()}
    from .package import model_hashes  # genanki and the renderer: the note types' CSS

    hashes = model_hashes()
    store.put_build(key, hashes)
    return hashes


def _base(
    paths: list[str], options: BuildOptions, files: list[NoteFile], store: BuildCache
) -> tuple[str | None, str | None]:
    """The digest of the notes, the other files' names, the options, notedeck's code and the
    note types it makes; and a digest of the other files' names alone (what a bare image name
    may resolve to). None for both when a notes root holds a symbolic link (where it leads is
    not part of the digest)."""
    digest = hashlib.sha256(options_fingerprint(options).encode())
    types = ",".join(f"{k}={v}" for k, v in sorted(_type_hashes(store).items()))
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "") + "\x1f" + types
    head = [os.getcwd(), str(options.out.resolve()), epoch, *paths]
    digest.update("\x1f".join(head).encode("utf-8", "surrogateescape"))
    for file in files:
        digest.update(f"\x1e{file.file}\x1f{file.root}\x1f{file.shown}\x1f".encode())
        digest.update(_read(file.file))
    notes = {str(file.file) for file in files}
    others = hashlib.sha256()
    for root in sorted({file.root for file in files}):
        listing = _listing(root, options.out.resolve())
        if listing is None:
            return None, None
        digest.update(f"\x1c{root}\x1f".encode("utf-8", "surrogateescape"))
        digest.update("\x1f".join(listing).encode("utf-8", "surrogateescape"))
        rest = (name for name in listing if name not in notes)
        others.update(f"\x1c{root}\x1f{chr(31).join(rest)}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest(), others.hexdigest()


def _final(now: Check, media: Iterable[str]) -> str:
    """The base digest with the bundled media's bytes and the lock files (which the build
    itself writes, so they are read after it)."""
    digest = hashlib.sha256(str(now.base).encode())
    for path in sorted(set(media)):
        digest.update(f"\x1d{path}\x1f".encode("utf-8", "surrogateescape"))
        digest.update(_read(Path(path)))
    for root in sorted({file.root for file in now.files}):
        digest.update(b"\x1c" + _read(lock_path(root)))
    return digest.hexdigest()


def _read(path: Path) -> bytes:
    """The file's SHA-256, read a piece at a time (a large vault's lock file is tens of MB)."""
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").digest()
    except OSError:
        return b"missing"


def _listing(root: Path, out: Path) -> list[str] | None:
    """Every file and folder under `root` outside hidden folders, as discovery and image lookup
    see them (but the lock file and the output folder, which builds write); None if a symbolic
    link is among them."""
    names: list[str] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            return None
        for entry in entries:
            if entry.name.startswith(".") or entry.path == str(out):
                continue
            if folder == root and entry.name == LOCK_NAME:
                continue
            if entry.is_symlink():
                return None
            names.append(entry.path)
            if entry.is_dir():
                stack.append(Path(entry.path))
    return names


def _outputs(report: BuildReport) -> tuple[tuple[str, int, int], ...] | None:
    found = []
    for output in report.outputs:
        stamp = file_stamp(output)
        if stamp is None:
            return None
        found.append((output, *stamp))
    return tuple(found)
