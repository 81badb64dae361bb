"""Kinds named inside the answer to a question, in the shapes spoken answers use.

`DB 튜닝 … 3단계에 대해 설명해주세요` answered `첫 번째는 DB 설계 튜닝입니다. …`, or `DB 락에 대해
설명해주세요` answered `Read Lock이라고 불리는 공유락은 …`: each paragraph introduces one kind of
the thing asked about. Only a name whose last word is the question's own noun counts (`공유락`
under `락`, `2차 정규화` under `정규화`), so the other sentences of an answer stay its answer.
"""

from __future__ import annotations

import re

from .terms import split_aliases

# `첫 번째는 X입니다`, `첫 번째 단계는 X로 …`, `두 번째 방법은 X이며 …`
_ORDINAL = re.compile(
    r"^(?:첫|두|세|네|다섯|여섯|일곱)\s*번째(?:\s*(?:단계|방법|유형|종류|방식))?\s*(?:은|는|로는)\s+"
    r"(?P<name>[^\s,.][^,.]{0,30}?)\s*(?:입니다|이다|이며|이고|(?:으)?로\s)"
)
# `Read Lock이라고 불리는 공유락은 …`, `X라고도 하는 Y는 …`, or a numbered `2차 정규화는 …`
_TOPIC = re.compile(
    r"^(?:(?P<alias>[^,.]{1,40}?)\s*(?:이)?라고(?:도)?\s*(?:불리는|부르는|하는)\s+)?"
    r"(?P<name>[^\s,.][^,.]{0,30}?)(?:은|는)\s+\S"
)
_PARTICLE = re.compile(r"(?:에|의|은|는|이|가|을|를|과|와|로|으로|에서|란|이란)$")


def answer_kind(text: str, question: str) -> tuple[str, tuple[str, ...]] | None:
    """(name, aliases) of a kind of the asked thing that this paragraph introduces, if any."""
    ordinal = _ORDINAL.match(text)
    match = ordinal or _TOPIC.match(text)
    if match is None:
        return None
    name, aliases = split_aliases(match.group("name").strip())
    alias = match.groupdict().get("alias")
    if not (ordinal or alias or name[:1].isdigit()):
        return None  # `데이터베이스 락은 …`: plain topics are left to the prose rules
    if not _kind_of(name, question):
        return None
    return name, (*aliases, *([alias.strip()] if alias else []))


def _kind_of(name: str, question: str) -> bool:
    """`공유락` of `DB 락`, `DB 설계 튜닝` of `DB 튜닝`: the name ends with a noun of the question
    and is more than that noun; the question does not already say it."""
    words = name.split()
    if not words or len(words) > 4 or name.casefold() in question.casefold():
        return False
    nouns = {_PARTICLE.sub("", w) for w in re.split(r"[\s(),?？.]+", question) if w}
    last = words[-1]
    return any(
        n and last.endswith(n) and (len(words) > 1 or len(last) > len(n)) and len(n) >= 1
        for n in nouns
        if re.search(r"[가-힣]", n) or len(n) >= 3
    )


__all__ = ["answer_kind"]
