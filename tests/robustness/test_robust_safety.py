"""A shared note can do no harm: it cannot make a build read outside its notes root, put
active content into a card, or fetch anything but http(s)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from anki_helpers import text_of
from html_safety import active_content, card_active_content
from robust_helpers import apkg_bytes, imported, write

SECRET = b"SECRET-BYTES-42"
NB = "; not bundled (only images inside the notes folder are bundled; copy the image into it)"
OUTSIDE_WARNING = "is outside the notes root" + NB


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """notes/ with a real image, beside outside/ holding secrets and links leading there."""
    outside = tmp_path / "outside"
    write(outside / "secret.png", SECRET)
    write(outside / "secret.md", "# Secret\n\n## Leak\n\n- SECRET-NOTE-42\n")
    notes = tmp_path / "notes"
    write(notes / "img" / "ok.png", b"\x89PNG-inside")
    (notes / "img" / "link.png").symlink_to(outside / "secret.png")
    (notes / "leak.md").symlink_to(outside / "secret.md")
    (notes / "outdir").symlink_to(outside, target_is_directory=True)
    return tmp_path


PATHS = [
    # (line in the note, the warning it gets)
    ("- up ![a](../outside/secret.png)", "image '../outside/secret.png' " + OUTSIDE_WARNING),
    (
        "- abs ![b]({outside}/secret.png)",
        "image '{outside}/secret.png' is an absolute path (from a web site's root or the disk's), "
        "and the notes folder holds no such file from its own root; not bundled (copy the image "
        "into the notes folder and link it relative to the note)",
    ),
    (
        "- file ![c](file://{outside}/secret.png)",
        "image 'file://{outside}/secret.png' is a file:// URL" + NB,
    ),
    (
        "- win ![d](C:\\Windows\\secret.png)",
        "image 'C:\\Windows\\secret.png' is an absolute path" + NB,
    ),
    (
        "- unc ![e](\\\\server\\share\\secret.png)",
        "image '\\\\server\\share\\secret.png' is an absolute path" + NB,
    ),
    (
        "- enc ![f](%2e%2e/outside/secret.png)",
        "image '%2e%2e/outside/secret.png' " + OUTSIDE_WARNING,
    ),
    ('- tag <img src="../outside/secret.png">', "image '../outside/secret.png' " + OUTSIDE_WARNING),
    ("- wiki ![[../outside/secret.png]]", "image '../outside/secret.png' " + OUTSIDE_WARNING),
    (
        "- link ![g](img/link.png)",
        "image 'img/link.png' is a link to a file outside the notes root" + NB,
    ),
    (
        "- dir ![h](outdir/secret.png)",
        "image 'outdir/secret.png' is a link to a file outside the notes root" + NB,
    ),
    (
        "- ftp ![i](ftp://127.0.0.1/secret.png)",
        "image 'ftp://127.0.0.1/secret.png' uses an unsupported URL scheme; not bundled",
    ),
    (
        "- data ![j](data:image/png;base64,U0VDUkVU)",
        "inline data: image is not bundled (save it as a file beside the note)",
    ),
]


def test_nothing_outside_the_notes_root_is_read(tree: Path, cli, opened) -> None:
    outside = tree / "outside"
    lines = [line.format(outside=outside) for line, _ in PATHS]
    text = (
        "# Safety\n\n## Paths\n\n- every way a note can point at a file\n- ok ![ok](img/ok.png)\n"
        + "\n".join(lines)
        + "\n"
    )
    note = write(tree / "notes" / "n.md", text)
    run = cli("build", str(tree / "notes"), "-o", str(tree / "out"))
    assert run.code == 0
    expected = [
        f"{tree}/notes/leak.md: warning: skipped: symbolic link leads outside the notes root",
        f"{tree}/notes/outdir: warning: skipped: symbolic link leads outside the notes root",
    ] + [
        f"{note}:{7 + i}: warning: {warning.format(outside=outside)}"
        for i, (_, warning) in enumerate(PATHS)
    ]
    assert run.lines == expected
    assert opened.touched(outside) == []  # not opened, not listed: the audit hook saw nothing
    apkg = tree / "out" / "Safety.apkg"
    assert SECRET not in apkg_bytes(apkg) and b"SECRET-NOTE" not in apkg_bytes(apkg)
    got = imported(apkg, tree / "anki")
    assert [c.fields["Term"] for c in got] == ["Paths"]
    assert "SECRET" not in got[0].answer


def test_symlinked_note_outside_the_root_is_not_listed(tree: Path, cli, opened) -> None:
    write(tree / "notes" / "n.md", "# Fine\n\n## Latency\n\n- the time a request waits\n")
    run = cli("list", str(tree / "notes"), "--json")
    assert run.code == 0
    assert "SECRET-NOTE" not in run.out and '"term": "Latency"' in run.out
    assert opened.touched(tree / "outside") == []


ACTIVE_NOTE = """---
title: "<script>alert('title')</script>Active"
---
# Heading title

## <img src=x onerror=alert(1)>Event term

- text stays <img src="x" onerror="alert(2)"> visible
- <a href="javascript:alert(3)">js link</a> and [md link](javascript:alert(4))
- <a href=" JaVaScRiPt:alert(5)">spaced</a> <a href="vbscript:msgbox(6)">vb</a>
- <svg onload="alert(7)"><script>alert(8)</script><circle r="1"/></svg> after svg
- <iframe src="https://example.com"></iframe><object data="x.swf"></object><embed src="x">
- <style>body{display:none}</style><form action="https://example.com"><input></form>
- <math><mtext><script>alert(9)</script></mtext></math> <div style="background:url(x)">styled</div>
- <img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"> <base href="https://evil.example">
- <details open ontoggle="alert(10)"><summary>sum</summary>body</details>
- [local](file:///etc/passwd) <a href="file:///etc/shadow">shadow</a> <a href="C:\\x">win</a>

## Script(<script>alert(11)</script>, alias)

- <scr<script>ipt>alert(12)</script> nested trick

## Sources

- [source](javascript:alert(13))
"""


def test_no_active_content_reaches_a_card_in_real_anki(tmp_path: Path, cli) -> None:
    note = write(tmp_path / "notes" / "active.md", ACTIVE_NOTE)
    run = cli("build", str(tmp_path / "notes"), "-o", str(tmp_path / "out"))
    assert run.code == 0
    assert run.lines == [
        # `<img src="x">`: no such file (an extensionless src is not taken for a note embed)
        f"{note}:8: warning: image not found: x (check the file name and folder)",
        f"{note}:15: warning: inline data: image is not bundled "
        "(save it as a file beside the note)",
    ]
    apkgs = list((tmp_path / "out").glob("*.apkg"))
    assert len(apkgs) == 1
    got = imported(apkgs[0], tmp_path / "anki")
    assert len(got) == 2
    for card in got:
        for name, value in card.fields.items():
            assert active_content(value) == [], name
        assert card_active_content(card.question) == []
        assert card_active_content(card.answer) == []
        assert "file:" not in card.answer.replace("](file:", "")  # a refused link stays text
    event, script = got
    assert "Event term" in text_of(event.fields["Term"])
    assert text_of(script.fields["Term"]).startswith("Script(")
    assert "nested trick" in text_of(script.fields["Definition"])
    assert "alert(8)" not in event.answer and "alert(9)" not in event.answer  # script bodies go
    answer = text_of(event.answer)
    for visible in ("text stays", "visible", "js link", "md link", "after svg", "styled", "shadow"):
        assert visible in answer


@pytest.fixture
def redirecting_server(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server whose every image redirects to a file:// URL of a secret."""
    secret = write(tmp_path / "outside" / "secret.png", SECRET)
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(302)
            self.send_header("Location", secret.as_uri())
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def test_remote_images_never_follow_a_redirect_to_a_local_file(
    tmp_path: Path, redirecting_server: tuple[str, list[str]], cli, opened
) -> None:
    base, _requests = redirecting_server
    note = f"# Remote\n\n## Latency\n\n- ![r]({base}/image.png) definition\n- ![s](gopher://127.0.0.1/x)\n"
    write(tmp_path / "notes" / "remote.md", note)
    run = cli("build", str(tmp_path / "notes"), "-o", str(tmp_path / "out"))
    assert run.code in (0, 1)  # a refused download may be reported either way, never a crash
    assert all("Traceback" not in line for line in run.lines)
    assert opened.touched(tmp_path / "outside") == []
    for apkg in (tmp_path / "out").glob("*.apkg"):
        assert SECRET not in apkg_bytes(apkg)
        for card in imported(apkg, tmp_path / "anki"):
            assert card_active_content(card.answer) == []
            assert "gopher:" not in card.fields["Definition"]
