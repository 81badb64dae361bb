"""What belongs to the term above it, rather than being a term of its own."""

from __future__ import annotations

import pytest
from extract_helpers import by_term, reasons, run, terms


def test_a_glossary_title_is_not_the_notes_term_even_with_aliases() -> None:
    md = """
        ---
        aliases: [ML terms]
        ---
        # ML Glossary

        Back to the index.

        ## Epoch
        - One full pass over the training set
        """
    assert terms(md) == ["Epoch"]


def test_a_single_term_note_with_aliases_is_still_a_card() -> None:
    md = """
        ---
        aliases: [lock]
        ---
        # Mutex

        A lock that only its owning thread may release.
        """
    assert terms(md) == ["Mutex"]


def test_bold_label_over_bare_names_is_a_property_of_the_heading() -> None:
    md = """
        # System design
        ## Load balancer

        A load balancer spreads requests over several servers.

        **Algorithms**
        - Round robin
        - Least connections
        """
    found = by_term(md)
    assert list(found) == ["Load balancer"]
    assert "Round robin" in found["Load balancer"].definition_md
    assert reasons(md)["Algorithms"] == "a list of names inside 'Load balancer'"


def test_bold_line_over_definitions_is_still_a_term() -> None:
    md = """
        # Notes
        ## Scheduling

        **Round robin**
        - Each process runs for a fixed time slice in turn
        """
    assert "Round robin" in terms(md)


def test_answer_button_of_details_is_not_a_question() -> None:
    md = """
        # Interview
        ## Caching
        ### Q: What is cache invalidation?
        <details>
        <summary>Answer</summary>

        Removing cached entries when the data changes.

        </details>
        """
    found = by_term(md)
    assert list(found) == ["What is cache invalidation?"]
    assert "Removing cached entries" in found["What is cache invalidation?"].definition_md
    assert reasons(md)["Answer"] == "a button to show the answer, not a question"


def test_details_with_a_real_question_stays_a_card() -> None:
    md = """
        # Interview
        ## Java
        <details>
        <summary>What is the JVM?</summary>

        The virtual machine that runs Java bytecode.

        </details>
        """
    assert terms(md) == ["What is the JVM?"]


def test_full_name_definition_belongs_to_its_abbreviated_heading() -> None:
    md = """
        # Macro
        ## GDP
        Gross Domestic Product (GDP) is the market value of all final goods produced.
        - Nominal vs real: real GDP uses constant prices
        """
    found = by_term(md)
    assert list(found) == ["GDP"]
    assert "constant prices" in found["GDP"].definition_md


def test_numbered_never_headings_and_past_modifier_logs() -> None:
    md = """
        # DB 5주차
        ## 1. 정규화
        정규화란 중복을 줄이기 위해 릴레이션을 분해하는 과정이다.
        ## 4. 다음 시간
        트랜잭션
        ## 오늘 한 일
        - 로그인 페이지 리팩토링
        """
    assert terms(md) == ["정규화"]


def test_a_question_answered_only_by_questions_is_not_a_card() -> None:
    md = """
        # BIO 101
        ## Exam?
        - Will the ETC be on the midterm? (ask TA)
        """
    assert terms(md) == []


def test_only_plain_bullet_under_a_heading_describes_the_heading() -> None:
    md = """
        # OS
        ## Process
        - A program in execution
          - It has its own memory space
            - No other process can read it
        """
    found = by_term(md)
    assert list(found) == ["Process"]
    assert "own memory space" in found["Process"].definition_md


def test_todo_items_stay_out_of_a_parent_that_names_its_children() -> None:
    md = """
        # OS
        ## Scheduling
        1. **FCFS**: the first process to arrive runs first
        2. **SJF**: the shortest job runs first

        - [ ] compare preemptive and non-preemptive
        """
    note = run(md)
    assert [c.term for c in note.cards] == ["Scheduling", "FCFS", "SJF"]
    answer = note.cards[0].definition_md
    assert "FCFS" in answer and "SJF" in answer
    assert "preemptive" not in answer and "first" not in answer


def test_conditions_on_a_value_are_not_definitions() -> None:
    md = """
        # Econ
        **Elasticity** — how much demand responds to a change in price.
          * elastic: |E| > 1
          * inelastic: |E| < 1
        """
    note = run(md)
    assert [c.term for c in note.cards] == ["Elasticity"]
    assert {r.text: r.reason for r in note.rejected}["elastic"] == "a value, not a definition"


def test_a_metadata_line_under_the_title_is_not_a_card() -> None:
    md = """
        # 선형대수 3강
        수업: 월/수 10:30, 공학관 201호

        ## 역행렬
        $AB = I$ 를 만족하는 행렬 $B$를 $A$의 **역행렬**이라고 한다.
        """
    assert terms(md) == ["역행렬"]


def test_a_headings_sole_sentence_with_a_colon_defines_the_heading() -> None:
    md = """
        # Docker
        ## Host network
        Removes network isolation: the container uses the host's network stack directly.
        """
    found = by_term(md)
    assert list(found) == ["Host network"]
    assert reasons(md)["Removes network isolation"] == "the definition of Host network"


def test_colon_paragraphs_that_read_as_a_glossary_are_terms_under_a_heading() -> None:
    md = """
        # Security notes
        ## Attacks

        Phishing: deception techniques to reveal sensitive information

        Whaling: a form of spear phishing that targets company executives

        Vishing: the exploitation of voice communication to obtain sensitive information
        """
    found = terms(md)
    assert [t for t in found if t != "Attacks"] == ["Phishing", "Whaling", "Vishing"]


def test_a_bold_colon_line_under_a_heading_is_still_a_term() -> None:
    md = """
        # Docker
        ## Networks
        **Bridge**: the default network driver
        """
    assert "Bridge" in terms(md)


def test_first_person_and_reminder_headings_are_logs() -> None:
    md = """
        # TIL
        ## What I tried
        1. `docker network create mynet`
        2. It worked
        ## Reminders
        - Office hours moved to Thursday
        ## Type I error
        - Rejecting a true null hypothesis
        """
    assert terms(md) == ["Type I error"]


def test_a_keyword_acting_on_its_heading_term_is_about_the_heading() -> None:
    md = """
        # Python
        ## Generators
        - `yield` turns a function into a generator
          - values are produced lazily
        """
    assert terms(md) == ["Generators"]


def test_contrasted_code_names_are_not_definitions() -> None:
    md = """
        # Python
        ## Gotchas
        - `is` compares identity, `==` compares equality
        """
    assert terms(md) == []


def test_also_known_as_between_commas_is_an_alias() -> None:
    md = """
        # Econ
        Sunk cost, also known as retrospective cost, is a cost that cannot be recovered.
        """
    found = by_term(md)
    assert list(found) == ["Sunk cost"]
    assert found["Sunk cost"].aliases == ("retrospective cost",)


def test_quantities_and_name_lists_are_properties_not_terms() -> None:
    md = """
        # AWS
        ## S3
        Object storage with very high durability.
        * Storage classes: Standard, IA, Glacier
        * Max object size: 5 TB
        """
    note = run(md)
    assert [c.term for c in note.cards] == ["S3"]
    why = {r.text: r.reason for r in note.rejected}
    assert why["Storage classes"] == "a list of names, not a definition"
    assert why["Max object size"] == "a value, not a definition"


def test_a_defining_noun_phrase_inside_a_terms_body_is_its_own_card() -> None:
    md = """
        # Java
        ## 가비지 컬렉션
        더 이상 참조되지 않는 객체의 메모리를 자동으로 회수하는 기능이다.
        - Stop-the-world: GC를 실행하기 위해 애플리케이션 실행을 멈추는 것
        """
    assert terms(md) == ["가비지 컬렉션", "Stop-the-world"]
    short = md.replace("GC를 실행하기 위해 애플리케이션 실행을 멈추는 것", "자주 발생함")
    assert terms(short) == ["가비지 컬렉션"]


def test_a_symbol_column_gives_way_to_the_names_it_stands_for() -> None:
    md = """
        # 통계
        ## 기호
        | 기호 | 의미 | 공식 |
        |---|---|---|
        | $\\mu$ | 모평균 | $\\frac{1}{N}\\sum x_i$ |
        | $\\sigma^2$ | 모분산 | $\\frac{1}{N}\\sum (x_i-\\mu)^2$ |
        """
    found = by_term(md)
    assert list(found) == ["모평균", "모분산"]
    assert found["모평균"].definition_md.startswith("$\\mu$")


def test_owner_and_stuck_on_headings_are_not_cards() -> None:
    md = """
        # PM
        ## Churn
        Share of customers who stop using the product in a period.
        ## Owner
        PM team, last review 2024-04-02
        ## Stuck on
        - lifetimes
        """
    assert terms(md) == ["Churn"]


def test_bold_name_with_its_definition_on_the_next_line() -> None:
    md = """
        # DevOps glossary

        **Canary release**
        Rolling a change out to a small subset of users first.

        **Idempotent**
        An operation with the same effect however many times it runs.
        """
    found = by_term(md)
    assert list(found) == ["Canary release", "Idempotent"]
    assert found["Canary release"].definition_md == (
        "Rolling a change out to a small subset of users first."
    )


def test_numbered_question_prefix_before_a_what_is_heading() -> None:
    md = """
        # Spring
        ## Q1. IoC란 무엇인가요?
        객체의 생성과 의존관계 관리를 컨테이너가 맡는 것을 제어의 역전이라고 합니다.
        """
    assert terms(md) == ["IoC"]


def test_quiz_lines_with_an_arrow_answer() -> None:
    md = """
        # 경제학
        ## 정리 퀴즈
        1. 가격이 오르면 수요량은? → 감소
        2. 대체재 가격이 오르면 수요는? -> 증가
        """
    found = by_term(md)
    assert list(found) == ["가격이 오르면 수요량은?", "대체재 가격이 오르면 수요는?"]
    assert found["가격이 오르면 수요량은?"].definition_md == "감소"


def test_a_callout_tip_does_not_keep_a_parent_card() -> None:
    md = """
        # Git Flow
        ## 브랜치 종류
        - `main` : 배포 가능한 상태만 유지하는 브랜치
        - `develop` : 다음 릴리스를 개발하는 브랜치

        > [!tip]
        > 작은 팀이라면 GitHub Flow가 더 간단하다.
        """
    assert terms(md) == ["main", "develop"]


def test_korean_number_conditions_are_values() -> None:
    md = """
        # 경제학
        ## 가격탄력성
        * 가격이 1% 변할 때 수요량이 몇 % 변하는지를 나타내는 지표
          * 탄력적: 1보다 큼
          * 비탄력적: 1보다 작음
        """
    assert terms(md) == ["가격탄력성"]


def test_a_bold_label_in_a_sentence_is_not_a_named_term() -> None:
    md = """
        # HTTP 정리 (feat. 면접)

        📌 **목표**: HTTP/1.1, HTTP/2 차이 설명할 수 있기

        ## HTTP/2
        - 하나의 연결에서 여러 요청을 동시에 주고받는 **멀티플렉싱** 지원
        """
    assert terms(md) == ["HTTP/2"]
    assert terms(md.replace("목표", "멀티플렉싱")) == ["멀티플렉싱", "HTTP/2"]


def test_a_label_with_a_count_is_still_a_label() -> None:
    md = """
        # 동기화
        ## 임계 영역
        - 공유 자원에 접근하는 코드 영역
        - 조건 3가지
          1. 상호 배제
          2. 진행
        """
    found = by_term(md)
    assert list(found) == ["임계 영역"]
    assert "상호 배제" in found["임계 영역"].definition_md


def test_two_column_symbol_tables_keep_the_symbol_as_the_term() -> None:
    md = """
        # ML
        ## Notation
        | symbol | meaning |
        |---|---|
        | $m$ | number of training examples |
        | $n$ | number of features |
        """
    assert terms(md) == ["$m$", "$n$"]


def test_a_table_with_one_column_per_compared_name_is_not_a_glossary() -> None:
    md = """
        # 자바
        ## 시간 복잡도
        | 연산 | ArrayList | LinkedList |
        |---|---|---|
        | get | O(1) | O(n) |
        | add | O(n) | O(1) |
        """
    assert "get" not in terms(md)


def test_placeholder_bodies_and_exam_headings_are_not_cards() -> None:
    md = """
        # OS interview
        ### What happens when you type a URL into the browser?
        TODO
        ### For the exam
        Know Mead's stages.
        ### What is a race condition?
        When the result depends on the timing of threads.
        """
    assert terms(md) == ["What is a race condition?"]


def test_a_colon_after_a_verb_and_pronoun_is_not_a_term() -> None:
    md = """
        # bash
        - `set -e` makes the script exit as soon as a command fails.
        - `set -u` treats unset variables as an error.

        Combine them: `set -euo pipefail`
        """
    assert "Combine them" not in terms(md)


def test_bold_prompt_items_are_questions_and_placeholders_are_no_answer() -> None:
    md = """
        # 프론트엔드 면접
        1. **브라우저 렌더링 과정을 설명해주세요.**
           - HTML 파싱 → DOM 트리 생성
           - 렌더 트리 생성 → 레이아웃 → 페인트
        2. **CSR과 SSR의 차이는?**
           - (답변 작성 예정)
        """
    found = by_term(md)
    assert list(found) == ["브라우저 렌더링 과정을 설명해주세요."]
    assert found["브라우저 렌더링 과정을 설명해주세요."].strategy == "question-item"


def test_error_log_headings_are_logs() -> None:
    md = """
        # TIL
        ## depends_on
        - 서비스 간의 시작 순서를 지정하는 옵션
        ## 에러 기록
        `port is already allocated` → 기존 컨테이너 stop 후 해결
        """
    assert terms(md) == ["depends_on"]


def test_an_info_callout_under_the_title_does_not_make_a_note_card() -> None:
    md = """
        # Kubernetes objects

        > [!info] Context
        > Notes from the CKAD course, section 2.

        ## ReplicaSet
        Ensures that a number of identical pods is running.
        """
    assert terms(md) == ["ReplicaSet"]


def test_a_word_class_in_parentheses_is_not_an_alias() -> None:
    md = """
        # GRE vocab
        * **laconic** (adj.) – using very few words
        * **obdurate** (adj.) – stubbornly refusing to change one's opinion
        """
    found = by_term(md)
    assert list(found) == ["laconic", "obdurate"]
    assert found["laconic"].aliases == ()


def test_one_bare_item_does_not_turn_definitions_into_steps() -> None:
    md = """
        # Culinary school
        ## Mother sauces
        1. Béchamel – milk thickened with a white roux
        2. Velouté – white stock thickened with a blond roux
        3. Espagnole – brown stock with a brown roux
        4. Tomato
        """
    assert terms(md) == ["Mother sauces", "Béchamel", "Velouté", "Espagnole"]


def test_the_days_plan_is_a_log() -> None:
    md = """
        # 영문법
        ## 가정법 과거
        현재 사실과 반대되는 상황을 가정할 때 쓰는 표현이다.
        ## 오늘 외울 단어
        - abandon, abundant, accurate
        """
    assert terms(md) == ["가정법 과거"]


def test_a_qa_pair_still_being_studied_is_not_a_card() -> None:
    md = """
        # 네트워크 면접
        Q. HTTP와 HTTPS의 차이는?
        A. HTTPS는 HTTP에 TLS 암호화를 더한 것입니다.

        Q. 쿠키와 세션의 차이는?
        A. (공부 중)
        """
    assert terms(md) == ["HTTP와 HTTPS의 차이는?"]


def test_common_mistakes_headings_are_labels() -> None:
    md = """
        # 리눅스
        ## chmod
        - 파일 권한을 바꾸는 명령어
        ## 자주 하는 실수
        - `rm -rf /` 절대 금지
        """
    assert terms(md) == ["chmod"]


def test_a_command_written_as_code_in_a_table_is_a_term() -> None:
    md = """
        # 리눅스
        | 명령어 | 설명 |
        |---|---|
        | `grep -r "word" .` | 하위 폴더까지 문자열 검색 |
        | `ps aux` | 실행 중인 프로세스 목록 |
        """
    assert terms(md) == ['grep -r "word" .', "ps aux"]


def test_terms_under_a_days_log_heading_are_still_cards() -> None:
    md = """
        # 2024.12.05 TIL
        ## 오늘 배운 것
        ### 웹훅(Webhook)
        - 이벤트가 발생했을 때 등록한 URL로 HTTP 요청을 보내 알려주는 방식
        ## My stories
        ### Biggest failure
        Missed a deadline because I didn't ask for help early.
        """
    assert terms(md) == ["웹훅"]


@pytest.mark.parametrize("heading", ["배운 내용", "오늘 공부한 내용", "정리한 것"])
def test_terms_under_what_was_learned_are_cards(heading: str) -> None:
    """`## 배운 내용` holds what a TIL teaches; `읽은 글`, `푼 문제` name what the author read or
    solved, with nothing under them to learn."""
    md = f"""
        ## {heading}
        ### git의 3가지 영역
        - 작업 중인 파일, 커밋을 기다리는 파일, 기록된 버전이 머무는 세 영역
        ## 읽은 글
        ### Git 입문
        - 친구가 추천해 준 블로그
        """
    assert terms(md) == ["git의 3가지 영역"]


def test_essay_prompts_are_not_cards() -> None:
    md = """
        # PHIL 110
        ## Deontology
        An ethical theory that judges actions by whether they follow moral rules.
        ## Essay prompt
        Compare the two theories using the trolley problem.
        """
    assert terms(md) == ["Deontology"]


def test_plain_key_lines_beside_a_headings_prose_definition_are_properties() -> None:
    md = """
        # PHIL 110
        ## Utilitarianism
        The view that the right action produces the greatest happiness.
        - Bentham: quantity of pleasure
        - Mill: quality matters too
        """
    found = by_term(md)
    assert list(found) == ["Utilitarianism"]
    assert "Bentham: quantity of pleasure" in found["Utilitarianism"].definition_md


def test_names_filled_in_under_each_sibling_term_are_its_fields() -> None:
    md = """
        # OSI
        ## Application layer
        - **PDU**: a message, as the application wrote it
        - **Action**: the browser builds an HTTP request.
        ## Transport layer
        - **PDU**: a segment of the byte stream
        - **Action**: the request is cut into TCP segments.
        ## Network layer
        - **Action**: each segment gets an IP header.
        """
    found = by_term(md)
    assert list(found) == ["Application layer", "Transport layer", "Network layer"]
    assert "**Action**: the request is cut" in found["Transport layer"].definition_md
    assert reasons(md)["Action"] == "a field the note fills in under 3 of its terms"


def test_names_filled_in_under_each_list_term_are_its_fields() -> None:
    md = """
        ## Präpositionen
        - durch : through
          - Ort: Walking through the park.
          - Grund: Through his help.
        - bis : until
          - Zeit: Until next week.
          - Ort: Driving until Berlin.
        - um : around
          - Zeit: around 1500 Uhr.
          - Ort: around the table.
        - gegen : against
          - Ort: He drove against the wall.
        """
    found = terms(md)
    assert found[:1] == ["Präpositionen"] and {"durch", "bis", "um", "gegen"} <= set(found)
    assert "Ort" not in found and "Zeit" not in found
    assert reasons(md)["Ort"] == "a field the note fills in under 4 of its terms"
    # a name nested under two list terms only is no form (it is one card: one section)
    two = """
        ## Sorting
        - Merge sort: splits, sorts and merges
          - Stable sort: keeps equal keys in order
        - Heap sort: builds a heap and pops it
          - Stable sort: keeps equal keys in order
        """
    assert terms(two) == ["Sorting", "Merge sort", "Stable sort", "Heap sort"]


def test_one_term_in_three_sections_is_three_cards() -> None:
    md = """
        # Concurrency
        ## Java
        - Thread: an object of java.lang.Thread with its own call stack
        ## Python
        - Thread: a threading.Thread, run one at a time under the GIL
        ## Go
        - Thread: an OS thread the runtime multiplexes goroutines onto
        """
    assert terms(md) == ["Thread", "Thread", "Thread"]


def test_one_name_under_four_terms_is_a_field() -> None:
    md = """
        # OSI
        ## Application layer
        - **Action**: the browser builds an HTTP request.
        ## Transport layer
        - **Action**: the request is cut into TCP segments.
        ## Network layer
        - **Action**: each segment gets an IP header.
        ## Data link layer
        - **Action**: each packet is framed with MAC addresses.
        """
    assert "Action" not in terms(md)
    assert reasons(md)["Action"] == "a field the note fills in under 4 of its terms"


def test_a_form_filled_in_at_two_levels_is_one_form() -> None:
    """`- **Event:**` and `- **Action:**` under each of four sub-phases make a form; the same
    names under a phase one level up are that form's fields too, and the phase is a card."""
    md = """
        # Cardiac cycle
        ## Phases
        ### 1. Atrial Systole
        * **Event:** The atria contract.
        * **Action:** The last blood enters the ventricles.
        ### 2. Ventricles
        #### a. Isovolumetric Contraction
        * **Event:** The ventricles contract.
        * **Action:** Pressure rises.
        #### b. Ventricular Ejection
        * **Event:** Pressure passes the aorta's.
        * **Action:** Blood leaves.
        #### c. Isovolumetric Relaxation
        * **Event:** The ventricles relax.
        * **Action:** Pressure falls.
        #### d. Rapid Filling
        * **Event:** Pressure drops below the atria's.
        * **Action:** Blood rushes in.
        """
    assert terms(md) == [
        "Atrial Systole",
        "Isovolumetric Contraction",
        "Ventricular Ejection",
        "Isovolumetric Relaxation",
        "Rapid Filling",
    ]
