"""Where a local image src points, or why it is never read.

Only files inside the notes root are read, so a shared notes folder never leaks a private file
into a deck: `../` paths leading out, absolute and Windows paths, `file://` URLs and symlinks
pointing out are refused. A src resolves relative to its note first; then, as Obsidian links
do, relative to the notes root, or by bare file name anywhere inside it. A path from the root,
`/img/x.png`, is most often a web site's (notes shared with Jekyll, Hugo or Docusaurus): it is
read from the notes root when the notes folder holds it there (the folder is the site), and is
otherwise reported as an image that cannot be found; it never reads the disk's root.
"""

from __future__ import annotations

import html
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

_WINDOWS_ABSOLUTE = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\)")
# AnkiWeb does not sync a media file over 100 MB; a build would hold it in memory.
MAX_IMAGE_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Found:
    path: Path  # resolved, inside the notes root
    shown_name: str  # the name as linked (a symlink's own name, not its target's)
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class Refusal:
    message: str
    hint: str = ""
    # no such file in the notes folder, or a site-absolute path that names none: a warning in
    # `check` too (as opposed to a path that is never read, which `check` makes an error)
    missing: bool = False


OUTSIDE_HINT = "only images inside the notes folder are bundled; copy the image into it"


def locate(src: str, note_file: Path, root: Path, finder: NameFinder) -> Found | Refusal:
    """Where a local image src points, or why it is not read: relative to the note first;
    then, Obsidian-style, relative to the notes root or by file name anywhere inside it."""
    raw = html.unescape(src.strip())
    if raw.startswith("//"):
        return Refusal(f"image '{raw}' has no scheme; not bundled", "write it as https://…")
    if _WINDOWS_ABSOLUTE.match(raw):
        return Refusal(f"image '{raw}' is an absolute path; not bundled", OUTSIDE_HINT)
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if scheme == "file":
        return Refusal(f"image '{raw}' is a file:// URL; not bundled", OUTSIDE_HINT)
    if scheme == "data":
        return Refusal("inline data: image is not bundled", "save it as a file beside the note")
    if scheme:
        return Refusal(f"image '{raw}' uses an unsupported URL scheme; not bundled")
    path = unquote(parts.path).replace("\\", "/")
    if not path:
        return Refusal(f"image '{raw}' names no file")
    if path.startswith("/"):  # `/img/x.png`: a web site's root (Jekyll, Hugo, …), or the disk's
        from_root = _inside(root / path.lstrip("/"), root, raw)
        if isinstance(from_root, Path):  # the notes folder is the site: its root is the root
            return Found(from_root, Path(path).name)
        return Refusal(
            f"image '{raw}' is an absolute path (from a web site's root or the disk's), and the "
            "notes folder holds no such file from its own root; not bundled",
            "copy the image into the notes folder and link it relative to the note",
            missing=True,
        )
    direct = _inside(note_file.parent / path, root, raw)
    if not isinstance(direct, Path):
        return direct or _fallback(raw, path, root, finder)
    return Found(direct, Path(path).name)


def _inside(candidate: Path, root: Path, raw: str) -> Path | Refusal | None:
    """The resolved file if it exists inside the root; a Refusal if the path leads out of
    the root; None if there is no such file."""
    lexical = Path(os.path.normpath(candidate))
    try:
        resolved = candidate.resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    if not lexical.is_relative_to(root):
        return Refusal(f"image '{raw}' is outside the notes root; not bundled", OUTSIDE_HINT)
    if not resolved.is_relative_to(root):
        return Refusal(
            f"image '{raw}' is a link to a file outside the notes root; not bundled",
            OUTSIDE_HINT,
        )
    try:
        if not resolved.is_file():
            return None
        size = resolved.stat().st_size
    except (OSError, ValueError):
        return None
    if size > MAX_IMAGE_BYTES:  # it would be read whole into memory, twice, and never sync
        limit = MAX_IMAGE_BYTES // (1024 * 1024)
        return Refusal(f"image '{raw}' is larger than {limit} MB; not bundled", "make it smaller")
    return resolved


def _fallback(raw: str, path: str, root: Path, finder: NameFinder) -> Found | Refusal:
    if "/" in path:
        from_root = _inside(root / path, root, raw)
        if isinstance(from_root, Path):
            return Found(from_root, Path(path).name)
        if isinstance(from_root, Refusal):
            return from_root
        return _missing(raw)
    matches = finder.find(path)
    for index, match in enumerate(matches):
        inside = _inside(match, root, raw)
        if isinstance(inside, Path):
            return Found(inside, match.name, ambiguous=len(matches) > 1 and index == 0)
    return _missing(raw)


def _missing(raw: str) -> Refusal:
    return Refusal(f"image not found: {raw}", "check the file name and folder", True)


class NameFinder:
    """Files inside a notes root by name (NFC), built on first use; hidden folders (such as
    `.obsidian`, `.git` and the download cache) are skipped."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._index: dict[str, list[Path]] | None = None

    def find(self, name: str) -> list[Path]:
        if self._index is None:
            self._index = {}
            for folder, dirs, files in os.walk(self.root):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for file in files:
                    key = unicodedata.normalize("NFC", file)
                    self._index.setdefault(key, []).append(Path(folder) / file)
        found = self._index.get(unicodedata.normalize("NFC", name), [])
        return sorted(found, key=lambda p: (len(p.relative_to(self.root).parts), p.as_posix()))
