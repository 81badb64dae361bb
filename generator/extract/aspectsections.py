"""Sub-headings that describe the term above them: `## 웹 스코프` › `### 특징`, `### 종류`,
`## 프로토 타입 스코프` › `### 정리`, or the one heading written as a list item right under a
heading with nothing else (`### 빈 스코프란?` then `- ### 빈이 존재할 수 있는 범위`).

Features, kinds and a summary say what the term is, so they are the term's answer, not cards of
their own; the kinds listed under `종류` still are cards, which the term's card names. Pros and
cons (`Docker` › `장점`) stay cards: each is a question of its own about the term.
"""

from __future__ import annotations

import re

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


# The parts an interview note writes a question's answer in (`1️⃣ What is a deadlock?` ›
# `Expected Answer`, `Interview One-Liner ⭐`, `Follow-up Trap`).
_ANSWER_PARTS = frozenset(
    normalise(p).casefold()
    for p in (
        "answer", "answers", "expected answer", "correct answer", "sample answer", "model answer",
        "short answer", "my answer", "suggested answer", "explanation", "solution", "key points",
        "expected points", "expected mapping", "one-liner", "interview one-liner",
        "interview line", "interview answer", "interview tip", "interview tips", "tip", "tips",
        "follow-up", "follow-up trap", "follow-up question", "follow-up questions",
        "why interviewers care", "what interviewers look for", "답", "답변", "정답", "모범 답안",
        "모범답안", "예상 답변", "해설", "풀이", "꼬리 질문", "꼬리질문", "한 줄 요약", "한줄 요약",
    )
)  # fmt: skip
_DECORATION = re.compile(r"^[^\w(]+|[^\w)?]+$")


def answer_parts(section: Section) -> list[Section]:
    """The sub-sections a question's answer is written in, when it has no body of its own and
    one of them is an answer part (`Expected Answer`): all of them, for the rest (`Conditions`,
    `Too Small`) are more of that answer. A question over terms of their own (`데드락 발생
    조건은?` › `상호 배제`, `점유 대기`) has none."""
    names = [_DECORATION.sub("", _label(section_name(c.title))) for c in section.children]
    return list(section.children) if any(n in _ANSWER_PARTS for n in names) else []


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
