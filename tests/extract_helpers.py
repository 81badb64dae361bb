"""Run extraction on a Markdown string, as the build does, without touching the disk."""

from __future__ import annotations

import textwrap
from typing import Any

from generator.extract import extract, title_section
from generator.model import Card, ExtractedNote, NoteInfo
from generator.parse import parse
from generator.read import parse_front_matter


def run(markdown: str, path: str = "note.md") -> ExtractedNote:
    text = textwrap.dedent(markdown).lstrip("\n")
    meta: dict[str, Any] = parse_front_matter(text, path)
    parsed = parse(text, str(meta.get("title") or ""))
    title = title_section(parsed)
    aliases = meta.get("aliases")
    info = NoteInfo(
        path=path,
        rel=path,
        key=path,
        title=str(meta.get("title") or (title.title if title else "note")),
        deck="Deck",
        aliases=tuple(str(a) for a in aliases) if isinstance(aliases, list) else (),
        meta=meta,
    )
    return extract(parsed, info)


def cards(markdown: str) -> list[Card]:
    return list(run(markdown).cards)


def terms(markdown: str) -> list[str]:
    return [c.term for c in cards(markdown)]


def by_term(markdown: str) -> dict[str, Card]:
    return {c.term: c for c in cards(markdown)}


def reasons(markdown: str) -> dict[str, str]:
    return {r.text: r.reason for r in run(markdown).rejected}
