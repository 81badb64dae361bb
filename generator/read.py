"""Stage 1: bytes → text and front matter.

Notes come from many editors: UTF-8 with or without BOM, UTF-16 with BOM, and Korean notes
saved by older Windows tools as CP949/EUC-KR. Anything else is a clear error, never a guess.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .model import Diagnostic, Loc, NotedeckError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class SourceText:
    """A note's text (newlines normalised to `\\n`) and its parsed front matter."""

    path: str
    text: str
    front_matter: dict[str, Any] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()


def decode(data: bytes, path: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """Decode note bytes; CP949 is accepted with a warning, other undecodable bytes are an error."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), ()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path), ()
    if b"\x00" in data:
        raise NotedeckError(Loc(path, 1), "this looks like a binary file, not a Markdown note")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise NotedeckError(
            Loc(path, line),
            f"not valid UTF-8 (byte 0x{data[utf8_error.start]:02x})",
            "save the note as UTF-8",
        ) from None
    warning = Diagnostic(
        Loc(path, 1), "warning", "decoded as CP949/EUC-KR", "save the note as UTF-8"
    )
    return text, (warning,)


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise NotedeckError(Loc(path, line), f"not valid {encoding.upper()}") from None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_front_matter(text: str, path: str) -> dict[str, Any]:
    """The YAML between leading `---` lines, as a dict (empty when there is none)."""
    match = _FRONT_MATTER.match(text)
    if not match or not match.group(1):
        return {}
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise NotedeckError(Loc(path, line), f"broken front matter: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise NotedeckError(Loc(path, 2), "front matter must be a mapping of `key: value` lines")
    return {str(k): v for k, v in data.items()}


def read_text(data: bytes, path: str) -> SourceText:
    text, diagnostics = decode(data, path)
    text = normalise_newlines(text)
    return SourceText(path, text, parse_front_matter(text, path), diagnostics)


def read_note(file: Path, shown: str) -> SourceText:
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise NotedeckError(Loc(shown, 1), f"cannot read: {exc.strerror or exc}") from None
    return read_text(data, shown)
