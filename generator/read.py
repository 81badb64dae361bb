"""Stage 1: bytes → text and front matter.

Notes come from many editors: UTF-8 with or without BOM, UTF-16/UTF-32 with BOM, CRLF or CR
line endings, and Korean notes saved by older Windows tools as CP949/EUC-KR (decoded with a
warning). Anything else is a clear error naming the file and line, never a guess; a binary
file that merely has a `.md` name is skipped with a warning.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .fsutil import describe_os_error
from .model import Diagnostic, Loc, NotedeckError

# The markdown-it front-matter plugin accepts `---` or longer fences and `...` as the end.
_FRONT_MATTER = re.compile(r"\A---+[ \t]*\n(.*?\n)?(?:---+|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_UNCLOSED = re.compile(r"\A---+[ \t]*\n[ \t]*[A-Za-z_][\w-]*[ \t]*:(?:[ \t]|\n)")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newlines and form feed: text editors do not write them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
MAX_NOTE_BYTES = 16 * 1024 * 1024  # a dense 13 MB note already needs ~3 GB of tokens
# Front matter is a handful of keys; YAML aliases can make a tiny file expand enormously.
MAX_FRONT_MATTER_NODES = 10_000
MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_FRONT_MATTER_DEPTH = 50


@dataclass(frozen=True, slots=True)
class SourceText:
    """A note's text (newlines normalised to `\\n`) and its parsed front matter.

    `skipped` notes (binary files with a note's name) have empty text and say why in
    `diagnostics`, so they contribute no cards but never stop a build.
    """

    path: str
    text: str
    front_matter: dict[str, Any] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()
    skipped: bool = False


class _Binary(ValueError):
    """Raised inside this module when the bytes are not text at all."""


def decode(data: bytes, path: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """Decode note bytes; CP949 is accepted with a warning, other undecodable bytes are an
    error at the line of the first bad byte. Raises `_Binary` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, path).lstrip("\ufeff"), ()
    if b"\x00" in data:
        raise _Binary
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text = _korean(data)
    if text is None:
        bad = data[utf8_error.start]
        raise NotedeckError(
            Loc(path, _line_at(data[: utf8_error.start].decode("utf-8", "replace"))),
            f"cannot decode: byte 0x{bad:02x} is neither UTF-8 nor CP949/EUC-KR",
            "save the note as UTF-8",
        )
    warning = Diagnostic(
        Loc(path, 1), "warning", "not UTF-8; decoded as Korean CP949/EUC-KR", "save it as UTF-8"
    )
    return text, (warning,)


def _korean(data: bytes) -> str | None:
    """The text if `data` is plausibly Korean CP949/EUC-KR: it decodes, and most of its
    non-ASCII characters are Hangul (random bytes decode as scattered Hanja and symbols)."""
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        return None
    wide = [c for c in text if ord(c) > 0x7F]
    hangul = sum(1 for c in wide if "\uac00" <= c <= "\ud7a3" or "\u3131" <= c <= "\u318e")
    return text if hangul * 2 >= len(wide) else None


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = _line_at(data[: exc.start].decode(encoding, "replace"))
        name = encoding.removesuffix("-sig").upper()
        raise NotedeckError(
            Loc(path, line), f"cannot decode: invalid {name} data", "save the note as UTF-8"
        ) from None


def _line_at(prefix: str) -> int:
    """1-based line number at the end of `prefix`, counting CRLF, LF and CR endings."""
    return prefix.count("\n") + prefix.count("\r") - prefix.count("\r\n") + 1


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_front_matter(text: str, path: str) -> dict[str, Any]:
    """The YAML between leading `---` lines, as a dict (empty when there is none)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if _UNCLOSED.match(text):
            raise NotedeckError(
                Loc(path, 1), "front matter is never closed", "end it with a line of ---"
            )
        return {}
    if not match.group(1):
        return {}
    data = _load_yaml(match.group(1), path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise NotedeckError(Loc(path, 2), "front matter must be a mapping of `key: value` lines")
    _check_size(data, path)
    return {str(k): v for k, v in data.items()}


def _load_yaml(source: str, path: str) -> Any:
    # PyYAML's time grows with the square of the nesting depth: refuse absurd input first.
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise NotedeckError(Loc(path, 2), "front matter is too large", "keep it under 64 KB")
    if _flow_depth(source) > MAX_FRONT_MATTER_DEPTH:
        raise NotedeckError(Loc(path, 2), "broken front matter: nested too deeply")
    import yaml  # PyYAML is loaded only when a note has front matter

    try:
        return yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for 1-based, +1 for the `---`
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise NotedeckError(
            Loc(path, line), f"broken front matter: {problem}", "check the YAML between the ---"
        ) from None
    except RecursionError:
        raise NotedeckError(Loc(path, 2), "broken front matter: nested too deeply") from None
    except (ValueError, OverflowError) as exc:  # e.g. `date: 2024-13-45`
        raise NotedeckError(Loc(path, 2), f"broken front matter: {exc}") from None


def _flow_depth(source: str) -> int:
    depth = deepest = 0
    for char in source:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return deepest


def _check_size(data: Any, path: str) -> None:
    """Refuse front matter whose aliases expand beyond any real use (a "billion laughs")."""
    stack, seen = [data], 0
    while stack:
        value = stack.pop()
        seen += 1
        if seen > MAX_FRONT_MATTER_NODES:
            raise NotedeckError(Loc(path, 2), "front matter is too large (YAML aliases?)")
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def read_text(data: bytes, path: str) -> SourceText:
    try:
        text, diagnostics = decode(data, path)
        if _CONTROL.search(text, 0, 8192) and _looks_binary(text):
            raise _Binary
    except _Binary:
        warning = Diagnostic(
            Loc(path, 1),
            "warning",
            "skipped: binary data, not a Markdown note",
            "save the note as UTF-8 text",
        )
        return SourceText(path, "", {}, (warning,), skipped=True)
    text = normalise_newlines(text)
    return SourceText(path, text, parse_front_matter(text, path), diagnostics)


def _looks_binary(text: str) -> bool:
    head = text[:8192]
    return "\x00" in head or len(_CONTROL.findall(head)) * 20 > len(head)


def read_bytes(file: Path, shown: str) -> bytes:
    """A note's bytes; a note over the size limit is refused without reading it all."""
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_NOTE_BYTES + 1)
    except OSError as exc:
        raise NotedeckError(Loc(shown, 1), f"cannot read: {describe_os_error(exc)}") from None
    if len(data) > MAX_NOTE_BYTES:
        raise NotedeckError(
            Loc(shown, 1),
            f"note is larger than {MAX_NOTE_BYTES // (1024 * 1024)} MB",
            "split it into several notes",
        )
    return data


def read_note(file: Path, shown: str) -> SourceText:
    return read_text(read_bytes(file, shown), shown)
