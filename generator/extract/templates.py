"""Fields a note repeats under each of its terms: a template, not a glossary.

Under `### Clustered index`, `### Composite index` and `### Bitmap index`, each with
`- **Concept**` and `- **Strategies**`; under each OSI layer, `- **Example Protocols**: …` and
`- **Action**: …`: the same names come back under every sibling term, because they are the
headings of one form the author fills in for each. Such a name is a field of the term it sits
under, kept in that term's answer, never a card of its own.

The same term in two sections is still two cards (`## Java › - Thread: …` and `## Python ›
- Thread: …`): a name counts as a field only when it comes back under three sibling terms, or
when two names each come back under two (a form with two fields). A name with other names
is compared whole: `3계층 (네트워크)` in the OSI model and `3계층 (전송)` in TCP/IP are two terms.
"""

from __future__ import annotations

from collections import defaultdict

from .candidate import Candidate, Context
from .terms import term_key, term_stem

_TERM_CARDS = frozenset({"heading", "question"})
_LINE_CARDS = frozenset({"list-term", "colon", "bold-heading"})


def template_fields(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """The candidates, without the names that are fields repeated under sibling terms."""
    terms = {c.section for c in candidates if c.strategy in _TERM_CARDS and c.section}
    # (the sibling terms' parent path, a name) → the sibling terms it is written under
    where: dict[tuple[tuple[str, ...], str], set[tuple[str, ...]]] = defaultdict(set)
    for c in candidates:
        if c.strategy in _LINE_CARDS and c.section in terms:
            where[(c.section[:-1], _name(c))].add(c.section)
    repeated: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for (parent, name), sections in where.items():
        if len(sections) >= 2:
            repeated[parent].add(name)
    fields = {
        (parent, name)
        for parent, names in repeated.items()
        for name in names
        if len(names) >= 2 or len(where[(parent, name)]) >= 3
    }
    if not fields:
        return candidates
    kept: list[Candidate] = []
    for c in candidates:
        if c.strategy in _LINE_CARDS and (c.section[:-1], _name(c)) in fields:
            count = len(where[(c.section[:-1], _name(c))])
            ctx.reject(c.line, c.term, f"a field the note fills in under {count} sibling terms")
        else:
            kept.append(c)
    return kept


def _name(candidate: Candidate) -> str:
    """`Concepts` and `Concept` are one name; `3계층 (네트워크)` and `3계층 (전송)` are two."""
    others = sorted(term_key(alias) for alias in candidate.aliases)
    return "\x1f".join((term_stem(candidate.term), *others))
