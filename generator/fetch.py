"""One bounded HTTP(S) GET of an image, treated as untrusted.

A total time limit (a server that drips its headers or body cannot stall the build), a size
cap (checked against Content-Length and again while reading), a few redirects at most and
only to http(s) — never `file://` or `ftp://` — and only `image/*` content types.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPMessage
from typing import IO, Any, cast
from urllib.parse import urlparse

from . import __version__

MAX_REDIRECTS = 4
USER_AGENT = f"notedeck/{__version__}"
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float = 15.0  # seconds for the whole download, headers and body
    max_bytes: int = 10 * 1024 * 1024
    workers: int = 4


class DownloadError(Exception):
    """Why one URL could not be downloaded (shown in the build's warning)."""


def download(url: str, limits: Limits) -> tuple[bytes, str]:
    """The body and content type of an image URL, or DownloadError saying why not."""
    with _Watchdog(limits.timeout) as watchdog:
        try:
            data, content_type = _fetch(url, limits, watchdog)
        except Exception as exc:
            if watchdog.expired:
                raise DownloadError(f"timed out after {limits.timeout:g}s") from None
            if isinstance(exc, DownloadError):
                raise
            raise DownloadError(_describe(exc)) from None
    if data[:256].lstrip().lower().startswith((b"<!doctype html", b"<html")):
        raise DownloadError(f"an HTML page, not an image (Content-Type: {content_type})")
    return data, content_type


def _fetch(url: str, limits: Limits, watchdog: _Watchdog) -> tuple[bytes, str]:
    deadline = time.monotonic() + limits.timeout
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "image/*"})
    with _opener(watchdog).open(request, timeout=limits.timeout) as response:
        content_type = _check_headers(response.headers, limits)
        data = _read_capped(response, deadline, limits)
    if watchdog.expired:  # the sockets were shut: what arrived may be cut short
        raise DownloadError(f"timed out after {limits.timeout:g}s")
    return data, content_type


def _describe(exc: Exception) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        if 300 <= exc.code < 400:
            return f"too many redirects (at most {MAX_REDIRECTS} are followed)"
        return f"HTTP {exc.code} {exc.reason}".strip()
    if isinstance(exc, urllib.error.URLError):
        return _reason(exc.reason)
    return _reason(exc)


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


class _Watchdog:
    """Shuts a download's sockets when its time is up. Socket timeouts bound each single
    read only; this bounds the whole download, so a server dripping its headers or body a
    byte at a time cannot stall the build."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class _WatchedHTTP(http.client.HTTPConnection):
    watchdog: _Watchdog

    def connect(self) -> None:
        super().connect()
        self.watchdog.watch(self.sock)


class _WatchedHTTPS(http.client.HTTPSConnection):
    watchdog: _Watchdog

    def connect(self) -> None:
        super().connect()
        self.watchdog.watch(self.sock)


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self.connection = type("Connection", (_WatchedHTTP,), {"watchdog": watchdog})

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(cast(Any, self.connection), req)


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self.connection = type("Connection", (_WatchedHTTPS,), {"watchdog": watchdog})
        self.tls = ssl.create_default_context()

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(cast(Any, self.connection), req, context=self.tls)


def _opener(watchdog: _Watchdog) -> urllib.request.OpenerDirector:
    """Only the handlers a web image needs: no file:, ftp: or data: handlers at all."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        _HTTP(watchdog),
        _HTTPS(watchdog),
        _Redirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener
