"""Deck names and tags for a note's cards.

One deck per note, named from its title and nested under decks named after its folders
(`os/threads.md` titled "Threads" → `OS::Threads`). Front matter `deck:` and `tags:` override
the defaults; every card is also tagged with its section path. Anki splits tags on white space
and reads `::` as a level, so both are made safe here, keeping every other character (Korean
and other scripts stay as written).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from .model import Card, NoteInfo
from .options import BuildOptions

_WORD_SPLIT = re.compile(r"[-_\s]+")
_SPACE = re.compile(r"[\s\u3000]+")
_TAG_UNSAFE = re.compile(r'["\x00-\x1f\x7f]')


def folder_title(name: str) -> str:
    """A folder name as a deck name: `os` → `OS`, `data-structures` → `Data Structures`.

    Words of one or two Latin letters are read as abbreviations; other words get a capital
    first letter; words in scripts without case are kept."""
    words = [w for w in _WORD_SPLIT.split(unicodedata.normalize("NFC", name)) if w]
    out = []
    for word in words:
        if word.isascii() and word.isalpha() and len(word) <= 2:
            out.append(word.upper())
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out) or name


def _deck_part(text: str) -> str:
    """One level of a deck name: no `::` inside it, spaces folded."""
    return " ".join(unicodedata.normalize("NFC", text).replace("::", ":").split()).strip(":")


def join_deck(parts: Iterable[str]) -> str:
    return "::".join(p for p in (_deck_part(part) for part in parts) if p)


def _folders(info: NoteInfo) -> list[str]:
    return info.rel.split("/")[:-1]


def deck_name(info: NoteInfo, options: BuildOptions) -> str:
    """The deck a note's cards go to: front-matter `deck:`, else the `deck` template
    (`{folder}::{title}` by default; `{folder}` is the note's folders as deck levels,
    `{stem}` its file name), under `one_deck` when that is set."""
    declared = info.meta.get("deck")
    if declared is not None and str(declared).strip():
        parts = str(declared).split("::")
    else:
        folder = "::".join(folder_title(f) for f in _folders(info))
        stem = info.rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        parts = options.deck.format(title=info.title, stem=stem, folder=folder).split("::")
    if options.one_deck.strip():
        parts = [*options.one_deck.split("::"), *parts]
    return join_deck(parts) or "notedeck"


def safe_tag(parts: Iterable[str]) -> str:
    """An Anki tag from its levels: white space → `_`, no quotes or control characters,
    levels joined with `::`; "" when nothing is left."""
    return _safe_tag(tuple(parts))


@lru_cache(maxsize=512)
def _safe_tag(parts: tuple[str, ...]) -> str:
    # Cached: every card of a section asks for the same tag (40,000 cards, a few thousand tags).
    # A tag asked again is asked soon (a section's cards, a note's folder): a small cache
    # serves those; a large one kept thousands of section tags no card asks for again.
    levels = []
    for part in parts:
        text = _SPACE.sub("_", unicodedata.normalize("NFC", part).replace("::", ":").strip())
        text = _TAG_UNSAFE.sub("", text).strip(":")
        if text:
            levels.append(text)
    return "::".join(levels)


def card_tags(info: NoteInfo, card: Card, options: BuildOptions) -> tuple[str, ...]:
    """The note's tags (front matter `tags:`, else its folder path), then the card's own,
    then its section path under the note's title."""
    tags: list[str] = []
    if "tags" not in info.meta and _folders(info):
        tags.append(safe_tag(_folders(info)))
    tags.extend(safe_tag(t.split("::")) for t in card.tags)
    if options.section_tags and card.section:
        tags.append(safe_tag([info.title, *card.section]))
    seen: set[str] = set()
    unique = []
    for tag in tags:
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            unique.append(tag)
    return tuple(unique)


def wants_reverse(info: NoteInfo, options: BuildOptions) -> bool:
    """Reverse (definition → term) cards: front matter `reverse: true` for one note, or the
    build option for every note; front matter `reverse: false` turns them off for a note."""
    value = info.meta.get("reverse")
    if value is None:
        return options.reverse
    return value is True or str(value).strip().lower() in ("true", "yes", "on", "1")
