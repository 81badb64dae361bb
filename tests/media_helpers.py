"""Shared by the media tests: tiny real PNGs, note trees on disk, and a check that every
image a card shows resolves in the real Anki collection."""

from __future__ import annotations

import html
import struct
import zipfile
import zlib
from pathlib import Path

from anki.collection import Collection
from anki_helpers import ImportedCard, cards, img_sources, import_apkg, open_collection


def png(red: int, green: int = 0, blue: int = 0, size: int = 2) -> bytes:
    """A valid size×size PNG of one colour: different colours give different bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes((red, green, blue)) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * size))
        + chunk(b"IEND", b"")
    )


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line containing `needle` (so tests never hard-code it)."""
    for number, line in enumerate(path.read_text("utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def imported(
    tmp_path: Path, apkg: Path, name: str = "anki"
) -> tuple[Collection, list[ImportedCard]]:
    col = open_collection(tmp_path / name)
    import_apkg(col, apkg)
    return col, cards(col)


def media_files(col: Collection) -> dict[str, bytes]:
    folder = Path(col.media.dir())
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def assert_images_resolve(col: Collection, remote_allowed: set[str]) -> list[str]:
    """Every `<img>` of every rendered card (front and back) is a file in the collection's
    media folder or a remote URL the notes gave; returns every src seen."""
    present = media_files(col)
    seen: list[str] = []
    for card in cards(col):
        for side in (card.question, card.answer):
            for raw in img_sources(side):
                src = html.unescape(raw)
                seen.append(src)
                assert src in present or src in remote_allowed, (card.fields["Term"], src)
    return seen


def apkg_media(apkg: Path) -> dict[str, bytes]:
    """The media a package carries, by the name fields use."""
    import json

    with zipfile.ZipFile(apkg) as zf:
        index = json.loads(zf.read("media"))
        return {name: zf.read(entry) for entry, name in index.items()}


_fresh = iter(range(1_000_000))


def check_deck(
    tmp_path: Path, apkg: Path, media: list[bytes], remote_allowed: frozenset[str] = frozenset()
) -> list[ImportedCard]:
    """Import into a fresh collection: exactly `media` arrives and every image resolves."""
    col, imported_cards = imported(tmp_path, apkg, f"anki-check-{next(_fresh)}")
    try:
        assert sorted(media_files(col).values()) == sorted(media)
        assert_images_resolve(col, set(remote_allowed))
    finally:
        col.close()
    return imported_cards
