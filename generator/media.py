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
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from .download import Fetched, fetch_all, prune
from .localpath import NameFinder, Refusal, locate
from .model import Diagnostic, ImageRef, Level, MediaFile
from .options import BuildOptions
from .sniff import HEAD_BYTES, image_extension

# Anki's own list, plus `%` and `#`: a browser reads them as an escape or a fragment in `src`.
_UNSAFE = re.compile(r'[\[\]<>:"/?*^\\|%#\x00-\x1f\x7f]')
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC_ATTR = re.compile(r"\bsrc=\"([^\"]*)\"", re.IGNORECASE)
_ALT_ATTR = re.compile(r"\balt=\"([^\"]*)\"", re.IGNORECASE)
MAX_NAME_BYTES = 120
CACHE_DIR_NAME = ".notedeck-cache"


def is_remote(src: str) -> bool:
    return urlsplit(clean_src(src)).scheme.lower() in ("http", "https")


def clean_src(src: str) -> str:
    """A src as the note means it: `&amp;` in raw HTML is `&`, as Markdown renderers read it."""
    return html.unescape(src.strip())


_DIGEST_CHARS = 16


def bundled_digest(name: str) -> str:
    """The start of the bytes' digest that a bundled file's name opens with (see safe_name):
    two names with the same one bundle the same bytes."""
    return name[:_DIGEST_CHARS]


def safe_name(name: str, digest: str) -> str:
    """`<hash>-<name>`: NFC, none of `[]<>:"/?*^\\|%#`, at most 120 bytes."""
    name = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip(" .") or "image"
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or len(suffix) > 8:
        stem, suffix = name, ""
    suffix = f".{suffix}" if suffix else ""
    prefix = f"{digest[:_DIGEST_CHARS]}-"
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
    return unicodedata.normalize("NFC", unquote(clean_src(src)))


@dataclass(slots=True)
class MediaSet:
    """Media gathered across notes: `names` maps (note file, src) to the bundled file name."""

    files: dict[str, MediaFile] = field(default_factory=dict)
    names: dict[tuple[str, str], str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _by_digest: dict[str, str] = field(default_factory=dict)
    _finders: dict[Path, NameFinder] = field(default_factory=dict)
    _digests: dict[Path, tuple[str, str | None]] = field(default_factory=dict)

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
            if found.missing and image.wiki and _embedded_note(image.src):
                return  # Obsidian `![[Other note]]` embeds a note, not an image
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
        known = self._identify(found.path, image, level)
        if known is None:
            return
        digest, extension = known
        name = found.shown_name
        if not PurePosixPath(name).suffix:  # `<img src="diagram">`: its bytes say what it is
            if extension is None:
                self.diagnostics.append(_not_an_image(image, level))
                return
            name += extension
        self.add_file(note.file, image.src, found.path, name, digest)

    def _identify(self, path: Path, image: ImageRef, level: Level) -> tuple[str, str | None] | None:
        """A file's hash and the image extension its bytes show (None: not an image)."""
        known = self._digests.get(path)
        if known is None:
            try:
                data = path.read_bytes()
            except OSError as exc:
                message = f"cannot read image {image.src.strip()}: {exc.strerror or exc}"
                self.diagnostics.append(Diagnostic(image.loc, level, message))
                return None
            known = (hashlib.sha256(data).hexdigest(), image_extension(data[:HEAD_BYTES]))
            self._digests[path] = known
        return known

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


def _not_an_image(image: ImageRef, level: Level) -> Diagnostic:
    return Diagnostic(
        image.loc,
        level,
        f"image {clean_src(image.src)} has no extension and is not a PNG, JPEG, GIF, WebP, "
        "BMP, AVIF or SVG image; not bundled",
        "check the link, or give the file its image extension (such as .png)",
    )


def _embedded_note(src: str) -> bool:
    return PurePosixPath(unquote(clean_src(src))).suffix.lower() in ("", ".md", ".markdown")


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
        from .fetch import Limits  # with http.client and ssl: only when there is a download

        limits = Limits(options.download_timeout, options.max_image_bytes, options.download_workers)
        fetched = fetch_all(
            (clean_src(image.src) for _, image in remote),
            cache_dir(options),
            offline=options.offline,
            refresh=options.refresh,
            limits=limits,
        )
        for note, image in remote:
            _add_remote(media, note, image, fetched[clean_src(image.src)], level)
    prune(cache_dir(options), (clean_src(image.src) for _, image in remote))
    return media


def _add_remote(
    media: MediaSet, note: NoteImages, image: ImageRef, outcome: Fetched | str, level: Level
) -> None:
    if isinstance(outcome, str):
        media.diagnostics.append(
            Diagnostic(
                image.loc,
                level,
                f"remote image not bundled: {clean_src(image.src)}: {outcome}",
                "the card keeps the remote link, which Anki shows when online",
            )
        )
        return
    if outcome.warning:
        media.diagnostics.append(
            Diagnostic(image.loc, "warning", f"remote image {outcome.url}: {outcome.warning}")
        )
    media.add_file(note.file, image.src, outcome.path, outcome.name, outcome.sha256)


def missing_image(tag: str) -> str:
    """What a card shows in place of an `<img>` whose file the deck does not carry: its alt
    text, marked as a picture (`[image: alt]`) in a styled span, never a broken-image box.
    `tag` is sanitised HTML, so the alt text is already escaped."""
    alt = _ALT_ATTR.search(tag)
    text = " ".join(alt.group(1).split()) if alt is not None else ""
    label = f"image: {text}" if text else "image"
    return f'<span class="nd-image-missing">[{label}]</span>'


def finish_html(fragment: str) -> str:
    """Replace each `<img>` left without a source (a local image that was not bundled) by
    `missing_image`, so no card refers to a file the deck does not carry."""

    def replace(match: re.Match[str]) -> str:
        tag = match.group(0)
        src = _SRC_ATTR.search(tag)
        if src is not None and src.group(1).strip():
            return tag
        return missing_image(tag)

    return _IMG_TAG.sub(replace, fragment)
