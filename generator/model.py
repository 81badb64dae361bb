"""The data that flows through the pipeline: frozen, slotted dataclasses, nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Level = Literal["warning", "error"]


@dataclass(frozen=True, slots=True)
class Loc:
    """A place in a note: the path as the user knows it and a 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line > 0 else self.path  # 0: the whole file


class NotedeckError(Exception):
    """A problem in the user's input; the CLI prints it as `path:line: error: message`."""

    def __init__(self, loc: Loc | None, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.loc = loc
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        where = f"{self.loc}: " if self.loc else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}error: {self.message}{hint}"


class NoteFault(NotedeckError):
    """A fault of notedeck's own on one note (a bug, not bad input): reported as that note's
    error so the other notes still build, and told apart by tests and the fuzzer."""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A warning or error tied to a place in a note."""

    loc: Loc | None
    level: Level
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.loc}: " if self.loc else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.level}: {self.message}{hint}"


@dataclass(frozen=True, slots=True)
class SourceLink:
    """An attribution: a title and, when there is one, a URL."""

    title: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class ImageRef:
    """An image as written in the note (`src` untouched) and where it was written."""

    src: str
    alt: str
    loc: Loc
    wiki: bool = False  # Obsidian `![[…]]`: a missing name without an extension embeds a note


@dataclass(frozen=True, slots=True)
class Card:
    """One card as extracted from a note, before rendering.

    `section` is the heading path from the note's top section down (without the title);
    `definition_md` is Markdown taken from the note itself.
    """

    term: str
    definition_md: str
    section: tuple[str, ...]
    loc: Loc
    aliases: tuple[str, ...] = ()
    images: tuple[ImageRef, ...] = ()
    sources: tuple[SourceLink, ...] = ()
    tags: tuple[str, ...] = ()
    kind: Literal["basic", "cloze"] = "basic"
    strategy: str = ""
    cased: bool = False  # letter case is part of the term (`\S` is not `\s`): see identity.py


@dataclass(frozen=True, slots=True)
class NoteInfo:
    """What identifies a note: where it is, its key (front-matter `id` or its path), title."""

    path: str  # as shown to the user
    rel: str  # path inside the notes root, POSIX separators
    key: str
    title: str
    deck: str
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A line or heading that looked like a card but is not one, and why (`list --explain`)."""

    loc: Loc
    text: str
    reason: str
    # turned down by design (`## Usage`, a code listing, a table of contents), not for want of a
    # definition: `check` asks for none under it
    designed: bool = False

    def __str__(self) -> str:
        return f'{self.loc}: rejected "{self.text}": {self.reason}'


@dataclass(frozen=True, slots=True)
class ExtractedNote:
    """A note's cards plus its note-level sources (the Sources/출처 list) and diagnostics."""

    info: NoteInfo
    cards: tuple[Card, ...]
    sources: tuple[SourceLink, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    rejected: tuple[Rejection, ...] = ()


@dataclass(frozen=True, slots=True)
class MediaFile:
    """A file to bundle: the name fields refer to, and the bytes' location on disk."""

    name: str
    path: str


@dataclass(frozen=True, slots=True)
class RenderedCard:
    """A card with its HTML fields, identity and document order, ready to package."""

    card: Card
    guid: str
    deck: str
    fields: dict[str, str]
    model: Literal["basic", "cloze"]
    order: int
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Deck:
    """A top-level deck to write as one .apkg (sub-decks live in the cards' `deck` names)."""

    name: str
    cards: tuple[RenderedCard, ...]
    media: tuple[MediaFile, ...]
    description: str = ""


@dataclass(frozen=True, slots=True)
class BuildReport:
    decks: tuple[Deck, ...]
    outputs: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]
    stats: dict[str, int] = field(default_factory=dict)
    rematched: tuple[str, ...] = ()  # renamed/moved cards that kept their GUID, as text
    removed: tuple[str, ...] = ()  # cards that left the notes in this build, as text
    locks: tuple[str, ...] = ()  # lock files written
    deck_cards: tuple[int, ...] = ()  # cards per deck, when `decks` came from a record without them
    unwritten: tuple[str, ...] = ()  # decks not written (a broken note, a clashing file name)
