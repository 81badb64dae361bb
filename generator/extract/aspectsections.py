"""Sub-headings that describe the term above them: `## 웹 스코프` › `### 특징`, `### 종류`,
`## 프로토 타입 스코프` › `### 정리`, or the one heading written as a list item right under a
heading with nothing else (`### 빈 스코프란?` then `- ### 빈이 존재할 수 있는 범위`).

Features, kinds and a summary say what the term is, so they are the term's answer, not cards of
their own; the kinds listed under `종류` still are cards, which the term's card names. Pros and
cons (`Docker` › `장점`) stay cards: each is a question of its own about the term.
"""

from __future__ import annotations

from ..parse import Section
from .candidate import Candidate, heading_as_label
from .headnames import heading_term, section_name
from .terms import is_question, normalise, what_is, words

# What a term is: its features, its kinds, a summary of it.
_DESCRIBING = words(
    """
    특징 특성 종류 유형 정리 요약 features characteristics properties kinds types summary
    recap
    """
)
_SUMMARY = words("정리 요약 summary recap")


def _label(title: str) -> str:
    return normalise(title).casefold().strip(" .:：*_`")


def describing_aspects(section: Section, has_body: bool) -> list[Section]:
    """The sub-sections that belong to this term's answer: with no body of its own, all of
    them when every one is a feature, kinds or summary heading; with a body, a summary."""
    leaves = [c for c in section.children if not c.children]
    names = [_label(section_name(c.title)) for c in section.children]
    if not has_body:
        if len(section.children) == 1 and _answers(section, section.children[0]):
            return list(section.children)  # `빈 스코프란?` then `- ### 빈이 존재할 수 있는 범위`
        if section.children and len(leaves) == len(names) and all(n in _DESCRIBING for n in names):
            return list(section.children)
        return []
    return [
        c for c, n in zip(section.children, names, strict=True) if n in _SUMMARY and not c.children
    ]


def _in_item(section: Section) -> bool:
    """A heading written as a list item's first line: a reader sees it inside the list, as
    part of the heading above it."""
    node = section.heading
    return node is not None and node.parent is not None and node.parent.type == "list_item"


def _answers(section: Section, child: Section) -> bool:
    """The one list-item heading under a question (`빈 스코프란?`), or a sentence written as a
    list-item heading (`- ### … 반환하지 않을 수 있다.`): the answer, not a term of its own.
    A name (`- ### ObjectProvider 활용`) stays its own card."""
    if not _in_item(child) or child.children:
        return False
    name = section_name(section.title)
    asked = is_question(section.title) or bool(what_is(name))
    return asked or heading_term(child.title, name) is None


def extent(section: Section) -> tuple[int, int]:
    """0-based lines from the heading to the last line of its body and sub-sections."""
    end = section.line
    for block in section.body:
        if block.map:
            end = max(end, block.map[1])
    for child in section.children:
        end = max(end, extent(child)[1])
    return section.line - 1, end


def folded_candidate(
    section: Section,
    path: tuple[str, ...],
    found: tuple[str, tuple[str, ...], str],
    aspects: list[Section],
    lines: list[str],
) -> Candidate:
    """A body-less term's card, its answer cut from its describing sub-sections."""
    term, aliases, strategy = found
    start = extent(aspects[0])[0]
    return Candidate(
        term=term,
        aliases=aliases,
        section=path,
        line=section.line,
        spans=[(start, extent(aspects[-1])[1])],
        strategy=strategy,
        grouping=True,
        parent=True,
        shown=_labels(aspects, lines),
    )


def _labels(aspects: list[Section], lines: list[str]) -> dict[int, str]:
    return {
        a.line - 1: heading_as_label(lines[a.line - 1]) for a in aspects if a.line <= len(lines)
    }


def fold_summary(heading: Candidate, aspects: list[Section], lines: list[str]) -> None:
    """A term's `정리` sub-section joins its answer."""
    heading.spans = [*heading.spans, *(extent(a) for a in aspects)]
    heading.shown.update(_labels(aspects, lines))
