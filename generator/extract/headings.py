"""Strategy: a heading whose own body (the blocks right under it) defines it.

A heading that only groups sub-headings, or whose body is only images, rules or comments,
is not a card.
"""

from __future__ import annotations

from ..parse import ParsedNote, Section
from .candidate import Candidate
from .filters import is_decoration, is_link_only
from .lists import alias_lines
from .terms import split_aliases


def heading_candidate(
    section: Section, path: tuple[str, ...], parsed: ParsedNote
) -> Candidate | None:
    content = [b for b in section.body if b.map and not is_decoration(b, parsed.lines)]
    if not content or all(is_link_only(b) for b in content):
        return None
    mapped = [b for b in section.body if b.map]
    start = mapped[0].map[0] if mapped[0].map else section.line
    end = mapped[-1].map[1] if mapped[-1].map else section.line
    term, aliases = split_aliases(section.title)
    drop, extra = alias_lines(content)
    return Candidate(
        term=term,
        aliases=(*aliases, *extra),
        section=path,
        line=section.line,
        spans=[(start, end)],
        strategy="heading",
        drop=drop,
    )
