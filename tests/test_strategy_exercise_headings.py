"""A heading whose body opens by telling the reader what to solve (`> … 고르시오`, `… 구하라`)
names an exercise of a homework or exam sheet, not a term; the answer's own term lines stay."""

from __future__ import annotations

from extract_helpers import reasons, terms

EXERCISE = "an exercise set to the reader, not a term"


def test_a_quoted_instruction_makes_the_heading_an_exercise() -> None:
    md = """
        # 네트워크 과제
        ## 1. 계층 이름
        > 각 설명에 맞는 계층을 보기에서 고르시오.
        >
        > 전송 계층 네트워크 계층

        - 전송 계층: 프로세스 사이에 데이터를 전달하는 계층
        - 네트워크 계층: 호스트 사이에 패킷의 경로를 정하는 계층
        - 링크 계층: 이웃한 노드 사이에 프레임을 보내는 계층
        """
    assert terms(md) == ["전송 계층", "네트워크 계층", "링크 계층"]
    assert reasons(md)["1. 계층 이름"] == EXERCISE


def test_a_problem_to_compute_is_no_term() -> None:
    md = """
        # 선형대수
        ## 연립방정식 풀이
        $x + y = 3$, $x - y = 1$ 의 해를 구하라.

        - 두 식을 더하면 $2x = 4$ 이므로 $x = 2$, $y = 1$
        """
    assert terms(md) == []
    assert reasons(md)["연립방정식 풀이"] == EXERCISE


def test_a_definition_that_gives_advice_later_is_still_a_card() -> None:
    md = """
        # 자바
        ## 체크 예외
        컴파일러가 처리 여부를 검사하는 예외이다.

        반드시 try-catch로 잡거나 throws로 선언하시오.
        """
    assert terms(md) == ["체크 예외"]


def test_a_heading_over_a_plain_explanation_is_a_card() -> None:
    md = """
        # 운영체제
        ## 세마포어
        > 여러 프로세스가 공유 자원에 접근하는 수를 세는 정수 변수

        - P 연산으로 줄이고 V 연산으로 늘린다.
        """
    assert terms(md) == ["세마포어"]
