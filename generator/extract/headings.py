"""Strategy: a heading whose own body (the blocks right under it) defines it.

Also question headings (`## Why is UDP faster?`, `## TCP와 UDP 비교`) with the body as the
answer, numbered headings (`#### 2. Heap`), and overview headings (`## 개요`) whose body defines
the term above them. A heading that only groups sub-headings, or whose body is only images,
rules, comments or links, is not a card.
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from ..parse import Section, plain_text
from .aspects import aspect_of
from .boldheads import bold_name
from .candidate import Candidate, Context, one_line, strip_prefix
from .colon import SENTENCE, split_colon_line
from .details import unanswered_details
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
    shows_nothing,
    to_do_list,
)
from .headnames import (
    clean_heading,
    heading_term,
    is_about_notes,
    is_chapter,
    is_item_number,
    section_name,
)
from .labels import is_label, is_overview_heading
from .lists import alias_lines
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
from .sectionlabels import SECTION_LABEL, is_collection_label, section_label_kind
from .tables import table_reason
from .terms import (
    SENTENCE_BREAK,
    aliases_from_line,
    is_expansion,
    same_term,
    split_aliases,
    strip_numbering,
    term_stem,
    words,
)

_PAIR = re.compile(r"\S(?:와|과)\s+\S|\s(?:and|&|/)\s", re.IGNORECASE)

# `Heap 구현하기`, `그룹 쿼터 설정하기`, `Github로 취직하기`: something to do, named by a verb in
# its `-하기` form after what it is done to (a lone `쓰기` or `읽기` is an operation's name).
_TASK_HEADING = re.compile(r"\S\s+\S*(?:하기|만들기|맛보기|해보기)$")

# `JLPT N5 공부에 대해 유용한 링크입니다.`, `Useful resources:`: a line saying links follow.
_LINKS_LEAD_IN = re.compile(
    r"\b(?:links?|resources?|websites?|sites?|references?|readings?|videos?|further)\b"
    r"|링크|사이트|자료|참고|영상",
    re.IGNORECASE,
)


def _introduced_links(section: Section, content: list[SyntaxTreeNode]) -> bool:
    """One short line saying links follow, then only links: a list of resources."""
    if len(content) != 1 or content[0].type != "paragraph":
        return False
    rest = content[0]
    if not any(b is not rest and (link_list(b) or is_link_only(b)) for b in section.body):
        return False
    lead = plain_text(rest)
    return len(lead) <= 120 and bool(_LINKS_LEAD_IN.search(lead))


def names_no_term(title: str, term: str) -> bool:
    """A heading that is a task (`비동기 카페 만들기`) or about the notes themselves: its label
    sub-headings (`### 목표`) are parts of the task, not sides of a term."""
    return bool(_TASK_HEADING.search(term)) or is_about_notes(title)


def _quiz(question: str, content: list[SyntaxTreeNode], ctx: Context) -> bool:
    """A question heading whose whole body is a list of answer choices."""
    if len(content) != 1 or content[0].type not in ("bullet_list", "ordered_list"):
        return False
    lines = ctx.parsed.lines
    items = [i.map for i in content[0].children if i.map]
    if len(items) != len(content[0].children):
        return False
    if not all(one_line(m, lines) for m in items):
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
        reason = "a date, not a term" if is_date_line(section.title) else SENTENCE
        if is_chapter(clean_heading(section.title)):
            reason = "a chapter heading, not a term"
        if is_item_number(section.title):
            reason = "an item's number (`DS-001`), not a term"
        label = is_label(strip_numbering(section.title)) or is_overview_heading(section.title)
        if label:
            reason = "a label heading with no term above it"
        if section_label_kind(section_name(section.title)):
            label, reason = (
                True,
                SECTION_LABEL,
            )
        ctx.reject(section.line, section.title, reason, designed=label)
        return None
    term, aliases, strategy = found
    if is_collection_label(section_name(section.title)):  # `### 키워드` under `## 네트워크 레이어`
        reason = SECTION_LABEL
        ctx.reject(section.line, section.title, reason, designed=True)
        return None
    if links_away(section.heading):
        ctx.reject(
            section.line, section.title, "a link to another note: the note holds it", designed=True
        )
        return None
    if is_about_notes(section.title):
        ctx.reject(
            section.line,
            section.title,
            "a section about the notes themselves, not a term",
            designed=True,
        )
        return None
    if _TASK_HEADING.search(term):
        ctx.reject(
            section.line, section.title, "a task to carry out (…하기), not a term", designed=True
        )
        return None
    content = content_blocks(section, ctx)
    if code_section(section_name(section.title), content) or (
        FILE_NAME.match(term) and has_code(content)
    ):
        ctx.reject(section.line, section.title, "a section of code, not a term", designed=True)
        return None
    pair = bool(_PAIR.search(term))  # `강화와 처벌`: a table comparing the two is its answer
    if (
        content
        and strategy != "question"
        and not pair
        and all(_data_table(b, ctx) or is_credit_line(b) or is_caption_line(b) for b in content)
        and any(_data_table(b, ctx) for b in content)
    ):
        ctx.reject(
            section.line,
            section.title,
            "its body is only a data or comparison table",
            designed=True,
        )
        return None
    prose = all(b.type in ("paragraph", "bullet_list", "ordered_list") for b in content)
    if content and prose and is_unfinished(" ".join(plain_text(b) for b in content)):
        ctx.reject(section.line, section.title, "its body was left unfinished")
        return None
    if only_diagrams(content):
        ctx.reject(section.line, section.title, "its body is only a diagram", designed=True)
        return None
    reason = _not_a_term(section, content, ctx) or _defines_other(content, term)
    if reason:
        ctx.reject(section.line, section.title, reason, designed=reason in _DESIGNED_BODIES)
        return None
    # Blocks of bare tags (`</details>` after a blank line inside one) neither ask nor answer.
    asked = [b for b in content if not (b.type == "html_block" and shows_nothing(b.content))]
    # `**창현**` over the questions one member asks: the names only sort the questions
    asked = [b for b in asked if bold_name(b, ctx) is None] if len(asked) > 1 else asked
    if asked and all(open_questions(b) or unanswered_details(b) for b in asked):
        ctx.reject(section.line, section.title, "only questions with no answers")
        return None
    if sets_exercise(content):
        ctx.reject(section.line, section.title, "an exercise set to the reader, not a term")
        return None
    if strategy == "question" and _quiz(section.title, content, ctx):
        ctx.reject(section.line, section.title, "a quiz question with answer choices, not a term")
        return None
    if content and all(link_list(b) or indexes_notes(b.children, ctx) for b in content):
        ctx.reject(
            section.line, section.title, "its body is a list of links to other notes", designed=True
        )
        return None
    if _introduced_links(section, content):
        reason = "its body is a list of links under a line introducing them"
        ctx.reject(section.line, section.title, reason, designed=True)
        return None
    if content and all(is_credit_line(b) for b in content):
        ctx.reject(section.line, section.title, "its body only says where it came from")
        return None
    if content and all(to_do_list(b) for b in content):
        ctx.reject(section.line, section.title, "its body is only a to-do list", designed=True)
        return None
    if not content:
        reason = "its sub-headings are the cards" if section.children else "no body of its own"
        grouping = bool(section.children)
        shown = f"a grouping heading: {reason}" if grouping else f"heading with {reason}"
        ctx.reject(section.line, section.title, shown, designed=grouping)
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


_SAMPLE = "its body is only sample input or output"
_LISTING = "its body is only a long code listing"
_SITES = "a list of sites to visit, not a term"
# bodies that are right as they are: no definition is missing under their heading
_DESIGNED_BODIES = frozenset({_SAMPLE, _LISTING, _SITES})


def _not_a_term(section: Section, content: list[SyntaxTreeNode], ctx: Context) -> str:
    """Why a heading with a body of its own still stands for no term, if it does not."""
    if only_sample_data(content):
        return _SAMPLE
    if only_listing(content):
        return _LISTING
    if is_schedule(content):
        return "a schedule of dated entries, not a term"
    if only_sites(content):
        return _SITES
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
        last = SENTENCE_BREAK.split(text)[-1]
        if last != text:  # `… 맡는 것. 제어의 역전이라고도 한다.`: the name stays in the text
            aliases.extend(aliases_from_line(last))
    return lines, tuple(aliases)
