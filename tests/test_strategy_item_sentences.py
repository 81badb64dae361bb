"""A list item with bullets under it heads them as a term only when it names one thing: a clipped
Korean statement (`차원 수는 매번 다름`), a sentence going on from the one before (`이때, …`)
and a run of names (`기억, 뉴런, 시냅스`) are no terms, while their bullets stay where they are."""

from __future__ import annotations

from extract_helpers import reasons, terms


def test_a_clipped_statement_heads_no_card() -> None:
    md = """
        # 딥러닝
        ## 1x1 Convolution
        - 채널 수를 줄이는 합성곱
        - 차원 수는 매번 다름
          - 입력 채널과 필터 수에 따라 정해짐
        """
    assert terms(md) == ["1x1 Convolution"]
    assert reasons(md)["차원 수는 매번 다름"].startswith("a sentence")


def test_a_sentence_going_on_from_the_one_before_heads_no_card() -> None:
    md = """
        # 선형대수
        ## 행렬식

        - 행렬식이란? 정사각행렬 A를 하나의 수로 대응시키는 함수

        - 이때, A가

            1) 1 X 1 -> det(a) = a

            2) 2 X 2 -> det = ad - bc

        """
    assert "이때, A가" not in terms(md)
    assert reasons(md)["이때, A가"].startswith("a sentence")


def test_a_run_of_names_heads_no_card() -> None:
    md = """
        # 심리학
        ## 정보의 저장
        - 기억은 유지 시간에 따라 셋으로 나뉜다
        - 기억, 뉴런, 시냅스
          - 기억이 저장될 때 시냅스 연결이 강해진다
        """
    assert "기억, 뉴런, 시냅스" not in terms(md)
    assert reasons(md)["기억, 뉴런, 시냅스"] == "several names in a row, not one term"


def test_a_named_term_over_its_bullets_is_still_a_card() -> None:
    md = """
        # 운영체제
        ## 메모리 관리
        - 페이지 교체
          - 빈 프레임이 없을 때 내보낼 페이지를 고르는 일
        - 스래싱
          - 페이지 부재가 너무 잦아 처리율이 떨어지는 현상
        """
    assert terms(md) == ["메모리 관리", "페이지 교체", "스래싱"]
