"""What kind of image a file is, from its first bytes (for files saved without an extension).

Anki and the phones' card viewers pick how to show a media file by its extension (SVG above
all), so an image bundled without one may not show; its magic bytes say which it is.
"""

from __future__ import annotations

import re

HEAD_BYTES = 4096  # enough for the magic numbers and an SVG's XML prologue
# An SVG is text: an optional BOM, XML declaration, comments and doctype, then `<svg`.
_SVG = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:(?:<!--.*?-->|<!doctype[^>]*>)\s*)*<svg[\s/>]",
    re.IGNORECASE | re.DOTALL,
)


def image_extension(head: bytes) -> str | None:
    """`.png`, `.jpg`, `.gif`, `.webp`, `.bmp`, `.avif` or `.svg` for an image's first bytes;
    None when they are not one of these."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if head.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return ".gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    if head[:2] == b"BM" and len(head) >= 26 and head[6:10] == b"\0\0\0\0":
        return ".bmp"  # `BM`, the file size, then four reserved zero bytes
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"):
        return ".avif"
    if _SVG.match(head[:HEAD_BYTES]):
        return ".svg"
    return None
