"""Remote images served by a local HTTP server on 127.0.0.1: downloaded once into the cache,
bounded by a timeout, a size cap, a redirect limit and image content types; offline builds
and failed downloads keep the remote `<img>` and warn with the note's line and the URL."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from anki_helpers import img_sources
from media_helpers import (
    assert_images_resolve,
    check_deck,
    imported,
    line_of,
    media_files,
    png,
    write_tree,
)

from generator import download as cache_store
from generator.build import build
from generator.cli import main
from generator.fetch import DownloadError, Limits, download
from generator.model import BuildReport
from generator.options import BuildOptions

OK, SECOND, SVG = png(200, 10, 10), png(10, 200, 10), b'<svg xmlns="http://www.w3.org/2000/svg"/>'
CAP = 4096
# Answering servers are never slow enough to reach TIMEOUT, even on a loaded machine; the
# stalling ones never finish before the test ends, so any limit is reached deterministically.
TIMEOUT = 20.0
SHORT = 0.5


class _Handler(BaseHTTPRequestHandler):
    hits: Counter[str]
    broken: set[str]
    busy: list[int]  # [requests in progress, most ever at once]
    lock: threading.Condition
    release: threading.Event  # set when the test ends: stalling responses stop

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, code: int, body: bytes, ctype: str, length: bool = True) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _drip(self, byte: bytes) -> None:
        while not self.release.wait(0.05):
            self.wfile.write(byte)
            self.wfile.flush()

    def do_GET(self) -> None:
        # The client may give up (timeout, size cap): that is what some tests check.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._serve(self.path)

    def _serve(self, path: str) -> None:
        self.hits[path] += 1
        fixed = {
            "/ok.png": (200, OK, "image/png"),
            "/second.png": (200, SECOND, "image/png; charset=binary"),
            "/drawing": (200, SVG, "image/svg+xml"),
            "/gone.png": (404, b"not here", "text/plain"),
            "/page.png": (200, b"<html>a login page</html>", "text/html"),
            "/disguised.png": (200, b"\n<!DOCTYPE html><p>sign in</p>", "image/png"),
            "/huge.png": (200, b"\x89PNG" + b"0" * (CAP * 4), "image/png"),
        }
        redirects = {"/moved.png": "/second.png", "/loop.png": "/loop.png"}
        redirects["/to-file.png"] = "file:///etc/passwd"
        if path in self.broken:
            self._send(503, b"try later", "text/plain")
        elif path in fixed:
            self._send(*fixed[path])
        elif path in redirects:
            self._redirect(redirects[path])
        elif path == "/huge-unsized.png":
            self._send(200, b"\x89PNG" + b"0" * (CAP * 4), "image/png", length=False)
        elif path == "/stall.png":
            self.release.wait(60)
        elif path == "/drip.png":
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self._drip(b"0")
        elif path == "/drip-headers.png":
            self.wfile.write(b"HTTP/1.0 200 OK\r\nX-Slow: ")
            self._drip(b"a")
        elif path.startswith("/wait/"):
            self._wait_for_company()
            self._send(200, png(int(path[6:-4])), "image/png")
        else:
            self._send(404, b"", "text/plain")

    def _wait_for_company(self) -> None:
        """Hold a request until three are in progress (or a second passes), so the most
        ever in progress at once shows how many downloads the client runs side by side."""
        with self.lock:
            self.busy[0] += 1
            self.busy[1] = max(self.busy)
            self.lock.notify_all()
            self.lock.wait_for(lambda: self.busy[0] >= 3, timeout=1.0)
        time.sleep(0.05)
        with self.lock:
            self.busy[0] -= 1


@pytest.fixture
def broken() -> set[str]:
    """Paths the server answers with 503 from now on."""
    return set()


@pytest.fixture
def busy() -> list[int]:
    """[requests in progress, most ever at once] on the server."""
    return [0, 0]


@pytest.fixture
def server(broken: set[str], busy: list[int]) -> Iterator[tuple[str, Counter[str]]]:
    hits: Counter[str] = Counter()
    release = threading.Event()
    state = {"hits": hits, "broken": broken, "busy": busy, "release": release}
    state["lock"] = threading.Condition()
    handler = type("Handler", (_Handler,), state)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    finally:
        release.set()
        httpd.shutdown()
        httpd.server_close()


GOOD = {"ok": "/ok.png", "redirected": "/moved.png", "svg drawing": "/drawing"}
BAD = {
    "missing": ("/gone.png", "HTTP 404"),
    "wrong type": ("/page.png", "not an image (Content-Type: text/html)"),
    "disguised page": ("/disguised.png", "an HTML page, not an image"),
    "huge": ("/huge.png", "larger than the 4096 bytes cap"),
    "huge unsized": ("/huge-unsized.png", "larger than the 4096 bytes cap"),
    "file redirect": ("/to-file.png", "redirect to a non-http(s) URL refused: file:///etc/passwd"),
    "redirect loop": ("/loop.png", "too many redirects"),
}
STALLED = {
    "no answer": "/stall.png",
    "dripping body": "/drip.png",
    "dripping headers": "/drip-headers.png",
}


def _note(base: str) -> str:
    parts = ["# Remote\n"]
    for term, path in [*GOOD.items(), *((t, p) for t, (p, _) in BAD.items())]:
        parts.append(f"## {term.capitalize()}\n\n- picture from the web\n![{term}]({base}{path})\n")
    parts.append(f'## Twice\n\n- the ok picture again\n<img src="{base}/ok.png">\n')
    return "\n".join(parts)


def _build(root: Path, out: Path, **options: object) -> BuildReport:
    settings: dict[str, object] = {"download_timeout": TIMEOUT, "max_image_bytes": CAP}
    opts = BuildOptions(out=out, **(settings | options))  # type: ignore[arg-type]
    return build([str(root)], opts)


def test_remote_images_are_downloaded_checked_and_cached(
    server: tuple[str, Counter[str]], tmp_path: Path
) -> None:
    base, hits = server
    root = tmp_path / "notes"
    write_tree(root, {"remote.md": _note(base)})
    note = root / "remote.md"
    report = _build(root, tmp_path / "dist")
    warnings = [(d.loc.line if d.loc else 0, d.message) for d in report.diagnostics]
    assert all(d.level == "warning" for d in report.diagnostics)
    for term, (path, reason) in BAD.items():
        line = line_of(note, f"]({base}{path})")
        assert any(ln == line and f"{base}{path}" in m and reason in m for ln, m in warnings), term
    assert len(warnings) == len(BAD)
    assert hits["/ok.png"] == 1  # used twice, downloaded once
    assert hits["/loop.png"] <= 6  # the redirect limit stops the loop

    col, cards = imported(tmp_path, Path(report.outputs[0]))
    try:
        files = media_files(col)
        assert sorted(files.values()) == sorted([OK, SECOND, SVG])
        assert any(name.endswith("-drawing.svg") for name in files)
        assert any(name.endswith("-moved.png") for name in files)
        failed = {f"{base}{path}" for path, _ in BAD.values()}
        seen = assert_images_resolve(col, remote_allowed=failed)
        assert failed <= set(seen)  # failed downloads keep the remote <img>
        by_term = {c.fields["Term"]: c for c in cards}
        assert img_sources(by_term["Twice"].answer) == img_sources(by_term["Ok"].answer)
        assert img_sources(by_term["Missing"].answer) == [f"{base}/gone.png"]
    finally:
        col.close()

    # A second build takes the good images from the cache: no request is made for them.
    before = hits.copy()
    again = _build(root, tmp_path / "dist")
    assert all(hits[p] == before[p] for p in GOOD.values())
    assert hits["/gone.png"] == before["/gone.png"] + 1  # failures are never cached
    assert [d.message for d in again.diagnostics] == [d.message for d in report.diagnostics]
    assert {m.name for m in again.decks[0].media} == {m.name for m in report.decks[0].media}
    check_deck(tmp_path, Path(again.outputs[0]), [OK, SECOND, SVG], frozenset(failed))


def test_offline_uses_the_cache_only(server: tuple[str, Counter[str]], tmp_path: Path) -> None:
    base, hits = server
    root = tmp_path / "notes"
    write_tree(root, {"web.md": f"# Web\n\n## Ok\n\n- text\n![ok]({base}/ok.png)\n"})
    offline = _build(root, tmp_path / "dist", offline=True)
    assert sum(hits.values()) == 0
    (warning,) = offline.diagnostics
    assert warning.loc is not None and warning.loc.line == 6
    assert f"{base}/ok.png" in warning.message and "offline" in warning.message
    assert not (tmp_path / "dist" / ".notedeck-cache").exists()
    col, (card,) = imported(tmp_path, Path(offline.outputs[0]), "anki-offline")
    try:
        assert media_files(col) == {}
        assert img_sources(card.answer) == [f"{base}/ok.png"]
    finally:
        col.close()

    online = _build(root, tmp_path / "dist")
    assert online.diagnostics == () and hits["/ok.png"] == 1
    check_deck(tmp_path, Path(online.outputs[0]), [OK])
    cached = _build(root, tmp_path / "dist", offline=True)
    assert cached.diagnostics == () and hits["/ok.png"] == 1
    col, (card,) = imported(tmp_path, Path(cached.outputs[0]), "anki-cached")
    try:
        assert list(media_files(col).values()) == [OK]
        assert_images_resolve(col, remote_allowed=set())
    finally:
        col.close()


def test_cli_flags_refresh_offline_and_strict(
    server: tuple[str, Counter[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base, hits = server
    root = tmp_path / "notes"
    write_tree(root, {"web.md": f"# Web\n\n## Ok\n\n- text\n![ok]({base}/ok.png)\n"})
    out = str(tmp_path / "dist")
    apkg = tmp_path / "dist" / "Web.apkg"
    assert main(["build", str(root), "-o", out]) == 0
    check_deck(tmp_path, apkg, [OK])
    assert main(["build", str(root), "-o", out]) == 0
    check_deck(tmp_path, apkg, [OK])
    assert hits["/ok.png"] == 1
    assert main(["build", str(root), "-o", out, "--refresh"]) == 0
    check_deck(tmp_path, apkg, [OK])
    assert hits["/ok.png"] == 2
    assert (tmp_path / "dist" / ".notedeck-cache").is_dir()
    capsys.readouterr()

    write_tree(root, {"web.md": f"# Web\n\n## Gone\n\n- text\n![gone]({base}/gone.png)\n"})
    assert main(["build", str(root), "-o", out, "--strict", "--offline"]) == 1
    assert hits["/gone.png"] == 0
    assert f"web.md:6: error: remote image not bundled: {base}/gone.png" in capsys.readouterr().err
    assert main(["build", str(root), "-o", out, "--strict"]) == 1
    assert "HTTP 404" in capsys.readouterr().err
    check_deck(tmp_path, apkg, [OK])  # the failed strict builds left the previous deck alone
    assert main(["build", str(root), "-o", out]) == 0  # without --strict: a warning only
    col, (card,) = imported(tmp_path, tmp_path / "dist" / "Web.apkg")
    try:
        assert img_sources(card.answer) == [f"{base}/gone.png"]
    finally:
        col.close()


def test_a_failed_refresh_keeps_the_cached_copy(
    server: tuple[str, Counter[str]], broken: set[str], tmp_path: Path
) -> None:
    base, hits = server
    root = tmp_path / "notes"
    write_tree(root, {"web.md": f"# Web\n\n## Ok\n\n- text\n![ok]({base}/ok.png)\n"})
    first = _build(root, tmp_path / "dist")
    assert first.diagnostics == ()
    check_deck(tmp_path, Path(first.outputs[0]), [OK])
    broken.add("/ok.png")
    report = _build(root, tmp_path / "dist", refresh=True)
    assert hits["/ok.png"] == 2
    (warning,) = report.diagnostics
    assert warning.level == "warning" and warning.loc is not None and warning.loc.line == 6
    assert "HTTP 503" in warning.message and "using the cached copy" in warning.message
    col, _ = imported(tmp_path, Path(report.outputs[0]))
    try:
        assert list(media_files(col).values()) == [OK]
        assert_images_resolve(col, remote_allowed=set())
    finally:
        col.close()


def test_downloads_run_side_by_side_but_bounded(
    server: tuple[str, Counter[str]], busy: list[int], tmp_path: Path
) -> None:
    base, hits = server
    root = tmp_path / "notes"
    sections = [f"## Picture {i}\n\n- text\n![p]({base}/wait/{i}.png)\n" for i in range(9)]
    write_tree(root, {"many.md": "# Many\n\n" + "\n".join(sections)})
    report = _build(root, tmp_path / "dist", download_workers=3)
    assert report.diagnostics == ()
    assert busy[1] == 3  # three at a time: never more, and not one by one
    assert sum(hits.values()) == 9
    col, _ = imported(tmp_path, Path(report.outputs[0]))
    try:
        assert sorted(media_files(col).values()) == sorted(png(i) for i in range(9))
        assert_images_resolve(col, remote_allowed=set())
    finally:
        col.close()


def test_stalled_servers_time_out(server: tuple[str, Counter[str]], tmp_path: Path) -> None:
    """The limit bounds the whole download: no answer, or headers or a body dripping a byte
    at a time (each read within the socket timeout) all stop at the limit."""
    base, hits = server
    root = tmp_path / "notes"
    sections = [f"## {t}\n\n- text\n![x]({base}{p})\n" for t, p in STALLED.items()]
    write_tree(root, {"stalled.md": "# Stalled\n\n" + "\n".join(sections)})
    started = time.monotonic()
    report = _build(root, tmp_path / "dist", download_timeout=SHORT)
    assert time.monotonic() - started < 15  # far below the 60 s the server would stall for
    note = root / "stalled.md"
    assert len(report.diagnostics) == len(STALLED)
    for path in STALLED.values():
        line = line_of(note, f"]({base}{path})")
        (warning,) = [d for d in report.diagnostics if d.loc and d.loc.line == line]
        assert f"{base}{path}: timed out after 0.5s" in warning.message
    assert all(hits[p] == 1 for p in STALLED.values())
    check_deck(
        tmp_path, Path(report.outputs[0]), [], frozenset(f"{base}{p}" for p in STALLED.values())
    )


def test_download_refuses_non_images_directly(server: tuple[str, Counter[str]]) -> None:
    base, _ = server
    limits = Limits(timeout=TIMEOUT, max_bytes=CAP)
    assert download(f"{base}/ok.png", limits) == (OK, "image/png")
    with pytest.raises(DownloadError, match="not an image"):
        download(f"{base}/page.png", limits)


def test_reference_style_remote_images_are_downloaded(
    server: tuple[str, Counter[str]], tmp_path: Path
) -> None:
    base, hits = server
    root = tmp_path / "notes"
    note = (
        "# Web\n\n## Ok\n\n- from a reference\n![the ok picture][ok]\n\n"
        "## Second\n\n- a shortcut reference\n![second]\n\n"
        "## Gone\n\n- a reference to a missing picture\n![gone picture][gone]\n\n"
        f'[ok]: {base}/ok.png "From the server"\n[second]: <{base}/second.png>\n'
        f"[gone]: {base}/gone.png\n"
    )
    write_tree(root, {"web.md": note})
    report = _build(root, tmp_path / "dist")
    (warning,) = report.diagnostics
    assert warning.loc is not None
    assert warning.loc.line == line_of(root / "web.md", "![gone picture][gone]")
    assert f"remote image not bundled: {base}/gone.png: HTTP 404" in warning.message
    assert hits["/ok.png"] == hits["/second.png"] == 1
    remote = frozenset({f"{base}/gone.png"})
    cards = check_deck(tmp_path, Path(report.outputs[0]), [OK, SECOND], remote)
    by_term = {c.fields["Term"]: c for c in cards}
    assert 'title="From the server"' in by_term["Ok"].answer
    assert img_sources(by_term["Gone"].answer) == [f"{base}/gone.png"]  # the link, as for inline


DAY = 86400.0


def _age(cache: Path, url: str, days: float) -> None:
    """Pretend the entry of `url` was last used `days` ago."""
    when = time.time() - days * DAY
    for suffix in (".img", ".json"):
        os.utime(cache / f"{cache_store._key(url)}{suffix}", (when, when))


def test_unused_downloads_are_pruned_after_sixty_days(
    server: tuple[str, Counter[str]], tmp_path: Path
) -> None:
    base, hits = server
    root, out = tmp_path / "notes", tmp_path / "dist"
    cache = out / ".notedeck-cache"
    one = f"# Web\n\n## Ok\n\n- text\n![ok]({base}/ok.png)\n"
    both = f"{one}\n## Second\n\n- more\n![s]({base}/second.png)\n"
    write_tree(root, {"web.md": both})
    assert _build(root, out).diagnostics == ()
    stale, recent = "http://127.0.0.1:9/stale.png", "http://127.0.0.1:9/recent.png"
    cache_store.store(cache, stale, png(1), "image/png")
    cache_store.store(cache, recent, png(2), "image/png")
    (cache / "keep-me.txt").write_text("not the cache's own file")
    _age(cache, f"{base}/ok.png", 90)  # old, but the next build uses it
    _age(cache, f"{base}/second.png", 61)
    _age(cache, stale, 61)
    _age(cache, recent, 59)
    os.utime(cache / "keep-me.txt", (0, 0))

    write_tree(root, {"web.md": one})
    report = _build(root, out)
    assert report.diagnostics == () and hits["/ok.png"] == 1  # taken from the cache
    check_deck(tmp_path, Path(report.outputs[0]), [OK])
    assert cache_store.read_cached(cache, f"{base}/ok.png") is not None
    assert (cache / f"{cache_store._key(f'{base}/ok.png')}.img").stat().st_mtime > time.time() - DAY
    assert cache_store.read_cached(cache, recent) is not None
    assert (cache / "keep-me.txt").exists()
    for gone in (f"{base}/second.png", stale):
        assert not list(cache.glob(f"{cache_store._key(gone)}.*")), gone

    write_tree(root, {"web.md": both})  # a pruned image is simply downloaded again
    again = _build(root, out)
    assert again.diagnostics == () and hits["/second.png"] == 2
    check_deck(tmp_path, Path(again.outputs[0]), [OK, SECOND])


def test_prune_keeps_what_is_used_and_counts_from_the_last_use(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    used, other = "https://example.org/used.png", "https://example.org/other.png"
    for url in (used, other):
        cache_store.store(cache, url, png(3), "image/png")
    now = time.time()
    assert cache_store.prune(cache, [used], now=now + 59 * DAY) == 0
    assert cache_store.prune(cache, [used], now=now + 61 * DAY) == 1
    assert cache_store.read_cached(cache, other) is None
    assert cache_store.prune(cache, [], now=now + 61 * DAY, days=62) == 0
    assert cache_store.prune(cache, [], now=now + 61 * DAY) == 1
    assert sorted(cache.iterdir()) == []
    assert cache_store.prune(tmp_path / "no-such-folder", []) == 0
