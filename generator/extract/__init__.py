"""Stage 3: section tree → cards.

Strategies propose candidates; this module walks the sections, skips what is never a card
(the title, sources sections), cuts each definition out of the note's own lines — leaving out
the bodies of child cards, so a parent names its children and each child has its own card —
and merges duplicates.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from ..attribute import attribute, is_caption, is_sources_heading, links_in_nodes, links_in_text
from ..model import Card, Diagnostic, ExtractedNote, ImageRef, Loc, NoteInfo, SourceLink
from ..parse import MAX_NESTING, ParsedNote, Section, images_in_line
from .candidate import Candidate, dedent_block
from .headings import heading_candidate
from .lists import item_candidates
from .terms import term_key

__all__ = ["extract", "title_section"]


def title_section(parsed: ParsedNote) -> Section | None:
    """The document title: a level-1 heading that opens the note and is its only one."""
    root = parsed.root
    top = [s for s in root.children if s.level == 1]
    if len(top) == 1 and root.children and root.children[0] is top[0]:
        return top[0]
    return None


def extract(parsed: ParsedNote, info: NoteInfo) -> ExtractedNote:
    candidates: list[Candidate] = []
    sources: list[SourceLink] = []
    title = title_section(parsed)
    start = title if title is not None else parsed.root
    candidates.extend(item_candidates(start.body, ()))
    if title is not None:
        candidates.extend(item_candidates(parsed.root.body, ()))
    for child in start.children:
        _walk(child, (child.title,), parsed, candidates, sources)
    cards = _assemble(candidates, parsed, info)
    return ExtractedNote(info, cards, tuple(sources), _nesting_warning(parsed, info))


def _nesting_warning(parsed: ParsedNote, info: NoteInfo) -> tuple[Diagnostic, ...]:
    if not parsed.nesting_cut:
        return ()
    message = f"nested more than {MAX_NESTING} levels deep: deeper lines are not read"
    if parsed.unread_from:
        message += f", nor anything from line {parsed.unread_from} on"
    return (Diagnostic(Loc(info.path, parsed.nesting_cut), "warning", message, "flatten it"),)


def _walk(
    section: Section,
    path: tuple[str, ...],
    parsed: ParsedNote,
    out: list[Candidate],
    sources: list[SourceLink],
) -> None:
    if is_sources_heading(section.title):
        sources.extend(links_in_nodes(section.body))
        for child in section.children:
            sources.extend(links_in_nodes(child.body))
        return
    heading = heading_candidate(section, path, parsed)
    if heading is not None:
        out.append(heading)
    out.extend(item_candidates(section.body, path))
    for child in section.children:
        _walk(child, (*path, child.title), parsed, out, sources)


def _assemble(candidates: list[Candidate], parsed: ParsedNote, info: NoteInfo) -> tuple[Card, ...]:
    cards: list[Card] = []
    seen: dict[tuple[tuple[str, ...], str], int] = {}
    owned = _OwnedIndex(candidates)
    for cand in sorted(candidates, key=lambda c: c.line):
        card = _card(cand, owned, parsed, info)
        if card is None:
            continue
        key = (tuple(term_key(s) for s in card.section), term_key(card.term))
        if key in seen:
            continue  # one term defined twice in one section is one card: the first wins
        seen[key] = len(cards)
        cards.append(card)
    return tuple(cards)


class _OwnedIndex:
    """Candidates' owned spans sorted by start, so finding those inside a span is a bisect
    rather than a scan of every candidate (notes with thousands of cards stay linear)."""

    def __init__(self, candidates: list[Candidate]) -> None:
        spans = sorted((c.owned, id(c)) for c in candidates if c.owned)
        self.starts = [span[0] for span, _ in spans]
        self.spans = spans

    def inside(self, cand: Candidate) -> Iterator[tuple[int, int]]:
        for start, end in cand.spans:
            i = bisect.bisect_left(self.starts, start)
            while i < len(self.spans) and self.starts[i] < end:
                span, owner = self.spans[i]
                if owner != id(cand) and span[1] <= end:
                    yield span
                i += 1


def _card(cand: Candidate, owned: _OwnedIndex, parsed: ParsedNote, info: NoteInfo) -> Card | None:
    excluded = set(cand.drop)
    for span in owned.inside(cand):
        excluded.update(range(*span))
    kept: list[str] = []
    credits: list[SourceLink] = []
    images: list[ImageRef] = []
    previous = ""
    for start, end in cand.spans:
        for index in range(start, min(end, len(parsed.lines))):
            if index in excluded:
                continue
            line = parsed.lines[index]
            if is_caption(line, previous):
                credits.extend(links_in_text(line))
                continue
            images.extend(
                ImageRef(src, alt, Loc(info.path, index + 1)) for src, alt in images_in_line(line)
            )
            kept.append(line)
            if line.strip():
                previous = line
    definition = cand.text if cand.text is not None else dedent_block(kept)
    if not definition.strip() or not cand.term.strip():
        return None
    card = Card(
        term=cand.term,
        definition_md=definition,
        section=cand.section,
        loc=Loc(info.path, cand.line),
        aliases=_dedupe(cand.aliases, cand.term),
        images=tuple(images),
        tags=info.tags,
        kind=cand.kind,
        strategy=cand.strategy,
    )
    return attribute(card, credits)


def _dedupe(aliases: tuple[str, ...], term: str) -> tuple[str, ...]:
    seen = {term_key(term)}
    out: list[str] = []
    for alias in aliases:
        if term_key(alias) not in seen:
            seen.add(term_key(alias))
            out.append(alias)
    return tuple(out)
