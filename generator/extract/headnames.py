"""What a heading names: its text as shown (`clean_heading`), in a card's section path
(`path_name`), and the term it stands for, if any (`heading_term`), with the chapters, labels and
about-the-notes headings that stand for none."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .filters import is_date_line
from .labels import is_label, is_overview_heading
from .sectionlabels import is_example_section, section_label_kind
from .terms import (
    MEMO,
    drop_titled_stop,
    is_question,
    looks_like_heading_term,
    looks_like_term,
    show_wikilinks,
    split_aliases,
    strip_numbering,
    strip_plain_numbering,
    strip_question_prefix,
    what_is,
)

_OVERVIEW_OF = re.compile(
    r"^(?:an?\s+)?(?:overview|introduction|intro|basics)\s+(?:of|to)\s+(?:the\s+|an?\s+)?", re.I
)


_CHAPTER = re.compile(
    r"^(?:(?:chapter|chap|lecture|lec|week|wk|part|day|unit|module|lesson|session|class|ch)"
    r"\.?\s*\d+(?:[.-]\d+)?"
    r"|제?\s*\d+\s*(?:장|강|주차|주|회차|일차|차시|부|절|교시)"
    # `KB s.97`, `p. 12`, `Page 40`; a word before a spelled-out `Page 515` names a term
    # (`Sparse Page 515`), only an abbreviation reads as a book's page after a book's name
    r"|(?:(?:\S+\s+)?(?:p|pp|pg|s)\.|page|seite)\s*\d+(?:\s*[-–]\s*\d+)?)\s*[.:]?$",
    re.IGNORECASE,
)


def is_chapter(title: str) -> bool:
    """`Week 3`, `제2장`, and `Chap 2 (Understanding Morphology)`: the book in parentheses is
    no alias of a term, and what is left is a chapter's number."""
    bare = strip_numbering(title)
    return bool(_CHAPTER.match(bare) or _CHAPTER.match(split_aliases(title)[0]))


# `[Vuex] - Vue.js 애플리케이션에 대한 상태 관리 패턴`: the bracketed name, then what it is.
_NAMED_LEAD = re.compile(r"^\[(?P<term>[^\[\]]{1,40})\]\s*[-–—:]\s+\S")


# `DS-001`, `Q007`: an item's number in a numbered list of questions or tasks, zero-padded
# (`SHA-256`, `COVID-19` are names).
_ITEM_NUMBER = re.compile(r"^[A-Za-z]{1,6}[-_ ]?0\d{1,3}$")


def is_item_number(title: str) -> bool:
    return bool(_ITEM_NUMBER.match(clean_heading(title)))


# `A–D`, `ㄱ~ㄷ`, `B` (a glossary's index letters); `My vimrc`, `내 설정` (personal notes).
_INDEX_OR_PERSONAL = re.compile(
    r"^(?:[A-Za-zㄱ-ㅎ]|[A-Za-z0-9ㄱ-ㅎ가-힣]\s*[-–~]\s*[A-Za-z0-9ㄱ-ㅎ가-힣]"
    r"|(?:my|our|나의|내|우리|우리\s*팀의?)\s.+)$",
    re.IGNORECASE,
)


# `:nerd_face: What I study`: an emoji shortcode the renderer would have drawn.
_SHORTCODE = re.compile(r"(?:(?<=\s)|^):[a-z0-9_+\-]{2,40}:(?=\s|$)")
# `**2. miRNAs promote … **`: bold markup that failed to parse (a space before the closing `**`).
_STRAY_EMPHASIS = re.compile(r"^\*\*\s*(?P<text>.+?)\s*\*\*$")


@lru_cache(maxsize=MEMO)
def clean_heading(title: str) -> str:
    """A heading's text as a reader sees it: wiki links shown, emoji shortcodes and bold markers
    left over from unparsed emphasis removed."""
    text = _SHORTCODE.sub("", show_wikilinks(title)).strip()
    stray = _STRAY_EMPHASIS.match(text)
    return " ".join((stray.group("text") if stray else text).split()) or title


_EMOJI_JOINERS = frozenset("\ufe0e\ufe0f\u200d\u20e3")  # variation selectors, joiners


def _bare_term(text: str) -> str:
    """A term without the emoji after it (`IaaS VS PaaS ⭐`); `C++`, `C#` stay whole."""
    end = len(text)
    while end and (text[end - 1] in _EMOJI_JOINERS or unicodedata.category(text[end - 1]) == "So"):
        end -= 1
    return text[:end].rstrip() or text


def section_name(title: str) -> str:
    """A heading's name without any numbering, for telling what kind of section it is."""
    return strip_question_prefix(strip_numbering(clean_heading(title)))


def path_name(title: str) -> str:
    """How a heading appears in a card's section path: plain numbering and link brackets
    dropped, a named number (`Lecture 3:`, `UNIT25)`) kept as the writer put it."""
    cleaned = clean_heading(title)
    if is_date_line(cleaned):
        return cleaned  # `2024.07.01`: a date, not `2024.` numbering `07.01`
    return strip_question_prefix(strip_plain_numbering(cleaned))


# `Utility - Definition`, `Definition of utility`, `웹 표준의 정의`, `Definition: Group`: a label
# naming its term.
_DEFINITION_OF = re.compile(
    r"^(?P<a>.+?)\s*(?:[-–—:]\s*(?:definition|defn|overview|정의|개요|개념)|의\s*(?:정의|개념|의미|개요|뜻))$"
    r"|^(?:(?:formal|informal|mathematical|precise|basic|general)\s+)?(?:definition|overview)"
    r"\s+of\s+(?:the\s+|an?\s+)?(?P<b>.+)$"  # `Formal Definition of a Graph`
    # `Definition: Normal Form Game`, `Definition 2.1 - Group`, `정의: 정규형 게임`
    r"|^(?:definition|defn|def|정의)\.?(?:\s*\d+(?:\.\d+)*)?\s*[:：\-–—]\s*(?P<c>[^.:：]+)$",
    re.IGNORECASE,
)


def definition_of(text: str) -> str | None:
    """The term a definition label names (`웹 표준의 정의`, `Definition of utility`), if any."""
    named = _DEFINITION_OF.match(text)
    if named is None or (named.group("c") and not looks_like_term(named.group("c"))):
        return None  # `Definition: a set with an associative operation` gives no name
    return named.group("a") or named.group("b") or named.group("c")


# `kNN: Discussion`, `Recall: Vector Space Representation`: a topic and a label, joined by a
# colon; the term is the part that names the thing, the label only says how it is treated.
_TRAILING_LABEL = (
    r"(?:discussion|summary|recap|review|introduction|intro|basics|examples?|overview"
    r"|motivation|intuition|notes?|remarks?|revisited)"
)
_LEADING_LABEL = r"(?:recall|review|recap|reminder|refresher|aside)"
_LABELLED_TOPIC = re.compile(
    rf"^(?:(?P<a>[^:：]+?)\s*[:：]\s*{_TRAILING_LABEL}|{_LEADING_LABEL}\s*[:：]\s*(?P<b>[^:：]+))$",
    re.IGNORECASE,
)


@lru_cache(maxsize=MEMO)
def heading_term(
    title: str, parent_term: str, under_heading: bool = True
) -> tuple[str, tuple[str, ...], str] | None:
    """(term, aliases, strategy) a heading stands for, or None when it is not a term.

    A label heading (`### 장점`, `### Examples`) is a card only under a term: its section path
    (`Docker › 장점`) is what makes it a question. A section label (`Learning resources`,
    `Spring 코드`) never is."""
    title = clean_heading(title)
    bare = strip_question_prefix(strip_numbering(title))
    if is_overview_heading(title):  # `## 개요` with no subject above it labels nothing
        return (parent_term, (), "heading") if parent_term else None
    under_term = is_label(bare) and parent_term and under_heading
    if section_label_kind(bare) == "label" and (not under_term or is_example_section(bare)):
        return None  # `Docker › 장점` is a card; `Induction › Example:` is a worked example
    lead = _NAMED_LEAD.match(bare)
    if lead:
        term, aliases = split_aliases(lead.group("term"))
        return term, aliases, "heading"
    named = definition_of(bare)
    if named:  # `Marginal Utility - Definition`: the term is the text before the label
        term, aliases = split_aliases(named)
        return _bare_term(term), aliases, "heading"
    labelled = _LABELLED_TOPIC.match(bare)
    if labelled and not is_question(bare):  # `kNN: Discussion` → `kNN`
        term, aliases = split_aliases(labelled.group("a") or labelled.group("b"))
        return _bare_term(term), aliases, "heading"
    what = what_is(bare)  # `Q1. IoC란 무엇인가요?`
    if what:  # `교착 상태란?`, `영속성 컨텍스트란`: the heading names the term it defines
        term, aliases = split_aliases(what)
        return term, aliases, "heading"
    if is_question(title) or is_question(strip_numbering(title)):
        return _bare_term(bare), (), "question"
    name = _OVERVIEW_OF.sub("", strip_numbering(title)) or strip_numbering(title)
    name = name.rstrip(":： ") or name  # `### Loop Coverage:`
    name = drop_titled_stop(name)  # `## (S) Single Responsibility.`
    if (
        is_date_line(name)
        or _CHAPTER.match(name)
        or is_chapter(title)
        or _INDEX_OR_PERSONAL.match(name)
        or _ITEM_NUMBER.match(name)
    ):
        return None
    if not looks_like_heading_term(name):
        return None
    if is_label(name) and not (parent_term and under_heading):
        return None  # the card's front shows the heading path, never the title
    term, aliases = split_aliases(_bare_term(name))
    return term, aliases, "heading"


def is_about_notes(title: str) -> bool:
    """A heading about the notes themselves (About this repo, How to use, What's inside?)."""
    return bool(_ABOUT_NOTES.match(section_name(title)))


def is_notes_meta(title: str) -> bool:
    """A section whose whole body speaks of the notes, not of what they teach: `About this
    repository`, `How to use this repository`, `Contributing`, `License`, `Contact`. (`What does
    this contain?` may hold the notes themselves, and `Document structure` is a LaTeX topic.)"""
    return bool(_NOTES_META.match(section_name(title)))


# Headings whose whole section speaks of the notes or the group that keeps them.
_META = (
    r"about(?:\s+(?:this|the)\s+(?:repo|repository|project|study|notes?))?"
    r"|how\s+to\s+(?:use|contribute|read|participate|join)(?:\s+(?:this|the|these)\s+"
    r"(?:repo|repository|project|notes?|site|wiki|vault|guide))?"
    r"|why\s+(?:this|these)\s+(?:repo|repository|project|notes?)|contributing"
    r"|(?:our\s+)?study\s+(?:rules?|reports?|schedule|plan|direction|goals?)"
    r"|(?:our|my)\s+(?:direction|goals?|rules?)"
    r"|스터디\s*(?:규칙|규정|방식|진행\s*방식|운영|일정|계획|방향|목표|소개|보고|기록|멤버|인원)"
    r"|진행\s*방식|참여\s*방법|벌금(?:\s*규칙)?"
    r"|contributions?(?:\s+guide)?|license|contact|acknowledge?ments?|members|contributors"
    r"|disclaimer|credits|donat(?:e|ions?)|sponsors?|sponsorship|support(?:\s+(?:me|us|this))?"
    r"|(?:commit|pr|naming)\s+conventions?(?:\s+rules?)?"
)
# … and headings about the notes that may still hold what they teach (`What does this
# contain?`) or name a topic elsewhere (`Document structure` in LaTeX): no card, body read.
_ABOUT_ONLY = (
    r"how\s+to|(?:code|file|folder)?\s*conventions?(?:\s+rules?)?|feedback|participants"
    r"|penalt(?:y|ies)|(?:document|folder|directory|repo|repository|project)\s+structure"
    r"|til\s+(?:format|list|rules?|template)"
    r"|what(?:'s|\s+is|\s+does)\s+(?:this|here|inside)(?:\s+(?:note|notes|page|repo|document))?"
    r"(?:\s+(?:contain|cover|include|hold|about))?"
)
_NOTES_META = re.compile(rf"^(?:{_META})\s*[:：?]?$", re.IGNORECASE)
_ABOUT_NOTES = re.compile(rf"^(?:{_META}|{_ABOUT_ONLY})\s*[:：?]?$", re.IGNORECASE)
