"""Lists and sentences that describe a term rather than define new ones: aspect labels
(`- 쿠키 특징`, `- Pros`), stages of a flow, feature lines under a prose definition — and the
prose definitions found inside paragraphs and answers."""

from __future__ import annotations

import pytest
from extract_helpers import by_term, reasons, terms

from generator.extract.aspects import aspect_of
from generator.extract.prose import defined_subject, named_term, topic_subject
from generator.extract.sentences import sentence_definitions


@pytest.mark.parametrize(
    ("term", "owner", "aspect"),
    [
        ("쿠키 특징", "쿠키", "property"),
        ("쿠키의 동작 순서", "쿠키", "property"),
        ("쿠키 구성", "쿠키", "property"),
        ("사용 예시", "", "property"),
        ("장점", "", "property"),
        ("lab features", "Coagulopathy", "property"),
        ("Features of hash tables", "Hash table", "property"),
        ("Pros and cons", "", "property"),
        ("Readings", "", "property"),
        ("종류", "", "kinds"),
        ("Types", "Trees", "kinds"),
        # the owner already is that aspect: a qualified one under it is one kind of it
        ("Social Causes", "Causes of the French Revolution", "kinds"),
        ("기술적 장점", "장점", "kinds"),
    ],
)
def test_aspect_labels(term: str, owner: str, aspect: str) -> None:
    assert aspect_of(term, owner) == aspect


@pytest.mark.parametrize(
    ("term", "owner"),
    [
        ("분류", "지도 학습"),  # classification: a word that also names a thing
        ("교착 상태", "운영체제"),
        ("쿠키 특징", ""),  # no term around it: `쿠키 특징` is itself the question
        ("Data types", ""),
        ("Hash function", "Hash table"),
    ],
)
def test_terms_that_are_not_aspect_labels(term: str, owner: str) -> None:
    assert aspect_of(term, owner) is None


def test_kinds_of_the_aspect_a_section_is_about_are_terms() -> None:
    md = """
        # French Revolution
        ## Causes of the French Revolution
        *   **Social Causes**:
            *   *Rigid Social Hierarchy*: Society divided into three estates.
            *   *Urban Poor*: High unemployment caused hardship in cities.
        *   **Economic Causes**:
            *   *Debt Crisis*: The result of wars and an inefficient tax system.
        ## Storming of the Bastille
        A fortress taken by the crowd.
        - **Causes**
          - *Bread prices*: the price of bread had doubled.
        """
    found = by_term(md)
    assert {"Rigid Social Hierarchy", "Urban Poor", "Debt Crisis"} <= set(found)
    assert "Social Causes" not in found
    assert "Bread prices" not in found  # the causes of a term stay in its answer


def test_properties_under_an_aspect_label_stay_in_the_term() -> None:
    md = """
        # 웹
        ## 쿠키
        브라우저에 저장되는 작은 기록 파일이다.

        - 쿠키 구성
          - 이름 : 쿠키를 구별하는 이름
          - 값 : 쿠키에 저장되는 값
        - **장점**
          - **상태 유지**
            - 요청 사이에 정보를 기억한다
        - 사용 예시
          - 로그인 유지
        """
    got = by_term(md)
    assert list(got) == ["쿠키"]
    assert "- 이름 : 쿠키를 구별하는 이름" in got["쿠키"].definition_md
    assert "상태 유지" in got["쿠키"].definition_md
    assert reasons(md)["쿠키 구성"] == "label inside 쿠키, not a term"


def test_explain_says_where_the_lines_under_a_property_label_went() -> None:
    # `도메인 : …` under `쿠키 구성` looks like a glossary line; it makes no card, and `--explain`
    # must say so instead of leaving the line unaccounted for
    md = """
        # 웹
        ## 쿠키
        브라우저에 저장되는 작은 기록 파일이다.

        - 쿠키 구성
          - 도메인 : 쿠키를 돌려받을 도메인
          - **만료**: 쿠키가 사라지는 시각
        - Treatment
          - **Gift-over**: the gift passes to another beneficiary.
        """
    assert list(by_term(md)) == ["쿠키"]
    why = reasons(md)
    assert why["도메인"] == "a property of 쿠키 under the label '쿠키 구성'"
    assert why["만료"] == "a property of 쿠키 under the label '쿠키 구성'"
    assert why["Gift-over"] == "a property of 쿠키 under the label 'Treatment'"


def test_a_kinds_label_explains_no_property() -> None:
    md = """
        # 저장소
        ## 웹 저장소
        - 종류
          - 세션 스토리지: 탭을 닫으면 사라지는 저장소
          - 로컬 스토리지: 영구적으로 남는 저장소
        """
    assert terms(md) == ["웹 저장소", "세션 스토리지", "로컬 스토리지"]
    assert not any(r.startswith("a property") for r in reasons(md).values())


def test_kinds_under_a_kinds_label_are_terms() -> None:
    md = """
        # 저장소
        ## 웹 저장소
        - 종류
          - **세션 스토리지**
            - 탭을 닫으면 사라지는 저장소
          - **로컬 스토리지**
            - 영구적으로 남는 저장소
        """
    assert terms(md) == ["웹 저장소", "세션 스토리지", "로컬 스토리지"]


def test_a_lone_label_word_among_terms_is_a_term() -> None:
    md = """
        # Git
        ## Branches
        - develop
          - where finished work is integrated
        - feature
          - a short-lived branch for one piece of work
        - release
          - a branch that freezes a version
        """
    assert terms(md) == ["Branches", "develop", "feature", "release"]  # the kinds' parent


def test_a_definition_label_among_terms_stays_a_label() -> None:
    md = """
        ## Operating System

        1. Def
           1. Manages the hardware and running programs
        2. Device Driver
           1. OS plug-in module for controlling a particular device
        3. Scheduler
           1. Decides which process runs next
        """
    assert terms(md) == ["Operating System", "Device Driver", "Scheduler"]
    assert reasons(md)["Def"] == "label, not a term"


def test_solution_and_characteristics_labels_among_terms_stay_labels() -> None:
    md = """
        ## 입출력장치 보호

        - 잘못된 입출력 명령
          - 다른 사용자의 입출력을 방해
        - 해결법
          - 입출력 명령을 특권 명령으로

        ## tissues

        - epithelial
          - covers body surfaces
          - characteristics
            - tightly aggregated cells
          - functions
            - protective
        """
    why = reasons(md)
    assert why["해결법"] == "label, not a term"
    assert why["characteristics"] == "label inside the item above, not a term"
    assert "해결법" not in terms(md) and "characteristics" not in terms(md)


def test_a_link_list_heading_item_is_no_term() -> None:
    md = """
        # Queue
        ## Ring buffers
        - Background
          - [Queues explained](https://example.org/q), course notes
          - [Ring buffers](https://example.org/r), lecture 3
        """
    assert "Background" not in terms(md)
    assert reasons(md)["Background"] == "it heads a link list"


def test_colon_lines_in_a_quote_under_a_defined_term_are_its_properties() -> None:
    md = """
        # 운영체제
        ## 예방
        발생 조건 중 하나를 없애서 교착 상태를 막는다.

        > - 상호 배제 부정 : 여러 프로세스가 자원을 함께 사용
        > - 점유 대기 부정 : 실행 전에 필요한 자원을 모두 할당
        """
    got = by_term(md)
    assert list(got) == ["예방"]
    assert "상호 배제 부정" in got["예방"].definition_md


def test_a_quoted_glossary_still_defines_terms() -> None:
    md = """
        # 용어
        > - 뮤텍스: 한 스레드만 소유하는 락
        > - 세마포어: 여러 스레드가 나눠 쓰는 카운터
        """
    assert terms(md) == ["뮤텍스", "세마포어"]


def test_numbered_stages_of_a_flow_are_no_cards() -> None:
    md = """
        # NestJS
        ## 요청 처리 흐름
        1. 미들웨어: 요청 전처리(로깅, CORS 등)
        2. 가드: 인증 / 인가 검사
        3. 파이프: 데이터 검증 및 변환
        4. 응답 반환
        """
    assert terms(md) == ["요청 처리 흐름"]
    assert "a property" in reasons(md)["가드"]


def test_numbered_definitions_under_a_flow_word_stay_cards() -> None:
    md = """
        # Web
        ## Request pipeline terms
        1. Middleware: a function that runs before routing
        2. Guard: a class that allows or denies a request
        """
    assert terms(md) == ["Middleware", "Guard"]


def test_numbered_glossary_outside_a_flow_stays_cards() -> None:
    md = """
        # 스프링
        ## 스프링 웹 용어
        1. 필터: 인코딩과 보안 검사를 먼저 처리
        2. 인터셉터: 컨트롤러 호출 전후의 공통 작업
        """
    assert terms(md) == ["필터", "인터셉터"]


def test_feature_lines_under_a_prose_definition_describe_it() -> None:
    md = """
        # 통신
        SSE는 서버가 클라이언트로 이벤트를 밀어 주는 웹 표준이다.

        - 일방향 통신: SSE는 서버에서 클라이언트로만 데이터를 보내며, 반대 방향은 안 된다.
        - 자동 재연결: 연결이 끊기면 브라우저가 SSE 연결을 자동으로 다시 시도한다.
        """
    got = terms(md)
    assert got == ["SSE"]
    assert "property" in reasons(md)["자동 재연결"]


def test_short_glosses_under_a_prose_definition_stay_cards() -> None:
    md = """
        # Economics
        Price elasticity of demand (PED) measures how demand responds to price.

        - Elastic: |PED| > 1
        - Inelastic: |PED| < 1
        """
    assert terms(md)[-2:] == ["Elastic", "Inelastic"]


def test_bare_term_item_with_a_colon_is_a_colon_line() -> None:
    md = """
        # Testing
        ## Kinds
        - unit: checks one function
          - fast and isolated
        - integration: checks modules together
          - slower
        """
    got = by_term(md)
    assert list(got) == ["unit", "integration"]
    assert got["unit"].definition_md == "checks one function\n- fast and isolated"


@pytest.mark.parametrize("lead", ["Bylaws include", "Common causes are", "원인으로는"])
def test_lead_in_items_are_not_terms(lead: str) -> None:
    md = f"""
        # Notes
        ## Topic
        - {lead}
          - first thing
          - second thing
        """
    assert lead not in terms(md)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Initiation is regulated. However, LepA is a GTPase that can reverse it.",
            [("LepA", "However, LepA is a GTPase that can reverse it.")],
        ),
        (
            "Cells change shape. The EMT is a conserved developmental programme of change.",
            [("EMT", "The EMT is a conserved developmental programme of change.")],
        ),
        ("Tumours grow. Cancer is a complex disease with many causes.", []),
        ("Spred-1 is an inhibitor of growth factors.", []),  # the opening: read elsewhere
        ("It grows. It is a thing of some beauty.", []),
        (
            'I wanted to check if it was "callable" - could be called like a function - or not.',
            [("callable", "could be called like a function")],
        ),
        ('He said "hello" - and left - quickly.', []),
        (
            "Cells grow. Typically, oncogenes are defined as proteins that drive a tumour.",
            [("oncogene", "Typically, oncogenes are defined as proteins that drive a tumour.")],
        ),
        (
            "It guides the RNA-induced silencing complex (RISC). RISC binds to target RNA.",
            [("RNA-induced silencing complex (RISC)", "RISC binds to target RNA.")],
        ),
        ("Price elasticity of demand (PED) measures change. PED is large here.", []),
        (
            "A queue grows by the addition of elements at the back (**enqueue** operation) "
            "and shrinks by the removal of elements from the front (**dequeue** operation).",
            [
                ("enqueue", "the addition of elements at the back"),
                ("dequeue", "the removal of elements from the front"),
            ],
        ),
        ("It matters (**important**) here.", []),
        (
            "Memory is split. **Paging** is a scheme that splits memory into pages.",
            [("Paging", "**Paging** is a scheme that splits memory into pages.")],
        ),
        (
            "It guides the *RNA-induced silencing complex* (RISC). RISC binds to target RNA.",
            [("RNA-induced silencing complex (RISC)", "RISC binds to target RNA.")],
        ),
        ("Stuff here. **This** is a big deal overall.", []),
    ],
)
def test_sentence_definitions(text: str, found: list[tuple[str, str]]) -> None:
    assert sentence_definitions(text) == found


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Items leave in order. This is commonly called FIFO (first in, first out).", "FIFO"),
        ("E-cadherin falls in a step known as the cadherin switch. Then", "cadherin switch"),
        ("This is called the process.", None),
        ("Breadth-first search is also called BFS.", None),  # an alias, not a new term
    ],
)
def test_named_terms(text: str, term: str | None) -> None:
    assert named_term(text) == term


def test_prose_inside_a_paragraph_makes_a_card_of_its_sentence() -> None:
    md = """
        # Biology
        ## Checkpoints
        Translation starts with a regulated step. For example, RbfA is a maturation factor
        that binds the small subunit. It leaves once the subunit is ready.
        """
    got = by_term(md)
    assert list(got) == ["Checkpoints", "RbfA"]
    assert got["RbfA"].definition_md == (
        "For example, RbfA is a maturation factor that binds the small subunit."
    )


def test_deictic_and_adverb_subjects_define_nothing() -> None:
    md = """
        # DB
        ## 인덱스 자료구조
        인덱스는 대개 B+트리로 구현된다.

        또 다른 자료구조로는 해시 테이블이 있는데, 범위 검색에는 쓰기 어렵다.

        아래는 인덱스를 만드는 SQL 예시이다.
        """
    assert terms(md) == ["인덱스 자료구조"]


def test_kinds_defined_in_an_answer_are_child_cards() -> None:
    md = """
        # DB
        ## DB 락에 대해 설명해주세요
        락은 여러 트랜잭션이 같은 데이터를 동시에 바꾸지 못하게 막는 장치입니다.

        낙관적 락은 충돌이 드물다고 보고 버전 번호로 변경을 확인하는 방법입니다.

        ## RDBMS와 NoSQL의 차이를 설명해주세요
        먼저 RDBMS는 테이블로 데이터를 표현하는 관계형 데이터베이스입니다.

        반면 NoSQL은 고정된 스키마 없이 데이터를 저장하는 데이터베이스입니다.
        """
    got = by_term(md)
    assert list(got) == [
        "DB 락에 대해 설명해주세요",
        "낙관적 락",
        "RDBMS와 NoSQL의 차이를 설명해주세요",
    ]
    assert got["DB 락에 대해 설명해주세요"].definition_md.endswith("낙관적 락")


@pytest.mark.parametrize(
    ("text", "title", "found"),
    [
        ("Postgres has three kinds of integers.", "Integers In Postgres", None),
        ("Specificity decides which rule wins.", "TIL: CSS specificity", "Specificity"),
    ],
)
def test_topic_subject_is_the_title_head(text: str, title: str, found: str | None) -> None:
    assert topic_subject(text, title) == found


def test_numbered_lines_heading_the_bullets_below_them() -> None:
    md = """
        # HTTP
        1. Connectionless 프로토콜(비연결 지향)
        - 요청에 응답하면 연결을 끊는다.
        2. Stateless 프로토콜
        - 서버가 이전 요청의 상태를 기억하지 않는다.
        """
    got = by_term(md)
    assert list(got) == ["Connectionless 프로토콜", "Stateless 프로토콜"]
    assert got["Connectionless 프로토콜"].aliases == ("비연결 지향",)
    assert got["Stateless 프로토콜"].definition_md == "- 서버가 이전 요청의 상태를 기억하지 않는다."


def test_a_numbered_question_heads_its_answer() -> None:
    md = """
        # UDP
        ## Question
        1. UDP 서버의 특징에 대해서 설명하세요.
        - 데이터를 보내기만 하는 프로토콜입니다.
        - 전송 여부를 확인하지 않아 빠릅니다.
        """
    assert terms(md) == ["UDP 서버의 특징에 대해서 설명하세요."]


def test_numbered_steps_of_a_procedure_are_not_headings() -> None:
    md = """
        # Setup
        ## Docker
        1. Install Docker
        - brew install --cask docker
        2. Run the container
        - docker run hello-world
        """
    assert terms(md) == ["Docker"]


def test_a_numbered_list_of_several_items_heads_nothing() -> None:
    md = """
        # Notes
        ## Reasons
        1. first reason
        2. second reason
        - a remark on both
        """
    assert "first reason" not in terms(md)


def test_a_name_line_over_a_list_is_a_term() -> None:
    md = """
        # 운영체제
        ## 회피
        교착 상태를 미리 피하는 방법이다.

        > 은행원 알고리즘(Banker's Algorithm)
        >
        > - 자원을 내주기 전에 안전 상태인지 검사한다.

        다음 순서로 검사한다(in order).

        - 요청이 최대 요구량을 넘는지 본다.
        """
    got = by_term(md)
    assert list(got) == ["회피", "은행원 알고리즘"]
    assert got["은행원 알고리즘"].aliases == ("Banker's Algorithm",)
    assert "다음 순서로 검사한다" in got["회피"].definition_md


def test_bold_colon_paragraphs_under_a_defined_heading_are_terms() -> None:
    md = """
        # Law
        ## International law
        **International law:** law that governs relations between nations

        **diplomatic immunity:** agreement not to prosecute foreign diplomats

        192 nations are members of the United Nations.

        **Prevention**: treaties and courts keep disputes small.

        - 물리 컴퓨터 다중화: 한 컴퓨터에 여러 OS 사용 가능
        """
    got = by_term(md)
    assert list(got) == ["International law", "diplomatic immunity"]
    why = reasons(md)
    assert why["Prevention"] == "label, not a term"
    assert "definition of International law" in why["International law"]
    assert "not to prosecute" not in got["International law"].definition_md


def test_a_bold_colon_item_among_plain_remarks_is_a_term() -> None:
    md = """
        # Law
        ## Common law
        Law that comes from the decisions of judges.

        - Law is common to all
        - Follows the rule of precedent
        - **distinguishing a case:** finding a case different enough to decide it differently
        - binding precedent: a remark, not a term here
        """
    assert terms(md) == ["Common law", "distinguishing a case"]


def test_bold_steps_of_a_numbered_procedure_stay_steps() -> None:
    md = """
        # 렌더링
        ## 브라우저 렌더링 과정
        브라우저가 화면을 그리는 순서이다.

        1. HTML 을 파싱해 DOM 트리를 만든다
        2. **레이아웃**: 각 요소의 위치와 크기를 계산
        3. **페인트**: 픽셀을 화면에 그림
        """
    assert terms(md) == ["브라우저 렌더링 과정"]


def test_kinds_of_the_defined_term_stay_terms() -> None:
    md = """
        # Heap
        ## Introduction
        A heap is a tree-based data structure that satisfies the heap property.

        - Max heap - the value of a node is the greatest in its whole subtree, recursively.
        - Min heap - the value of a node is the smallest in its whole subtree, recursively.
        """
    assert terms(md)[-2:] == ["Max heap", "Min heap"]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "The `explain` statement allows you to see a plan. `explain analyze` runs the "
            "query, `explain` does not.",
            "explain",
        ),
        ("`is` compares identity, `==` compares equality.", None),
    ],
)
def test_a_code_name_with_its_kind_then_a_verb(text: str, subject: str | None) -> None:
    assert defined_subject(text) == subject


def test_bold_asides_beside_prose_are_not_terms() -> None:
    md = """
        # Caching
        ## Write-through
        Every write goes to the cache and the store at once.

        **Why it matters:** reads after writes never see stale data.

        **In practice:** most web caches prefer write-around.
        """
    assert terms(md) == ["Write-through"]


@pytest.mark.parametrize("lead", ["Key terms:", "주요 용어:"])
def test_a_glossary_lead_in_keeps_its_list_a_glossary(lead: str) -> None:
    md = f"""
        # Networking
        ## TCP
        TCP is a connection-oriented transport protocol.

        {lead}

        - **SYN**: the segment that opens a connection
        - 윈도우: 한 번에 보낼 수 있는 양
        """
    assert terms(md) == ["TCP", "SYN", "윈도우"]


def test_items_glossed_in_parentheses_are_terms() -> None:
    md = """
        # 설계
        ## 데이터 흐름도
        시스템의 데이터 흐름을 나타낸 도구이다.

        - 프로세스(데이터를 변환하는 작업)
        - 데이터 흐름(데이터가 이동하는 경로)
        - 단말(Terminator)
        """
    got = by_term(md)
    assert list(got) == ["데이터 흐름도", "프로세스", "데이터 흐름"]
    assert got["프로세스"].definition_md == "데이터를 변환하는 작업"
    assert "- 단말(Terminator)" in got["데이터 흐름도"].definition_md


def test_a_lone_glossed_item_is_not_a_glossary() -> None:
    md = """
        # 설계
        ## 도구
        - 프로세스(데이터를 변환하는 작업)
        - 그 밖의 도구들
        """
    assert "프로세스" not in terms(md)


def test_an_abbreviation_spelled_out_after_an_equals_sign() -> None:
    md = """
        # 클라우드
        > IaaS = Infrastructure as a Service (이아스)
        > PaaS = Platform as a Service (파스)

        x = Some Value
        """
    got = by_term(md)
    assert list(got) == ["IaaS", "PaaS"]
    assert got["IaaS"].definition_md == "Infrastructure as a Service (이아스)"


def test_a_named_term_that_is_the_heading_plus_a_generic_noun_is_the_heading() -> None:
    md = """
        # Utility
        ## Cobb-Douglas Utility
        An approximation studied by Cobb and Douglas.

        This approximation is called `Cobb-Douglas utility function` and has a simple form.
        """
    assert terms(md) == ["Cobb-Douglas Utility"]


@pytest.mark.parametrize("label", ["Fun fact", "Update", "Theorem", "Prevention"])
def test_bold_label_paragraphs_beside_prose_are_not_terms(label: str) -> None:
    md = f"""
        # Notes
        ## Dengue
        A viral infection spread by mosquitoes.

        **{label}:** something said about dengue here.

        **Plasma leakage:** fluid escaping from the vessels into tissue
        """
    assert terms(md) == ["Dengue", "Plasma leakage"]


def test_a_numbered_overview_line_is_not_a_term() -> None:
    md = """
        # Kafka
        ## Basics
        1. Overview
        - a distributed log
        - topics split into partitions
        """
    assert "Overview" not in terms(md)


def test_a_lead_in_with_no_term_above_heads_its_list() -> None:
    md = """
        trade routes + the people on them

        key travellers:

        - ibn battuta -- moroccan scholar who crossed the islamic world
        - marco polo -- venetian merchant at the court of kublai khan
        - xuanzang -- chinese monk who brought sutras from india
        """
    assert terms(md) == ["ibn battuta", "marco polo", "xuanzang"]


@pytest.mark.parametrize("lead", ["주요 기능:", "Main features:", "Its parts:"])
def test_a_lead_in_naming_an_aspect_lists_parts_not_terms(lead: str) -> None:
    md = f"""
        # Object storage

        Object storage keeps files as objects in buckets.

        {lead}

        - versioning: keeps earlier copies of an object
        - lifecycle rules: move or delete objects after a while
        - static hosting
        """
    assert terms(md) == ["Object storage"]


def test_a_lead_in_under_a_term_still_lists_its_parts() -> None:
    md = """
        # Auth
        ## Filter chain
        The filter chain runs every request through a series of filters.

        Main filters:

        - session filter: restores the logged-in user
        - csrf filter: checks the request token
        """
    assert terms(md) == ["Filter chain"]


def test_kinds_of_the_defined_term_stay_terms_beside_a_note_line() -> None:
    md = """
        Rounding is the replacing of a number by a simpler one near it
        - Banker's rounding (**default**): halves go to the nearest even digit in every case
        - Half-up rounding: halves always go up to the next larger digit
        - **Note**: neither changes numbers that are already exact
        """
    assert terms(md) == ["Rounding", "Banker's rounding", "Half-up rounding"]


def test_features_of_the_defined_term_stay_in_its_body() -> None:
    md = """
        Rounding is the replacing of a number by a simpler one near it
        - Speed: it makes mental sums much quicker to work out
        - Error: each rounding step adds a small error to the result
        - **Note**: neither changes numbers that are already exact
        """
    assert terms(md) == ["Rounding"]


def test_a_bare_name_right_above_its_list_is_a_term() -> None:
    md = """
        # Persuasion
        ## Habits
        anchoring bias
        - relying too much on the first number heard
        - shows up in price haggling

        Some closing remark about habits.
        """
    found = by_term(md)
    assert "anchoring bias" in found
    assert found["anchoring bias"].definition_md.startswith("- relying too much")


@pytest.mark.parametrize(
    "md",
    [
        "# Persuasion\n## Habits\nanchoring bias\n\n- relying on the first number\n- haggling\n",
        "# Persuasion\n## Habits\nExamples\n- relying on the first number\n- haggling\n",
        "# Persuasion\n## Habits\nanchoring bias\n- relying on the first number\n",
    ],
)
def test_a_bare_line_apart_from_its_list_or_a_label_is_no_term(md: str) -> None:
    assert not {"anchoring bias", "Examples"} & set(terms(md))


def test_a_bare_name_over_a_list_of_short_names_is_no_term() -> None:
    md = """
        # Renaissance
        Leonardo da Vinci
        - Mona Lisa
        - The Last Supper
        """
    assert "Leonardo da Vinci" not in terms(md)


def test_sides_of_a_term_are_labels_even_beside_each_other() -> None:
    # `Mechanism`, `When`, `Clinical relevance`, `Mnemonic` sort the answer about each repair
    # pathway; beside each other they are still labels, not a glossary of their own.
    md = """
    # DNA repair

    ## Nucleotide excision repair
    - **Mechanism:**
        - Endonucleases remove the oligonucleotides containing damaged bases.
    - **When:**
        - Occurs in G1 phase of the cell cycle.
    - **Clinical relevance:**
        - Defective in xeroderma pigmentosum.
    - **Mnemonic:**
        - "Cut and patch."

    ## Direct thrombin inhibitors
    - Mechanism
        - Directly inhibit thrombin.
    - Administration
        - Intravenous or oral.
    - Antidote
        - Idarucizumab.
    """
    found = by_term(md)
    assert set(found) == {"Nucleotide excision repair", "Direct thrombin inhibitors"}
    assert "xeroderma pigmentosum" in found["Nucleotide excision repair"].definition_md
    assert "Idarucizumab" in found["Direct thrombin inhibitors"].definition_md
    why = reasons(md)
    assert why["Clinical relevance"] == "label inside Nucleotide excision repair, not a term"
    assert why["When"] == "label inside Nucleotide excision repair, not a term"


def test_one_side_word_among_term_items_stays_a_term() -> None:
    # Must not: a single aspect-looking word among real term items is a term like them.
    md = """
    # Git

    ## Branching model
    - develop
        - Integration branch for the next release.
    - feature
        - One branch per feature, merged into develop.
    - release
        - Prepares a release; only fixes go in.
    - monitoring
        - Watches the deployed release.
    """
    assert {"develop", "feature", "release"} <= set(terms(md))


@pytest.mark.parametrize(
    ("term", "owner"),
    [("Clinical relevance", ""), ("Mechanism", "Mismatch repair"), ("When", "Mismatch repair")],
)
def test_aspect_words_of_a_term(term: str, owner: str) -> None:
    assert aspect_of(term, owner) == "property"


def test_a_top_level_aspect_heading_keeps_its_card() -> None:
    # Must not: `## Clinical features` of a disease note is a question of its own.
    md = """
    # Dengue

    ## Clinical features
    High fever, severe headache, pain behind the eyes and a rash.
    """
    assert "Clinical features" in terms(md)


def test_a_motivation_heading_is_a_label() -> None:
    md = """
    # Latches

    ## Motivation
    A calculator must remember the last result between key presses.

    ## Latch
    A latch is a circuit that stores one bit while its enable input is high.
    """
    assert "Motivation" not in terms(md)
    assert "Latch" in terms(md)


def test_a_quoted_label_over_a_list_makes_its_lines_properties() -> None:
    # `> 특징` set off by quote marks reads like `특징:`: the lines under it are features of
    # the heading's term, kept in its answer.
    md = """
    # 프록시

    ## 포워드 프록시
    클라이언트와 인터넷 사이에 위치한 중계 서버이다.

    > 특징

    1. `캐싱` : 서버의 응답을 캐싱하여 빠른 응답을 가능하게 한다
    2. `익명성` : 클라이언트 요청의 발원지를 감춘다
    """
    found = by_term(md)
    assert set(found) == {"포워드 프록시"}
    assert "익명성" in found["포워드 프록시"].definition_md
    assert reasons(md)["캐싱"] == "a property in the body of 포워드 프록시"


def test_a_quoted_glossary_label_keeps_its_terms() -> None:
    # Must not: `> 용어` (terms) over `name : meaning` lines announces a glossary.
    md = """
    # 네트워크

    ## 프록시
    클라이언트와 서버 사이의 중계 서버이다.

    > 용어

    - 캐싱 : 응답을 저장해 두었다가 다시 쓰는 것
    - 익명성 : 요청의 발원지를 감추는 것
    """
    assert {"캐싱", "익명성"} <= set(terms(md))
