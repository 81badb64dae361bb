"""Remote images: downloaded once into a cache folder, a few at a time.

The cache is keyed by URL and reused across builds; `refresh` downloads again (keeping the
cached copy if that fails), `offline` never touches the network. A failed download is never
cached, so the next build tries again. Each download is bounded by fetch.py. Reading an entry
touches its files, so their mtime is its last use: `prune` deletes what no build has used for
60 days.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import mimetypes
import os
import re
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from .fsutil import atomic_write_bytes

if TYPE_CHECKING:
    from .fetch import Limits

__all__ = ["Fetched", "fetch_all", "prune", "read_cached", "store"]

_CACHE_FORMAT = 1
MAX_UNUSED_DAYS = 60
_ENTRY = re.compile(r"^([0-9a-f]{40})\.(?:img|json)$")


@dataclass(frozen=True, slots=True)
class Fetched:
    """A remote image available on disk: its bytes, a readable name and their hash."""

    url: str
    path: Path
    name: str
    sha256: str
    warning: str = ""  # set when a refresh failed and an older cached copy is used


def fetch_all(
    urls: Iterable[str], cache: Path, *, offline: bool, refresh: bool, limits: Limits
) -> dict[str, Fetched | str]:
    """Every URL mapped to its image on disk, or to the reason it is not available."""
    results: dict[str, Fetched | str] = {}
    todo: list[tuple[str, Fetched | None]] = []
    for url in sorted(set(urls)):
        cached = read_cached(cache, url)
        if cached is not None and not refresh:
            results[url] = cached
        elif offline:
            results[url] = cached or "not downloaded (offline)"
        else:
            todo.append((url, cached))
    if not todo:
        return results
    with ThreadPoolExecutor(max_workers=max(1, min(limits.workers, len(todo)))) as pool:
        outcomes = pool.map(lambda item: _attempt(item[0], cache, limits), todo)
        for (url, cached), outcome in zip(todo, outcomes, strict=True):
            if isinstance(outcome, str) and cached is not None:
                outcome = replace(cached, warning=f"{outcome}; using the cached copy")
            results[url] = outcome
    return results


def _attempt(url: str, cache: Path, limits: Limits) -> Fetched | str:
    # http.client and ssl take a tenth of a rebuild's start-up: loaded when a build downloads.
    from .fetch import DownloadError, download

    try:
        data, content_type = download(url, limits)
    except DownloadError as exc:
        return str(exc)
    try:
        return store(cache, url, data, content_type)
    except OSError as exc:
        return f"cannot write the download cache {cache}: {exc.strerror or exc}"


# --- the cache: <key>.img holds the bytes, <key>.json says what they are ---


def _key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]


def readable_name(url: str, content_type: str) -> str:
    """The URL's file name, with an extension that matches the content type (Anki picks how
    to show a file, SVG especially, by its extension)."""
    name = PurePosixPath(unquote(urlparse(url).path)).name or "image"
    known = mimetypes.guess_all_extensions(content_type)
    if known and PurePosixPath(name).suffix.lower() not in known:
        preferred = mimetypes.guess_extension(content_type) or known[0]
        name += ".jpg" if preferred in (".jpe", ".jfif") else preferred
    return name


def store(cache: Path, url: str, data: bytes, content_type: str) -> Fetched:
    key = _key(url)
    digest = hashlib.sha256(data).hexdigest()
    name = readable_name(url, content_type)
    atomic_write_bytes(cache / f"{key}.img", data)
    meta = {"format": _CACHE_FORMAT, "url": url, "name": name, "content_type": content_type}
    meta["sha256"] = digest
    atomic_write_bytes(cache / f"{key}.json", json.dumps(meta, ensure_ascii=False).encode())
    return Fetched(url, cache / f"{key}.img", name, digest)


def read_cached(cache: Path, url: str) -> Fetched | None:
    """The cached copy of a URL, if a complete one is there (metadata is written last)."""
    key = _key(url)
    try:
        meta = json.loads((cache / f"{key}.json").read_text("utf-8"))
        data = (cache / f"{key}.img").read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("url") != url or meta.get("format") != _CACHE_FORMAT:
        return None
    digest = hashlib.sha256(data).hexdigest()
    if meta.get("sha256") != digest:
        return None  # a half-replaced or edited file: download again
    for suffix in (".json", ".img"):  # used now: see `prune`
        with contextlib.suppress(OSError):
            os.utime(cache / f"{key}{suffix}")
    return Fetched(url, cache / f"{key}.img", str(meta.get("name") or "image"), digest)


def prune(
    cache: Path, used: Iterable[str], *, now: float | None = None, days: float = MAX_UNUSED_DAYS
) -> int:
    """Delete the cached downloads no build has used for `days` days (an entry's last use is
    its files' newest mtime), never one of the `used` URLs; returns how many went. Only the
    cache's own `<key>.img`/`<key>.json` files are ever deleted."""
    keep = {_key(url) for url in used}
    cutoff = (time.time() if now is None else now) - days * 86400
    newest: dict[str, float] = {}
    try:
        entries = list(os.scandir(cache))
    except OSError:
        return 0  # no cache yet
    for entry in entries:
        match = _ENTRY.match(entry.name)
        if match is None or match.group(1) in keep:
            continue
        with contextlib.suppress(OSError):
            mtime = entry.stat(follow_symlinks=False).st_mtime
            newest[match.group(1)] = max(newest.get(match.group(1), mtime), mtime)
    stale = sorted(key for key, mtime in newest.items() if mtime < cutoff)
    for key in stale:
        for suffix in (".json", ".img"):  # metadata first: a half-deleted entry is a miss
            with contextlib.suppress(OSError):
                (cache / f"{key}{suffix}").unlink()
    return len(stale)
