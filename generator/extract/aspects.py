"""List items that name an aspect of the term whose body they are in, not a term of their own.

Under `## 쿠키`, the items `- 쿠키 특징`, `- 쿠키의 동작 순서`, `- 사용 예시` and `- **장점**` sort
the answer about cookies into parts; under `### Coagulopathy`, `- lab features` does the same.
Such an item is a label: it makes no card, and what is nested under it (`- 이름 : 쿠키를 구별하는
이름`, `- 재 사용성 향상` with its explanation) is a property of the enclosing term, kept in its
answer. A kinds label (`- 종류`, `- Types`) is no card either, but the kinds under it are terms.

Two more ways a list describes a term instead of defining new ones: numbered `name: …` lines in a
section about a sequence (`요청 처리 흐름`: the stages, in order), and `name: …` feature lines
right under the prose definition of a term (`SSE는 …이다.` then `- 자동 재연결: …`). Also here:
what a lead-in paragraph (`Examples:`, `Key terms:`) says about the list under it, and quotes
that only hold a list.
"""

from __future__ import annotations

import re
from typing import Literal

from markdown_it.tree import SyntaxTreeNode

from ..parse import first_paragraph, plain_text
from .boldheads import Unit
from .candidate import Context, Scope, strip_prefix
from .colon import ColonLine, split_colon_line
from .labels import ASPECT_PHRASES, LABELS, is_label, is_strong_label
from .lists import LISTS, term_of_line
from .prose import defined_subject
from .terms import normalise, split_aliases, words

Aspect = Literal["property", "kinds"]

# Head nouns that name one side of a thing: what it is like, how it works, what it is good for.
PROPERTY_HEADS = words(
    """
    특징 특성 장점 단점 장단점 예 예시 예제 사례 구성 구성요소 순서 과정 절차 방법 사용법 원리
    주의사항 주의점 한계 한계점 문제점 이유 목적 용도 활용 활용법 역할 효과
    feature features characteristic characteristics property properties pros cons advantages
    disadvantages benefits drawbacks example examples steps limitations uses usage
    applications readings videos resources links
    mechanism mechanisms mnemonic mnemonics motivation intuition causes etiology
    pathophysiology indications contraindications complications prognosis management
    symptoms signs treatment diagnosis relevance significance administration dosage antidote
    monitoring when where why how
    """
)
KIND_HEADS = words("종류 유형 types kinds categories")
_POSSESSIVE = re.compile(r"(?<=[가-힣A-Za-z0-9)])의$")  # `쿠키의` → `쿠키`
_JOINS = frozenset({"and", "&", "/", "및", "과", "와"})
_OF = re.compile(r"^(?P<head>\w+)\s+(?:of|for)\s+(?P<rest>.+)$", re.IGNORECASE)


def aspect_of(term: str, owner: str) -> Aspect | None:
    """What kind of label the item `term` is inside `owner`'s body, or None for a term.

    `사용 예시`, `Pros and cons` (only label words) are labels anywhere; `쿠키 특징`,
    `lab features`, `Features of HTTP/2` (a modifier and an aspect noun) only inside a term's
    body, where they can only mean an aspect of that term."""
    key = _key(term)
    if not key:
        return None
    if key in ASPECT_PHRASES:  # `Clinical relevance`, `Side effects`
        return "property"
    head, rest = _head(key)
    kind: Aspect | None = (
        "property" if head in PROPERTY_HEADS else "kinds" if head in KIND_HEADS else None
    )
    if kind is None:
        return None
    if not rest:  # alone, a word that also names a thing (`분류`, `효과`) is not a label
        return kind if head in LABELS or head.isascii() else None
    if owner and _head(_key(owner))[0] == head:
        # `- Social Causes` inside `Causes of the French Revolution`: the owner already is that
        # aspect, so a qualified one under it is one kind of it, and what it holds are terms
        return "kinds"
    if all(w in LABELS or w in PROPERTY_HEADS for w in rest):
        return kind
    return kind if owner and len(rest) <= 3 else None


def _key(term: str) -> str:
    return normalise(term).casefold().strip(" .:：*_`")


def _head(key: str) -> tuple[str, list[str]]:
    """`social causes` → (`causes`, [`social`]); `features of http/2` → (`features`, [`http/2`])."""
    of = _OF.match(key)
    parts = [of.group("head"), *of.group("rest").split()] if of else key.split()
    head = parts[-1] if not of else parts[0]
    rest = [_POSSESSIVE.sub("", w) for w in (parts[:-1] if not of else parts[1:])]
    return head, [w for w in rest if w not in _JOINS]


# A heading about a sequence: its numbered `name: what happens` lines are the stages, in order.
_FLOW = re.compile(
    r"흐름|과정|순서|절차|\b(?:flow|procedure|workflow|pipeline|steps|how\s+it\s+works)\b",
    re.IGNORECASE,
)


def is_flow(names: tuple[str, ...]) -> bool:
    """`요청 처리 흐름 › HTTP 요청이 NestJS 처리`, `Request flow`: a section about a sequence."""
    return any(_FLOW.search(name) for name in names)


def aspect_item(
    item: SyntaxTreeNode, scope: Scope, ctx: Context, among_terms: bool = False
) -> Aspect | None:
    """`- 쿠키 특징`, `- **장점**`, `- lab features` with items nested under it: the aspect of
    the enclosing term it names (`property` or `kinds`), or None. A lone word among term
    items (`- feature` beside `- develop`, `- release`) is a term like them."""
    paragraph = first_paragraph(item)
    nested = [c for c in item.children[1:] if c.map]
    if not nested or paragraph is None or not paragraph.map:
        return None
    if paragraph.map[1] - paragraph.map[0] != 1:
        return None
    found = term_of_line(strip_prefix(ctx.parsed.lines[paragraph.map[0]]))
    if found is None:
        return None
    if among_terms and len(found[0].split()) == 1 and not is_strong_label(found[0]):
        return None
    return aspect_of(found[0], scope.owner)


def names_side(item: SyntaxTreeNode, scope: Scope, ctx: Context) -> bool:
    """`- **Mechanism:**`, `- When`, `- Clinical relevance` inside a term's body: a label
    word that names one side of that term, never a sibling term of the items around it."""
    paragraph = first_paragraph(item)
    if not scope.owner or paragraph is None or paragraph.map is None:
        return False
    found = term_of_line(strip_prefix(ctx.parsed.lines[paragraph.map[0]]))
    return found is not None and aspect_of(found[0], scope.owner) is not None


def subject_names(unit: Unit, ctx: Context) -> tuple[str, ...]:
    """`SSE(Server-Sent Events)는 … 웹 표준입니다.`: the term a prose paragraph defines, and its
    other names."""
    if not _is_paragraph(unit) or isinstance(unit, list) or not unit.map:
        return ()
    text = " ".join(strip_prefix(x) for x in ctx.parsed.lines[unit.map[0] : unit.map[1]])
    found = defined_subject(text)
    if found is None:
        return ()
    name, aliases = split_aliases(found)
    return tuple(n for n in (name, *aliases) if len(n) >= 2)


def mentions(previous: Unit | None, names: tuple[str, ...]) -> bool:
    """Does the paragraph right above a list speak of the term a prose definition gave? Then
    the list's plain `name: …` lines are that term's features (`- 자동 재연결: 브라우저는 …`
    under `SSE는 …이다`), not a glossary of their own."""
    if not names or previous is None or not _is_paragraph(previous):
        return False
    assert not isinstance(previous, list)
    text = plain_text(previous).casefold()
    return any(name.casefold() in text for name in names)


def told_at_length(items: list[SyntaxTreeNode], ctx: Context) -> bool:
    """Do most `name: …` lines of a list go on in sentences (features told at length), rather
    than give a short gloss or a value (`- Elastic: |PED| > 1`, `- 커밋: 변경 사항의 스냅샷`)?"""
    lines = [line for line in (_colon_line(i, ctx) for i in items) if line is not None]
    long = sum(len(line.definition.split()) >= 4 for line in lines)
    return bool(lines) and long * 2 > len(lines)


def kinds_listed(items: list[SyntaxTreeNode], names: tuple[str, ...], ctx: Context) -> bool:
    """`- Max heap - …`, `- Min heap - …` under `A heap is …`: the lines name kinds of the term
    (its name is their last word), so they are terms of their own, not its features."""
    heads = {name.split()[-1].casefold() for name in names if name.strip()}
    lines = [line for line in map(lambda i: _colon_line(i, ctx), items) if line]
    found = [split_aliases(line.term)[0] for line in lines if not is_label(line.term)]
    terms = [name.casefold() for name in found]  # `Little endian (default)`, not `- Note: …`
    return len(terms) >= 2 and all(
        len(term.split()) > 1 and term.split()[-1] in heads for term in terms
    )


def _is_paragraph(unit: Unit | None) -> bool:
    return unit is not None and not isinstance(unit, list) and unit.type == "paragraph"


def _colon_line(item: SyntaxTreeNode, ctx: Context) -> ColonLine | None:
    paragraph = first_paragraph(item)
    if paragraph is None or not paragraph.map:
        return None
    return split_colon_line(strip_prefix(ctx.parsed.lines[paragraph.map[0]]))


def lead_in(unit: Unit | None, label: bool = False) -> bool:
    """A paragraph ending in `:` right above a list (`주요 필터:`); with `label`, one that is a
    label (`Examples:`, `예:`)."""
    quoted = _quoted_label(unit)
    if quoted:  # `> 특징` set off by quote marks, like a small heading; not `> 용어`
        return is_label(quoted) and not _GLOSSARY_LEAD.search(quoted + ":")
    if unit is None or isinstance(unit, list) or unit.type != "paragraph" or not unit.map:
        return False
    text = plain_text(unit).strip()
    if _GLOSSARY_LEAD.search(text) or counts_kinds(unit):
        return False  # `Key terms:`, `주요 용어:`, `Three groups in …:`: the list defines terms
    return text.endswith((":", "：")) and (not label or is_label(text.rstrip(":： ")))


def _quoted_label(unit: Unit | None) -> str:
    """`> 특징`, `> Features`: a quote holding only a short label, the way a heading would."""
    if unit is None or isinstance(unit, list) or unit.type != "blockquote":
        return ""
    inner = [c for c in unit.children if c.map]
    if len(inner) != 1 or inner[0].type != "paragraph":
        return ""
    text = plain_text(inner[0]).strip().rstrip(":： ")
    return text if 0 < len(text.split()) <= 3 else ""


def names_aspect(unit: Unit | None) -> bool:
    """`주요 기능:`, `Main features:`, `Its parts:`: a lead-in whose head noun is a side of some
    thing, so the list under it holds that thing's parts, not terms of their own."""
    if unit is None or isinstance(unit, list) or unit.type != "paragraph":
        return False
    words = normalise(plain_text(unit)).casefold().rstrip(":： ").split()
    head = _POSSESSIVE.sub("", words[-1]) if words else ""
    return head in PROPERTY_HEADS or head in _PART_HEADS


_PART_HEADS = words("기능 구성 부분 요소 functions functionality components parts")


_GLOSSARY_LEAD = re.compile(
    r"(?:\b(?:terms|glossary|vocabulary|keywords|definitions|concepts)|용어|용어\s*정리|개념|키워드)"
    r"\s*[:：]$",
    re.IGNORECASE,
)


# A count, and the kinds it counts: `three groups`, `5 main normal forms`, `different levels`.
_COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|various|different)"
_KINDS = (
    r"(?:types?|kinds?|groups?|classes|categories|forms|sorts?|families|varieties|levels|stages"
    r"|phases|conditions|principles|laws|properties)"
)
# `Three groups in the Legislative Assembly:`, `3 types of gland cells:`: a count of kinds; each
# item below names one kind, a term of its own (the way `- 종류` lists kinds).
_KINDS_LEAD = re.compile(
    rf"^(?:(?:the|there\s+are|we\s+have)\s+)?{_COUNT}\s+"
    rf"(?:(?:main|major|basic|different|distinct)\s+)?{_KINDS}\b[^:：]{{0,60}}[:：]$",
    re.IGNORECASE,
)


# `Types of Wills`, `Kinds of joints`, `주요 DNS 레코드 타입`, `인덱스 종류`: a title that asks
# for the kinds, whichever way each kind below is written.
KINDS_TITLE = re.compile(
    r"^(?:(?:the|main|major|common|different|basic|\d+)\s+)*(?:types|kinds|forms|categories)\s+of\s+\S"
    r"|\S\s+(?:types|종류|유형|타입)$",
    re.IGNORECASE,
)
# `What are the different normal forms in normalization?`, `데드락 발생 조건 4가지를 설명해
# 주세요`, `기억의 세 가지 과정`: a title that counts what the list below names, or asks for
# the different ones.
_COUNTED_TITLE = re.compile(
    rf"\b{_COUNT}\s+(?:[a-z-]+\s+){{0,2}}{_KINDS}\b"
    r"|(?:(?<!\d)\d+|두|세|네|다섯|여섯|일곱|여덟|여러)\s*가지"  # a run of digits from its start
    r"|(?:의\s*)?(?:종류|유형)(?:는|은|에는|와|과|\s|[?？]|$)",
    re.IGNORECASE,
)


def asks_for_kinds(title: str) -> bool:
    """Does a heading ask for the kinds (or a counted set) the list under it names? Then
    each `name: meaning` line below is one of them, a term of its own, however much else is
    said around the list."""
    title = re.sub(r"[*_`]", "", title).strip()
    return bool(KINDS_TITLE.search(title) or _COUNTED_TITLE.search(title))


def counts_kinds(unit: Unit | None) -> bool:
    """A paragraph whose last line counts the kinds the list below names."""
    if unit is None or isinstance(unit, list) or unit.type != "paragraph":
        return False
    inline = unit.children[0] if unit.children else None
    lines = inline.content.strip().splitlines() if inline is not None else []
    last = re.sub(r"[*_`]", "", lines[-1]).strip() if lines else ""
    return bool(_KINDS_LEAD.search(last))


def unquote(blocks: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """A quote holding only a list (`> - 상호배제 부정 : …`) reads as that list, beside the
    paragraphs around it: the quote marks set it off, they do not make it a new context."""
    out: list[SyntaxTreeNode] = []
    for block in blocks:
        inner = [c for c in block.children if c.map] if block.type == "blockquote" else []
        if inner and all(c.type in LISTS for c in inner):
            out.extend(inner)
        else:
            out.append(block)
    return out
