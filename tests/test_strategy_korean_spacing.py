"""Korean spacing varies within one note (`유의 수준`, `유의수준`): a term defined twice in one
section under the two spellings is one card, the first; in two sections it is two cards."""

from __future__ import annotations

from extract_helpers import by_term, reasons, terms


def test_one_term_spaced_two_ways_in_one_section_is_one_card() -> None:
    md = """
        # 통계
        ## 용어
        - 유의수준: 제1종 오류를 허용할 최대 확률
        - 검정 통계량: 표본에서 계산해 가설 검정에 쓰는 값
        - 기각역: 귀무가설을 기각하게 되는 영역
        - 유의 수준: 귀무가설이 참일 때 이를 기각하는 오류가 일어날 확률
        """
    assert terms(md) == ["유의수준", "검정 통계량", "기각역"]
    assert by_term(md)["유의수준"].definition_md == "제1종 오류를 허용할 최대 확률"
    assert reasons(md)["유의 수준"].startswith("defined twice in this section")


def test_the_same_spacing_variant_in_two_sections_is_two_cards() -> None:
    md = """
        # 통계
        ## 단측 검정
        - 유의수준: 한쪽 꼬리에 모두 두는 확률
        - 기각역: 한쪽 끝에만 있는 영역
        - 검정력: 대립가설이 참일 때 이를 채택할 확률
        ## 양측 검정
        - 유의 수준: 두 꼬리에 반씩 나누는 확률
        - 기각역: 양쪽 끝에 나뉜 영역
        - 검정력: 대립가설이 참일 때 이를 채택할 확률
        """
    got = [c for c in terms(md) if not c.endswith("검정")]
    assert got == ["유의수준", "기각역", "검정력", "유의 수준", "기각역", "검정력"]


def test_different_words_are_not_merged() -> None:
    md = """
        # 운영체제
        ## 용어
        - 교착 상태: 서로가 가진 자원을 기다리며 멈춘 상태
        - 교착상태 회피: 안전 상태를 유지하도록 자원을 나누는 방법
        - 기아 상태: 자원을 끝없이 얻지 못하는 상태
        """
    assert terms(md) == ["교착 상태", "교착상태 회피", "기아 상태"]
