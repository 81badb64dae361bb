"""Prose rules around the definition shapes `prose` reads: an essay's opening topic sentence
and the writer's own function are no cards, a colon lead that names what came before
(`The result is a X: …`), the kinds an answer to a question defines one by one, and a
`X 특징: …` line about a thing other than the section's term."""

from __future__ import annotations

import re

from .answerkinds import answer_kind
from .aspects import aspect_of
from .candidate import Candidate, Scope, paragraph_card
from .labels import is_label
from .prose import defined_subject
from .terms import SENTENCE_BREAK, same_term, split_aliases, strip_numbering, words


def _kind_card(
    name: str, aliases: tuple[str, ...], scope: Scope, start: int, end: int
) -> Candidate:
    # The question's card still names the kind where its paragraph was.
    return paragraph_card(name, scope.section, start, end, aliases=aliases, stub=name)


def kind_in_answer(raw: str, scope: Scope, start: int, end: int) -> Candidate | None:
    """In the answer to `DB 락에 대해 설명해주세요`, `낙관적 락은 … 방법입니다.`: a kind of the
    thing asked about (its last word is the question's, the whole name is not), defined in a
    paragraph of its own, is a child card. Anything else an answer says serves the question."""
    spoken = answer_kind(raw, scope.owner)  # `Read Lock이라고 불리는 공유락은 …`
    if spoken is not None:
        name, aliases = spoken
        if asks_itself(name, scope.owner.casefold()):
            return None
        return _kind_card(name, aliases, scope, start, end)
    subject = defined_subject(raw)
    if subject is None:
        return None
    name, aliases = split_aliases(subject)
    parts = name.split()
    asked = scope.owner.casefold()
    if name.casefold() in asked or asks_itself(name, asked):
        return None
    if len(parts) < 2 and not _compound_kind(name, asked):
        return None
    if len(parts) >= 2 and parts[-1].casefold() not in asked:
        return None
    return _kind_card(name, aliases, scope, start, end)


# `The result is a differentiable renderer`, before a colon that explains it: the name the
# lead gives to what came before.
NAMED_LEAD = re.compile(
    r"^(?:The\s+)?(?P<stop>this|that|it|result|outcome|output|product)(?:'s|\s+is|\s+was)\s+"
    r"(?:a|an)\s+(?!(?:good|bad|great|nice|big|small|simple|common|hard|easy|important|key"
    r"|interesting|useful|new|different|better|real|whole)\s)"
    r"(?P<name>[a-z][\w\-]*(?:\s[a-z][\w\-]*){1,3})$",
    re.IGNORECASE,
)
_PARTICLE = re.compile(r"(?<=[가-힣])(?:에|의|은|는|이|가|을|를|와|과|로|으로|에서)$")


def asks_itself(name: str, asked: str) -> bool:
    """`클래스풀 주소 체계는 …` answering `클래스풀 IP 주소 체계에 대해서 설명해주세요`: every
    word of the name is a word of the question, so it is the thing asked about, not a kind."""
    heads = {_PARTICLE.sub("", w).strip("?？.,()") for w in asked.casefold().split()}
    parts = [w.strip("()") for w in name.casefold().split()]
    return len(parts) >= 2 and all(p in heads for p in parts if p)


def _compound_kind(name: str, asked: str) -> bool:
    """`공유락` in the answer to `DB 락에 대해 …`: a Korean compound whose head is a word the
    question asks about."""
    heads = {_PARTICLE.sub("", w) for w in asked.split()}
    return any(
        h and "가" <= h[-1] <= "힣" and name.endswith(h) and len(name) > len(h) for h in heads
    )


# `Cancer is a complex and heterogeneous disease that …` opening an essay's introduction: it
# frames the essay's subject; the genus is qualified by how hard or important it is, not by
# what sets it apart.
_TOPIC_SENTENCE = re.compile(
    r"^[A-Z][\w\-]*(?:\s[\w\-]+){0,2}\s+(?:is|are)\s+(?:a|an|one of the(?: most)?)\s+"
    r"(?:complex|complicated|important|fundamental|fascinating|interesting|crucial|vital|key"
    r"|essential|critical|central|major|broad|vast|huge|diverse|heterogeneous)\b"
)
_INTRODUCTIONS = frozenset({"introduction", "intro", "background", "서론", "들어가며", "들어가기"})


def topic_sentence(raw: str, section: tuple[str, ...]) -> bool:
    last = strip_numbering(section[-1]).casefold().strip(" .:*") if section else ""
    return last in _INTRODUCTIONS and bool(_TOPIC_SENTENCE.match(raw))


def own_code(subject: str, lines: list[str]) -> bool:
    """`` `check_callable(obj)` returns … `` under a `def check_callable(obj):` the note shows:
    the writer's own function, described in passing, not a term to learn."""
    name = re.match(r"[A-Za-z_][\w.]*", subject)
    if name is None:
        return False
    own = re.compile(
        rf"^\s*(?:export\s+)?(?:async\s+)?(?:def|function|class|fn|func)\s+{re.escape(name[0])}\b"
    )
    return any(own.match(x) for x in lines)


_TRAITS = words(
    """
    특징 특성 장점 단점 장단점 한계 조건 features characteristics properties advantages
    disadvantages pros cons benefits drawbacks limitations
    """
)


_GENERIC_MODIFIERS = words(
    """
    main key core basic general common other additional extra more important notable overall
    its their this these 주요 기본 공통 추가 핵심 일반 일반적 중요한 기타 전체 대표 대표적
    이 그 저 이런 그런 이러한 그러한 방식 이것
    """
)


def other_features(term: str, owner: str) -> bool:
    """`- 주식별자 특징: 유일성/최소성/…` under `핵심 규칙`: the features of a thing the section
    names but is not itself about; recalled as one item."""
    words = term.split()
    if len(words) < 2 or words[-1].casefold() not in _TRAITS or aspect_of(term, "") is not None:
        return False
    subject = " ".join(words[:-1])
    if all(w.casefold().rstrip("의") in _GENERIC_MODIFIERS for w in words[:-1]):
        return False  # `주요 특징`, `main features`: no thing named
    return not is_label(subject) and not (owner and same_term(subject, owner))


# `물질대사는 …를 말한다. 동화 작용(anabolism)은 … 흡열 반응이다.`: a later sentence whose topic
# is a Korean name given with its other name in parentheses, and which defines it.
_GLOSSED_TOPIC = re.compile(
    r"^[가-힣][가-힣 ]{0,20}[(（][^()（）]{2,40}[)）]\s*(?:은|는|이란|란)\s"
)


def glossed_topics(text: str) -> list[tuple[str, str]]:
    """(term, sentence) for each sentence after the first that defines a glossed name."""
    found: list[tuple[str, str]] = []
    for sentence in SENTENCE_BREAK.split(text.strip())[1:]:
        if not _GLOSSED_TOPIC.match(sentence):
            continue
        subject = defined_subject(sentence)
        if subject is not None and "(" in subject:
            found.append((subject, sentence))
    return found
