"""Remote images: downloaded once into a cache folder, within limits, a few at a time.

A note may point at any URL, so a download is treated as untrusted: a total time limit (a
server that drips bytes cannot stall the build), a size cap (checked against Content-Length
and again while reading), a few redirects at most and only to http(s) — never `file://` or
`ftp://` — and only `image/*` content types. The cache is keyed by URL and reused across
builds; `refresh` downloads again, `offline` never touches the network. A failed download is
never cached, so the next build tries again.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import mimetypes
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from email.message import Message
from http.client import HTTPMessage
from pathlib import Path, PurePosixPath
from typing import IO, Any
from urllib.parse import unquote, urlparse

from . import __version__
from .fsutil import atomic_write_bytes

MAX_REDIRECTS = 4
USER_AGENT = f"notedeck/{__version__}"
_CHUNK = 64 * 1024
_CACHE_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float = 15.0  # seconds for the whole download, headers and body
    max_bytes: int = 10 * 1024 * 1024
    workers: int = 4


@dataclass(frozen=True, slots=True)
class Fetched:
    """A remote image available on disk: its bytes, a readable name and their hash."""

    url: str
    path: Path
    name: str
    sha256: str
    warning: str = ""  # set when a refresh failed and an older cached copy is used


class DownloadError(Exception):
    """Why one URL could not be downloaded (shown in the build's warning)."""


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
    try:
        data, content_type = download(url, limits)
    except DownloadError as exc:
        return str(exc)
    try:
        return store(cache, url, data, content_type)
    except OSError as exc:
        return f"cannot write the download cache {cache}: {exc.strerror or exc}"


def download(url: str, limits: Limits) -> tuple[bytes, str]:
    """The body and content type of an image URL, or DownloadError saying why not."""
    deadline = time.monotonic() + limits.timeout
    headers = {"User-Agent": USER_AGENT, "Accept": "image/*"}
    try:
        request = urllib.request.Request(url, headers=headers)
        with _opener().open(request, timeout=limits.timeout) as response:
            content_type = _check_headers(response.headers, limits)
            data = _read_capped(response, deadline, limits)
    except DownloadError:
        raise
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise DownloadError(
                f"too many redirects (at most {MAX_REDIRECTS} are followed)"
            ) from None
        raise DownloadError(f"HTTP {exc.code} {exc.reason}".strip()) from None
    except urllib.error.URLError as exc:
        raise DownloadError(_reason(exc.reason)) from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise DownloadError(_reason(exc)) from None
    if data[:256].lstrip().lower().startswith((b"<!doctype html", b"<html")):
        raise DownloadError(f"an HTML page, not an image (Content-Type: {content_type})")
    return data, content_type


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, http.client.IncompleteRead):
        return "the connection closed before the whole image arrived"
    if isinstance(reason, OSError) and reason.strerror:
        return str(reason.strerror)
    return str(reason) or type(reason).__name__


def _check_headers(headers: Message, limits: Limits) -> str:
    content_type = headers.get_content_type()
    if not content_type.startswith("image/"):
        raise DownloadError(f"not an image (Content-Type: {content_type})")
    length = str(headers.get("Content-Length", "")).strip()
    if length.isdigit() and int(length) > limits.max_bytes:
        raise DownloadError(f"larger than the {_size(limits.max_bytes)} cap ({_size(int(length))})")
    return content_type


def _read_capped(response: IO[bytes], deadline: float, limits: Limits) -> bytes:
    chunks: list[bytes] = []
    total = 0
    read = getattr(response, "read1", response.read)  # read1: return what has arrived
    while True:
        if time.monotonic() > deadline:
            raise DownloadError(f"timed out after {limits.timeout:g}s")
        chunk = read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limits.max_bytes:
            raise DownloadError(f"larger than the {_size(limits.max_bytes)} cap")
        chunks.append(chunk)


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MiB" if count >= 1024 * 1024 else f"{count} bytes"


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow a few redirects, and only to http(s): a note's image must never become a
    local file or another protocol."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlparse(newurl).scheme.lower() not in ("http", "https"):
            fp.close()
            raise DownloadError(f"redirect to a non-http(s) URL refused: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    def http_error_302(self, req: Any, fp: Any, code: Any, msg: Any, headers: Any) -> Any:
        target = headers.get("Location") or headers.get("URI") or ""
        scheme = urlparse(str(target)).scheme.lower()
        if scheme not in ("http", "https", ""):
            fp.close()
            raise DownloadError(f"redirect to a non-http(s) URL refused: {target}")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener() -> urllib.request.OpenerDirector:
    """Only the handlers a web image needs: no file:, ftp: or data: handlers at all."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        _Redirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


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
    return Fetched(url, cache / f"{key}.img", str(meta.get("name") or "image"), digest)
