"""Stage 5: image references → media files to bundle.

Local images resolve relative to their note and must stay inside the notes root: a shared
notes folder must never leak a private file into a deck. Bundled files are named by content
hash plus a safe readable name, so two different `diagram.png` never clash and one image used
twice is stored once.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from .model import Diagnostic, ImageRef, MediaFile

_UNSAFE = re.compile(r'[\[\]<>:"/?*^\\|\x00-\x1f]')
MAX_NAME_BYTES = 120


def is_remote(src: str) -> bool:
    return urlparse(src).scheme in ("http", "https")


def safe_name(name: str, digest: str) -> str:
    """`<hash>-<name>`: NFC, no characters Anki or file systems refuse, at most 120 bytes."""
    name = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip(" .") or "image"
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(suffix) > 8:
        stem, suffix = name, ""
    suffix = f".{suffix}" if suffix else ""
    prefix = f"{digest[:16]}-"
    budget = MAX_NAME_BYTES - len(prefix.encode()) - len(suffix.encode())
    encoded = stem.encode("utf-8")[:budget]
    return prefix + encoded.decode("utf-8", errors="ignore") + suffix


@dataclass(slots=True)
class MediaSet:
    """Media gathered across notes: `names` maps (note file, src) to the bundled file name."""

    files: dict[str, MediaFile] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add_local(self, image: ImageRef, note_file: Path, root: Path) -> None:
        key = (str(note_file), image.src)
        if key in self.names:
            return
        target = _resolve(image.src, note_file)
        if target is None:
            return
        resolved = target.resolve()
        if not resolved.is_relative_to(root):
            self.diagnostics.append(
                Diagnostic(
                    image.loc,
                    "warning",
                    f"image {image.src!r} is outside the notes root; not bundled",
                    "move the image inside the notes folder",
                )
            )
            return
        if not resolved.is_file():
            self.diagnostics.append(
                Diagnostic(image.loc, "warning", f"image not found: {image.src}")
            )
            return
        digest = hashlib.sha256(resolved.read_bytes()).hexdigest()
        name = safe_name(resolved.name, digest)
        self.files.setdefault(name, MediaFile(name, str(resolved)))
        self.names[key] = name

    def name_for(self, note_file: Path, src: str) -> str | None:
        return self.names.get((str(note_file), src))


def _resolve(src: str, note_file: Path) -> Path | None:
    parsed = urlparse(src)
    if parsed.scheme and len(parsed.scheme) > 1:
        return None  # http(s) is handled by downloads; other schemes are never read
    path = unquote(parsed.path if parsed.scheme == "" else src)
    if not path:
        return None
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate
    direct = note_file.parent / candidate
    return direct
