"""Finding notes under the paths a user gives, and what identifies each one."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Loc, NotedeckError, NoteInfo
from .parse import ParsedNote, plain_text
from .read import SourceText

NOTE_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True, slots=True)
class NoteFile:
    """A note on disk: its file, the notes root it belongs to and the path shown to the user."""

    file: Path
    root: Path
    shown: str

    @property
    def rel(self) -> str:
        return self.file.relative_to(self.root).as_posix()


def discover(paths: list[str]) -> list[NoteFile]:
    """Note files under each path, sorted, each with its notes root (the folder given, or the
    file's own folder)."""
    found: list[NoteFile] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            for file in _note_files(root):
                found.append(NoteFile(file, root, _shown(file)))
        elif path.is_file():
            file = path.resolve()
            found.append(NoteFile(file, file.parent, _shown(file)))
        else:
            raise NotedeckError(Loc(raw, 0), "no such file or folder", "check the path")
    return found


def _note_files(root: Path) -> list[Path]:
    """Note files under `root` in path order, never looking inside hidden folders (a vault's
    `.git` or `.notedeck-cache` can hold far more files than the notes)."""
    files: list[Path] = []
    for folder, dirs, names in os.walk(root, followlinks=True):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            file = Path(folder, name)
            if not name.startswith(".") and file.suffix.lower() in NOTE_SUFFIXES and file.is_file():
                files.append(file)
    return sorted(files, key=lambda f: f.parts)


def _shown(file: Path) -> str:
    try:
        return file.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return file.as_posix()


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in re.split(r"[,\s]+", value) if v.strip())
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return (str(value),)


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
        tags=_strings(meta.get("tags")),
        aliases=tuple(str(a) for a in aliases) if isinstance(aliases, list) else (),
        meta=meta,
    )


def _humanise(stem: str) -> str:
    return re.sub(r"[-_]+", " ", stem).strip() or stem


__all__ = ["NoteFile", "discover", "note_info", "plain_text"]
