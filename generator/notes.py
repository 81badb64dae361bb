"""Finding notes under the paths a user gives, and what identifies each one."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .decks import deck_name
from .fsutil import describe_os_error
from .lock import enclosing_root
from .model import Diagnostic, Level, Loc, NotedeckError, NoteInfo
from .notemeta import note_tags, usable_front_matter
from .options import BuildOptions
from .read import SourceText, decode, parse_front_matter

if TYPE_CHECKING:  # the parser is imported by whoever parses; finding notes needs none
    from .parse import ParsedNote

NOTE_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True, slots=True)
class NoteFile:
    """A note on disk: its file, the notes root it belongs to and the path shown to the user."""

    file: Path
    root: Path
    shown: str

    @property
    def rel(self) -> str:
        # A note's path is its root's and more (both absolute, as discovery makes them): the
        # string after the root's is what `relative_to` gives, without building paths.
        file, root = str(self.file), str(self.root)
        if os.sep == "/" and root != "/" and file.startswith(root + "/"):
            return file[len(root) + 1 :]
        return self.file.relative_to(self.root).as_posix()


def discover(paths: list[str], diagnostics: list[Diagnostic] | None = None) -> list[NoteFile]:
    """Note files under each path, sorted, each with its notes root (the folder given, or the
    file's own folder).

    Folders that cannot be read are reported in `diagnostics` as errors; symbolic links that
    lead outside the notes root, loop or dangle are skipped with a warning, so a shared notes
    folder can never make a build read a file outside it. Hidden files and folders are skipped.
    """
    sink = diagnostics if diagnostics is not None else []
    found: dict[Path, NoteFile] = {}
    for raw in paths:
        path = Path(raw)
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError as exc:
            raise NotedeckError(Loc(raw, 0), f"cannot open: {describe_os_error(exc)}") from None
        if is_dir:
            folder = path.resolve()
            _walk(folder, enclosing_root(folder) or folder, found, sink)
        elif is_file and not _encodable(path.name):
            sink.append(_problem("error", path, "skipped: the name is not valid UTF-8 (rename it)"))
        elif is_file:
            file = path.resolve()
            root = enclosing_root(file.parent) or file.parent
            found.setdefault(file, NoteFile(file, root, _shown(file)))
        else:
            problem = "broken symbolic link" if path.is_symlink() else "no such file or folder"
            problem = "not a note file or folder" if path.exists() else problem  # a FIFO, /dev/…
            raise NotedeckError(Loc(raw, 0), problem, "check the path")
    return sorted(found.values(), key=lambda note: note.file)


def _walk(start: Path, root: Path, found: dict[Path, NoteFile], sink: list[Diagnostic]) -> None:
    """Depth-first over `start` (inside the notes `root`) without recursion; symlinked folders
    are followed only when they stay inside the root, and each real folder is visited once (no
    symlink loops)."""
    visited: set[Path] = set()
    stack = [start]
    cwd = Path.cwd()
    while stack:
        folder = stack.pop()
        real = _real(folder)
        if real is None or real in visited:
            continue
        visited.add(real)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            sink.append(_problem("error", folder, f"cannot read folder: {describe_os_error(exc)}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if _plain(entry):
                _visit_plain(entry, real, root, found, stack, cwd)
            else:
                _visit(Path(entry.path), root, found, stack, sink)


def _plain(entry: os.DirEntry[str]) -> bool:
    """A folder, or a regular file with a UTF-8 name, that is no symbolic link: what the
    listing says of it is all `_visit` would ask (without a system call per question)."""
    try:
        kind = entry.is_dir() or entry.is_file()
        return kind and not entry.is_symlink() and _encodable(entry.name)
    except OSError:
        return False


def _visit_plain(
    entry: os.DirEntry[str],
    real_folder: Path,
    root: Path,
    found: dict[Path, NoteFile],
    stack: list[Path],
    cwd: Path,
) -> None:
    """`_visit` for a `_plain` entry: its real path is its real folder's, joined with its
    name (it is no link)."""
    path = Path(entry.path)
    if entry.is_dir():
        stack.append(path)
    elif path.suffix.lower() in NOTE_SUFFIXES:
        found.setdefault(real_folder / entry.name, NoteFile(path, root, _shown(path, cwd)))


def _visit(
    path: Path, root: Path, found: dict[Path, NoteFile], stack: list[Path], sink: list[Diagnostic]
) -> None:
    is_note = path.suffix.lower() in NOTE_SUFFIXES
    if not _encodable(path.name) and (is_note or path.is_dir()):
        # Its name would end up in card ids, the lock file and messages, which are UTF-8.
        sink.append(_problem("error", path, "skipped: the name is not valid UTF-8 (rename it)"))
        return
    if path.is_symlink():
        target = _real(path)
        if target is None or not target.exists():
            if is_note:
                sink.append(_problem("warning", path, "skipped: broken or looping symbolic link"))
            return
        if not target.is_relative_to(root):
            if is_note or target.is_dir():
                sink.append(
                    _problem("warning", path, "skipped: symbolic link leads outside the notes root")
                )
            return
    try:
        if path.is_dir():
            stack.append(path)
        elif is_note and path.is_file():
            real = _real(path) or path
            found.setdefault(real, NoteFile(path, root, _shown(path)))
        elif is_note and path.exists():
            sink.append(_problem("warning", path, "skipped: not a regular file"))
    except OSError as exc:
        sink.append(_problem("error", path, f"cannot open: {describe_os_error(exc)}"))


def _real(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop before Python 3.13
        return None


def _problem(level: Level, path: Path, message: str) -> Diagnostic:
    shown = _shown(path)
    if not _encodable(shown):  # bytes that are not UTF-8, shown with backslash escapes
        shown = os.fsencode(shown).decode("utf-8", "backslashreplace")
    return Diagnostic(Loc(shown, 0), level, message)


def _encodable(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(file: Path, cwd: Path | None = None) -> str:
    try:
        return file.relative_to(cwd or Path.cwd()).as_posix()
    except ValueError:
        return file.as_posix()


def note_info(
    note: NoteFile, source: SourceText, parsed: ParsedNote, title_heading: str
) -> NoteInfo:
    meta = source.front_matter
    title = str(meta.get("title") or title_heading or _humanise(note.file.stem))
    key = str(meta.get("id") or note.rel)
    deck = str(meta.get("deck") or title)
    aliases = meta.get("aliases")
    return NoteInfo(
        path=note.shown,
        rel=note.rel,
        key=key,
        title=title,
        deck=deck,
        tags=note_tags(meta.get("tags")),
        aliases=tuple(str(a) for a in aliases) if isinstance(aliases, list) else (),
        meta=meta,
    )


def deck_guess(note: NoteFile, options: BuildOptions) -> str:
    """The deck a note that failed to load would most likely feed (named as a loaded note's
    would be, from its front matter, first heading or file name), so a build can leave that
    deck's previous .apkg alone rather than rewrite it without the broken note's cards."""
    try:
        with note.file.open("rb") as handle:
            data = handle.read(256 * 1024)
    except OSError:
        data = b""
    try:
        text = decode(data, note.file.name)[0]
    except (NotedeckError, ValueError):
        text = data.decode("utf-8", "replace")
    text = text.replace("\r\n", "\n")
    try:
        meta = usable_front_matter(parse_front_matter(text, note.file.name), text, "")[0]
    except NotedeckError:
        meta = {}
    heading = _H1.search(text)
    title = str(meta.get("title") or (heading.group(1).strip("*_` ") if heading else ""))
    title = title or _humanise(note.file.stem)
    info = NoteInfo(note.shown, note.rel, note.rel, title, title, meta=meta)
    return deck_name(info, options)


_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def _humanise(stem: str) -> str:
    return re.sub(r"[-_]+", " ", stem).strip() or stem


__all__ = ["NoteFile", "deck_guess", "discover", "note_info"]
