"""What table headers say: which column holds terms, which their meaning, which another name
for the term — and which headers name the things a table compares."""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from ..parse import Section
from .candidate import Context
from .colon import plain_term

TERM_HEADERS = re.compile(
    r"^(?:term|terms|word|concept|name|keyword|command|cmd|function|method|api|option|flag"
    r"|shortcut|key|abbreviation|acronym|annotation|tag|attribute|property|status|code"
    r"|status code|operator|syntax|directive|instruction|type|pattern|principle|notation|symbol"
    r"|vocabulary|metric|measure|tool|library|package|service|utility|app|기호|표기|표기법|어휘"
    r"|용어|개념|이름|연산|지표|도구|툴|서비스|라이브러리|패키지|종류|유형|kind"
    r"|키워드|명령|명령어|함수|메서드|메소드|옵션|단축키|약어|어노테이션|태그|속성|상태\s*코드|코드"
    r"|연산자|문법|지시어|패턴|원칙|단어|표현|wort|wörter|begriff|ausdruck|mot|palabra|término"
    r"|単語|用語|phrase|expression)$",
    re.IGNORECASE,
)
MEANING_HEADERS = re.compile(
    r"^(?:meaning|definition|description|desc|explanation|summary|what it does|purpose|role"
    r"|usage|use|notes?|details?|what it is|what it means|설명|의미|뜻|정의|내용|역할|기능"
    r"|용도|비고|요약|해석|한국어|korean|특징|특성|features?|characteristics|translation|번역"
    r"|bedeutung|übersetzung|erklärung|signification|sens|traduction|significado|traducción"
    r"|意味|意思|뜻풀이)$",
    re.IGNORECASE,
)
# A column that gives the term another name: `| 용어 | 영어 | 설명 |`.
NAME_HEADERS = re.compile(
    r"^(?:영어|영문|영문명|english|한국어|한글|korean|원어|full name|풀네임|full form|약어"
    r"|abbreviation|acronym|별칭|alias|aliases|also called|전체\s*이름|정식\s*명칭|full\s*form"
    r"|stands for|expansion|german|deutsch|japanese|日本語|일본어|chinese|中文|중국어|french"
    r"|français|프랑스어|spanish|español|스페인어|독일어)$",
    re.IGNORECASE,
)
PROS_CONS = re.compile(
    r"^(?:pros?|cons?|advantages?|disadvantages?|장점|단점|benefits?|drawbacks?)$", re.I
)
# `| Before | After |`, `| 좋은 예 | 나쁜 예 |`: two sides of one thing, not a term and its meaning.
SIDES = re.compile(
    r"^(?:before|after|do|don'?t|dos|don'?ts|good|bad|right|wrong|correct|incorrect|yes|no"
    r"|input|output|as[- ]?is|to[- ]?be|(?:good|bad|correct|wrong)\s+examples?"
    r"|전|후|변경\s*전|변경\s*후|입력|출력|(?:좋은|나쁜|올바른|잘못된|옳은|틀린)\s*예(?:시)?)$",
    re.IGNORECASE,
)
COMPARE_HEADERS = re.compile(
    r"^(?:|구분|비교|항목|기준|특징|feature|features|aspect|criteria|vs\.?)$", re.I
)
_HEADER_PARTS = re.compile(r"\s*(?:\([^()]*\)|/|,|&|\s(?:and|및)\s)\s*")


def role(pattern: re.Pattern[str], header: str) -> bool:
    """Does a column header say what its column holds? `설명 및 중요성`, `원칙 (약어)` and
    `Meaning / notes` count by their first word group, `영어 표현` and `German word` by their
    head noun (the last word)."""
    if pattern.match(header):
        return True
    parts = [p.strip() for p in _HEADER_PARTS.split(header) if p and p.strip()]
    words = header.split()
    return bool(parts and pattern.match(parts[0])) or bool(
        len(words) > 1 and pattern.match(words[-1])
    )


def any_role(word: str) -> bool:
    return any(p.match(word) for p in (TERM_HEADERS, MEANING_HEADERS, NAME_HEADERS))


def named_above(header: list[str], titles: list[str]) -> bool:
    """`## Git vs SVN` over `| Git | SVN |`: the headings name both columns, so the table
    compares them. (`| English | 한국어 |` says what its columns hold, whatever the heading.)"""
    if not all(header[:2]) or any(any_role(h) for h in header[:2]):
        return False
    return any(all(h.casefold() in t.casefold() for h in header[:2]) for t in titles)


def section_titles(table: SyntaxTreeNode, ctx: Context) -> list[str]:
    """The headings the table sits under, innermost first."""
    line = table.map[0] if table.map else -1
    path: list[str] = []

    def find(section: Section) -> bool:
        inside = any(b.map and b.map[0] <= line < b.map[1] for b in section.body)
        if inside or any(find(child) for child in section.children):
            path.append(section.title)
            return True
        return False

    find(ctx.parsed.root)
    return path


_PROPER_NAME = re.compile(r"^(?:[A-Z][a-z0-9]+){2,}$|^[A-Z][A-Z0-9]+$")  # `ArrayList`, `TCP`


def compared_columns(header: list[str], rows: list[list[str]]) -> bool:
    """`| 연산 | ArrayList | LinkedList |` with `O(1)`-like cells: the columns are the things
    compared, each cell a short value, and no column says what the first one means. Two or
    more named columns (`| 종류 | TCP | UDP |`) compare those things whatever their cells say."""
    if any(role(MEANING_HEADERS, h) or role(NAME_HEADERS, h) for h in header[1:]):
        return False
    names = [h for h in header[1:] if _PROPER_NAME.match(h.strip())]
    cells = [c for r in rows for c in r[1:]]
    short = all(len(plain_term(c).split()) <= 2 for c in cells)
    return len(names) == len(header) - 1 and (short or len(names) >= 2)
