"""Strategy: explicit flashcard markup from other tools — `Q:`/`A:` pairs and `term :: definition`
(`<details>` Q&A is in details.py).

Scans the note's own lines (code excluded), because people write these pairs as paragraphs,
list items or bare lines alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .candidate import Candidate, Context, Span, strip_prefix
from .colon import plain_term, term_problem
from .filters import is_placeholder
from .terms import words

# `Q: …`, `Q1. …`, `**Q:** …`, `**1. Q: …?**` (numbered before the Q, inside the bold)
_Q = re.compile(
    r"^(?:\*\*)?(?:\d{1,3}[.)]\s*+)?(?:Q|Question|질문|문제)\s*+(?:\d+\s*+)?[.:：)](?:\*\*)?"
    r"\s*(?P<text>\S.*)$",
    re.I,
)
_A = re.compile(
    r"^(?:\*\*)?(?:\d{1,3}[.)]\s*+)?(?:A|Answer|답|답변|정답)\s*+(?:\d+\s*+)?[.:：)](?:\*\*)?"
    r"\s*(?P<text>.*)$",
    re.I,
)
# The term ends in a non-space and the separator's spaces are taken once: a long run of spaces
# with no `::` after it is rejected in linear time.
_DOUBLE = re.compile(r"^(?P<term>[^:`{}|]*?[^:`{}|\s])(?P<sep>\s*+:{2,3}\s*)(?P<def>\S.*)$")
# Dataview inline fields look the same (`status:: done`); these keys are metadata, not terms.
_DATAVIEW_KEYS = words(
    """
    status tags tag created updated date author source type rating category priority due
    project area topic course aliases alias
    """
)


def markup_candidates(
    span: Span, skip: set[int], section: tuple[str, ...], ctx: Context
) -> Iterator[Candidate]:
    """Q/A pairs and `::` lines between span's lines, leaving out the lines in `skip`."""
    lines = ctx.parsed.lines
    index, end = span
    while index < end:
        if index in skip or not lines[index].strip():
            index += 1
            continue
        text = strip_prefix(lines[index])
        question = _Q.match(text)
        if question:
            cand, index = _qa(index, end, skip, section, ctx, question.group("text"))
            if cand is not None:
                yield cand
            continue
        double = _DOUBLE.match(text)
        if double:
            cand = _double(index, double, section, ctx)
            if cand is not None:
                yield cand
        index += 1


def _qa(
    start: int, end: int, skip: set[int], section: tuple[str, ...], ctx: Context, question: str
) -> tuple[Candidate | None, int]:
    """A question line, then an `A:` line and whatever continues it up to the next Q or gap."""
    lines = ctx.parsed.lines
    index = start + 1
    while index < end and not lines[index].strip():
        index += 1
    answer = _A.match(strip_prefix(lines[index])) if index < end and index not in skip else None
    if answer is None:
        ctx.reject(start + 1, question, "a question with no `A:` line after it")
        return None, start + 1
    parts = [answer.group("text")] if answer.group("text").strip() else []
    index += 1
    while index < end and index not in skip and lines[index].strip():
        text = strip_prefix(lines[index])
        if _Q.match(text):
            break
        parts.append(lines[index].strip() if not parts else lines[index].rstrip())
        index += 1
    definition = "\n".join(parts).strip()
    if not definition or is_placeholder(definition):
        return None, index  # `A. (공부 중)`: no answer yet
    cand = Candidate(
        term=" ".join(question.replace("**", "").replace("`", "").split()),
        section=section,
        line=start + 1,
        spans=[],
        strategy="qa",
        owned=(start, index),
        text=_dedent_tail(definition),
    )
    return cand, index


# `Thread::Mutex`: letters or digits on both sides of a bare `::` make one name, as C++, Ruby
# and Rust write scopes. (`캐시 히트::찾는 …` has no such name: the pair is a card.)
_SCOPE = re.compile(r"[A-Za-z0-9_][A-Za-z_]", re.ASCII)


def _unclosed(text: str, opening: str, closing: str) -> bool:
    return text.count(opening) > text.count(closing)


def _dedent_tail(text: str) -> str:
    head, *rest = text.split("\n")
    if not rest:
        return head
    indent = min((len(r) - len(r.lstrip()) for r in rest if r.strip()), default=0)
    return "\n".join([head, *(r[indent:] for r in rest)])


def _double(
    index: int, match: re.Match[str], section: tuple[str, ...], ctx: Context
) -> Candidate | None:
    written = match.group("term")
    if _unclosed(written, "[", "]") or _unclosed(written, "(", ")"):
        return None  # `[class Thread::Mutex](…)`, `f(std::string)`: inside a link or a call
    term = plain_term(written)
    if term.casefold() in _DATAVIEW_KEYS:
        ctx.reject(index + 1, term, "an inline metadata field, not a term")
        return None
    sep = match.group("sep")
    spaced = sep.startswith(" ") and sep.endswith(" ")
    if sep == "::" and _SCOPE.match(written[-1] + match.group("def")[0]):
        return None  # `class Thread::Mutex`, `std::vector`: a scope inside a name, not a card
    if not spaced and not re.search(r"\s|[가-힣]", term):
        return None  # `std::vector`, `Foo::bar`: code, not a card
    problem = term_problem(term, max_words=10)
    if problem is not None and not problem.startswith(("a sentence", "a question")):
        ctx.reject(index + 1, term, problem)
        return None
    return Candidate(
        term=term,
        section=section,
        line=index + 1,
        spans=[],
        strategy="double-colon",
        owned=(index, index + 1),
        text=match.group("def").strip(),
    )
