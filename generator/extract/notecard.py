"""Strategy: a whole note that defines one term — an Obsidian-style note with `aliases:` in its
front matter, or a `Definition:` line — becomes a card named after the note."""

from __future__ import annotations

import re

from ..parse import Section
from .candidate import Candidate, Context
from .headings import content_blocks

_DEFINITION_LINE = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*)?(?:definition|정의|뜻)(?:\*\*)?\s*[:：]", re.I)


def note_candidate(top: Section, ctx: Context) -> Candidate | None:
    """The note's title as a term, its opening blocks (before any heading) as the definition."""
    content = content_blocks(top, ctx)
    if not content or not ctx.info.title:
        return None
    mapped = [b.map for b in top.body if b.map]
    start, end = mapped[0][0], mapped[-1][1]
    has_definition = any(_DEFINITION_LINE.match(x) for x in ctx.parsed.lines[start:end])
    if not ctx.info.aliases and not has_definition:
        return None
    return Candidate(
        term=ctx.info.title,
        aliases=ctx.info.aliases,
        section=(),
        line=top.line or start + 1,
        spans=[(start, end)],
        strategy="note",
        grouping=True,
    )
