"""The build cache: unchanged notes are not read, parsed or extracted again, and a deck whose
inputs are unchanged is not written again.

A note's entry is keyed by a hash of its bytes, where it lives, notedeck's own code (the version
and every source file, so an upgrade or a local edit never reuses an old result) and every build
option that can change output. Entries are pickles signed with a key kept in the user's own cache
folder: a cache folder that arrives with someone else's notes (a shared or cloned vault) fails
the signature and is ignored, never unpickled. Every write is atomic; any unreadable, foreign or
broken entry is simply a miss.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import io
import json
import os
import pickle
import secrets
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__
from .fsutil import atomic_write, atomic_write_bytes, file_stamp, read_regular
from .model import Deck, Diagnostic, ExtractedNote
from .options import BuildOptions

CACHE_DIR = ".notedeck-cache"
FORMAT = "2"
# Options that decide where and how a build runs, never what it produces.
_NEUTRAL_OPTIONS = frozenset(
    {"out", "jobs", "cache", "cache_dir", "build_cache_dir", "reuse_unchanged"}
)


@dataclass(frozen=True, slots=True)
class CachedNote:
    """What one note gives: its cards, the reader's warnings and the note's own options
    (the build's, with its front matter's)."""

    note: ExtractedNote
    diagnostics: tuple[Diagnostic, ...]
    options: BuildOptions
    guids: tuple[str, ...] = ()  # each card's GUID, worked out once with the cards


@cache
def code_fingerprint() -> str:
    """notedeck's version and a hash of its own files: a changed line of code is a new cache."""
    digest = hashlib.sha256(f"notedeck {__version__} cache {FORMAT}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".css", ".html") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def options_fingerprint(options: BuildOptions) -> str:
    """Every option that can change output (new options count unless listed as neutral)."""
    values = {
        f.name: _stable_repr(getattr(options, f.name))
        for f in dataclasses.fields(options)
        if f.name not in _NEUTRAL_OPTIONS
    }
    text = json.dumps(values, sort_keys=True)
    return hashlib.sha256(f"{code_fingerprint()}\n{text}".encode()).hexdigest()


def _stable_repr(value: object) -> str:
    """`repr`, except that a set's items are sorted: a set of strings is ordered by each
    process's own string hashes, and the fingerprint must be the same in every process."""
    if isinstance(value, (set, frozenset)):
        return f"{type(value).__name__}({sorted(repr(v) for v in value)})"
    return repr(value)


def note_key(fingerprint: str, identity: tuple[str, ...], data: bytes) -> str:
    """The cache key of a note: options and code, where the note is, and its bytes."""
    digest = hashlib.sha256(fingerprint.encode())
    digest.update("\x1f".join(identity).encode("utf-8", "surrogateescape"))
    digest.update(b"\x1e")
    digest.update(data)
    return digest.hexdigest()


def deck_digest(deck: Deck, mods: list[int], epoch: int, pinned: bool) -> str:
    """A hash of everything an .apkg is made of. The build time counts only when it is pinned
    (SOURCE_DATE_EPOCH): otherwise an unchanged deck keeps the file of its last build."""
    digest = hashlib.sha256(code_fingerprint().encode())
    head = [deck.name, deck.description, str(epoch) if pinned else "now"]
    head += [f"{m.name}\x1d{m.path}" for m in deck.media]
    digest.update("\x1f".join(head).encode("utf-8", "surrogateescape"))
    for card, mod in zip(deck.cards, mods, strict=True):
        parts = [card.guid, card.deck, card.model, str(card.order), *card.tags, "\x1d"]
        parts += [f"{k}\x1d{v}" for k, v in sorted(card.fields.items())]
        parts.append(str(mod) if pinned or mod != epoch else "now")
        digest.update(b"\x1e" + "\x1f".join(parts).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _user_cache_home() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "notedeck"


@cache
def signing_key() -> bytes:
    """This user's secret for signing entries; a fresh one per process if it cannot be kept
    (then the cache simply never hits across runs)."""
    path = _user_cache_home() / "cache-key"
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    key = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, lambda tmp: tmp.write_bytes(key), mode=0o600)
    except OSError:
        pass
    return key


def _sign(payload: bytes | memoryview) -> bytes:
    return hmac.new(signing_key(), payload, hashlib.sha256).digest()


class BuildCache:
    """Entries under one cache folder; `folder=None` is a cache that never hits or stores."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._ready = False
        self._deck_records: dict[str, dict[str, list[object]]] = {}
        self._dirty: set[Path] = set()

    @property
    def enabled(self) -> bool:
        return self.folder is not None

    def _path(self, kind: str, key: str) -> Path:
        assert self.folder is not None
        return self.folder / kind / key[:2] / f"{key[2:]}.bin"

    def _prepare(self) -> None:
        """Create the folder with a `.gitignore`, so the cache is never committed or shared."""
        if self._ready or self.folder is None:
            return
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(ignore, b"# notedeck's build cache: safe to delete\n*\n")
        self._ready = True

    def get_note(self, key: str) -> CachedNote | None:
        value = self._load("notes", key)
        return value if isinstance(value, CachedNote) else None

    def has_note(self, key: str) -> bool:
        return self.folder is not None and self._path("notes", key).is_file()

    def put_note(self, key: str, entry: CachedNote) -> None:
        self._store("notes", key, entry)

    def get_fields(self, key: str) -> tuple[dict[str, str], ...] | None:
        """A note's rendered fields, one dict per card, stored by `put_fields`."""
        value = self._load("fields", key)
        return value if isinstance(value, tuple) else None

    def put_fields(self, key: str, fields: tuple[dict[str, str], ...]) -> None:
        self._store("fields", key, fields)

    def get_build(self, key: str) -> object:
        """The record of the last build of some paths into some output (see unchanged.py)."""
        return self._load("builds", key)

    def put_build(self, key: str, record: object) -> None:
        self._store("builds", key, record)

    def _load(self, kind: str, key: str) -> object:
        if self.folder is None:
            return None
        try:
            blob = read_regular(self._path(kind, key))  # a FIFO here would block
        except OSError:
            return None
        mac, payload = blob[:32], blob[32:]
        if len(mac) != 32 or not hmac.compare_digest(mac, _sign(payload)):
            return None  # written by another user or machine, or damaged: never unpickled
        try:
            return pickle.loads(payload)
        except Exception:  # an entry from an older layout of the records is just a miss
            return None

    def _store(self, kind: str, key: str, value: object) -> None:
        if self.folder is None:
            return
        buffer = io.BytesIO()
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        payload = buffer.getbuffer()  # not copied: a build's record is megabytes in a large vault
        try:
            self._prepare()
            _write_entry(self._path(kind, key), _sign(payload), payload)
        except OSError:
            pass  # a read-only notes folder still builds, just without a cache

    # Decks: per output folder, one record of each .apkg's digest and the file written then.
    def _decks(self, folder: Path) -> dict[str, list[object]]:
        key = _target_key(folder)
        if key not in self._deck_records:
            record = self._load("decks", key)
            self._deck_records[key] = record if isinstance(record, dict) else {}
        return self._deck_records[key]

    def deck_fresh(self, target: Path, digest: str) -> bool:
        """True when `target` is the file written from inputs with this digest."""
        if self.folder is None:
            return False
        record = self._decks(target.parent).get(target.name)
        if not record or record[0] != digest:
            return False
        stamp = file_stamp(target)
        return stamp is not None and record[1:] == list(stamp)

    def record_deck(self, target: Path, digest: str) -> None:
        if self.folder is None:
            return
        stamp = file_stamp(target)
        if stamp is None:
            return
        self._decks(target.parent)[target.name] = [digest, *stamp]
        self._dirty.add(target.parent)

    def save_decks(self) -> None:
        for folder in sorted(self._dirty):
            self._store("decks", _target_key(folder), self._decks(folder))
        self._dirty.clear()


def _write_entry(path: Path, *parts: bytes | memoryview) -> None:
    """Write an entry atomically (a temp file renamed over it). Thousands are written in a large
    build, so its folder is made only when writing there fails, not checked every time."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".entry.", dir=path.parent)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".entry.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for part in parts:
                handle.write(part)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@cache
def _init_fields(cls: type) -> tuple[str, ...] | None:
    """The fields a dataclass is rebuilt from by its own `__init__`, or None if some field
    cannot be passed to it."""
    fields = dataclasses.fields(cls)
    return tuple(f.name for f in fields) if all(f.init for f in fields) else None


class _Pickler(pickle.Pickler):
    """Records as `Class(*values)`: loading them this way is several times faster than the
    generic state protocol of slotted dataclasses, which dominated a no-change rebuild."""

    def reducer_override(self, obj: object) -> Any:
        cls = type(obj)
        if dataclasses.is_dataclass(cls):
            names = _init_fields(cls)
            if names is not None:
                return cls, tuple(getattr(obj, name) for name in names)
        return NotImplemented


def _target_key(target: Path) -> str:
    return hashlib.sha256(str(target.resolve()).encode("utf-8", "surrogateescape")).hexdigest()


def cache_for(root: Path | None, options: BuildOptions) -> BuildCache:
    """A build's cache: `options.build_cache_dir`, else `.notedeck-cache/` in the notes root."""
    if not options.cache:
        return BuildCache(None)
    if options.build_cache_dir is not None:
        return BuildCache(Path(options.build_cache_dir))
    return BuildCache(root / CACHE_DIR if root is not None else None)
