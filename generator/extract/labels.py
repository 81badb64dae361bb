"""Words that name a label, a generic section or a navigation aid rather than a term.

Kept as data, in one place, so `--explain` can say which list a candidate fell into.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .terms import MEMO, normalise, words

# `Pros: …`, `예시: …` — a label introduces a property of something else; it is never a term.
LABELS = words(
    """
    pros cons pro con advantage advantages disadvantage disadvantages benefit benefits
    drawback drawbacks example examples e.g eg ex note notes nb tip tips hint warning
    caution important usage use use case use cases purpose definition def meaning summary
    tl;dr tldr key point key points keypoint features feature characteristics properties
    property complexity time complexity space complexity syntax input inputs output outputs
    returns return return value parameters params args arguments result results answer
    question reason reasons why how when where date updated created modified author tags
    tag source sources reference references status todo to do see also related ref link
    links category type kind version level difficulty rating priority goal goals problem
    solution cause fix conclusion in short in summary for example i.e ie remember memo q a
    step steps command commands output example how it works 요약 예 예시 예제 보기 장점
    단점 특징 정의 의미 참고 주의 주의사항 결론 원인 해결 해결책 해결법 해결방법 방법 목적 용도
    사용법 사용 예 문법 결과 답 답변 질문 이유 날짜 작성일 수정일 작성자 시간복잡도
    공간복잡도 복잡도 시간 복잡도 공간 복잡도 종류 구조 원리 동작 동작 원리 차이 차이점
    비교 출처 태그 문제 풀이 핵심 포인트 키워드 한줄요약 한 줄 요약 개념 메모 비고 설명
    내용 역할 기능 특성 단계 과정 순서 명령어 코드 입력 출력 반환 반환값 매개변수 인자
    카테고리 유형 난이도 상태 링크 관련 관련 링크 tl dr 정리 요점 팁 경고 참조 예외 조건
    전제 docs documentation doc 문서 공식 문서 repo github homepage site website blog video
    slides 영상 강의 자료 블로그 공식문서 url exercises exercise quiz practice homework
    실습 과제 연습문제 연습 문제 메모장 misc etc 기타 tips 노트 gotcha gotchas pitfalls
    pitfall caveats caveat 함정 주의할점 연관
    주의할 점 상황 개선 범위 대표 lesson lessons takeaway takeaways 교훈
    checklist 체크리스트 troubleshooting 트러블슈팅 bugs bug 버그 활용 응용
    사용처 쓰임 applications ideas idea
    아이디어 exam exams 시험
    lecture last edited edit 작성 수정
    common mistake mistakes misconception misconceptions 실수 흔한 오해
    til learned learnt 배운 오늘 today-i-learned
    terms term glossary 용어 용어집 vocabulary keywords concepts 개념들 definitions
    formula formulas equation equations 공식 수식 목표
    theorem proof lemma corollary remark prevention treatment diagnosis symptoms
    부작용 적응증 금기증 금기 증상 진단 치료 합병증
    update trivia aside beispiel beispiele exemple exemples ejemplo ejemplos
    analogy analogies explanation 비유
    biography 생애 생몰년 생몰 출생 사망 저서 업적 의의 배경 이름 limitations limitation 한계 한계점
    문제점
    définition definición definicion definição definicao definizione definitie definicja
    определение визначення 定義 定义 пример примеры esempio esempi exemplo exemplos 例 例子
    ventajas desventajas vantagens desvantagens avantages inconvénients vorteile nachteile
    vantaggi svantaggi преимущества недостатки faustregel hinweis remarque nota примечание
    """
) | {"motivation", "intuition"}  # why a topic is studied, not a thing to recall
# Two-word names of one side of a term (`- **Clinical relevance:**` under `## Mismatch repair`).
ASPECT_PHRASES = frozenset(
    {
        "clinical relevance", "clinical significance", "clinical features", "side effects",
        "adverse effects", "risk factors", "mode of action", "mechanism of action",
        "use cases", "key points", "key idea", "key ideas", "main idea", "big idea",
    }
)  # fmt: skip
_LABEL_WORDS = LABELS
_LABEL_PHRASES = frozenset(
    normalise(p)
    for p in (
        "today i learned", "what i learned", "rule of thumb", "bottom line", "in a nutshell",
        "한마디로", "요컨대", "오늘 배운 것", "오늘 배운 점", "배운 것", "배운 점",
        "use case", "use cases", "time complexity", "space complexity", "return value",
        "key point", "key points", "key words", "see also", "in short", "in summary", "for example",
        "how it works", "to do", "사용 예", "시간 복잡도", "공간 복잡도", "동작 원리", "관련 링크",
        "한 줄 요약", "해결 방법", "주의 사항", "사용 방법", "장단점", "장점과 단점",
        "pros and cons", "pros & cons", "연습 문제", "best case", "worst case", "average case",
        "fun fact", "layman's analogy", "layman’s analogy", "technical explanation",
    )
)  # fmt: skip

_TIP_WORDS = frozenset(
    {"tip", "tips", "팁", "꿀팁", "hints", "tricks", "notes", "메모", "checklist", "체크리스트"}
    | {"mistakes", "pitfalls", "gotchas", "실수"}
)
_NUMBERED_LABELS = words(
    """
    step 단계 example 예시 예제 ex case 예 note tip q a question answer 문제 답 풀이 질문
    exercise problem 연습 연습문제 quiz 퀴즈 part beispiel beispiele exemple exemples
    ejemplo ejemplos
    """
)
# Headings that stand for "the thing above me": their body defines the parent term.
OVERVIEW_HEADINGS = words(
    """
    overview introduction intro about definition what is it 개요 소개 정의 개념 설명 뜻
    의미 한줄정의
    définition definición definicion definição definicao definizione definitie definicja
    определение визначення 定義 定义 概要 概述 简介 introducción introduccion introdução
    introducao einführung einleitung überblick übersicht aperçu panoramica введение обзор
    """
) | {"한 줄 정의", "한줄 정의", "one-line definition", "one line definition", "in one line"}
# Headings whose sections are never cards (nor anything under them).
NEVER_HEADINGS = re.compile(
    r"^\s*(?:table of contents?|contents|toc|목차|changelog|change log|changes|history"
    r"|revision history|변경\s*이력|변경\s*사항|변경\s*기록|수정\s*이력|수정\s*기록"
    r"|업데이트\s*기록|related|related notes|관련\s*문서|관련\s*노트|업데이트|update log"
    r"|navigation|nav|footnotes?|endnotes?|각주"
    r"|todo|to do|(?:.*\s)?할\s*일|log|daily log|today|tomorrow|yesterday|내일|어제"
    r"|마치며|마무리하며|끝으로|맺음말|closing|closing thoughts|final thoughts|wrapping up|outro"
    r"|(?:.*\s)?(?:오늘의\s*|이번\s*주\s*|주간\s*)?(?:회고|느낀\s*점|후기|소감|예습|복습|과제|숙제)"
    r"|retrospective|reflection|opinions?|(?:my\s+)?thoughts|(?:개인\s*)?의견|(?:주관적인?|개인적인?|개인)\s*생각"
    r"|homework|next week|next time|reminders?|announcements?|공지.*|"
    r"stuck(?:\s+on)?(?:\s.*)?|blockers?|owners?|maintainers?|담당자?|"
    r"(?:for|before)\s+the\s+(?:exams?|tests?|quiz|midterms?|finals?)|시험\s*(?:대비|범위)|"
    r"essay\s+(?:prompts?|questions?|topics?)|"
    r"(?:에러|오류|트러블\s*슈팅|삽질|작업|학습|공부)\s*(?:기록|일지|로그)|errors?\s+log|"
    r"다음\s*(?:주|시간)(?:\s.*)?"
    r"|(?!(?:배운|공부한|학습한|정리한|익힌)\s+(?:것|내용))"  # what was learned: the notes
    r"\S+(?:본|한|은|던|운)\s+(?:문제|문제들|자료|글|영상|것|점|내용|링크|책|강의)(?:\s*목록)?"
    r"|(?:solved|practice) problems|problems solved|questions to ask.*"
    r"|(?:\w+\s+)?to (?:review|read|learn|study|check|do|write|look up|look into|watch|try"
    r"|prepare|practice|memori[sz]e)|.*\bquestions?\s+(?:from|for|to)\b.*"
    r"(?:\s.*)?|review later|나중에.*|오늘의\s.*|삽질.*|(?:찾아|알아)\s*볼\s*(?:것|거리).*"
    r"|.*\b(?:practice|sample|interview|exam)\s+questions|agenda"
    r"|admin|administrivia|administrative(?:\s+\w+)?|(?:course\s+|class\s+)?logistics|housekeeping"
    r"|.*\b(?:for|before)\s+next\s+(?:week|time|class|session|lecture)|next (?:study|session|class)"
    r"|(?:assigned\s+)?readings?(?:\s+list)?"
    r"|(?:topics\s+for\s+)?further\s+(?:reading|study|learning)(?:\s+(?:topics|list|materials?))?"
    r"|(?:shopping|grocery|reading|watch|wish|bucket|to-?do)\s*list|장보기|살\s*것|읽을\s*책"
    r"|(?:this|next) (?:week|month)(?:'s)?(?:\s.*)?|(?:weekly|daily|training|study) plan"
    r"|이번\s*주.*"
    r"|다음\s*(?:스터디|모임|수업|강의)|(?:예상|연습|면접|받은)\s*질문(?:\s*목록)?"
    r"|summary|정리|요약|마무리|결론|conclusion|wrap[- ]up|recap"
    r"|(?:tags?|태그|categories|카테고리|keywords)\s*[:：].*)"  # HackMD's `###### tags: `git``
    r"\s*[:!.]?\s*$",
    re.IGNORECASE,
)
# Whole words only: `우주의 크기` (우주 + 의), `주기억장치`, `꼭짓점` hold no emphasis word.
_EMPHASIS = re.compile(
    # `기억하자`, `기억할 것` urge the reader; `감각 기억`, `장기 기억` name kinds of memory.
    r"(?:(?<![가-힣])(?:중요|핵심|주의|반드시|시험|기억(?=\s*(?:하|할|해|합|했|나|날|납|남))"
    r"|꼭(?![짓지]))"
    r"|important|remember|don't forget|must know|note that|key idea|takeaway)",
    re.IGNORECASE,
)
_NAV = re.compile(
    r"(?:\b(?:back to top|to top|go to top|return to top|top of page|previous|next|prev|home)\b"
    r"|맨\s*위로|위로\s*가기|처음으로|목차로|목록으로|이전\s*글|다음\s*글|↑|⬆|🔝|«|»|←|→|◀|▶)",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"^\s*(?:fig(?:ure)?\.?|table|그림|표|사진|image|img)\s*[\d<(]", re.I)


_COUNT = re.compile(r"\s+\d+\s*(?:가지|개|단계|종류)$")  # `조건 3가지`: a label with a count


@lru_cache(maxsize=MEMO)
def is_label(term: str) -> bool:
    """`Pros`, `예시`, `Time complexity`, `장점 및 단점` — a label, not a term."""
    key = _COUNT.sub("", normalise(term).casefold()).strip(" .:：*_`")
    if key in _LABEL_PHRASES or key in _LABEL_WORDS:
        return True
    words = [w for w in re.split(r"[\s/&,]+|및|과|와", key) if w]
    if len(words) > 1 and words[-1] in _TIP_WORDS:
        return True  # `최적화 팁`, `Exam tips`
    if words and all(w in _NUMBERED_LABELS or w.strip("#.()").isdigit() for w in words):
        return any(w in _NUMBERED_LABELS for w in words)
    return bool(words) and len(words) <= 3 and all(w in _LABEL_WORDS for w in words)


_STRONG = words(
    """
    pros cons advantages disadvantages advantage disadvantage example examples note notes tip
    tips summary characteristics 장점 단점 예 예시 예제 특징 특성 주의 참고 요약 정리 결론 장단점
    definition def defn 정의 meaning 의미 뜻 해결법 해결책 해결방법
    """
)


def is_strong_label(term: str) -> bool:
    """A label even among terms: `Pros`, `예시` never name a thing."""
    return normalise(term).casefold().strip(" .:：*_`") in _STRONG


_LOG_NOUNS = frozenset(
    [
        "내용",
        "것",
        "일",
        "점",
        "문제",
        "문제들",
        "자료",
        "글",
        "영상",
        "질문",
        "질문들",
        "링크",
        "책",
        "강의",
        "부분",
        "코드",
    ]
)


_PERSONAL = re.compile(
    r"^(?:(?:my|our|나의|내|우리|우리\s*팀의?)\s.+|.*\b(?:in|for|at)\s+(?:my|our)\s.+"
    r"|(?:what|how|why|where|when|things?|stuff|everything)\s+(?:i|we)\s+\w+.*)$",
    re.IGNORECASE,
)


# The author's own remarks, named by a bare word: `### 회고` under a mission is what the
# author thought of it, while `### 스프린트 회고` under `## 스크럼 이벤트` is a term.
_OWN_REMARKS = re.compile(
    r"^\s*(?:오늘의\s*|나의\s*|내\s*)?(?:회고|느낀\s*점|후기|소감|감상|배운\s*점"
    r"|(?:주관적인?|개인적인?|개인)\s*(?:생각|의견|견해))\s*[:.!]?\s*$"
)


def is_own_remarks(title: str) -> bool:
    return bool(_OWN_REMARKS.match(normalise(title)))


def is_personal(title: str) -> bool:
    """`My stories`, `What I tried`: the author's own business, sub-headings and all."""
    return bool(_PERSONAL.match(normalise(title)))


def is_log_heading(title: str) -> bool:
    """`오늘 다룬 내용`, `발표 때 받은 질문`, `풀어본 문제`, `My vimrc`, `우리 팀 규칙`: a study
    log or the author's own business, not a term."""
    if _PERSONAL.match(normalise(title)):
        return True
    parts = normalise(title).split()
    if len(parts) < 2:
        return False
    last = parts[-2][-1]
    final = (ord(last) - 0xAC00) % 28 if "가" <= last <= "힣" else -1
    if parts[0] in ("오늘", "내일", "이번주") and final in (4, 8):
        return True  # `오늘 외울 단어`, `내일 할 것`: the day's plan or log
    return parts[-1] in _LOG_NOUNS and final == 4  # `풀어본 문제`: ends in ㄴ, a past modifier


def is_overview_heading(title: str) -> bool:
    return normalise(title).casefold().strip(" .:：") in OVERVIEW_HEADINGS


_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+\.)\s+", re.IGNORECASE)


# `[ 📋 목차 ]`, `【목차】`, `< Contents >`: a table of contents however its heading is dressed
# (other headings keep their own reading: `[ 🗂️ 정리 ]` may hold the whole note).
_WRAPPED = re.compile(r"^[\[【<「『]\s*(?P<inner>[^\]】>」』]+?)\s*[\]】>」』]$")
_SYMBOLS = re.compile(r"^[^\w\s\[\]【】<>「」『』(]+\s*")
# What a table of contents is called (a note titled so also takes `Index`, `색인`: notekinds).
CONTENTS_WORDS = r"table\s+of\s+contents?|contents|toc|목차|차례"
_CONTENTS = re.compile(rf"^(?:{CONTENTS_WORDS})$", re.IGNORECASE)
CONTENTS = "a table of contents: its entries say where things are taught, not what they are"


# A verb telling the reader what to do, opening a step (`Install Node`, `Write a Balanced
# Equation`, `설치하기`).
ACTION = re.compile(
    r"^(?:install|run|create|add|open|set|configure|download|build|start|go|click|use|make"
    r"|write|check|copy|edit|update|enable|deploy|type|enter|save|select|determine|convert"
    r"|calculate|compute|evaluate|identify|find|apply|remove|define|choose|compare|draw|list"
    r"|read|count|measure|multiply|divide|subtract|balance|solve|plot|verify|test|prepare|mix"
    r"|heat|record|repeat|return|initiali[sz]e|assign|insert|delete|sort|swap|call|send|store"
    r"|load|connect|review|analy[sz]e|pick|estimate|gather|collect|clean|split|train|tune)\b"
    r"|(?:설치|실행|생성|추가|설정|작성|입력|클릭|다운로드|빌드|배포|저장|선택|확인)(?:하기)?$",
    re.IGNORECASE,
)


def is_contents_heading(title: str) -> bool:
    text = normalise(title)
    wrapped = _WRAPPED.match(text)
    return bool(_CONTENTS.match(_SYMBOLS.sub("", wrapped.group("inner") if wrapped else text)))


def is_never_heading(title: str) -> bool:
    text = normalise(title)
    return bool(
        NEVER_HEADINGS.match(text)
        or NEVER_HEADINGS.match(_NUMBERING.sub("", text))
        or is_contents_heading(text)
    )


def is_emphasis_phrase(text: str) -> bool:
    """`**이 부분이 중요**`, `**Remember this**` — emphasis, not a term."""
    return bool(_EMPHASIS.search(text))


def is_navigation(text: str) -> bool:
    return bool(_NAV.search(text))


def is_navigation_phrase(text: str) -> bool:
    """`← Previous`, `Next →`, `Back to top`, `이전 글`: nothing but a way to move on. A term
    that only holds such a word is another thing: `Next.js`, `home (/home)`, `Next-Key Lock`."""
    rest = _NAV.sub(" ", text)
    return rest != text and not rest.strip(" \t|·:-–—>()[]")


def is_figure_label(text: str) -> bool:
    """`Figure 3`, `그림 1.`, `<표 2>` — a caption's label."""
    return bool(_FIGURE.match(text.lstrip("<[(")))
