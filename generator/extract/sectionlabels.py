"""Section labels: headings that name a part of a note rather than a thing to learn.

`Introduction`, `Learning resources`, `Essential questions`, `Spring 코드`, `핵심 규칙`,
`트리거 예시`, `JavaScript 실행 방법`: such a heading is no card, while the terms its body
defines still are. Kept as data, like `labels`, so `--explain` can say why.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .terms import MEMO, normalise, words

SECTION_LABEL = "a section label (resources, examples, code, set-up, questions), not a term"
_COUNT = re.compile(r"\s+\d+\s*(?:가지|개|단계|종류)$")  # `주요 질문 3가지`

# Section labels: a heading that names a part of the note (its resources, examples, code,
# set-up, questions, related terms, key rules) rather than a thing to learn. Such a heading is
# never a card, though the terms its body defines are. `_HEADS` are the label nouns, the last
# word of the heading; `_MODIFIERS` the generic words that may come before them
# (`Recommended courses`, `핵심 규칙`, `추가 옵션`); `_ANY_SUBJECT` the heads that stay labels
# after any subject (`트리거 예시`, `웹 표준 상세`, `MyBatis 연동 설정`).
_HEADS = words(
    """
    introduction intro resources resource courses course readings materials questions
    implementations implementation examples example snippets setup set-up configuration installation
    detail
    install options details rules notes misc miscellaneous instruction instructions license
    licence contributing contributors credits acknowledgements acknowledgments content
    contents terms concepts definitions glossary vocabulary terminology
    소개 자료 강의 질문 질문들 구현 예시 예제 코드 설정 설치 옵션 상세 용어 규칙 에러 오류 기타
    실습 파일 steps
    general notation notations
    환경 environment env requirements 키워드 keywords
    objectives outcomes topics syllabus grading
    """
)
# Rules are the exception: `Rust ownership › Rules` with three plain rules is a card (the rules
# of the subject), `핵심 규칙` whose lines define terms of their own only groups them.
_GROUPING_HEADS = words("rules 규칙")
_MODIFIERS = words(
    """
    learning recommended essential further additional extra more key main core basic basics
    concepts terms
    related useful sample example practice common general other source full quick study
    interview code related useful important 기본 추가 관련 핵심 주요 상세 추천 학습 예상 면접
    기타 세부 전체 간단 간단한 중요 참고 예제 실습 소스 샘플 구현 주의
    개발 작업 테스트 기술 lab development dev test testing working tech
    """
)
_ANY_SUBJECT = words(
    "examples example snippets setup configuration installation details detail"
    " 예시 예제 상세 설정 설치"
)
_SECTION_PHRASES = frozenset(
    normalise(p).casefold()
    for p in (
        "table of content", "table of contents", "contribute", "contribute to this",
        "how to contribute", "what's next", "what next", "next steps", "further reading",
        "해야 할 것", "해야할 것", "할 것", "해야 할 일", "getting started", "prerequisites",
        "read more", "more info", "more information", "교재", "관련 개념", "related concepts",
        "next?", "up next", "coming next", "다음은?", "다음 편", "다음 글",
        "tech stack", "기술 스택", "기술스택", "사용 기술", "요구 사항", "학습 목표",
    )
)  # fmt: skip


# `JavaScript 실행 방법`, `How to install`, `작성 예정인 실습 파일`, `(예시) vue 파일에서 …`:
# instructions for the reader, a section still to be written, or one marked as an example.
_HOW_TO = re.compile(
    r"(?:^|\s)(?:실행|설치|사용|설정|적용|구동|빌드|배포|세팅|업로드|제출|커밋|등록)\s*(?:하는\s*)?방법"
    r"(?:\s*\([^()]{1,10}\))?$"
    r"|^how\s+to\s+(?:run|install|use|set\s*up|build|deploy|configure|contribute)\b"
    r"|^(?:작성|추가|정리|업데이트)\s*예정|^[(\[](?:예시|예제|example|examples|e\.g\.)[)\]]",
)


# What the author worked with: `## 실습 환경`, `## Tech stack`, `### Requirements`, `버전`.
_SET_UP_HEADS = words("환경 environment env requirements")
_SET_UP_NAMES = frozenset(
    {"tech stack", "기술 스택", "기술스택", "사용 기술", "요구 사항", "요구사항", "version",
     "versions", "spec", "specs", "버전", "사양"}
)  # fmt: skip


def is_set_up_section(title: str) -> bool:
    """`## 2. 실습 환경`, `## Tech stack`: the set-up the author used (`## 가상 환경` is a term)."""
    key = normalise(title).casefold().strip(" .:：*_`")
    if key in _SET_UP_NAMES:
        return True
    return bool(key.split()) and key.split()[-1] in _SET_UP_HEADS and is_section_label(title)


_COLLECTIONS = words(
    "terms concepts examples example questions resources readings snippets exercises vocabulary"
    " glossary terminology notes keywords 키워드 질문 질문들 용어 개념"
)


def is_collection_label(title: str) -> bool:
    """`키워드`, `질문`, `Key terms`: a heading over a collection of the note's own items, no
    side of the term above it (as `특징` under `## 쿠키` is)."""
    key = normalise(title).casefold().strip(" .:：?？!*_`").split()
    return bool(key) and key[-1] in _COLLECTIONS and is_section_label(title)


# The collections that hold terms (not `Examples`, `Questions`, `Resources`).
_TERM_COLLECTIONS = words(
    "terms concepts vocabulary glossary terminology keywords 키워드 용어 개념"
)


def is_terms_label(text: str) -> bool:
    """`**Key Terms:**`, `Vocabulary:`, `주요 용어`: a label over a list of terms, each its own
    card even inside another term's body (`Examples:` or `Questions:` hold no terms)."""
    key = normalise(text).casefold().strip(" .:：*_`").split()
    return 0 < len(key) <= 3 and key[-1] in _TERM_COLLECTIONS and is_collection_label(text)


_ABOUT = re.compile(r"^(.+?)\s+(?:in|of|for|on|about)\s+\S", re.IGNORECASE)


@lru_cache(maxsize=MEMO)
def is_section_label(title: str) -> bool:
    """`Introduction`, `Learning resources`, `Essential questions`, `Spring 코드`, `핵심 규칙`,
    `트리거 예시`, `Next?` — a part of the note, not a term (its body's own terms still are)."""
    text = normalise(title).casefold()
    key = _COUNT.sub("", text).strip(" .:：?？!*_`")
    if key in _SECTION_PHRASES or text.rstrip(" .") in _SECTION_PHRASES or _HOW_TO.search(key):
        return True
    # `Key terms in classical conditioning`, `Examples of recursion`: a collection, then its
    # subject (`Rules of Hooks` and `Definition of Done` name a thing: they stay terms)
    about = _ABOUT.match(key)
    if about and about.group(1).split()[-1] in _COLLECTIONS and is_section_label(about.group(1)):
        return True
    parts = [w for w in re.split(r"[\s/&,]+|\b및\b|\band\b", key) if w]  # `Terms and Definitions`
    if not parts or len(parts) > 5 or parts[-1] not in _HEADS:
        return False
    return parts[-1] in _ANY_SUBJECT or all(w in _MODIFIERS for w in parts[:-1])


_EXAMPLE_HEADS = words(
    """
    examples example snippets code implementations implementation setup configuration
    installation practice exercises resources courses steps 예시 예제 코드 구현 설정 설치 실습 자료
    강의
    """
)


def is_example_section(title: str) -> bool:
    """`트리거 예시`, `Implementations`, `기본 설정`: a section of examples, code or set-up
    steps — its sub-headings are those examples and steps, not terms."""
    if not is_section_label(title):
        return False
    key = normalise(title).casefold().strip(" .:：?？!*_`")
    return bool(_HOW_TO.search(key)) or key.split()[-1] in _EXAMPLE_HEADS


_EXAMPLE_NOUNS = words(
    "example examples 예시 예제 사례 beispiel beispiele exemple exemples ejemplo ejemplos esempio"
    " esempi exemplo exemplos"
)
_EXAMPLE_WORDS = _EXAMPLE_NOUNS | words(
    "a an the another other more some simple introductory worked further additional quick 추가"
)


# `Example 1: Light bulb`, `Mistake 2: Using 은/는 with weather`, `예시: 공을 밀 때`, `Case 3: …`:
# one of a set of examples, cases or mistakes, named by its kind (and number) before a colon.
_INSTANCE = re.compile(
    r"^(?:(?:examples?|scenario|mistake|pattern|sample|illustration|예시|예제|사례)\s*\d{0,3}"
    r"|(?:case|problem|exercise|practice|quiz|lab|task|activity|연습|실습|연습\s*문제)\s*\d{1,3})"
    r"\s*[:.)\-–—]\s*\S",
    re.IGNORECASE,
)


def is_instance_heading(title: str) -> bool:
    """`### Example 1: Light bulb`: an example, case or mistake, not a term (terms defined in
    its body are still cards)."""
    return bool(_INSTANCE.match(normalise(title).strip(" *_`")))


def only_examples(title: str) -> bool:
    """`Examples`, `An introductory Example`, `추가 예시`: a section that holds nothing but
    examples (not `Verbs with examples`, which names its subject)."""
    parts = normalise(title).casefold().strip(" .:：?？!*_`").split()
    return bool(parts) and parts[-1] in _EXAMPLE_NOUNS and all(w in _EXAMPLE_WORDS for w in parts)


@lru_cache(maxsize=MEMO)
def section_label_kind(title: str) -> str:
    """ "" (a possible term), "label" (never a card) or "grouping" (a card unless its body
    defines terms of its own: `핵심 규칙`, `Rules`)."""
    if not is_section_label(title):
        return ""
    last = normalise(title).casefold().strip(" .:：?？!*_`").split()[-1]
    return "grouping" if last in _GROUPING_HEADS else "label"


_RESOURCE_HEADS = words("resources resource readings materials 자료 교재")


def is_resource_section(title: str) -> bool:
    """`Learning resources`, `Recommended courses`, `학습 자료`: a list of things to read or
    watch, like a sources section — nothing in it is a card."""
    if not is_section_label(title):
        return False
    words = normalise(title).casefold().strip(" .:：?？!*_`").split()
    courses = len(words) > 1 and words[-1] in ("courses", "course", "강의")  # `추천 강의`
    return courses or words[-1] in _RESOURCE_HEADS
