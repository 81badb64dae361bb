"""List items that name an aspect of the term whose body they are in, not a term of their own.

Under `## 쿠키`, the items `- 쿠키 특징`, `- 쿠키의 동작 순서`, `- 사용 예시` and `- **장점**` sort
the answer about cookies into parts; under `### Coagulopathy`, `- lab features` does the same.
Such an item is a label: it makes no card, and what is nested under it (`- 이름 : 쿠키를 구별하는
이름`, `- 재 사용성 향상` with its explanation) is a property of the enclosing term, kept in its
answer. A kinds label (`- 종류`, `- Types`) is no card either, but the kinds under it are terms.
"""

from __future__ import annotations

import re
from typing import Literal

from .labels import LABELS
from .terms import normalise, words

Aspect = Literal["property", "kinds"]

# Head nouns that name one side of a thing: what it is like, how it works, what it is good for.
PROPERTY_HEADS = words(
    """
    특징 특성 장점 단점 장단점 예 예시 예제 사례 구성 구성요소 순서 과정 절차 방법 사용법 원리
    주의사항 주의점 한계 한계점 문제점 이유 목적 용도 활용 활용법 역할 효과 동작
    feature features characteristic characteristics property properties pros cons advantages
    disadvantages benefits drawbacks example examples steps limitations uses usage
    applications readings videos resources links
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
    key = normalise(term).casefold().strip(" .:：*_`")
    if not key:
        return None
    of = _OF.match(key)
    parts = [of.group("head"), *of.group("rest").split()] if of else key.split()
    head = parts[-1] if not of else parts[0]
    rest = [_POSSESSIVE.sub("", w) for w in (parts[:-1] if not of else parts[1:])]
    rest = [w for w in rest if w not in _JOINS]
    kind: Aspect | None = (
        "property" if head in PROPERTY_HEADS else "kinds" if head in KIND_HEADS else None
    )
    if kind is None:
        return None
    if not rest:  # alone, a word that also names a thing (`분류`, `효과`) is not a label
        return kind if head in LABELS or head.isascii() else None
    if all(w in LABELS or w in PROPERTY_HEADS for w in rest):
        return kind
    return kind if owner and len(rest) <= 3 else None
