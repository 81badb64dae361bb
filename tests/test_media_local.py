"""Local images: nested folders with same-named files, Obsidian embeds, raw `<img>`, images
that would leak a file from outside the notes root, and missing images — built, imported
into a fresh collection with the real `anki` package and checked there."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from anki_helpers import img_sources, text_of
from hypothesis import given
from hypothesis import strategies as st
from media_helpers import (
    apkg_media,
    assert_images_resolve,
    imported,
    line_of,
    media_files,
    png,
    write_tree,
)

from generator.build import build
from generator.cli import main
from generator.localpath import Found, NameFinder, Refusal, locate
from generator.media import MAX_NAME_BYTES, safe_name
from generator.options import BuildOptions

RED, BLUE, GREEN, LOGO, SECRET = png(255), png(0, 0, 255), png(0, 255, 0), png(9, 9, 9), png(1)
DECOMPOSED = unicodedata.normalize("NFD", "다이어그램.png")

ALPHA = """---
deck: Media::Alpha
---
# Alpha

## Red diagram

- shows the red layout
![diagram](img/diagram.png)

## Red again

- the same picture a second time
![same diagram](./img/diagram.png)
"""

BETA = """---
deck: Media::Beta
---
# Beta

## Blue diagram

- shows the blue layout
![diagram](img/diagram.png)

## Embedded logo

- an Obsidian embed found by name anywhere in the notes
![[logo.png]]
![[Other note]]

## Raw html

- written as HTML
<img src="img/diagram.png" alt="blue again">

## Korean file name

- a file name stored decomposed on disk
![[다이어그램.png]]

## Nested folder path

- an Obsidian path from the notes root
![[beta/img/deep/green.png]]

## Leaks

- none of these may leave the notes folder
![up](../../secret.png)
![absolute]({secret})
![link](img/link.png)
<img src="file://{secret}" alt="file url">
![windows](C:\\\\Users\\\\me\\\\secret.png)

## Missing

- the picture was never saved
![gone](img/nope.png)
"""


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.png"
    secret.write_bytes(SECRET)
    root = tmp_path / "notes"
    write_tree(
        root,
        {
            "alpha/note.md": ALPHA,
            "alpha/img/diagram.png": RED,
            "beta/note.md": BETA.replace("{secret}", str(secret)),
            "beta/img/diagram.png": BLUE,
            "beta/img/deep/green.png": GREEN,
            f"beta/{DECOMPOSED}": GREEN,
            "assets/logo.png": LOGO,
            ".obsidian/logo.png": SECRET,  # hidden folders are never searched
        },
    )
    os.symlink(secret, root / "beta/img/link.png")
    return root


def test_local_images_travel_inside_the_deck(notes: Path, tmp_path: Path) -> None:
    report = build([str(notes)], BuildOptions(out=tmp_path / "dist"))
    assert [Path(p).name for p in report.outputs] == ["Media.apkg"]
    col, imported_cards = imported(tmp_path, Path(report.outputs[0]))
    try:
        files = media_files(col)
        # two different diagram.png, the logo, the green image once (used by two names)
        assert sorted(files.values()) == sorted([RED, BLUE, LOGO, GREEN])
        assert len([n for n in files if n.endswith("-diagram.png")]) == 2
        assert SECRET not in files.values()
        seen = assert_images_resolve(col, remote_allowed=set())
        by_term = {c.fields["Term"]: c for c in imported_cards}
        expect = {
            "Red diagram": RED,
            "Red again": RED,
            "Blue diagram": BLUE,
            "Embedded logo": LOGO,
            "Raw html": BLUE,
            "Korean file name": GREEN,
            "Nested folder path": GREEN,
        }
        for term, data in expect.items():
            (src,) = img_sources(by_term[term].answer)
            assert src in seen
            assert files[src] == data, term
        assert by_term["Red diagram"].deck == "Media::Alpha"
    finally:
        col.close()


def test_leaks_and_missing_images_are_warned_and_cards_still_built(
    notes: Path, tmp_path: Path
) -> None:
    report = build([str(notes)], BuildOptions(out=tmp_path / "dist"))
    beta = notes / "beta/note.md"
    warnings = {(d.loc.line if d.loc else 0, d.message) for d in report.diagnostics}
    assert all(d.level == "warning" for d in report.diagnostics)
    expected = {
        "../../secret.png": "outside the notes root",
        "(/": "absolute path",
        "img/link.png": "link to a file outside the notes root",
        "file://": "file:// URL",
        "C:\\": "absolute path",
        "img/nope.png": "image not found",
    }
    for needle, reason in expected.items():
        line = line_of(beta, needle)
        assert any(ln == line and reason in msg for ln, msg in warnings), (needle, warnings)
    assert all(d.loc and d.loc.path.endswith("beta/note.md") for d in report.diagnostics)
    assert len(report.diagnostics) == len(expected)
    # Nothing outside the root was read into the package.
    assert SECRET not in apkg_media(Path(report.outputs[0])).values()
    col, imported_cards = imported(tmp_path, Path(report.outputs[0]))
    try:
        by_term = {c.fields["Term"]: c for c in imported_cards}
        leaks, missing = by_term["Leaks"], by_term["Missing"]
        assert "<img" not in leaks.answer and "<img" not in missing.answer
        # The alt text stands in for the picture, marked as one in a styled span.
        assert '<span class="nd-image-missing">[image: gone]</span>' in missing.answer
        assert "[image: gone]" in text_of(missing.answer)
        assert "never saved" in text_of(missing.answer)
        assert_images_resolve(col, remote_allowed=set())
    finally:
        col.close()


def test_strict_turns_a_missing_image_into_an_error(
    notes: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dist"
    assert main(["build", str(notes / "alpha"), "-o", str(out), "--strict"]) == 0
    assert (out / "Media.apkg").exists()
    col, _ = imported(tmp_path, out / "Media.apkg")
    try:
        assert sorted(media_files(col).values()) == [RED]
        assert_images_resolve(col, remote_allowed=set())
    finally:
        col.close()
    capsys.readouterr()
    assert main(["build", str(notes), "-o", str(out / "strict"), "--strict"]) == 1
    err = capsys.readouterr().err
    nope = line_of(notes / "beta/note.md", "img/nope.png")
    assert f"beta/note.md:{nope}: error: image not found: img/nope.png" in err
    assert not (out / "strict" / "Media.apkg").exists()  # a broken deck is not written


def test_a_single_note_file_is_its_own_root(notes: Path, tmp_path: Path) -> None:
    """Given one file, its folder is the root: `../` out of it is refused even though the
    file exists."""
    write_tree(notes, {"alpha/sub/n.md": "# Sub\n\n## Up\n\n- text\n![x](../img/diagram.png)\n"})
    report = build([str(notes / "alpha/sub/n.md")], BuildOptions(out=tmp_path / "dist"))
    (warning,) = report.diagnostics
    assert warning.loc is not None and warning.loc.line == 6
    assert "outside the notes root" in warning.message
    col, (card,) = imported(tmp_path, Path(report.outputs[0]))
    try:
        assert media_files(col) == {}
        assert "<img" not in card.answer
    finally:
        col.close()


@given(st.text(min_size=0, max_size=300), st.text("0123456789abcdef", min_size=64, max_size=64))
def test_safe_names_are_short_nfc_and_plain(name: str, digest: str) -> None:
    safe = safe_name(name, digest)
    assert len(safe.encode("utf-8")) <= MAX_NAME_BYTES
    assert safe.startswith(digest[:16] + "-")
    assert not set(safe) & set('[]<>:"/?*^\\|%#')
    assert safe == unicodedata.normalize("NFC", safe)
    assert all(ord(c) >= 32 for c in safe)
    assert safe_name(name, digest) == safe


def test_safe_name_keeps_a_readable_name_and_its_extension() -> None:
    digest = "ab" * 32
    assert safe_name("dia[gram]?.png", digest) == "abababababababab-dia_gram__.png"
    long = safe_name("가" * 100 + ".svg", digest)
    assert long.endswith(".svg") and len(long.encode()) <= MAX_NAME_BYTES
    assert safe_name(DECOMPOSED, digest) == "abababababababab-다이어그램.png"


@pytest.mark.parametrize(
    ("src", "reason"),
    [
        ("../../secret.png", "outside the notes root"),
        ("%2e%2e/%2E%2E/secret.png", "outside the notes root"),
        ("img\\..\\..\\..\\secret.png", "outside the notes root"),
        ("beta/../../secret.png", "outside the notes root"),
        ("/etc/passwd", "absolute path"),
        ("C:/Users/me/secret.png", "absolute path"),
        ("\\\\server\\share\\secret.png", "absolute path"),
        ("file:///etc/passwd", "file:// URL"),
        ("FILE://localhost/etc/passwd", "file:// URL"),
        ("//cdn.example/x.png", "no scheme"),
        ("data:image/png;base64,AAAA", "data: image"),
        ("javascript:alert(1)", "unsupported URL scheme"),
        ("img/link.png", "link to a file outside"),
        ("nope.png", "not found"),
    ],
)
def test_locate_refuses_everything_outside_the_root(notes: Path, src: str, reason: str) -> None:
    beta = notes / "beta"
    found = locate(src, beta / "note.md", notes, NameFinder(notes))
    assert isinstance(found, Refusal), found
    assert reason in found.message


def test_locate_reads_html_entities_and_percent_escapes(notes: Path) -> None:
    write_tree(notes, {"beta/img/a&b c.png": BLUE})
    for src in ("img/a&amp;b%20c.png", "img/a&b c.png", "./img/../img/a&b%20c.png"):
        found = locate(src, notes / "beta/note.md", notes, NameFinder(notes))
        assert not isinstance(found, Refusal) and found.path.read_bytes() == BLUE, src


def test_builds_with_images_are_reproducible(notes: Path, tmp_path: Path) -> None:
    first = build([str(notes)], BuildOptions(out=tmp_path / "one"))
    second = build([str(notes)], BuildOptions(out=tmp_path / "two"))
    one, two = Path(first.outputs[0]), Path(second.outputs[0])
    assert one.read_bytes() == two.read_bytes()
    col, _ = imported(tmp_path, one)
    try:
        assert sorted(media_files(col).values()) == sorted([RED, BLUE, LOGO, GREEN])
        assert_images_resolve(col, remote_allowed=set())
    finally:
        col.close()


def test_locate_prefers_the_note_folder_then_the_nearest_same_name(notes: Path) -> None:
    write_tree(notes, {"a/b/shared.png": RED, "c/shared.png": BLUE, "d/shared.png": GREEN})
    finder = NameFinder(notes)
    beside = locate("shared.png", notes / "d/n.md", notes, finder)
    assert isinstance(beside, Found) and beside.path.read_bytes() == GREEN
    assert not beside.ambiguous
    far = locate("shared.png", notes / "alpha/n.md", notes, finder)
    assert isinstance(far, Found) and far.ambiguous
    assert far.path.relative_to(notes).as_posix() == "c/shared.png"  # shallowest, then A-Z


def test_images_in_a_colon_line_a_table_row_and_an_embed_travel_inside_the_deck(
    tmp_path: Path,
) -> None:
    """A definition given on one line (`- Mutex: … ![m](m.png)`), in a table's cell, or as an
    Obsidian embed in a cell (`![[d.png\\|200]]`, its pipe escaped) bundles its image too."""
    notes = tmp_path / "notes"
    write_tree(
        notes,
        {
            "img/m.png": RED,
            "img/d.png": BLUE,
            "img/y.png": GREEN,
            "vim.md": (
                "# Vim\n\n## Locks\n\n- Mutex: a lock one thread holds ![m](img/m.png)\n"
                "- Spinlock: a lock that busy-waits\n\n## Keys\n\n| key | meaning |\n|---|---|\n"
                "| dd | delete a line ![d](img/d.png) |\n| yy | copy a line ![[y.png\\|200]] |\n"
            ),
        },
    )
    report = build([str(notes)], BuildOptions(out=tmp_path / "dist"))
    assert not [d for d in report.diagnostics if "image" in d.message]
    col, imported_cards = imported(tmp_path, Path(report.outputs[0]))
    try:
        files = media_files(col)
        assert sorted(files.values()) == sorted([RED, BLUE, GREEN])
        assert_images_resolve(col, remote_allowed=set())
        by_term = {c.fields["Term"]: c for c in imported_cards}
        for term, data in {"Mutex": RED, "dd": BLUE, "yy": GREEN}.items():
            (src,) = img_sources(by_term[term].answer)
            assert files[src] == data, term
    finally:
        col.close()


def test_a_path_from_the_site_root_is_read_from_the_notes_root(notes: Path) -> None:
    """A Jekyll or Hugo site built as the notes folder: `/assets/logo.png` is its own file. A
    path that names nothing there is still refused, and never read from the disk's root."""
    finder = NameFinder(notes)
    found = locate("/assets/logo.png", notes / "beta/note.md", notes, finder)
    assert isinstance(found, Found) and found.path.read_bytes() == LOGO
    for src in ("/etc/passwd", "/../secret.png", "/beta/img/link.png"):
        refused = locate(src, notes / "beta/note.md", notes, finder)
        assert isinstance(refused, Refusal), src


def test_jekyll_site_links_show_their_image_not_the_template(tmp_path: Path) -> None:
    site = tmp_path / "site"
    note = (
        "# Locks\n\n## Mutex\n\nA lock owned by one thread.\n\n"
        "![lock]({{ site.baseurl }}/assets/lock.png)\n\n"
        '<img src="{{site.url}}{{site.baseurl}}/assets/key.png">\n\n'
        "## Liquid\n\nThe template language of Jekyll.\n\n"
        "```liquid\n![x]({{ site.baseurl }}/assets/lock.png)\n```\n"
    )
    write_tree(site, {"_posts/locks.md": note, "assets/lock.png": RED, "assets/key.png": BLUE})
    report = build([str(site)], BuildOptions(out=tmp_path / "dist"))
    assert not report.diagnostics
    col, cards = imported(tmp_path, Path(report.outputs[0]))
    try:
        by_term = {c.fields["Term"]: c for c in cards}
        files = media_files(col)
        shown = [files[src] for src in img_sources(by_term["Mutex"].answer)]
        assert shown == [RED, BLUE]
        assert "{{" not in by_term["Mutex"].answer
        assert "baseurl" in text_of(by_term["Liquid"].answer)  # code stays as written
        assert_images_resolve(col, remote_allowed=set())
    finally:
        col.close()
