"""Fields a note repeats under each of its terms: a template, not a glossary.

Under `### Clustered index`, `### Composite index` and `### Bitmap index`, each with
`- **Concept**` and `- **Strategies**`; under each OSI layer, `- **Example Protocols**: …` and
`- **Action**: …`: the same names come back under every sibling term, because they are the
headings of one form the author fills in for each. Such a name is a field of the term it sits
under, kept in that term's answer, never a card of its own.

The same term in two sections is still two cards (`## Java › - Thread: …`, `## Python ›
- Thread: …`, `## Go › - Thread: …`; `## 단측 검정` and `## 양측 검정`, each with `- 기각역: …` and
`- 검정력: …`): names are fields when two or more of them come back and one of them under three
sibling terms or more (a form filled in again and again), or when a name that comes back is a
label word (`Concepts`, `Usage`). A name with other names
is compared whole: `3계층 (네트워크)` in the OSI model and `3계층 (전송)` in TCP/IP are two terms.
"""

from __future__ import annotations

from collections import defaultdict

from .candidate import Candidate, Context
from .labels import is_label
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
    labels: set[tuple[tuple[str, ...], str]] = set()
    for c in candidates:
        if c.strategy in _LINE_CARDS and len(where.get((c.section[:-1], _name(c)), ())) >= 2:
            repeated[c.section[:-1]].add(_name(c))
            if is_label(c.term):  # `Concepts`, `Usage`: a field even in two places
                labels.add((c.section[:-1], _name(c)))
    fields = labels | {
        (parent, name)
        for parent, names in repeated.items()
        if len(names) >= 2 and max(len(where[(parent, n)]) for n in names) >= 3
        for name in names
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
