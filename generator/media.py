"""Stage 5: image references → media files to bundle.

Local images resolve relative to their note (Obsidian-style bare names also anywhere inside
the notes root) and must stay inside the notes root: a shared notes folder must never leak a
private file into a deck, so `../`, absolute and Windows paths, `file://` URLs and symlinks
pointing out are refused with a warning. Remote images are downloaded into a cache (see
download.py). Bundled files are named by content hash plus a safe readable name, so two
different `diagram.png` never clash and one image used twice is stored once.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .download import Fetched, Limits, fetch_all
from .model import Diagnostic, ImageRef, Level, MediaFile
from .options import BuildOptions

_UNSAFE = re.compile(r'[\[\]<>:"/?*^\\|\x00-\x1f\x7f]')
_WINDOWS_ABSOLUTE = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\|//)")
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC_ATTR = re.compile(r"\bsrc=\"([^\"]*)\"", re.IGNORECASE)
_ALT_ATTR = re.compile(r"\balt=\"([^\"]*)\"", re.IGNORECASE)
MAX_NAME_BYTES = 120
CACHE_DIR_NAME = ".notedeck-cache"


def is_remote(src: str) -> bool:
    return urlsplit(src.strip()).scheme.lower() in ("http", "https")


def safe_name(name: str, digest: str) -> str:
    """`<hash>-<name>`: NFC, no characters Anki or file systems refuse, at most 120 bytes."""
    name = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip(" .") or "image"
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or len(suffix) > 8:
        stem, suffix = name, ""
    suffix = f".{suffix}" if suffix else ""
    prefix = f"{digest[:16]}-"
    budget = MAX_NAME_BYTES - len(prefix.encode()) - len(suffix.encode())
    encoded = stem.encode("utf-8")[:budget]
    return prefix + encoded.decode("utf-8", errors="ignore") + suffix


def cache_dir(options: BuildOptions) -> Path:
    """Downloads live under the output folder, never in the notes folder (which may be a
    synced vault), so deleting the output also clears them."""
    return options.cache_dir or options.out / CACHE_DIR_NAME


@dataclass(frozen=True, slots=True)
class NoteImages:
    """The images of one note: the note on disk, its notes root and every image it uses."""

    file: Path
    root: Path
    images: tuple[ImageRef, ...]


def _key(src: str) -> str:
    """One spelling for a src however it reached us: raw from the note, or entity- and
    percent-encoded by the Markdown renderer."""
    return unicodedata.normalize("NFC", unquote(html.unescape(src.strip())))


@dataclass(slots=True)
class MediaSet:
    """Media gathered across notes: `names` maps (note file, src) to the bundled file name."""

    files: dict[str, MediaFile] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _by_digest: dict[str, str] = field(default_factory=dict)
    _finders: dict[Path, NameFinder] = field(default_factory=dict)

    def add_file(self, note_file: Path, src: str, path: Path, name: str, digest: str) -> None:
        bundled = self._by_digest.setdefault(digest, safe_name(name, digest))
        self.files.setdefault(bundled, MediaFile(bundled, str(path)))
        self.names[(str(note_file), _key(src))] = bundled

    def add_local(self, image: ImageRef, note: NoteImages, level: Level = "warning") -> None:
        if (str(note.file), _key(image.src)) in self.names:
            return
        finder = self._finders.setdefault(note.root, NameFinder(note.root))
        found = locate(image.src, note.file, note.root, finder)
        if isinstance(found, Refusal):
            self.diagnostics.append(Diagnostic(image.loc, level, found.message, found.hint))
            return
        if found.ambiguous:
            self.diagnostics.append(
                Diagnostic(
                    image.loc,
                    "warning",
                    f"several files are named {found.path.name!r}; using "
                    f"{found.path.relative_to(note.root).as_posix()}",
                    "write the image's folder in the link to choose another",
                )
            )
        data = found.path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        self.add_file(note.file, image.src, found.path, found.shown_name, digest)

    def image_map(self, note_file: Path) -> Callable[[str], str]:
        """For rendering: a src → the bundled name, the remote URL itself when it is not
        bundled, or "" (dropped by `finish_html`) for a local image that is not bundled."""

        def lookup(src: str) -> str:
            name = self.names.get((str(note_file), _key(src)))
            if name is not None:
                return name
            return src if is_remote(src) else ""

        return lookup

    def names_in(self, fragment: str) -> set[str]:
        """The bundled files an HTML fragment refers to."""
        found = {html.unescape(m.group(1)) for m in _SRC_ATTR.finditer(fragment)}
        return found & self.files.keys()


def collect(notes: Sequence[NoteImages], options: BuildOptions) -> MediaSet:
    """Resolve every note's images: local files are checked and hashed, remote ones are
    downloaded (a few at a time) or taken from the cache."""
    media = MediaSet()
    level: Level = "error" if options.strict else "warning"
    remote: list[tuple[NoteImages, ImageRef]] = []
    for note in notes:
        for image in note.images:
            if is_remote(image.src):
                remote.append((note, image))
            else:
                media.add_local(image, note, level)
    if remote:
        limits = Limits(options.download_timeout, options.max_image_bytes, options.download_workers)
        fetched = fetch_all(
            (image.src.strip() for _, image in remote),
            cache_dir(options),
            offline=options.offline,
            refresh=options.refresh,
            limits=limits,
        )
        for note, image in remote:
            _add_remote(media, note, image, fetched[image.src.strip()], level)
    return media


def _add_remote(
    media: MediaSet, note: NoteImages, image: ImageRef, outcome: Fetched | str, level: Level
) -> None:
    if isinstance(outcome, str):
        media.diagnostics.append(
            Diagnostic(
                image.loc,
                level,
                f"remote image not bundled: {image.src.strip()}: {outcome}",
                "the card keeps the remote link, which Anki shows when online",
            )
        )
        return
    if outcome.warning:
        media.diagnostics.append(
            Diagnostic(image.loc, "warning", f"remote image {outcome.url}: {outcome.warning}")
        )
    media.add_file(note.file, image.src, outcome.path, outcome.name, outcome.sha256)


def finish_html(fragment: str) -> str:
    """Replace each `<img>` left without a source (a local image that was not bundled) by its
    alt text, so no card refers to a file the deck does not carry."""

    def replace(match: re.Match[str]) -> str:
        tag = match.group(0)
        src = _SRC_ATTR.search(tag)
        if src is not None and src.group(1).strip():
            return tag
        alt = _ALT_ATTR.search(tag)
        text = alt.group(1) if alt is not None and alt.group(1).strip() else "image"
        return f'<span class="nd-image-missing">[{text}]</span>'

    return _IMG_TAG.sub(replace, fragment)


# --- resolving a local src, refusing anything outside the notes root ---


@dataclass(frozen=True, slots=True)
class Found:
    path: Path  # resolved, inside the notes root
    shown_name: str  # the name as linked (a symlink's own name, not its target's)
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class Refusal:
    message: str
    hint: str = ""


_OUTSIDE_HINT = "only images inside the notes folder are bundled; copy the image into it"


def locate(src: str, note_file: Path, root: Path, finder: NameFinder) -> Found | Refusal:
    """Where a local image src points, or why it is not read: relative to the note first;
    then, Obsidian-style, relative to the notes root or by file name anywhere inside it."""
    raw = src.strip()
    if _WINDOWS_ABSOLUTE.match(raw):
        return Refusal(f"image '{raw}' is an absolute path; not bundled", _OUTSIDE_HINT)
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if scheme == "file":
        return Refusal(f"image '{raw}' is a file:// URL; not bundled", _OUTSIDE_HINT)
    if scheme == "data":
        return Refusal("inline data: image is not bundled", "save it as a file beside the note")
    if scheme:
        return Refusal(f"image '{raw}' uses an unsupported URL scheme; not bundled")
    path = unquote(parts.path).replace("\\", "/")
    if not path:
        return Refusal(f"image '{raw}' names no file")
    if path.startswith("/"):
        return Refusal(f"image '{raw}' is an absolute path; not bundled", _OUTSIDE_HINT)
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
        return Refusal(f"image '{raw}' is outside the notes root; not bundled", _OUTSIDE_HINT)
    if not resolved.is_relative_to(root):
        return Refusal(
            f"image '{raw}' is a link to a file outside the notes root; not bundled",
            _OUTSIDE_HINT,
        )
    try:
        return resolved if resolved.is_file() else None
    except (OSError, ValueError):
        return None


def _fallback(raw: str, path: str, root: Path, finder: NameFinder) -> Found | Refusal:
    if "/" in path:
        from_root = _inside(root / path, root, raw)
        if isinstance(from_root, Path):
            return Found(from_root, Path(path).name)
        if isinstance(from_root, Refusal):
            return from_root
        return Refusal(f"image not found: {raw}", "check the path, relative to the note")
    matches = finder.find(path)
    for index, match in enumerate(matches):
        inside = _inside(match, root, raw)
        if isinstance(inside, Path):
            return Found(inside, match.name, ambiguous=len(matches) > 1 and index == 0)
    return Refusal(f"image not found: {raw}", "check the path, relative to the note")


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
