"""What kind of table a table is, judged from its cells: a list of links, an index of files, a
schedule, a lookup of codes, or two compared things side by side — and whether a first cell
reads as a glossary entry.

Each test looks at the shape of the whole table, never at one row, so a stray link or number in
a glossary does not turn it into something else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from .colon import PHRASE, SENTENCE, plain_term, term_problem
from .terms import split_aliases

_LINK = re.compile(r"!?\[[^\]]*\]\([^)]*\)|<https?://[^>]+>|https?://\S+|\[\[[^\]]*\]\]")
_LINK_PARTS = re.compile(r"!?\[([^\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)")
_NOTHING = re.compile(r"^\s*(?:n/?a|none|-+|–|—|x|없음|해당\s*없음|\?)?\s*$", re.IGNORECASE)
_FILE_NAME = re.compile(r"^[\w.\-/ ]+\.[A-Za-z][A-Za-z0-9]{0,4}$")
_DATE_OR_NUMBER = re.compile(r"^[\d\s.\-/:,]+$")

# `| Code | Name |`, `| 포트 | 서비스 |`: the first column holds identifiers written as numbers.
_CODE_HEADER = re.compile(
    r"^(?:(?:http\s+)?status(?:\s+codes?)?|codes?|error(?:\s+codes?)?|exit\s+codes?|errno"
    r"|ports?|port\s+number|opcodes?|signals?|key\s*codes?|response\s+codes?"
    r"|코드|상태\s*코드|응답\s*코드|에러\s*코드|오류\s*코드|종료\s*코드|포트|포트\s*번호|시그널)$",
    re.IGNORECASE,
)
_CODE_CELL = re.compile(r"^(?:\d{1,5}|0x[0-9a-f]{1,8}|[1-9]xx|[A-Z]{1,3}-?\d{2,5})$", re.IGNORECASE)

# `| 주차 | 내용 |`, `| Week 1 | Intro |`, `| 09:00 | 개회 |`: a timetable or an outline.
_SCHEDULE_HEADER = re.compile(
    r"^(?:week|weeks|day|days|date|dates|time|times|when|session|lecture|lesson|period"
    r"|month|year|semester|deadline|due|schedule|chapter|ch\.?"
    r"|주|주차|일차|날짜|일자|일시|시간|시각|요일|회차|차시|강|강의|월|연도|년도|학기|기간|일정"
    r"|마감|장|챕터)$",
    re.IGNORECASE,
)
_SCHEDULE_CELL = re.compile(
    r"^(?:(?:week|day|lecture|session|class|lesson|unit|module|chapter|ch\.?|part|sprint|phase"
    r"|round|step|wk)\s*\d+(?:\s*[-–~]\s*\d+)?"
    r"|\d+\s*(?:주차|주|일차|일|회차|회|차시|강|장|교시|월|년|학기|단계)(?:\s*[-–~]\s*\d+\s*\S*)?"
    r"|\d{1,2}:\d{2}(?:\s*[-–~]\s*\d{1,2}:\d{2})?"
    r"|\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?\.?|\d{1,2}[/.]\d{1,2}\.?"
    r"|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:\.|day)?|wednes(?:day)?|satur(?:day)?"
    r"|[월화수목금토일](?:요일)?)$",
    re.IGNORECASE,
)
# A name that reads as one thing of a kind: `TCP`, `L2`, `ArrayList`, `IPv4`, `var`.
_NAME_LIKE = re.compile(
    r"^(?:[A-Z][A-Z0-9.+#/-]+s?|(?:[A-Z][a-z0-9]+){2,}|[A-Za-z]+v?\d+[A-Za-z]*|`[^`]+`)$"
)


def is_nothing(cell: str) -> bool:
    """An empty cell or one that says there is nothing: `N/A`, `-`, `없음`."""
    return not _LINK.search(cell) and bool(_NOTHING.match(plain_term(cell)))


def link_only(cell: str) -> bool:
    """A cell with one or more links and nothing else: `[?](…)`, `[docs](…), [src](…)`."""
    return bool(_LINK.search(cell)) and not _LINK.sub("", cell).strip(" ,·|/-–—.;()")


def index_row(cells: list[str]) -> bool:
    """A row (or list line) of links with at most dates or counts beside them
    (`| 2020-04-29 | [Title](a.md) |`, `- [Title](a.md)`): an entry of an index."""
    cells = [c for c in cells if c.strip()]
    if not any(link_only(c) for c in cells):
        return False
    return all(link_only(c) or is_nothing(c) or _DATE_OR_NUMBER.match(c.strip()) for c in cells)


def icon_only(cell: str) -> bool:
    """A mark with no word in it: `✅`, `⭐⭐`, `:+1:`."""
    text = re.sub(r":[a-z0-9_+-]+:", "", plain_term(cell))
    return bool(cell.strip()) and not re.search(r"[^\W_]", text)


def decoration_columns(rows: list[list[str]], width: int) -> set[int]:
    """Columns after the first whose every cell is a link, a mark or nothing (and most of them
    links or marks): a pointer to more reading, not part of the answer."""
    found: set[int] = set()
    for col in range(1, width):
        cells = [r[col] for r in rows if col < len(r) and not is_nothing(r[col])]
        if not cells:
            continue
        marks = sum(link_only(c) or icon_only(c) for c in cells)
        if all(_LINK.search(c) or icon_only(c) for c in cells) and marks * 2 > len(cells):
            found.add(col)
    return found


def file_index(rows: list[list[str]]) -> bool:
    """`| [http1.js](ch1/http1.js) | 200 OK |` or `| [Title](notes/a.md) | 2018-03-01 |`: the
    first column links to files next to the note; a table of contents, not terms."""
    firsts = [r[0] for r in rows if r and r[0].strip()]
    local = [_local_target(c) for c in firsts]
    linked = sum(t is not None for t in local)
    if not firsts or linked * 2 <= len(firsts):
        return False
    named_files = sum(  # a file's name shown, or a link to a note by its name
        bool(t and (_FILE_NAME.match(plain_term(c).strip()) or _WIKILINK_TARGET.search(c)))
        for c, t in zip(firsts, local, strict=True)
    )
    seconds = [plain_term(r[1]) for r in rows if len(r) > 1 and r[1].strip()]
    if seconds and all(_DATE_OR_NUMBER.match(s) for s in seconds):
        return True  # `| [Title](a.md) | 2018-03-01 |`, even with group rows between the links
    return linked * 4 >= len(firsts) * 3 and (named_files * 2 > len(firsts) or not seconds)


def _local_target(cell: str) -> str | None:
    """Where a cell's link to a file beside the note points: `[Title](a.md)`, or an Obsidian
    link to another note, `[[Cards/Drugs|Drugs]]`."""
    for _text, target in _LINK_PARTS.findall(cell):
        if target and not re.match(r"^[a-z][a-z0-9+.-]*:|^#", target, re.IGNORECASE):
            return str(target)
    wiki = _WIKILINK_TARGET.search(cell)
    return wiki.group(1) if wiki else None


_WIKILINK_TARGET = re.compile(r"(?<!!)\[\[([^\]|#]+)")


def code_lookup(header: list[str], rows: list[list[str]]) -> bool:
    """`| Code | Name |` over `` `404` | Not Found ``: each number names one thing, and the
    other column says which (a year | population table has numbers on both sides)."""
    firsts = [r[0].strip() for r in rows if r and r[0].strip()]
    if not firsts or not all(_CODE_CELL.match(plain_term(f)) for f in firsts):
        return False
    marked = all(f.startswith("`") and f.endswith("`") for f in firsts)
    if not (marked or _CODE_HEADER.match(header[0])):
        return False
    seconds = [plain_term(r[1]) for r in rows if len(r) > 1 and r[1].strip()]
    worded = sum(bool(re.search(r"[^\W\d_]{2}", s)) for s in seconds)
    return bool(seconds) and worded * 5 >= len(seconds) * 4 and len(set(firsts)) == len(firsts)


def schedule(header: list[str], rows: list[list[str]], named: bool) -> bool:
    """`| 주차 | 내용 |`, `| Week 1 | Intro |`, `| 09:00 | Keynote |`: a timetable or outline.
    (`| Wort | Bedeutung |` over `| Montag | Monday |` is named a glossary by its headers.)"""
    if _SCHEDULE_HEADER.match(plain_term(header[0])):
        return True
    if named:
        return False
    firsts = [plain_term(r[0]) for r in rows if r and r[0].strip()]
    return bool(firsts) and sum(bool(_SCHEDULE_CELL.match(f)) for f in firsts) * 2 > len(firsts)


_LANGUAGE_CODE = re.compile(
    r"^(?:en|eng|de|deu|ger|ko|kr|kor|ja|jp|jpn|zh|cn|fr|fra|es|spa|it|ru|pt|vi)$", re.IGNORECASE
)


def peer_headers(header: list[str], role: Callable[[str], bool]) -> bool:
    """`| TCP | UDP |`, `| ES | RDB |`, `| L2 스위치 | L3 스위치 |`: the two column headers are
    two things of one kind, and each row pairs their counterparts — a comparison. (`| 한국어 표현
    | 영어 표현 |` shares a word too, but `표현` says what a column holds: `role`.)"""
    first, second = (h.strip() for h in header[:2])
    if not first or not second:
        return False
    if _LANGUAGE_CODE.match(first) and _LANGUAGE_CODE.match(second):
        return False  # `| DE | EN |`: a word and its translation
    if _NAME_LIKE.match(first) and _NAME_LIKE.match(second):
        return True
    a, b = first.split(), second.split()
    return len(a) > 1 and len(b) > 1 and a[-1] == b[-1] and not role(a[-1])  # `흐름 제어`


def members(answers: list[str]) -> bool:
    """`| 물리 계층 | NIC, 리피터, AP |`, `| Transport | TCP, UDP |`: most answers list names, so
    each row files things under a category rather than saying what the category is."""
    listed = [a for a in answers if "," in a]
    if not answers or len(listed) * 2 < len(answers):
        return False
    items = [i.strip() for a in answers for i in a.split(",") if i.strip()]
    return all(len(i.split()) <= 3 and not re.match(r"[a-z]", i) for i in items)


_FLAG = re.compile(
    r"^(?:o|x|y|n|yes|no|true|false|[○◯●×✕✗✘✓✔△▲-]|있음|없음|가능|불가|불가능|지원|미지원|예|아니오"
    r"|필요|불필요)$",
    re.IGNORECASE,
)


def flags(rows: list[list[str]]) -> bool:
    """`| GET | O | O |`, `| Merge sort | Yes | No |`: every answer is a mark or a yes/no, so
    the table ticks properties off; a row's marks mean nothing on their own."""
    cells = [plain_term(c) for r in rows for c in r[1:] if c.strip()]
    return bool(cells) and all(_FLAG.match(c) or icon_only(c) for c in cells)


_INDEX_HEADER = re.compile(r"^(?:#|no\.?|nr\.?|num|number|번호|순번|연번|)$", re.IGNORECASE)


def index_column(header: list[str], rows: list[list[str]]) -> bool:
    """`| # | Word | Meaning |` over `| 1 | brittle | … |`: the first column only counts the rows;
    the table starts at the second."""
    if len(header) < 3 or not rows or not _INDEX_HEADER.match(plain_term(header[0])):
        return False
    numbers = [plain_term(r[0]).rstrip(".") for r in rows if r]
    if not all(n.isdigit() for n in numbers):
        return False
    values = [int(n) for n in numbers]
    return all(b == a + 1 for a, b in pairwise(values))


# `Heapify (create a heap out of given array of elements)`: a term and a note about it.
_EXPLAINED = re.compile(r"^(?P<term>[^()]{1,40}?)\s*\((?P<note>[^()]*\s[^()]*\s[^()]*\s[^()]*)\)$")


def explained(term: str) -> tuple[str, str]:
    """A term without a parenthesised explanation of four or more words, and that note."""
    match = _EXPLAINED.match(term)
    if match is None or term_problem(match.group("term").strip(), 6) is not None:
        return term, ""
    if split_aliases(term)[1]:
        return term, ""  # `HTTPS (HTTP over TLS with certificates)`: another name after all
    return match.group("term").strip(), match.group("note").strip()


def phrase(term: str) -> bool:
    """A short phrase, not a whole sentence: no full stop after a word, and a Korean `…다`
    ending only in a phrase of up to three words (`입이 무겁다`). In a table of terms, such a
    phrase is an entry."""
    words = term.split()
    if not 0 < len(words) <= 6 or len(term) > 60:
        return False
    if re.search(r"[^\W\d_]{4,}[.!?。]$|[가-힣](?:다|요)[.!?]$", term):
        return False
    return len(words) <= 3 or not re.search(r"[가-힣](?:다|요)$", term)  # `눈치가 빠르다`


def entry(term: str) -> bool:
    """Could this first cell be an entry of a glossary? A term, or a phrase of at most three
    words (`연임`, `a bargain`, `눈치가 빠르다`), which looks like a sentence out of context."""
    problem = term_problem(term, 6)
    lenient = problem in (SENTENCE, PHRASE) and len(term.split()) <= 3
    return problem is None or (lenient and phrase(term))
