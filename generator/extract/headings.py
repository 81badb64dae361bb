"""Strategy: a heading whose own body (the blocks right under it) defines it.

Also question headings (`## Why is UDP faster?`, `## TCP와 UDP 비교`) with the body as the
answer, numbered headings (`#### 2. Heap`), and overview headings (`## 개요`) whose body defines
the term above them. A heading that only groups sub-headings, or whose body is only images,
rules, comments or links, is not a card.
"""

from __future__ import annotations

import re
import unicodedata

from markdown_it.tree import SyntaxTreeNode

from ..parse import Section, plain_text
from .aspects import aspect_of
from .candidate import Candidate, Context, strip_prefix
from .colon import split_colon_line
from .filters import is_date_line, is_decoration, is_link_only, is_unfinished
from .headbody import (
    FILE_NAME,
    bold_lead_term,
    code_section,
    has_code,
    is_quiz,
    link_list,
    links_away,
    only_diagrams,
    open_questions,
    sets_exercise,
    to_do_list,
)
from .labels import is_label, is_overview_heading
from .lists import alias_lines
from .markup import unanswered_details
from .noteindex import indexes_notes
from .notekinds import (
    is_caption_line,
    is_credit_line,
    is_schedule,
    is_thin,
    only_listing,
    only_sample_data,
    only_sites,
)
from .sectionlabels import is_example_section, section_label_kind
from .tables import table_reason
from .terms import (
    aliases_from_line,
    drop_titled_stop,
    is_expansion,
    is_question,
    looks_like_heading_term,
    looks_like_term,
    same_term,
    show_wikilinks,
    split_aliases,
    strip_numbering,
    strip_plain_numbering,
    strip_question_prefix,
    term_stem,
    what_is,
    words,
)

_OVERVIEW_OF = re.compile(
    r"^(?:an?\s+)?(?:overview|introduction|intro|basics)\s+(?:of|to)\s+(?:the\s+|an?\s+)?", re.I
)


_CHAPTER = re.compile(
    r"^(?:(?:chapter|chap|lecture|lec|week|part|day|unit|lesson|session|ch)\.?\s*\d+"
    r"|제?\s*\d+\s*(?:장|강|주차|주|회차|일차|부|절|교시)"
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


# `A–D`, `ㄱ~ㄷ`, `B` (a glossary's index letters); `My vimrc`, `내 설정` (personal notes).
_INDEX_OR_PERSONAL = re.compile(
    r"^(?:[A-Za-zㄱ-ㅎ]|[A-Za-z0-9ㄱ-ㅎ가-힣]\s*[-–~]\s*[A-Za-z0-9ㄱ-ㅎ가-힣]"
    r"|(?:my|our|나의|내|우리|우리\s*팀의?)\s.+)$",
    re.IGNORECASE,
)


_SENTENCE = re.compile(r"(?<=[.!?。])\s+")


_PAIR = re.compile(r"\S(?:와|과)\s+\S|\s(?:and|&|/)\s", re.IGNORECASE)


# `:nerd_face: What I study`: an emoji shortcode the renderer would have drawn.
_SHORTCODE = re.compile(r"(?:(?<=\s)|^):[a-z0-9_+\-]{2,40}:(?=\s|$)")
# `**2. miRNAs promote … **`: bold markup that failed to parse (a space before the closing `**`).
_STRAY_EMPHASIS = re.compile(r"^\*\*\s*(?P<text>.+?)\s*\*\*$")


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
    named = _DEFINITION_OF.match(bare)
    if named and named.group("c") and not looks_like_term(named.group("c")):
        named = None  # `Definition: a set with an associative operation` gives no name
    if named:  # `Marginal Utility - Definition`: the term is the text before the label
        term, aliases = split_aliases(named.group("a") or named.group("b") or named.group("c"))
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
    ):
        return None
    if not looks_like_heading_term(name):
        return None
    if is_label(name) and not (parent_term and under_heading):
        return None  # the card's front shows the heading path, never the title
    term, aliases = split_aliases(_bare_term(name))
    return term, aliases, "heading"


# A repository README's own sections: how the notes are kept, not what they teach.
# `Heap 구현하기`, `그룹 쿼터 설정하기`, `Github로 취직하기`: something to do, named by a verb in
# its `-하기` form after what it is done to (a lone `쓰기` or `읽기` is an operation's name).
_TASK_HEADING = re.compile(r"\S\s+\S*(?:하기|만들기|맛보기|해보기)$")


def is_about_notes(title: str) -> bool:
    """A heading about the notes themselves (About this repo, How to use, What's inside?)."""
    return bool(_ABOUT_NOTES.match(section_name(title)))


_ABOUT_NOTES = re.compile(
    r"^(?:about(?:\s+(?:this|the)\s+(?:repo|repository|project|study|notes?))?|how\s+to"
    r"(?:\s+(?:use|contribute|read|participate|join))?|contributing|contributions?(?:\s+guide)?"
    r"|(?:commit|pr|code|naming|file|folder)?\s*conventions?(?:\s+rules?)?|license|feedback"
    r"|members|participants|contributors|contact|acknowledge?ments?|penalt(?:y|ies)"
    r"|(?:document|folder|directory|repo|repository|project)\s+structure"
    r"|til\s+(?:format|list|rules?|template)"
    r"|what(?:'s|\s+is|\s+does)\s+(?:this|here|inside)(?:\s+(?:note|notes|page|repo|document))?"
    r"(?:\s+(?:contain|cover|include|hold|about))?)\s*[:：?]?$",
    re.IGNORECASE,
)


def _quiz(question: str, content: list[SyntaxTreeNode], ctx: Context) -> bool:
    """A question heading whose whole body is a list of answer choices."""
    if len(content) != 1 or content[0].type not in ("bullet_list", "ordered_list"):
        return False
    lines = ctx.parsed.lines
    items = [i.map for i in content[0].children if i.map]
    if len(items) != len(content[0].children):
        return False
    if any(sum(1 for n in range(*m) if lines[n].strip()) != 1 for m in items):
        return False  # an option with more under it is an answer's point, not a choice
    return is_quiz(question, [strip_prefix(lines[m[0]]) for m in items])


def content_blocks(section: Section, ctx: Context) -> list[SyntaxTreeNode]:
    """The body's blocks that say something: not rules, link-only lines or an empty code block
    (`### 직접구현` over a bare fence left to fill in has no body of its own)."""
    return [
        b
        for b in section.body
        if b.map
        and not is_decoration(b, ctx.parsed.lines)
        and not is_link_only(b)
        and not (b.type in ("fence", "code_block") and not b.content.strip())
    ]


def heading_candidate(
    section: Section, path: tuple[str, ...], ctx: Context, parent_term: str
) -> Candidate | None:
    found = heading_term(section.title, parent_term, len(path) > 1)
    if found is None:
        reason = "a date, not a term" if is_date_line(section.title) else "a sentence, not a term"
        if is_chapter(clean_heading(section.title)):
            reason = "a chapter heading, not a term"
        if is_label(strip_numbering(section.title)) or is_overview_heading(section.title):
            reason = "a label heading with no term above it"
        if section_label_kind(section_name(section.title)):
            reason = "a section label (resources, examples, code, set-up, questions), not a term"
        ctx.reject(section.line, section.title, reason)
        return None
    term, aliases, strategy = found
    if links_away(section.heading):
        ctx.reject(section.line, section.title, "a link to another note: the note holds it")
        return None
    if is_about_notes(section.title):
        ctx.reject(section.line, section.title, "a section about the notes themselves, not a term")
        return None
    if _TASK_HEADING.search(term):
        ctx.reject(section.line, section.title, "a task to carry out (…하기), not a term")
        return None
    content = content_blocks(section, ctx)
    if code_section(section_name(section.title), content) or (
        FILE_NAME.match(term) and has_code(content)
    ):
        ctx.reject(section.line, section.title, "a section of code, not a term")
        return None
    pair = bool(_PAIR.search(term))  # `강화와 처벌`: a table comparing the two is its answer
    if (
        content
        and strategy != "question"
        and not pair
        and all(_data_table(b, ctx) or is_credit_line(b) or is_caption_line(b) for b in content)
        and any(_data_table(b, ctx) for b in content)
    ):
        ctx.reject(section.line, section.title, "its body is only a data or comparison table")
        return None
    prose = all(b.type in ("paragraph", "bullet_list", "ordered_list") for b in content)
    if content and prose and is_unfinished(" ".join(plain_text(b) for b in content)):
        ctx.reject(section.line, section.title, "its body was left unfinished")
        return None
    if only_diagrams(content):
        ctx.reject(section.line, section.title, "its body is only a diagram")
        return None
    reason = _not_a_term(section, content, ctx) or _defines_other(content, term)
    if reason:
        ctx.reject(section.line, section.title, reason)
        return None
    if content and all(open_questions(b) or unanswered_details(b) for b in content):
        ctx.reject(section.line, section.title, "only questions with no answers")
        return None
    if sets_exercise(content):
        ctx.reject(section.line, section.title, "an exercise set to the reader, not a term")
        return None
    if strategy == "question" and _quiz(section.title, content, ctx):
        ctx.reject(section.line, section.title, "a quiz question with answer choices, not a term")
        return None
    if content and all(link_list(b) or indexes_notes(b.children, ctx) for b in content):
        ctx.reject(section.line, section.title, "its body is a list of links to other notes")
        return None
    if content and all(is_credit_line(b) for b in content):
        ctx.reject(section.line, section.title, "its body only says where it came from")
        return None
    if content and all(to_do_list(b) for b in content):
        ctx.reject(section.line, section.title, "its body is only a to-do list")
        return None
    if not content:
        reason = "its sub-headings are the cards" if section.children else "no body of its own"
        ctx.reject(
            section.line,
            section.title,
            f"heading with {reason}" if not section.children else f"a grouping heading: {reason}",
        )
        return None
    mapped = [b for b in section.body if b.map]
    start = mapped[0].map[0] if mapped[0].map else section.line
    end = mapped[-1].map[1] if mapped[-1].map else section.line
    drop, extra = alias_lines(content)
    para_drop, para_aliases = _alias_paragraphs(content)
    para_aliases = (*para_aliases, *_expansions(content, term, ctx))
    return Candidate(
        term=term,
        aliases=(*aliases, *extra, *para_aliases),
        section=path,
        line=section.line,
        spans=[(start, end)],
        strategy=strategy,
        drop=drop | para_drop,
        grouping=True,
        parent=names_kinds(section.title),
    )


def names_kinds(title: str) -> bool:
    """`트리거의 유형`, `Design patterns`, `store의 4가지 구조`: a term whose answer may be the
    names of its child terms. A label or section label (`관련 용어`, `Glossary`, `Key concepts`,
    `Examples`) only groups them: its children are the cards, and it is none."""
    name = section_name(title)
    last = name.casefold().split()[-1] if name.split() else ""
    grouping = last in _GLOSSARY_HEADS or (last == "관련" and len(name.split()) > 1)
    label = is_label(name) or is_label(term_stem(name))  # `Types`, like `Type`
    return not (grouping or label or section_label_kind(name) or is_overview_heading(name))


# `동기화 용어`, `Request pipeline terms`, `학습 관련`: a glossary's part, grouping its entries.
_GLOSSARY_HEADS = frozenset(
    [
        "용어",
        "용어집",
        "개념",
        "개념들",
        "키워드",
        "terms",
        "terminology",
        "glossary",
        "vocabulary",
        "keywords",
        "concepts",
        "definitions",
    ]
)


def _not_a_term(section: Section, content: list[SyntaxTreeNode], ctx: Context) -> str:
    """Why a heading with a body of its own still stands for no term, if it does not."""
    if only_sample_data(content):
        return "its body is only sample input or output"
    if only_listing(content):
        return "its body is only a long code listing"
    if is_schedule(content):
        return "a schedule of dated entries, not a term"
    if only_sites(content):
        return "a list of sites to visit, not a term"
    if ctx.index and is_thin(section):
        return "an entry of an index note: only links or a few names under it"
    if (
        content
        and section.children
        and all(b.type == "paragraph" and _PREAMBLE.search(plain_text(b)) for b in content)
    ):
        return "its body only introduces the sections below it"
    return ""


# `Before proceeding further, it is helpful to know certain terms`, `In this section we …`: words
# about the notes themselves, leading into the sub-sections that hold the content.
_PREAMBLE = re.compile(
    r"\b(?:before\s+(?:proceeding|we\s+(?:start|begin|dive|go)|diving|going\s+further)"
    r"|in\s+this\s+(?:section|chapter|part|note|lecture|post|page)"
    r"|this\s+(?:section|chapter|part|note|lecture|post|page)\s+(?:covers|describes|explains|lists"
    r"|introduces|looks|will|is\s+about)|the\s+following\s+(?:sections?|terms|topics)"
    r"|(?:we|we'll)\s+(?:will\s+)?(?:look\s+at|cover|discuss|go\s+over)|let(?:'s|\s+us)\s+(?:look|start|begin))\b",
    re.IGNORECASE,
)


def _defines_other(content: list[SyntaxTreeNode], term: str) -> str:
    """`### Common Law` opening with `**English common law:** …`: the body is that term's
    card; a heading over it would ask the same question again."""
    inner = bold_lead_term(content[0]) if content else ""
    name = split_aliases(inner)[0] if inner else ""
    if not name or is_label(name) or aspect_of(name, term) or same_term(name, term):
        return ""
    if is_expansion(name, term) or set(name.casefold().split()) & _TELLING:
        return ""  # `**Analogy:** …`, `**Technical explanation:** …`: a way of telling it
    return f"its body opens by defining {name!r}, a term of its own"


# Words for a way of explaining the heading's own term, not a new one.
_TELLING = words(
    "analogy analogies explanation background recap context overview interpretation idea"
    " point story summary gist version translation meaning"
)


def _expansions(blocks: list[SyntaxTreeNode], term: str, ctx: Context) -> tuple[str, ...]:
    """`Immediately Invoked Function Expression: …` under `## IIFE`, or a first bullet
    `- Dependency Injection, 의존성 주입` under `### DI`: the term's full names."""
    for block in blocks[:1]:
        if not block.map:
            continue
        text = strip_prefix(ctx.parsed.lines[block.map[0]])
        line = split_colon_line(text)
        if line is not None and is_expansion(line.term, term):
            return (line.term,)
        names = [n.strip() for n in re.split(r"[,/]", text.rstrip(". ")) if n.strip()]
        short = all(len(n.split()) <= 5 and not n.endswith(("다", ".")) for n in names)
        if names and len(names) <= 3 and short and is_expansion(names[0], term):
            return tuple(names)
    return ()


def _data_table(block: SyntaxTreeNode, ctx: Context) -> bool:
    return block.type == "table" and table_reason(block, ctx) is not None


def _alias_paragraphs(blocks: list[SyntaxTreeNode]) -> tuple[set[int], tuple[str, ...]]:
    """One-line paragraphs such as `Also called VMM.`: left out, and their names kept."""
    lines: set[int] = set()
    aliases: list[str] = []
    for block in blocks:
        if block.type != "paragraph" or not block.map:
            continue
        text = plain_text(block)
        found = aliases_from_line(text)
        if found and block.map[1] - block.map[0] == 1:
            aliases.extend(found)
            lines.add(block.map[0])
            continue
        last = _SENTENCE.split(text)[-1]
        if last != text:  # `… 맡는 것. 제어의 역전이라고도 한다.`: the name stays in the text
            aliases.extend(aliases_from_line(last))
    return lines, tuple(aliases)
