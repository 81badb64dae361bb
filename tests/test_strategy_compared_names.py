"""A question heading that compares named things (`OLTP vs OLAP`, `전역 모듈과 기능 모듈의 차이`)
over `**name**: meaning` lines for each of them: every compared name is a card of its own, and
the question's card keeps both definitions in full, since they are its answer."""

from __future__ import annotations

from extract_helpers import by_term, terms


def test_each_compared_name_is_a_card_and_the_question_keeps_both() -> None:
    md = """
        # 데이터 엔지니어링
        ## OLTP vs OLAP
        - **OLTP**: 실시간 거래를 빠르게 처리하는 시스템
        - **OLAP**: 많은 과거 데이터를 분석하고 보고하는 시스템
        """
    cards = by_term(md)
    assert list(cards) == ["OLTP vs OLAP", "OLTP", "OLAP"]
    answer = cards["OLTP vs OLAP"].definition_md
    assert "실시간 거래를 빠르게" in answer and "과거 데이터를 분석" in answer
    assert cards["OLAP"].definition_md == "많은 과거 데이터를 분석하고 보고하는 시스템"


def test_a_korean_difference_question_over_its_names() -> None:
    md = """
        # 스프링 면접
        ## @Component와 @Bean의 차이
        - `@Component`: 클래스에 붙여 컴포넌트 스캔으로 빈을 등록한다
        - `@Bean`: 설정 클래스의 메서드에 붙여 반환 객체를 빈으로 등록한다
        """
    assert terms(md) == ["@Component와 @Bean의 차이", "@Component", "@Bean"]
    assert "컴포넌트 스캔" in by_term(md)["@Component와 @Bean의 차이"].definition_md


def test_plain_property_lines_in_an_answer_stay_its_answer() -> None:
    md = """
        # 네트워크
        ## TCP와 UDP 비교
        - 연결: TCP는 연결을 맺고 UDP는 맺지 않는다
        - 신뢰성: TCP는 재전송하고 UDP는 하지 않는다
        """
    assert terms(md) == ["TCP와 UDP 비교"]


def test_a_question_that_does_not_name_its_terms_only_lists_them() -> None:
    md = """
        # 운영체제
        ## 교착 상태는 왜 생기나요?
        - **상호 배제**: 자원을 한 번에 한 프로세스만 쓴다
        - **점유 대기**: 자원을 가진 채 다른 자원을 기다린다
        """
    cards = by_term(md)
    assert list(cards) == ["교착 상태는 왜 생기나요?", "상호 배제", "점유 대기"]
    assert cards["교착 상태는 왜 생기나요?"].definition_md == "- **상호 배제**\n- **점유 대기**"
