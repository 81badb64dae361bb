"""Headings that label a part of the note, heading text as a reader sees it, headings inside
list items, and numbered lines that head a list."""

from __future__ import annotations

import pytest
from extract_helpers import by_term, cards, reasons, terms

from generator.extract.labels import is_label
from generator.extract.sectionlabels import is_section_label


def test_section_labels_are_not_cards_but_their_terms_are() -> None:
    md = """
        # Queue cheat sheet
        ## Introduction
        A queue is a collection where elements leave in the order they came.
        ## Learning resources
        - Readings
          - [Queues](https://example.com/q), a blog post
        ## Implementations
        ```java
        Queue<Integer> q = new ArrayDeque<>();
        ```
        ## 관련 용어
        - 카디널리티: 컬럼에 들어 있는 서로 다른 값의 개수
        ## 추가 옵션
        - 만료 시간을 정할 수 있다
        ## Essential questions
        - [Implement a stack using queues](https://example.com/s)
        ## Next?
        Stacks come next.
        """
    got = cards(md)
    assert [(c.term, c.section) for c in got] == [
        ("queue", ("Introduction",)),
        ("카디널리티", ("관련 용어",)),
    ]
    why = reasons(md)
    assert why["관련 용어"].startswith("a section label")
    assert why["Learning resources"] == "a list of resources to read or watch"
    assert "Readings" not in why  # nothing inside a resources list is even considered


def test_general_facts_and_notation_sections_are_labels_even_under_a_term() -> None:
    md = """
        # Haematology
        ## Pernicious Anaemia
        ### General
        - commonest cause of B12 deficiency in adults
        - autoimmune
        ### Diagnosis
        - low serum B12, intrinsic factor antibodies
        ## Notation
        Vectors are bold and scalars are italic.
        ## General relativity
        Gravity as the curvature of spacetime.
        """
    assert terms(md) == ["Diagnosis", "General relativity"]
    why = reasons(md)
    assert why["General"].startswith("a section label")
    assert why["Notation"].startswith("a section label")


def test_terms_that_end_in_a_label_word_stay_terms() -> None:
    md = """
        # Coding theory
        ## Hamming code
        An error-correcting code that fixes any single-bit error.
        ## 명명 규칙
        - 클래스 이름은 대문자로 시작한다
        ## 해밍 코드
        한 비트 오류를 고칠 수 있는 부호
        """
    assert terms(md) == ["Hamming code", "명명 규칙", "해밍 코드"]


def test_code_under_a_code_label_is_not_a_card_but_a_task_with_code_is() -> None:
    md = """
        # Spring
        ## Spring 코드
        ```java
        SseEmitter emitter = new SseEmitter();
        ```
        ## Undo the last commit
        ```bash
        git reset --soft HEAD~1
        ```
        ## store/module_user.js
        ```js
        export default { state: {} }
        ```
        """
    assert terms(md) == ["Undo the last commit"]
    assert reasons(md)["Spring 코드"] == "a section of code, not a term"


def test_rules_are_a_card_unless_they_define_terms() -> None:
    plain = """
        # Rust ownership
        ## Rules
        1. Each value has exactly one owner
        2. The value is dropped when its owner goes out of scope
        """
    assert terms(plain) == ["Rules"]
    defining = """
        # 윈도우 함수
        ## 핵심 규칙
        - RANK(): 동일 값에 동일 순위를 주고 다음 순위는 건너뛴다.
        - ROW_NUMBER(): 동일 값이라도 고유한 순번을 매긴다.
        """
    assert terms(defining) == ["RANK()", "ROW_NUMBER()"]
    assert reasons(defining)["핵심 규칙"] == "a section label over terms of its own"


def test_sub_headings_of_an_examples_section_are_examples() -> None:
    md = """
        # 트리거
        ## 트리거 예시
        ### 트리거 확인하기
        ```sql
        SHOW TRIGGERS;
        ```
        ### 트리거 삭제하기
        - DROP TRIGGER 문을 쓴다
        ## 트리거의 장점
        - 데이터 무결성을 자동으로 지킨다
        """
    assert terms(md) == ["트리거의 장점"]
    assert reasons(md)["트리거 삭제하기"] == "a part of '트리거 예시', not a term"


def test_how_to_and_unwritten_sections_are_not_terms() -> None:
    md = """
        # HTTP 실습
        ## JavaScript 실행 방법
        - 폴더로 이동한 뒤 node 로 실행한다
        ## 작성 예정인 실습 파일
        - 리다이렉션 예제
        ## How to install
        - Run the installer
        ## 프로세스 종료 방법
        - 교착 상태의 프로세스를 하나씩 중지한다
        """
    assert terms(md) == ["프로세스 종료 방법"]


def test_definition_label_headings_name_their_subject() -> None:
    got = cards("""
        # 식별자
        ## 한 줄 정의
        엔터티 인스턴스를 유일하게 식별하는 속성이다.
        ## Utility - Definition
        The satisfaction a consumer gets from a good.
        ## Definition of elasticity
        How much demand responds to a change in price.
        ## 세마포어의 의미
        여러 스레드가 공유 자원에 접근하는 수를 제한하는 카운터이다.
        ## 하향식 산정 기법의 개요
        - 전문가의 경험으로 전체 비용을 먼저 정한 후 나누는 방법
        """)
    assert [(c.term, c.section) for c in got] == [
        ("식별자", ("한 줄 정의",)),
        ("Utility", ("Utility - Definition",)),
        ("elasticity", ("Definition of elasticity",)),
        ("세마포어", ("세마포어의 의미",)),
        ("하향식 산정 기법", ("하향식 산정 기법의 개요",)),
    ]


def test_a_leading_definition_label_names_the_term_after_it() -> None:
    got = cards("""
        # Algebra
        ## Definition: Abelian Group
        * a group whose operation is commutative
        ## Definition 2.1 - Ring
        * a set with two operations, addition and multiplication
        ## Definitions and notation
        Symbols used in the chapter, listed once.
        ## Definition: a set with one associative operation and an identity
        * a monoid
        ## 정의: 실행 중인 프로그램을 말한다
        * 프로세스
        """)
    assert [(c.term, c.section) for c in got][:2] == [
        ("Abelian Group", ("Definition: Abelian Group",)),
        ("Ring", ("Definition 2.1 - Ring",)),
    ]
    made = [c.term for c in got]
    assert "Definition: Abelian Group" not in made
    assert not any(t.startswith(("a set", "실행 중인")) for t in made)  # a sentence names nothing


@pytest.mark.parametrize(
    "label", ["Definición", "Definição", "Définition", "Definizione", "Определение", "定義"]
)
def test_definition_labels_in_other_languages_label_the_term_above(label: str) -> None:
    md = f"""
        # POO
        ### Abstracción
        **{label}:**
        Representación simplificada de un objeto, mostrando solo lo esencial.
        ### Encapsulamiento
        #### {label}
        Ocultamiento de los detalles internos de un objeto.
        """
    assert terms(md) == ["Abstracción", "Encapsulamiento"]


@pytest.mark.parametrize("label", ["Ventajas", "Nachteile", "Примеры", "Esempio", "Faustregel"])
def test_property_labels_in_other_languages_are_labels(label: str) -> None:
    assert is_label(label)
    md = f"""
        # Redes
        ## Protocolos
        **{label}**
        - fiable, pero más lento que UDP
        """
    assert label not in terms(md)


def test_a_definition_label_with_no_subject_is_no_card() -> None:
    md = """
        # OS 정리
        ## 개요
        운영체제 수업에서 다룬 내용
        """
    assert terms(md) == []
    assert reasons(md)["개요"] == "a label heading with no term above it"


def test_heading_text_as_a_reader_sees_it() -> None:
    got = cards("""
        # Notes
        ### :nerd_face: Deadlock
        - processes wait on each other forever
        ## **2. miRNAs promote proliferation **
        - they silence tumour suppressors
        ## 4. IaaS VS PaaS ⭐
        - IaaS 는 서버를, PaaS 는 플랫폼을 빌린다
        ### 1-1. 데이터흐름도
        - 자료의 흐름을 그린 그림
        ## 2-3 트리
        - 노드가 자식을 둘 또는 셋 가진다
        ## C++
        - a language with classes
        ### Loop Coverage:
        - every loop runs zero, one and many times
        """)
    assert [(c.term, c.section) for c in got] == [
        ("Deadlock", ("Deadlock",)),
        ("miRNAs promote proliferation", ("miRNAs promote proliferation",)),
        ("IaaS VS PaaS", ("IaaS VS PaaS ⭐",)),
        ("데이터흐름도", ("IaaS VS PaaS ⭐", "데이터흐름도")),
        ("2-3 트리", ("2-3 트리",)),
        ("C++", ("C++",)),
        ("Loop Coverage", ("C++", "Loop Coverage:")),
    ]


def test_bracketed_name_before_a_dash_is_the_term() -> None:
    got = cards("""
        # TIL
        ## [Vuex] - Vue.js 상태 관리 패턴 + 라이브러리
        - 컴포넌트가 공유하는 상태를 한 곳에서 관리한다
        ## [OS] Deadlock
        - processes wait on each other forever
        """)
    assert [(c.term, c.section) for c in got] == [
        ("Vuex", ("[Vuex] - Vue.js 상태 관리 패턴 + 라이브러리",)),
        ("Deadlock", ("Deadlock",)),
    ]


def test_page_references_and_diagrams_are_not_cards() -> None:
    md = """
        # Deutsch
        ## KB s.97
        - Stau: traffic jam
        ## Flow
        ```mermaid
        graph TD
          A --> B
        ```
        ## Diagram only
        ![flow](flow.png)
        ## S3
        Object storage.
        """
    assert terms(md) == ["Stau", "S3"]
    assert reasons(md)["Flow"] == "its body is only a diagram"


def test_a_term_ending_in_page_and_a_number_is_a_term_not_a_page_reference() -> None:
    md = """
        # Memory
        ## Huge Page 2048(큰 페이지)
        - a 2 MiB page that needs fewer TLB entries
        ## Page 12
        - Stau: traffic jam
        ## Textbook p. 40
        - Ampel: traffic light
        """
    assert terms(md) == ["Huge Page 2048", "Stau", "Ampel"]


def test_a_heading_whose_body_only_names_its_source_is_no_card() -> None:
    md = """
        ### Isolation Levels
        Reference: [Transaction isolation](https://example.org/isolation)
        #### Read Committed
        Reference: [Read committed](https://example.org/rc)

        A transaction sees only rows committed before each statement began.
        #### Serializable
        Transactions behave as if they ran one after another.
        ### Cursor
        Reference: a chapter of the course book, see the reading list.
        """
    assert terms(md) == ["Read Committed", "Serializable", "Cursor"]
    assert reasons(md)["Isolation Levels"] == "its body only says where it came from"


def test_lists_of_asked_prompts_are_not_answers() -> None:
    md = """
        # 네트워크
        ### :notebook_with_decorative_cover: IP 주소
        1. 공인 IP와 사설 IP의 차이에 대해서 설명해주세요.
        2. 서브넷 마스크에 대해서 설명하세요.
        3. IPv4 와 IPv6의 차이는?
        ### 서브넷
        1. 네트워크를 나눈 단위
        """
    assert terms(md) == ["서브넷"]
    assert reasons(md)[":notebook_with_decorative_cover: IP 주소"] == (
        "only questions with no answers"
    )


def test_korean_imperative_prompts_are_question_headings() -> None:
    got = by_term("""
        # DB 면접
        ### SELECT 쿼리의 수행 순서를 알려주세요.
        - FROM, WHERE, GROUP BY, HAVING, SELECT, ORDER BY 순이다
        ### 3-1. 주요 데코레이터와 역할을 설명해라.
        - 모듈, 컨트롤러, 서비스를 표시한다
        ### 하지 말라
        - 금지 사항
        """)
    assert got["SELECT 쿼리의 수행 순서를 알려주세요."].strategy == "question"
    assert got["주요 데코레이터와 역할을 설명해라."].strategy == "question"
    assert got["하지 말라"].strategy == "heading"


def test_headings_in_a_list_belong_to_the_section_the_list_is_in() -> None:
    got = cards("""
        ### 01. 빈 스코프
        - ### 빈이 존재하는 범위
            - 컨테이너가 빈을 관리하는 기간
        ### 02. 프로토타입 스코프
        - 요청할 때마다 새 인스턴스를 만든다
        - ### 싱글톤과 함께 쓸 때
            - 주입 시점에 한 번만 만들어진다
        #### 세부 사항
        - 초기화까지만 관리한다
        """)
    assert [(c.term, c.section) for c in got] == [
        ("빈이 존재하는 범위", ("빈 스코프", "빈이 존재하는 범위")),
        ("프로토타입 스코프", ("프로토타입 스코프",)),
        ("싱글톤과 함께 쓸 때", ("프로토타입 스코프", "싱글톤과 함께 쓸 때")),
        ("세부 사항", ("프로토타입 스코프", "세부 사항")),
    ]


def test_a_lone_numbered_line_heads_the_list_below_it() -> None:
    md = """
        # 웹 표준 정리

        1. 웹 표준이란?

        - W3C가 권고한 웹 기술의 규칙
        - 브라우저가 달라도 똑같이 보이게 한다

        2. 웹 표준이 중요한 이유

        - 브라우저별로 따로 만들 필요가 없다

        3. 저장소를 내려받는다.

        - main 브랜치를 쓴다
        """
    got = cards(md)
    assert [(c.term, c.strategy) for c in got] == [
        ("웹 표준", "list-term"),
        ("웹 표준이 중요한 이유", "question-item"),
    ]
    assert got[0].definition_md.splitlines() == [
        "- W3C가 권고한 웹 기술의 규칙",
        "- 브라우저가 달라도 똑같이 보이게 한다",
    ]
    assert reasons(md)["저장소를 내려받는다."] == "a sentence, not a term"


def test_a_numbered_list_of_several_items_is_not_a_heading() -> None:
    md = """
        # Steps
        ## Build
        1. Clone the repository
        2. Install the dependencies

        - then run the tests
        """
    got = cards(md)
    assert [c.strategy for c in got] == ["heading"]


def test_an_example_under_a_term_is_no_card_but_a_property_is() -> None:
    md = """
        # Proofs
        ## Induction
        Prove a base case, then that each case implies the next.
        ### Example:
        For k ≥ 4, k! > 2^k holds since 24 > 16 and each step multiplies by more than 2.
        ### 장점
        - 무한히 많은 경우를 한 번에 증명한다
        """
    assert [(c.term, c.section) for c in cards(md)] == [
        ("Induction", ("Induction",)),
        ("장점", ("Induction", "장점")),
    ]


def test_names_that_look_like_files_or_markup_stay_terms() -> None:
    got = cards("""
        # JS
        ## Node.js
        A JavaScript runtime built on V8.
        ```js
        require("http").createServer().listen(80);
        ```
        ## `**kwargs`
        - collects keyword arguments into a dict
        ## docker-compose.yml
        ```yaml
        services: {}
        ```
        """)
    assert [c.term for c in got] == ["Node.js", "**kwargs"]


def test_diagrams_with_their_titles_are_not_a_definition() -> None:
    md = """
        # Dengue
        ## Approach to dengue
        ```mermaid
        graph TD
          A --> B
        ```
        Severity classification
        ```mermaid
        mindmap
          root((Dengue))
        ```
        ## Warning signs
        Abdominal pain and persistent vomiting.
        ```mermaid
        graph LR
          S --> H
        ```
        """
    assert terms(md) == ["Warning signs"]


def test_a_qualified_definition_heading_names_its_subject() -> None:
    got = cards("""
        # Graphs
        ## Formal Definition of a Tree
        A connected graph with no cycles.
        ## Definitions of Done
        A checklist a team agrees on before calling work finished.
        """)
    assert [(c.term, c.section) for c in got] == [
        ("Tree", ("Formal Definition of a Tree",)),
        ("Definitions of Done", ("Definitions of Done",)),
    ]


def test_label_headings_under_a_task_are_no_cards() -> None:
    md = """
        # 우아한테크캠프 Day3
        ## 비동기 카페 만들기
        ### 목표
        - 구현 요구 사항대로 구현하기
        ### 특징
        - 주문마다 바리스타가 한 명씩 붙는다
        """
    assert terms(md) == []
    assert reasons(md)["목표"] == "a label heading with no term above it"


def test_the_authors_own_remarks_are_no_card_even_under_a_term() -> None:
    md = """
        # 우아한테크캠프 Day3
        ## 이벤트 루프
        - 콜 스택이 비면 태스크 큐의 콜백을 꺼내 실행하는 반복
        ### 회고
        - 처음엔 어려웠지만 그림을 그려 보니 이해가 됐다.
        ## 스크럼 이벤트
        - 스프린트 동안 정해진 때에 여는 회의들
        ### 스프린트 회고
        - 스프린트가 끝날 때 일하는 방식을 돌아보고 고칠 점을 정하는 회의
        """
    assert terms(md) == ["이벤트 루프", "스크럼 이벤트", "스프린트 회고"]


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("Key Terms in Classical Conditioning:", True),
        ("Examples of recursion", True),
        ("Questions on sorting", True),
        ("Rules of Hooks", False),  # the rules themselves: a term
        ("Intro to regular expressions", False),
        ("Types of memory", False),
        ("Law of demand", False),
    ],
)
def test_a_label_about_a_subject_is_a_label(title: str, label: bool) -> None:
    assert is_section_label(title) is label


def test_what_a_section_about_the_notes_says_of_them_is_no_card() -> None:
    md = """
        # Law School Notes
        ## About This Repository
        - **Criminal Law**: detailed coverage of offences and defences.
        ## How to Use This Repository
        - **Search**: find topics and cases quickly.
        ## What does this contain?
        - **Tort**: a civil wrong that causes harm to another.
        ## Mutex
        A lock one thread owns at a time.
        ### How to use
        - lock(): wait for the lock and take it
        """
    assert terms(md) == ["Tort", "Mutex", "lock()"]
    assert reasons(md)["How to Use This Repository"].startswith("a section about the notes")


def test_a_study_groups_keywords_and_questions_are_no_cards() -> None:
    md = """
        # 스터디
        ## 06. 네트워크 레이어
        ### 키워드
        - 네트워크 레이어
            - OSI 7계층
            - IP
        ### 질문
        **창현**
        - OSI 7계층에 대해서 설명해주세요
        - 서브넷이 왜 탄생했는지 설명해주세요

        **범석**
        - 서브넷이란 무엇인가요?
        ## TCP
        연결을 맺고 순서대로 전달하는 프로토콜이다.
        ### 용어
        - SYN: 연결을 여는 세그먼트
        """
    assert terms(md) == ["TCP", "SYN"]
    assert reasons(md)["창현"] == "only questions with no answers"


def test_a_study_groups_rules_and_how_to_upload_are_no_cards() -> None:
    md = """
        # Steady Study
        ## Study Rules
        - 주중 - 디스코드 온라인 스터디
        - 주말, 공휴일 - 휴일
        ## 파일 업로드 방법 (중요)
        본인 이름 폴더에 파일을 넣고 커밋한다.
        ## 스터디 규칙
        - 지각: 벌금 5천원
        ## Stack
        - push: 맨 위에 넣는다
        """
    assert terms(md) == ["push"]


def test_a_heading_that_is_one_example_case_or_mistake_is_no_term() -> None:
    """`### Example 1: Introductions`, `### Mistake 2: …`, `### 예시: 공을 밀 때`: one of a
    set, named by its kind; a term heading beside them is still a card."""
    md = """
        # Notes
        ## Topic marker
        Marks what the sentence is about.
        ### Example 1: Introductions
        - 저는 학생이에요
        ### Mistake 2: Using 이/가 for self-introduction
        - 제가 학생이에요 sounds like an answer to "who?"
        ### 예시: 공을 밀 때 필요한 힘
        - F = ma 로 계산한다
        ## Case law
        Law made by judges in deciding cases, binding on lower courts.
        """
    assert terms(md) == ["Topic marker", "Case law"]
    assert reasons(md)["Example 1: Introductions"].startswith("one of a set of examples")


def test_a_biography_section_gives_the_persons_facts_not_terms() -> None:
    """`### 생애` over `생몰년: …`, `저서: …`, `의의: …`: facts about the person the note is
    about, not terms; the terms of `### 사상` are still cards."""
    md = """
        # 맹자
        ### 생애
        + 생몰년: B.C.372?-B.C.289(전국시대)
        + 이름: 맹가(孟軻)
        + 저서: 『맹자』
        + 의의: 후대의 신유학 형성에 영향을 미침
        ### 사상
        + 성선설: 사람의 본성은 본래 선하다는 주장
        + 왕도정치: 덕으로 백성을 다스리는 정치
        """
    assert terms(md) == ["사상", "성선설", "왕도정치"]


def test_a_courses_objectives_and_topics_are_section_labels() -> None:
    """`## Learning Objectives`, `**Key Topics**`, `### 학습 목표`, `## Grading`: parts of a
    course's outline, as `Introduction` is; the terms defined in them are still cards."""
    md = """
        # Module 10: Vendor Risks
        ## Learning Objectives
        - Explain the risks a third-party vendor brings
        ## Third-party risk
        **Key Topics**

        - **Supply chain attack**: an attack through a supplier's product or service
        ## Grading
        - Quiz 40%, final 60%
        """
    assert terms(md) == ["Third-party risk", "Supply chain attack"]
