"""Strategy (list-term): a numbered line that stands alone as a heading for the list below it.

    1. 웹 표준이란?
    - 웹에서 표준적으로 사용되는 기술이나 규칙이다.
    2. 웹 표준이 중요한 이유
    - …

Each number is a list of one item and the bullets are a separate list beside it, so nothing is
nested: the number item heads the items up to the next such number. It is read this way only
when at least two numbers do it (or the one asks a question, or opens its list), and never
for a step of a procedure (`1. Install Docker`, `2. 컨테이너 실행`).

Also here, other lines that stand over or for a definition: a name line with its Latin-script
name over a list (`은행원 알고리즘(Banker's Algorithm)`), and items glossed in parentheses
(`- 프로세스(데이터를 변환하는 작업)`).
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from ..parse import first_paragraph, plain_text
from .aspects import aspect_of
from .candidate import Candidate, Context, strip_prefix
from .colon import DEFINING_PHRASE, term_problem
from .labels import ACTION, is_label, is_overview_heading
from .lists import term_of_line
from .terms import is_expansion, is_question, split_aliases, strip_question_prefix, what_is


def _numbered(item: SyntaxTreeNode, ctx: Context) -> str | None:
    """The text of a one-line item that is its numbered list's only item, if it is one."""
    parent = item.parent
    if parent is None or parent.type != "ordered_list" or len(parent.children) != 1:
        return None
    if len(item.children) != 1 or not item.map or item.map[1] - item.map[0] > 2:
        return None
    return strip_prefix(ctx.parsed.lines[item.map[0]]) or None


def numbered_heads(items: list[SyntaxTreeNode], ctx: Context) -> dict[int, int]:
    """Index of each heading-like number item → index just past the items it heads."""
    texts = {i: _numbered(item, ctx) for i, item in enumerate(items)}
    heads = [i for i, text in texts.items() if text is not None]
    if any(ACTION.search(texts[i] or "") for i in heads):
        return {}  # `1. 저장소 클론`, `2. 의존성 설치`: steps of a procedure
    found: dict[int, int] = {}
    for n, index in enumerate(heads):
        stop = heads[n + 1] if n + 1 < len(heads) else len(items)
        body = items[index + 1 : stop]
        if body and all(b.parent is not items[index].parent for b in body):
            found[index] = stop
    asks = any(_asks(texts[i] or "") for i in found)
    opens = list(found) == [0] and found[0] - 1 >= 2  # `1. 웹 접근성` over its own list
    return found if len(found) >= 2 or asks or opens else {}


def _asks(text: str) -> bool:
    return is_question(text) or what_is(text) is not None


def numbered_candidate(
    head: SyntaxTreeNode, body: list[SyntaxTreeNode], section: tuple[str, ...], ctx: Context
) -> Candidate | None:
    """The card a heading-like number item makes, its body the items it heads."""
    text = _numbered(head, ctx)
    found = term_of_line(text) if text else None
    if found is None or not head.map or not body[0].map or not body[-1].map:
        return None
    term, formatted = found
    line = head.map[0] + 1
    what = what_is(term)
    question = not what and is_question(term)
    if what:
        term = what
    elif question:
        term = strip_question_prefix(term)
    else:
        problem = term_problem(term, max_words=8 if formatted else 6)
        if problem is None and is_overview_heading(term):
            problem = "an overview of the section, not a term"  # `1. Overview`, `1. 개요`
        if problem is not None:
            ctx.reject(line, term, problem)
            return None
    name, aliases = (term, ()) if question else split_aliases(term)
    start, end = body[0].map[0], body[-1].map[1]
    return Candidate(
        term=name,
        aliases=aliases,
        section=section,
        line=line,
        spans=[(start, end)],
        strategy="question-item" if question else "list-term",
        owned=(head.map[0], end),
        stub=ctx.parsed.lines[head.map[0]],  # the card above still names it
        grouping=True,
    )


# `은행원 알고리즘(Banker's Algorithm)` alone on a line: a name and its Latin-script name.
_NAMED_LINE = re.compile(
    r"^(?P<term>[^\s*_`\[\]:：.!?#>][^*_`\[\]:：.!?]{0,40}?)\s*"
    r"[(（][A-Za-z][A-Za-z0-9 '’\-&/.,]{1,50}[)）]$"
)


def named_line_candidate(
    paragraph: SyntaxTreeNode, items: list[SyntaxTreeNode], section: tuple[str, ...], ctx: Context
) -> Candidate | None:
    """`은행원 알고리즘(Banker's Algorithm)` on its own line, then a list: the line names a term
    as a heading would, and the list right under it is its definition."""
    if paragraph.type != "paragraph" or not paragraph.map or not items:
        return None
    if paragraph.map[1] - paragraph.map[0] != 1:
        return None
    text = strip_prefix(ctx.parsed.lines[paragraph.map[0]])
    match = _NAMED_LINE.match(text) or _BARE_NAME.match(text)
    first, last = items[0].map, items[-1].map
    if not match or first is None or last is None:
        return None
    name, aliases = split_aliases(text)
    if term_problem(name, max_words=6) is not None:
        return None
    if name == text and not _bare_name_over(paragraph, items, text):
        return None
    return Candidate(
        term=name,
        aliases=aliases,
        section=section,
        line=paragraph.map[0] + 1,
        spans=[(first[0], last[1])],
        strategy="list-term",
        owned=(paragraph.map[0], last[1]),
        stub=ctx.parsed.lines[paragraph.map[0]],
        grouping=True,
    )


# `fixed action patterns` on its own line, the list right under it with no blank line: a name
# standing as a heading would.
_BARE_NAME = re.compile(r"^[^\W\d_][\w'’\- ]{2,40}$")


def _bare_name_over(paragraph: SyntaxTreeNode, items: list[SyntaxTreeNode], text: str) -> bool:
    first = items[0].map
    touching = first is not None and paragraph.map is not None and paragraph.map[1] == first[0]
    if not touching or len(items) < 2 or len(text.split()) > 4 or is_label(text):
        return False
    head = first_paragraph(items[0])
    if head is None or len(plain_text(head).split()) < 4:
        return (
            False  # `레오나르도 다 빈치` over `- 최후의 만찬`: a list of works, not a description
        )
    return aspect_of(text, "") is None  # not `Examples`, `Pros and cons`


# `- 프로세스(데이터를 변화하는 작업)`: a name, and in parentheses not another name but what it is.
_GLOSSED = re.compile(r"^(?P<term>[^()（）]{1,30}?)\s*[(（](?P<gloss>[^()（）]{4,80})[)）]\s*$")


# `- DOM Document Object Model`: an acronym, then the words it stands for.
_SPELLED = re.compile(
    r"^(?P<term>[A-Za-z][A-Za-z0-9]{1,7})\s+(?P<full>[A-Za-z][A-Za-z\s\-/]{4,80})$"
)


def glossed_items(
    items: list[SyntaxTreeNode], section: tuple[str, ...], ctx: Context
) -> dict[int, Candidate]:
    """Items written `Name(what it is)`: cards when at least two of the list are, each with
    its gloss as the answer. `교착 상태(Deadlock)` names, it does not gloss."""
    found: dict[int, Candidate] = {}
    for index, item in enumerate(items):
        if len(item.children) != 1 or not item.map or item.map[1] - item.map[0] != 1:
            continue
        spelled = _SPELLED.match(strip_prefix(ctx.parsed.lines[item.map[0]]))
        if spelled and is_expansion(spelled.group("full"), spelled.group("term")):
            # `- CSS Cascading Style Sheet`: the name, spelled out
            found[index] = _line_card(
                spelled.group("term"), spelled.group("full"), item, section, ctx
            )
            continue
        match = _GLOSSED.match(strip_prefix(ctx.parsed.lines[item.map[0]]))
        if not match or not DEFINING_PHRASE.search(match.group("gloss").strip()):
            continue
        term = match.group("term").strip()
        if term_problem(term, max_words=4) is None:
            found[index] = _line_card(term, match.group("gloss"), item, section, ctx)
    return found if len(found) >= 2 else {}


def _line_card(
    term: str, answer: str, item: SyntaxTreeNode, section: tuple[str, ...], ctx: Context
) -> Candidate:
    """A one-line item's card: its name and the rest of the line as the answer."""
    assert item.map
    return Candidate(
        term=term,
        section=section,
        line=item.map[0] + 1,
        spans=[],
        strategy="colon",
        owned=(item.map[0], item.map[1]),
        text=answer.strip(),
        stub=ctx.parsed.lines[item.map[0]],
    )


# `직접 출력하기`, `Logging Library 사용하기`: a way of doing something, told as a step.
_DOING = re.compile(r"[가-힣\s](?:하기|보기|만들기|쓰기|외우기|읽기|적기|풀기)$")


def titled_item(item: SyntaxTreeNode, section: tuple[str, ...], ctx: Context) -> Candidate | None:
    """`1. 부정사의 개념` with its explanation on the lines right under it, in the same item:

        1. 부정사의 개념
           동사를 명사, 형용사, 부사로 활용할 수 있게 동사원형 앞에 to를 붙인 것

    The first line titles the item as a heading would; the lines after it answer it. Steps of
    a procedure (`1. Install Docker` then how) are not terms."""
    parent, paragraph = item.parent, item.children[0] if item.children else None
    if parent is None or parent.type != "ordered_list" or not item.map:
        return None
    if paragraph is None or paragraph.type != "paragraph" or not paragraph.map:
        return None
    start, stop = paragraph.map
    rest = " ".join(strip_prefix(line) for line in ctx.parsed.lines[start + 1 : stop]).split()
    if stop - start < 2 or len(rest) < 3:
        return None
    text = strip_prefix(ctx.parsed.lines[start])
    found = term_of_line(text)
    if found is None or ACTION.search(found[0]) or _DOING.search(found[0]):
        return None
    term, formatted = found
    what = what_is(term)
    question = not what and is_question(term)
    term = what or (strip_question_prefix(term) if question else term)
    if not (what or question) and term_problem(term, max_words=8 if formatted else 5):
        return None
    name, aliases = (term, ()) if question else split_aliases(term)
    return Candidate(
        term=name,
        aliases=aliases,
        section=section,
        line=start + 1,
        spans=[(start + 1, item.map[1])],
        strategy="question-item" if question else "list-term",
        owned=(item.map[0], item.map[1]),
        stub=ctx.parsed.lines[start],
        grouping=True,
    )
