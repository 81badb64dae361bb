"""Bodies that say nothing: a heading over an empty code fence left to fill in, a `Detail`
heading that only labels the notes under it, the tail of a table row that broke out of its
table (`- 잦은 시스템 | - …`) and an answer button over an answer never written
(`<details><summary>답변</summary><p></p></details>`) are no cards."""

from __future__ import annotations

from extract_helpers import by_term, reasons, terms

EMPTY_DETAILS = "its `<details>` answer is empty: nothing is written under its summary"


def test_a_heading_over_an_empty_fence_has_no_body() -> None:
    md = """
        # 자료구조
        ## 스택
        - 나중에 들어온 데이터가 먼저 나가는 자료구조

        ### 직접구현

        ```java

        ```
        """
    assert terms(md) == ["스택"]
    assert reasons(md)["직접구현"] == "heading with no body of its own"


def test_a_heading_over_real_code_is_judged_as_before() -> None:
    md = """
        # 자료구조
        ## 스택
        - 나중에 들어온 데이터가 먼저 나가는 자료구조

        ### push

        ```java
        stack.push(1);
        ```
        """
    assert terms(md) == ["스택", "push"]


def test_a_detail_heading_labels_the_terms_under_it() -> None:
    md = """
        # 딥러닝
        ## Optimizers
        #### Detail
        - SGD
          - computation time per update does not grow with the number of examples
        - Momentum
          - accumulates a decaying moving average of past gradients
        """
    assert terms(md) == ["SGD", "Momentum"]


def test_the_tail_of_a_broken_table_row_is_no_term() -> None:
    md = """
        # 데이터베이스
        ## RDB와 NoSQL

        | | RDB | NoSQL |
        | --- | --- | --- |
        | 사용 | - 구조가 명확한 경우
        - 데이터 update가 잦은 시스템 | - 구조가 정해지지 않은 경우
        """
    assert "데이터 update가 잦은 시스템 |" not in terms(md)
    assert reasons(md)["데이터 update가 잦은 시스템 |"] == "a piece of a table row, not a term"


def test_a_dashed_line_with_a_pipe_inside_its_name_is_still_read() -> None:
    md = """
        # 셸
        ## 명령어
        - `ls | grep` - 목록에서 이름을 골라 보여주는 파이프라인
        - `cat` - 파일 내용을 출력하는 명령어
        """
    assert "ls | grep" in terms(md)


def test_a_body_that_says_there_is_nothing_is_no_answer() -> None:
    md = """
        # 뮤텍스
        ## 동작 방식
        1. 자원에 접근하려면 먼저 락을 얻는다.
        2. 다른 스레드가 쓰는 중이면 풀릴 때까지 기다린다.

        ## 질문과 확장

        (없음)
        """
    assert terms(md) == ["동작 방식"]
    assert reasons(md)["질문과 확장"] == "its body was left unfinished"


def test_a_body_that_says_something_is_missing_is_still_an_answer() -> None:
    md = """
        # 약리학
        ## 아세트아미노펜
        해열과 진통 작용이 있고 항염 작용은 거의 없음
        """
    assert terms(md) == ["아세트아미노펜"]


def test_an_ordinal_names_a_position_not_a_term() -> None:
    md = """
        # 리눅스
        ## /etc/fstab
        부팅할 때 마운트할 파일 시스템을 적어 두는 파일이다.

        - 첫번째: 장치명
        - 두번째: 마운트될 디렉터리
        - 세 번째: 파일 시스템의 유형
        """
    assert terms(md) == ["/etc/fstab"]
    assert reasons(md)["첫번째"] == "a position in a list, not a term"


def test_a_term_that_starts_with_an_ordinal_word_is_still_a_term() -> None:
    md = """
        # 약동학
        ## 대사
        - **First-Pass Effect**: 약이 전신 순환에 들기 전에 간에서 대사되는 현상
        - **second**: 시간의 SI 기본 단위
        """
    assert terms(md) == ["대사", "First-Pass Effect", "second"]


def test_questions_over_empty_answer_buttons_are_no_cards() -> None:
    md = """
        # 동적 프로그래밍

        ## 관련 기술면접 질문
        1. Dynamic Programming과 분할정복의 차이점은?
            <details>
            <summary>답변</summary>
            <p>
            </p>
            </details>
        2. Dynamic Programming 적용 조건
            <details>
            <summary>답변</summary>
            <p>&nbsp;</p><!-- 나중에 정리 -->
            </details>
        """
    assert terms(md) == []
    why = reasons(md)
    assert why["Dynamic Programming과 분할정복의 차이점은?"] == EMPTY_DETAILS
    assert why["Dynamic Programming 적용 조건"] == EMPTY_DETAILS
    assert why["관련 기술면접 질문"] == "only questions with no answers"


def test_empty_details_questions_are_no_cards() -> None:
    md = """
        # Interview
        ## Java
        <details><summary>What is the JVM?</summary><p></p></details>

        <details>
        <summary>What is a class loader?</summary>
        <ul>
        <li>Why is it lazy?
        <details><summary>Answer</summary>

        </details>
        </li>
        </ul>
        </details>

        ### Q: What is the heap?
        <details>
        <summary>Answer</summary>
        <p></p>
        </details>
        """
    assert terms(md) == []
    why = reasons(md)
    assert why["What is the JVM?"] == EMPTY_DETAILS
    assert why["Why is it lazy?"] == EMPTY_DETAILS
    assert why["What is a class loader?"] == "only follow-up questions with no answers"
    assert why["Java"] == "only questions with no answers"
    assert why["What is the heap?"] == EMPTY_DETAILS


def test_an_answer_of_an_image_or_a_word_is_not_empty() -> None:
    got = by_term("""
        # Interview
        ## Java
        <details><summary>What does the heap look like?</summary><img src="heap.png"></details>

        <details><summary>Is Java compiled?</summary><p>Yes</p></details>

        1. JVM의 역할은?
            <details>
            <summary>답변</summary>
            <p>바이트코드를 실행한다.</p>
            </details>
        """)
    assert list(got) == ["What does the heap look like?", "Is Java compiled?", "JVM의 역할은?"]
    assert got["Is Java compiled?"].definition_md == "<p>Yes</p>"
    assert "바이트코드를 실행한다." in got["JVM의 역할은?"].definition_md


def test_an_empty_answer_button_leaves_no_trace_in_the_answer_around_it() -> None:
    md = """
        # 동적 프로그래밍

        ## 관련 기술면접 질문
        1. Dynamic Programming이란?
            <details>
            <summary>답변</summary>
            <p>이전 결과를 저장해 다시 쓰는 기법</p>
            </details>
        2. Dynamic Programming과 분할정복의 차이점은?
            <details>
            <summary>답변</summary>
            <p></p>
            </details>
        """
    got = by_term(md)
    assert "Dynamic Programming과 분할정복의 차이점은?" not in got
    assert reasons(md)["Dynamic Programming과 분할정복의 차이점은?"] == EMPTY_DETAILS
    assert "이전 결과를 저장해 다시 쓰는 기법" in got["Dynamic Programming"].definition_md
    for card in got.values():  # the unanswered question may be named, its empty button not
        assert "<p></p>" not in card.definition_md


def test_a_kramdown_attribute_list_is_markup_not_a_body() -> None:
    md = """
        # conda
        ## Basics
        {: .-two-column}

        ### Environments
        {: .-prime}

        An isolated set of packages, with its own Python.
        {: .lead}

        ## Channels
        {: .-three-column}
        """
    assert terms(md) == ["Environments"]
    assert by_term(md)["Environments"].definition_md == (
        "An isolated set of packages, with its own Python."
    )
    assert "{" not in reasons(md)
    assert reasons(md)["Channels"] == "heading with no body of its own"


def test_attribute_lists_and_dividers_in_a_table_are_left_out_of_an_answer() -> None:
    md = """
        # Networks
        ## Transport layer
        Moves data between processes on two hosts.

        | | TCP | UDP |
        | --- | --- | --- |
        | Ordered | yes | no |
        | --- | --- | --- |
        | Connection | yes | no |
        {: .table .table-striped}

        ```text
        segment = header + data
        ```
        {: style="width: 300px"}
        """
    got = by_term(md)["Transport layer"].definition_md
    assert "{:" not in got and "| --- | --- | --- |\n| Connection" not in got
    assert "| Connection | yes | no |" in got and "segment = header" in got


def test_explain_says_why_a_question_over_only_a_placeholder_makes_no_card() -> None:
    # `(답변 작성 예정)` is an edit note: nothing is left to answer with, and `--explain` says so
    # instead of passing over the question.
    md = """
        # 프론트엔드 면접

        1. **리플로우란?**
           - 레이아웃을 다시 계산하는 것
        2. **CSR과 SSR의 차이는?**
           - (답변 작성 예정)
        - **Hydration**
          - <!-- TODO -->
        """
    assert terms(md) == ["리플로우"]
    why = reasons(md)
    nothing = "nothing under it to answer with: only edit notes, placeholders, links or markup"
    assert why["CSR과 SSR의 차이는?"] == nothing
    assert why["Hydration"] == nothing
