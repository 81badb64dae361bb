"""An answer to a question heading is that question's card: the thing the question names and
the bold lines that break the answer into parts are no cards of their own, while a kind of the
asked thing defined in a paragraph of its own still is. A bold line over a table of data is
the table's caption, and Korean label words (`연관 용어`, `적응증`, `부작용`) label as the
English ones do."""

from __future__ import annotations

from extract_helpers import reasons, terms


def test_the_thing_a_question_names_is_its_answer_not_a_kind() -> None:
    md = """
        # 네트워크 면접
        ### Q4. 클래스풀 IP 주소 체계에 대해서 설명해주세요.

        **클래스풀 주소 체계(Classful Addressing)** 은 IP 주소를 클래스별로 나누는 방식입니다.

        클래스별로 네트워크 크기가 고정되어 주소가 낭비될 수 있습니다.

        ### Q7. 정적 IP 할당 방식과 동적 IP 할당 방식의 차이를 설명해주세요.

        정적 할당 방식은 호스트에게 IP를 수동으로 설정하는 것을 의미합니다.

        동적 할당 방식은 DHCP로 IP를 자동으로 임대하는 방식입니다.
        """
    assert terms(md) == [
        "클래스풀 IP 주소 체계에 대해서 설명해주세요.",
        "정적 IP 할당 방식과 동적 IP 할당 방식의 차이를 설명해주세요.",
    ]


def test_a_kind_of_the_asked_thing_is_still_a_card() -> None:
    md = """
        # 데이터베이스 면접
        ## DB 락에 대해 설명해주세요

        락은 여러 트랜잭션이 같은 데이터에 접근할 때 일관성을 지키는 장치입니다.

        공유락은 데이터를 읽을 때 거는 락으로, 다른 트랜잭션도 읽을 수 있습니다.

        배타락은 데이터를 쓸 때 거는 락으로, 다른 트랜잭션은 읽지도 쓰지도 못합니다.
        """
    assert terms(md) == ["DB 락에 대해 설명해주세요", "공유락", "배타락"]


def test_a_bold_line_inside_an_answer_is_a_part_of_it() -> None:
    md = """
        # 네트워크 면접
        ### Q1. TCP 3-way handshake에 대해서 설명해주세요.

        **TCP 3-way Handshake**는 연결을 설정하기 위한 절차입니다.

        **TCP의 3-way Handshaking 과정**

        클라이언트가 SYN을 보내고, 서버가 SYN/ACK로 답하고, 클라이언트가 ACK을 보냅니다.

        ### Q2. TCP 4-way handshake에 대해서 설명해주세요.

        3-Way handshake가 연결을 여는 절차라면, 4-Way handshake는 세션을 닫는 절차입니다.

        **TCP의 4-way Handshaking 과정**

        클라이언트가 FIN을 보내고, 서버가 ACK과 FIN을 차례로 보내고, 클라이언트가 ACK을 보냅니다.
        """
    assert terms(md) == [
        "TCP 3-way handshake에 대해서 설명해주세요.",
        "TCP 4-way handshake에 대해서 설명해주세요.",
    ]
    assert reasons(md)["TCP의 3-way Handshaking 과정"].startswith("a part of the answer to")


def test_a_bold_line_under_a_plain_heading_is_still_a_term() -> None:
    md = """
        # 운영체제
        ## 동기화 도구

        **뮤텍스**

        한 번에 한 스레드만 임계 구역에 들어가게 하는 락이다.

        **세마포어**

        정해진 수의 스레드만 자원에 접근하게 하는 카운터이다.
        """
    assert terms(md) == ["뮤텍스", "세마포어"]


CAPTION = "the caption of a table of data, not a term"


def test_a_bold_caption_over_a_data_table_is_no_card() -> None:
    md = """
        # 시험 계획
        ### 컴퓨터일반 - 자료구조

        **1회 — 배열·리스트·스택 (30Q)**
        | 챕터 | 주제 | 문제번호 | 목표일 | 완료 |
        | :-: | --- | :-: | :-: | :-: |
        | 01 | 배열 | #1-10 | 3/2(월) | ✅ |
        | 02 | 리스트 | #11-20 | 3/4(수) | ☐ |

        **2회 — 큐·트리·그래프 (40Q)**
        | 챕터 | 주제 | 문제번호 | 목표일 | 완료 |
        | :-: | --- | :-: | :-: | :-: |
        | 01 | 큐 | #1-12 | 3/6(금) | ☐ |
        | 02 | 트리 | #13-30 | 3/9(월) | ☐ |
        """
    assert terms(md) == []
    found = reasons(md)
    assert found["1회 — 배열·리스트·스택 (30Q)"] == CAPTION
    assert found["컴퓨터일반 - 자료구조"] == "its body is only a data or comparison table"


def test_a_bold_line_over_a_glossary_table_keeps_its_rows() -> None:
    md = """
        # 자료구조
        ## 선형 구조

        **기본 용어**

        | 용어 | 뜻 |
        | --- | --- |
        | 스택 | 나중에 넣은 것을 먼저 꺼내는 자료구조 |
        | 큐 | 먼저 넣은 것을 먼저 꺼내는 자료구조 |
        """
    assert "스택" in terms(md) and "큐" in terms(md)
    assert reasons(md).get("기본 용어") != CAPTION


def test_a_bold_related_terms_label_is_no_card() -> None:
    md = """
        # 스태그플레이션 (Stagflation)

        **정의**
        스태그플레이션은 경기 침체와 인플레이션이 동시에 일어나는 현상이다.

        **연관 용어**
        -경기 침체 (Recession)
        -인플레이션 (Inflation)
        """
    assert "연관 용어" not in terms(md)


def test_korean_clinical_labels_are_labels() -> None:
    md = """
        # 강심제
        ## 적응증 및 금기증

        ### 적응증
        - 급성 및 만성 심부전 환자에서 사용

        ### 금기증
        - 비후성 폐쇄성 심근병증 환자에게는 금기
        """
    assert terms(md) == []


def test_a_clinical_label_under_a_term_is_that_terms_card() -> None:
    md = """
        # 약리학
        ## 디곡신
        심근 수축력을 높이는 강심 배당체이다.

        ### 부작용
        - 오심, 구토, 시야 이상
        - 부정맥
        """
    assert terms(md) == ["디곡신", "부작용"]


def test_checklist_questions_over_their_answers_are_question_cards() -> None:
    """`- [x] What is data encapsulation?` closing its list, the answer in the paragraph after
    it, question after question: each is a card; a question with nothing after it is none."""
    md = """
        - [x] What are the benefits of a closure?

        It keeps the variables of the scope it was made in, even after that scope ends.

        - [x] Give an example of a closure
        - [x] What is data encapsulation?

        Keeping some data out of reach of the code that should not change it.

        - [ ] What is the difference between the heap and the stack?
        """
    assert terms(md) == ["What are the benefits of a closure?", "What is data encapsulation?"]
