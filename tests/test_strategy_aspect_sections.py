"""Sub-headings that say what the term above them is (`특징`, `종류`, `정리`) are its answer, not
cards of their own; the kinds under `종류` still are. Pros and cons stay cards of their own."""

from __future__ import annotations

from extract_helpers import by_term, reasons, terms


def test_features_and_kinds_headings_are_the_terms_answer() -> None:
    md = """
        # Spring
        ## 웹 스코프
        ### 특징
        - 웹 환경에서만 동작한다.
        ### 종류
        - **request**
          - HTTP 요청 하나가 들어오고 나갈 때까지 유지된다.
        - **session**
          - HTTP 세션과 같은 생명주기를 가진다.
        """
    found = by_term(md)
    assert list(found) == ["웹 스코프", "request", "session"]
    answer = found["웹 스코프"].definition_md
    assert "웹 환경에서만" in answer and "request" in answer
    assert "들어오고 나갈" not in answer
    assert "**특징**" in answer and "###" not in answer  # shown as labels, not headings
    assert found["request"].section == ("웹 스코프", "종류")
    assert "특징" in reasons(md)


def test_english_features_and_types_headings_fold_into_the_term() -> None:
    md = """
        # Networking
        ## Load balancer
        ### Features
        - Spreads requests across servers
        ### Types
        - **L4 load balancer**
          - balances by IP address and port
        - **L7 load balancer**
          - balances by URL, headers and cookies
        """
    assert terms(md) == ["Load balancer", "L4 load balancer", "L7 load balancer"]


def test_a_summary_sub_heading_joins_the_terms_answer() -> None:
    md = """
        # Spring
        ## 프로토타입 스코프
        - 요청할 때마다 새 인스턴스를 만든다.
        ### 정리
        - 종료 메서드가 호출되지 않는다.
        """
    found = by_term(md)
    assert list(found) == ["프로토타입 스코프"]
    answer = found["프로토타입 스코프"].definition_md
    assert "종료 메서드" in answer
    assert "\n\n**정리**\n" in answer  # a paragraph of its own, not more words of the bullet


def test_pros_and_cons_under_a_term_stay_cards_of_their_own() -> None:
    md = """
        # Docker
        ## Docker
        ### 장점
        - 가볍다
        ### 단점
        - 커널을 공유한다
        """
    assert terms(md) == ["장점", "단점"]


def test_a_mix_of_aspects_and_terms_keeps_the_grouping_rule() -> None:
    md = """
        # OS
        ## 동기화
        ### 특징
        - 여러 스레드가 순서를 맞춘다.
        ### 뮤텍스
        - 하나만 들어가게 하는 잠금
        """
    assert terms(md) == ["특징", "뮤텍스"]


def test_one_list_item_heading_under_a_question_is_its_answer() -> None:
    md = """
        # Spring
        ### 01. 빈 스코프란?
        - ### 빈이 존재할 수 있는 범위
            - 싱글톤
                - 컨테이너의 시작과 종료까지 유지된다
            - 프로토타입
                - 생성과 의존관계 주입까지만 관여한다
        """
    found = by_term(md)
    assert list(found) == ["빈 스코프", "싱글톤", "프로토타입"]
    assert "빈이 존재할 수 있는 범위" in found["빈 스코프"].definition_md
    assert found["싱글톤"].section == ("빈 스코프란?", "빈이 존재할 수 있는 범위")


def test_one_list_item_heading_naming_a_term_stays_its_own_card() -> None:
    md = """
        # Spring
        ### 07. 스코프와 Provider
        - ### ObjectProvider 활용
            - getObject()를 부를 때까지 빈의 생성을 늦출 수 있다.
        """
    assert terms(md) == ["ObjectProvider 활용"]


def test_headings_in_a_quote_are_sub_headings_of_the_section_around_it() -> None:
    md = """
        # OS
        ## 회복(Recovery)
        교착 상태를 일으킨 프로세스를 끝내거나 자원을 빼앗아 회복한다.

        > ##### 프로세스 종료 방법
        >
        > - 교착 상태의 프로세스를 모두 중지
        >
        > ##### 자원 선점 방법
        >
        > - 점유한 자원을 빼앗아 다른 프로세스에 할당
        """
    found = by_term(md)
    assert list(found) == ["회복", "프로세스 종료 방법", "자원 선점 방법"]
    assert found["프로세스 종료 방법"].section == ("회복(Recovery)", "프로세스 종료 방법")
    recovery = found["회복"].definition_md
    assert "프로세스 종료 방법" in recovery and "모두 중지" not in recovery
    assert "모두 중지" in found["프로세스 종료 방법"].definition_md


def test_a_quote_without_headings_is_read_as_before() -> None:
    md = """
        # OS
        ## 교착 상태
        > 둘 이상의 프로세스가 서로의 자원을 기다리며 멈춘 상태
        """
    assert terms(md) == ["교착 상태"]


def test_a_quoted_label_heading_is_no_card() -> None:
    md = """
        # OS
        ## 회복
        자원을 해제해 회복한다.

        > ##### 예시
        >
        > - 프로세스를 하나씩 끝낸다
        """
    assert terms(md) == ["회복"]
