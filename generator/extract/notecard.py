"""Strategy: a whole note that defines one term — an Obsidian-style note with `aliases:` in its
front matter, or a `Definition:` line — becomes a card named after the note."""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from ..attribute import is_sources_heading
from ..parse import Section, plain_text
from .candidate import Candidate, Context, strip_prefix
from .colon import DEFINING_PHRASE, line_problem, split_colon_line
from .headings import content_blocks
from .labels import is_overview_heading
from .prose import defined_subject
from .proserules import topic_sentence
from .terms import same_term, split_aliases, words

_DEFINITION_LINE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*)?(?:definition|정의|뜻)(?:\*\*)?\s*[:：]", re.I
)


# An Obsidian callout that sums the note up: `> [!summary] TL;DR`.
_SUMMARY_CALLOUT = re.compile(
    r"^\s*>\s*\[!(?:summary|abstract|tldr|definition|define)\]", re.IGNORECASE
)


def note_candidate(top: Section, ctx: Context) -> Candidate | None:
    """The note's title as a term, its opening blocks (before any heading) as the definition."""
    content = content_blocks(top, ctx)
    if not content or not ctx.info.title:
        return None
    mapped = [b.map for b in top.body if b.map]
    start, end = mapped[0][0], mapped[-1][1]
    has_definition = any(_DEFINITION_LINE.match(x) for x in ctx.parsed.lines[start:end])
    first = content[0].map[0] if content[0].map else start
    summary = bool(_SUMMARY_CALLOUT.match(ctx.parsed.lines[first]))
    summed_up = summary and is_note_subject(ctx.info.title)
    named = bool(ctx.info.aliases) and is_note_subject(ctx.info.title)  # not `ML Glossary`
    subject = is_note_subject(ctx.info.title)
    essay = subject and (_concept_essay(top, content, ctx) or _described(top, content, ctx))
    if not (named or has_definition or summed_up or essay):
        return None
    term, aliases = _opening_subject(top, ctx) or (ctx.info.title, ctx.info.aliases)
    return Candidate(
        term=term,
        aliases=aliases,
        section=(),
        line=top.line or start + 1,
        spans=[(start, end)],
        strategy="note",
        grouping=True,
    )


def _concept_essay(top: Section, content: list[SyntaxTreeNode], ctx: Context) -> bool:
    """`# Opportunity Cost`, a few paragraphs explaining it, then only `See also` or
    `References`: the whole note answers its title."""
    if top is ctx.parsed.root or any(b.type != "paragraph" for b in content):
        return False  # a list or table under the title holds terms of its own
    if len(content) == 1 and not _defines_title(content[0], ctx):
        return False  # one paragraph may be a remark; it must be about the title
    if not all(_is_reference(child.title) for child in top.children):
        return False
    texts = [" ".join(ctx.parsed.lines[b.map[0] : b.map[1]]) for b in content if b.map]
    if any("**" in t or "__" in t for t in texts):
        return False  # `**Lead time** — …`: bold names, each a term of its own
    lines = (split_colon_line(t) for t in texts)
    if any(line is not None and line_problem(line) is None for line in lines):
        return False
    return not any(defined_subject(t) for t in texts)  # no paragraph defines a term of its own


def _defines_title(paragraph: SyntaxTreeNode, ctx: Context) -> bool:
    """`In computer science, an associative array … is an abstract data type …` under
    `# Associative array`: a lead sentence that names the title. (`# Semaphore` over `A
    counter of permits.` stays a title: one short line under it may be a remark.)"""
    text = " ".join(plain_text(paragraph).split())
    links = sum(1 for n in paragraph.walk() if n.type == "link")
    if links > 2 or not _SENTENCE_END.search(text):
        return False  # `└── OS<br/>├── [Process](…)`: a listing, not a lead
    names = [re.escape(n.strip()) for n in (ctx.info.title, *ctx.info.aliases) if n.strip()]
    pattern = rf"(?<!\w)(?:{'|'.join(names)})(?![A-Za-z0-9])"
    return bool(names) and bool(re.search(pattern, text, re.IGNORECASE))


_SENTENCE_END = re.compile(r"(?:[.!。]|다)[\"'”’)]*$")


def _described(top: Section, content: list[SyntaxTreeNode], ctx: Context) -> bool:
    """`# Graph` then `- A collection of nodes connected by edges`: the title's first bullet
    says what it is, in a noun phrase."""
    if top is ctx.parsed.root or content[0].type != "bullet_list" or not content[0].map:
        return False
    text = strip_prefix(ctx.parsed.lines[content[0].map[0]])
    if split_colon_line(text) is not None:
        return False  # `- image: …`: a glossary under the title
    phrase = text[:1].lower() + text[1:]
    return bool(DEFINING_PHRASE.match(phrase)) and len(text.split()) >= 4


def _is_reference(title: str) -> bool:
    return is_sources_heading(title) or bool(_REFERENCE.search(title))


_REFERENCE = re.compile(
    r"^\W*(?:see also|related|references?|external (?:references|links)|further reading|links"
    r"|read more|관련 (?:글|문서|링크)|참고(?: 자료| 링크)?|함께 보기)\W*$",
    re.IGNORECASE,
)


def _opening_subject(top: Section, ctx: Context) -> tuple[str, tuple[str, ...]] | None:
    """`Gaussian Splatting (3DGS) is a technique …` opening a note whose front matter says
    `aliases: [3DGS]`: the note's subject, by the name its first sentence gives it (the file
    name is only where it is kept)."""
    first = next((b for b in top.body if b.map), None)
    if first is None or first.type != "paragraph" or first.map is None:
        return None
    text = " ".join(ctx.parsed.lines[first.map[0] : first.map[1]])
    subject = defined_subject(text)
    if subject is None:
        return None
    name, aliases = split_aliases(subject)
    known = (ctx.info.title, *ctx.info.aliases)
    if not any(same_term(n, k) for n in (name, *aliases) for k in known):
        return None
    extra = tuple(a for a in ctx.info.aliases if not any(same_term(a, x) for x in aliases))
    return name, (*aliases, *extra)


_GENERIC_WORDS = words(
    """
    notes note 정리 노트 공부 study studies til cheatsheet cheat sheet 치트시트 강의
    lecture 스터디 회차 주차 week 면접 interview basics 기초 입문 용어 glossary terms
    vocabulary summary 요약 prep 준비 모음 links awesome tips memo 메모 course class 수업
    과목 101 질문 questions 정리본 필기
    """
)
_GENERIC_PART = re.compile(r"\d{4}[-./]\d{1,2}|\d+\s*(?:주차|강|회차)|(?:정리|노트|필기|모음)$")


def is_note_subject(title: str) -> bool:
    """Is the note's title one term (`Docker`, `Hash Table`), not `OS 정리` or `TIL 2023-09-14`?"""
    words = [w.casefold() for w in re.split(r"[\s\-–—:()\[\]·,/]+", title) if w]
    if not words or len(words) > 4 or _GENERIC_PART.search(title):
        return False
    return not any(w in _GENERIC_WORDS or _GENERIC_PART.search(w) for w in words)


def overview_subject(top: Section) -> str:
    """In a note with no title, `## 개요` opening with `- Inotropics는 … 약물입니다`: the note
    is about the thing its overview defines first; "" when it defines none."""
    for section in top.children:
        if not is_overview_heading(section.title):
            continue
        paragraphs = (n for b in section.body for n in b.walk() if n.type == "paragraph")
        node = next(paragraphs, None)
        first = plain_text(node) if node is not None else ""
        if topic_sentence(first, (section.title,)):
            return ""  # `Cancer is a complex disease …` opens an essay; it is not its subject
        subject = defined_subject(first)
        return split_aliases(subject)[0] if subject else ""
    return ""
