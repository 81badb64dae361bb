"""Fields a note repeats under each of its terms: a template, not a glossary.

Under `### B-tree`, `### Clustered index` and `### Bitmap index`, each with `- **Concept**` and
`- **Structure**`; under each OSI layer, `- **Example Protocols**: …` and `- **Action**: …`:
the same names come back under term after term at one level of the note, because they are the
headings of one form the author fills in for each. Such a name is a field of the term it sits
under, kept in that term's answer, never a card of its own; a form found at one level is the
same form where a term at another level fills it in.

The same term in two sections is still two cards (`## Java › - Thread: …`, `## Python ›
- Thread: …`, `## Go › - Thread: …`; `## 단측 검정` and `## 양측 검정`, each with `- 기각역: …` and
`- 검정력: …`): names are fields when two or more of them come back and one of them under three
terms or more (a form filled in again and again), when one name comes back under four terms or
more, or when a name that comes back is a label word (`Concepts`, `Usage`). A name with other
names is compared whole: `3계층 (네트워크)` in the OSI model and `3계층 (전송)` in TCP/IP are two
terms.
"""

from __future__ import annotations

from collections import defaultdict

from .candidate import Candidate, Context
from .labels import is_label
from .terms import term_key, term_stem

_TERM_CARDS = frozenset({"heading", "question"})
_LINE_CARDS = frozenset({"list-term", "colon", "bold-heading"})


def template_fields(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """The candidates, without the names that are fields repeated under the note's terms."""
    return _item_fields(_heading_fields(candidates, ctx), ctx)


def _heading_fields(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Fields of a form filled in under heading terms (`### B-tree` › `- **Concept**`)."""
    terms = {c.section for c in candidates if c.strategy in _TERM_CARDS and c.section}
    # each name written under a term, by (the level of the terms, the name)
    keys = {id(c): _key(c) for c in candidates if c.strategy in _LINE_CARDS and c.section in terms}
    where: dict[tuple[int, str], set[tuple[str, ...]]] = defaultdict(set)
    for c in candidates:
        if id(c) in keys:
            where[keys[id(c)]].add(c.section)
    return _without_fields(candidates, keys, where, ctx)


def _item_fields(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Fields of a form filled in under list terms: `- durch : through` › `- Ort: …`,
    `- Grund: …`; `- bis : until` › `- Zeit: …`, `- Ort: …`: the same names under item after
    item are the uses the author notes for each, not terms."""
    keys: dict[int, tuple[int, str]] = {}
    where: dict[tuple[int, str], set[tuple[str, ...]]] = defaultdict(set)
    # One sweep in line order, with the list terms whose own lines are still open: their
    # lines nest as their items do, so the innermost open one holds the card.
    open_terms: list[Candidate] = []
    for card in sorted((c for c in candidates if c.strategy in _LINE_CARDS), key=_at):
        while open_terms and _span(open_terms[-1])[1] <= card.line - 1:
            open_terms.pop()
        owner = open_terms[-1] if open_terms else None
        if owner is not None and owner.section == card.section and owner.line != card.line:
            keys[id(card)] = _key(card)
            where[keys[id(card)]].add((*owner.section, str(owner.line)))
        if card.owned is not None:
            open_terms.append(card)
    return _without_fields(candidates, keys, where, ctx)


def _at(card: Candidate) -> tuple[int, int]:
    """Line order; of two cards on one line, the one holding more lines first."""
    return card.line, -_span(card)[1]


def _span(card: Candidate) -> tuple[int, int]:
    return card.owned if card.owned is not None else (card.line - 1, card.line)


def _without_fields(
    candidates: list[Candidate],
    keys: dict[int, tuple[int, str]],
    where: dict[tuple[int, str], set[tuple[str, ...]]],
    ctx: Context,
) -> list[Candidate]:
    """The candidates without the names `where` shows to be fields of a form (see above)."""
    repeated = {key: sections for key, sections in where.items() if len(sections) >= 2}
    fields = {keys[id(c)] for c in candidates if keys.get(id(c)) in repeated and is_label(c.term)}
    for form in _forms(repeated):  # terms that share names, and the names they share
        most = max(len(repeated[key]) for key in form)
        if (len(form) >= 2 and most >= 3) or most >= 4:
            fields |= form
    if not fields:
        return candidates
    # The form filled in at one level is the same form at another: `### 1. Atrial Systole`
    # with `- **Event:**` beside `#### a. Isovolumetric Contraction` with `- **Event:**` …
    names = {name for _, name in fields}
    fields |= {key for key in keys.values() if key[1] in names}
    kept: list[Candidate] = []
    for c in candidates:
        key = keys.get(id(c))
        if key in fields:
            count = len(where[key])
            ctx.reject(c.line, c.term, f"a field the note fills in under {count} of its terms")
        else:
            kept.append(c)
    return kept


def _forms(
    repeated: dict[tuple[int, str], set[tuple[str, ...]]],
) -> list[set[tuple[int, str]]]:
    """The names that come back, grouped by the terms they are written under: two names are in
    one form when some term holds both, directly or through other names of it."""
    parent: dict[tuple[int, str], tuple[int, str]] = {key: key for key in repeated}

    def root(key: tuple[int, str]) -> tuple[int, str]:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    holder: dict[tuple[str, ...], tuple[int, str]] = {}
    for key, sections in repeated.items():
        for section in sections:
            if section in holder:
                parent[root(key)] = root(holder[section])
            else:
                holder[section] = key
    groups: dict[tuple[int, str], set[tuple[int, str]]] = defaultdict(set)
    for key in repeated:
        groups[root(key)].add(key)
    return list(groups.values())


def _key(candidate: Candidate) -> tuple[int, str]:
    return len(candidate.section), _name(candidate)


def _name(candidate: Candidate) -> str:
    """`Concepts` and `Concept` are one name; `3계층 (네트워크)` and `3계층 (전송)` are two."""
    others = sorted(term_key(alias) for alias in candidate.aliases)
    return "\x1f".join((term_stem(candidate.term), *others))
