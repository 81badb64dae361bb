"""Lines that name a term of their own inside another term's body, dated log entries, and the
shapes of Korean prose definitions."""

from __future__ import annotations

import pytest
from extract_helpers import by_term, cards, reasons, terms

from generator.extract.prose import defined_subject


def test_colon_lines_naming_a_term_with_its_other_name_are_terms() -> None:
    md = """
        # 경제학 노트
        ## 비용(Cost)
        1. 매몰비용 (Sunk Cost, SC) : 이미 지출되어 회수할 수 없는 비용
        2. 기회비용 (Opportunity Cost) : 선택하지 않은 대안 중 가장 큰 가치
        3. 평균비용 (
        - 총비용, 평균비용, 한계비용
        1. 한계비용 :
        """
    found = by_term(md)
    assert "매몰비용" in found and "기회비용" in found
    assert found["매몰비용"].aliases == ("Sunk Cost", "SC")


def test_a_paragraph_colon_line_with_an_other_name_is_a_term() -> None:
    md = """
        # 재화
        ## 수요

        소비자가 지불하고자 하는 금액을 말한다.

        가치재 (merit good) : 정부가 소비를 권장하는 재화
        """
    assert "가치재" in terms(md)


def test_plain_property_lines_stay_in_the_terms_body() -> None:
    md = """
        # 네트워크
        ## TTL

        TTL은 레코드를 캐시에 보관하는 시간이다.

        - 짧으면: 변경이 빨리 반영된다
        - 길면: 질의가 줄어든다
        """
    assert terms(md) == ["TTL"]
    assert reasons(md)["짧으면"].startswith("a property in the body of")


def test_a_dashed_gloss_with_an_other_name_is_not_made_a_term() -> None:
    md = """
        # Pharmacology
        ## Routes of administration
        - **PO** (by mouth)
        - **SC** (subcutaneous) – slow, steady absorption
        - **IM** (intramuscular)
        """
    assert terms(md) == ["Routes of administration"]


def test_several_api_names_with_their_meanings_are_terms() -> None:
    md = """
        # 자료구조
        ## Queue의 연산

        큐는 먼저 넣은 항목을 먼저 꺼낸다.

        - enqueue(item) : 항목을 큐의 뒤에 넣는다.
        - dequeue() : 큐의 앞에서 항목을 꺼낸다.
        - isFull() : 큐가 가득 찼을 때 true를 반환한다.
        """
    assert {"enqueue(item)", "dequeue()", "isFull()"} <= set(terms(md))


def test_a_single_identifier_property_stays_in_the_body() -> None:
    md = """
        # 로그
        ## 로그 형식

        요청마다 한 줄씩 남긴다.

        - 요청 구분: UUID를 붙인다
        - requestURL : 어떤 URL을 요청했는지 남긴다
        - 시간은 밀리초까지 남긴다
        """
    assert "requestURL" not in terms(md)


def test_entries_under_a_date_heading_are_a_log_not_terms() -> None:
    md = """
        # 공부 기록
        ### 2024.03.04
        - 네트워크 강의 듣기
          - 3장 전송 계층
            - 12강
        ### 2024.03.05
        - 네트워크 강의 듣기
          - 진도: 4장 1절
        """
    assert terms(md) == []
    assert reasons(md)["네트워크 강의 듣기"] == "an entry of a dated log, not a term"


def test_a_marked_term_under_a_date_heading_is_still_a_term() -> None:
    md = """
        # TIL
        ## 2024-03-04
        - **Idempotency**: repeating a request has the same effect as sending it once
        - fixed the login bug
        """
    assert terms(md) == ["Idempotency"]


def test_korean_definition_with_an_object_before_its_verb() -> None:
    text = "광합성(photosynthesis)은 빛 에너지로 포도당을 만드는 모든 화학 반응을 말한다."
    assert defined_subject(text) == "광합성(photosynthesis)"


def test_korean_definition_does_not_run_past_a_question() -> None:
    text = "세포는 어떻게 에너지를 얻을까? 먼저 알아야 할 것은 호흡이다."
    assert defined_subject(text) is None


def test_korean_aspect_of_a_named_term_is_not_a_term() -> None:
    text = "발효(fermentation)의 예로는 김치와 요구르트가 있고 빵 반죽도 대표적인 예이다."
    assert defined_subject(text) is None
    assert defined_subject("공통점은 두 반응 모두 산소가 필요하다는 것이다.") is None


def test_korean_definition_after_a_connective_adverb() -> None:
    text = "즉 캐시 미스란 찾는 데이터가 캐시에 없어 메모리에서 읽어 오는 경우이다."
    assert defined_subject(text) == "캐시 미스"


def test_bold_inside_a_colon_lines_term_keeps_the_term_whole() -> None:
    md = """
        # 소프트웨어 공학
        ## 개발 유형
        - 단독형(**Standalone**) : 다른 시스템 없이 혼자 동작하는 소프트웨어를 만드는 유형
        - 연동형(**Linked**) : 외부 시스템과 데이터를 주고받는 소프트웨어를 만드는 유형
        ## 모형의 종류
        - 간이형 모형**Simple** : 규모만으로 비용을 구하는 모형
        - 정밀형 모형 **Precise** : 여러 요인을 곱해 비용을 구하는 모형
        ## 관리 영역
        - **범**위 관리 : 해야 할 일의 경계를 정하고 통제한다
        - **조**달 관리 : 외부에서 사야 할 것을 정하고 계약한다
        """
    found = by_term(md)
    assert {"단독형", "연동형", "간이형 모형", "정밀형 모형", "범위 관리", "조달 관리"} <= set(
        found
    )
    assert found["단독형"].aliases == ("Standalone",)
    assert found["간이형 모형"].aliases == ("Simple",)


def test_a_bold_word_and_its_particle_open_no_term() -> None:
    md = """
        # 물리
        ## 입자
        - **빛**은 입자이면서 파동이다: 이중성
        """
    assert "빛은 입자이면서 파동이다" not in terms(md)


def test_a_colon_terms_other_names_may_be_listed_with_commas() -> None:
    md = """
        # 테스트 기법
        ## 블랙박스 테스트 종류
        - 동등 분할(동치 분할, Equivalence Class Partitioning): 입력을 묶음으로 나눠 검사
        - 원인 결과 그래프(Cause-Effect Graph): 입력과 출력의 관계를 그래프로 분석해 검사
        """
    found = by_term(md)
    assert found["동등 분할"].aliases == ("동치 분할", "Equivalence Class Partitioning")


def test_a_list_terms_gloss_in_parentheses_still_counts_as_its_words() -> None:
    md = """
        # 미술사
        - 원근법
          - 대기 원근법 (멀수록 흐리고 푸르게 보이는 원근법)
            - 레오나르도
        """
    assert "대기 원근법" not in terms(md)


def test_korean_definition_after_where_it_is_said() -> None:
    text = "운영체제에서 스케줄러는 **다음에 실행할 프로세스를 고르는 구성 요소**입니다."
    assert defined_subject(text) == "스케줄러"


def test_a_later_sentence_with_two_topics_does_not_undo_a_definition() -> None:
    text = "캐시는 자주 쓰는 데이터를 가까이 두는 저장소이다. CPU 캐시는 작고, 메모리는 크다."
    assert defined_subject(text) == "캐시"
    assert defined_subject("IPv4 주소는 32비트, IPv6 주소는 128비트이다.") is None


def test_a_highlighted_name_the_sentence_gives_is_a_term() -> None:
    md = """
        # 로그
        $y = \\log_a x$ 에서 $a$ 는 <font color="#ffff00">밑</font>이라 하고, $x$ 는 진수라고 한다.
        """
    assert "밑" in terms(md)


def test_a_date_heading_keeps_its_year_in_the_section_path() -> None:
    md = """
        # 기록
        ## 2024.06.02
        - **가중치**: 요인마다 비용에 미치는 정도를 나타내는 값
        """
    assert [c.section for c in cards(md)] == [("2024.06.02",)]


def test_a_later_sentence_defining_a_glossed_korean_name_is_a_card() -> None:
    md = """
        광합성(photosynthesis)은 빛 에너지로 양분을 만드는 과정을 말한다.
        명반응(light reaction)은 빛을 받아 ATP를 만드는 첫 단계이다.
        암반응은 그 ATP로 포도당을 만든다.
        """
    assert terms(md) == ["광합성", "명반응"]


def test_an_english_name_with_its_other_name_inside_a_terms_body_is_a_term() -> None:
    md = """
        # Estates
        ## Distribution
        How the estate is shared when the will names a class of heirs.
        * per capita (per head): each living heir gets an equal share
        * a share may lapse if the heir dies first
        * the executor decides the timing
        """
    assert "per capita" in terms(md)
    assert by_term(md)["per capita"].aliases == ("per head",)


def test_a_bold_letter_inside_an_acronym_leaves_the_definition_list_its_card() -> None:
    md = """
        ### SQL 명령어
        - D**D**L : Definition 을 의미
        - D**M**L : Manipulation 을 의미

        **DDL**
        : DB를 구축하기 위한 목적

        **DML**
        : 데이터를 관리하기 위한 목적
        """
    found = by_term(md)
    assert found["DDL"].definition_md.startswith("DB를 구축하기 위한 목적")


def test_a_written_out_definition_under_a_date_heading_is_still_a_term() -> None:
    md = """
        # TIL
        ## 2024-05-01
        트랜잭션은 더 이상 나눌 수 없는 작업의 단위이다.

        - 격리 수준: 동시에 실행되는 트랜잭션이 서로를 얼마나 보는지 정하는 설정
        """
    assert terms(md) == ["트랜잭션", "격리 수준"]


def test_a_bold_line_asking_what_a_term_is_names_the_term() -> None:
    md = """
        ## 메모리 관리

        **페이징(Paging)이란**

        메모리를 같은 크기의 블록으로 나누어 할당하는 기법이다.
        """
    found = by_term(md)
    assert "페이징" in found and found["페이징"].aliases == ("Paging",)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("**Cipher**은 평문을 암호문으로 바꾸는 알고리즘", "Cipher"),
        ("**비대칭형 암호**는 생성할 때와 풀 때의 key가 다른 암호", "비대칭형 암호"),
        ("**해시**는 임의 길이 입력을 고정 길이로 바꾸는 것", "해시"),
        ("`@Bean`은 메서드가 돌려주는 객체를 빈으로 등록하는 애너테이션", "@Bean"),
        # a noun phrase only when it is the whole line; a plain subject needs a sentence
        ("**캐시**는 빠른 메모리. 자주 쓰는 값을 둔다", None),
        ("캐시는 자주 쓰는 값을 두는 메모리", None),
        ("**주의**는 꼭 필요한 부분", None),
    ],
)
def test_a_formatted_name_defined_by_a_noun_phrase(text: str, subject: str | None) -> None:
    assert defined_subject(text) == subject


def test_a_list_of_bold_names_defined_by_noun_phrases_gives_their_cards() -> None:
    md = """
        # 암호
        ## 용어 정리
        - **Cipher**은 평문을 암호문으로 바꾸는 알고리즘
        - **대칭형 암호**는 암호를 만들 때와 풀 때의 key가 같은 암호
        - 암호화의 단위는 block 단위거나 bit 단위
        """
    found = by_term(md)
    assert list(found) == ["Cipher", "대칭형 암호"]
    assert found["Cipher"].definition_md.endswith("바꾸는 알고리즘")
