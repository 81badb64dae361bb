"""Exam problems with numbered choices, headings that link to other notes, kinds of memory
(`장기 기억`) that are terms, and a heading's alias defined in prose."""

from __future__ import annotations

from extract_helpers import by_term, reasons, terms

from generator.extract.headbody import is_musing, is_quiz


def test_a_numbered_question_with_choices_is_an_exam_problem() -> None:
    md = """
        # 리눅스
        ## umask
        - 새로 만드는 파일의 기본 허가권을 정한다.

        1. 다음 중 umask 값을 확인하는 명령으로 알맞은 것은?
        ① umask -l
        ② umask -v
        ❸ umask -S
        ④ umask -x
        """
    assert terms(md) == ["umask"]
    assert by_term(md)["umask"].definition_md == "- 새로 만드는 파일의 기본 허가권을 정한다."
    assert reasons(md)["다음 중 umask 값을 확인하는 명령으로 알맞은 것은?"] == (
        "an exam problem with numbered choices, not a term"
    )


def test_choices_on_shared_lines_and_english_wording_are_exam_problems() -> None:
    assert is_quiz("다음 중 삼바 파일 시스템의 유형은?", ["① nfs\t② udf", "❸ cifs\t④ iso9660"])
    assert is_quiz(
        "Which of the following is a distance-vector protocol?", ["① OSPF", "② RIP", "③ BGP"]
    )


def test_a_question_answered_by_numbered_steps_is_still_a_card() -> None:
    # no exam wording and no filled number marking a chosen answer: the steps are the answer
    assert not is_quiz("3-way handshake는 어떻게 동작하나요?", ["① SYN", "② SYN-ACK", "③ ACK"])
    got = by_term("""
        # 네트워크
        ## 3-way handshake는 어떻게 동작하나요?
        - 연결을 여는 세 번의 패킷 교환
          ① SYN을 보낸다
          ② SYN-ACK로 답한다
          ③ ACK로 확인한다
        """)
    assert list(got) == ["3-way handshake는 어떻게 동작하나요?"]
    assert "② SYN-ACK로 답한다" in got["3-way handshake는 어떻게 동작하나요?"].definition_md


def test_two_choices_are_no_exam_problem() -> None:
    assert not is_quiz("다음 중 옳은 것은?", ["① 참", "② 거짓"])


def test_a_heading_that_links_to_another_note_is_navigation() -> None:
    md = """
        # interview
        ## Part 1. 운영체제
        ### [🖥️ 프로세스와 스레드](./answers/1-process-thread.md)
        - 프로세스와 스레드의 차이를 설명해주세요.
        - 컨텍스트 스위칭은 언제 일어나나요?

        <a href='#toc'><small>목차로 돌아가기</small></a>
        ### [동기화](/answers/sync)
        - test1
        - test2
        """
    assert terms(md) == []
    assert reasons(md)["🖥️ 프로세스와 스레드"] == "a link to another note: the note holds it"
    assert reasons(md)["동기화"] == "a link to another note: the note holds it"


def test_a_heading_linked_to_a_web_page_is_still_a_term() -> None:
    got = by_term("""
        # 네트워크
        ## [IANA](https://www.iana.org/)
        - 포트 번호와 도메인 루트를 관리하는 국제 기관
        ## [TCP](#tcp)
        - 연결을 맺고 순서를 보장하는 전송 계층 프로토콜
        """)
    assert list(got) == ["IANA", "TCP"]


def test_kinds_of_memory_are_terms_but_an_urge_to_remember_is_not() -> None:
    md = """
        # 심리학
        ## 기억의 종류
        - 감각 기억
          - 감각 정보를 1초 남짓 붙잡아 두는 저장소
        - 장기 기억
          - 오랫동안 유지되는 거의 무한한 저장소
        - 꼭 기억할 것
          - 반복할수록 오래 남는다
        """
    assert terms(md) == ["기억의 종류", "감각 기억", "장기 기억"]
    assert reasons(md)["꼭 기억할 것"] == "emphasis, not a term"


def test_prose_defining_the_headings_alias_is_the_headings_definition() -> None:
    got = by_term("""
        # 투자 지표
        ## 자기자본이익률(ROE, Return On Equity)
        ROE는 당기순이익을 순자산으로 나눈 값이다.
        ROE가 높으면 같은 돈으로 많이 번다는 뜻이다.
        ## 주가순자산비율(PBR)
        PBR은 시가총액을 순자산으로 나눈 값이다.
        """)
    assert list(got) == ["자기자본이익률", "주가순자산비율"]
    assert got["자기자본이익률"].aliases == ("ROE", "Return On Equity")
    assert got["자기자본이익률"].definition_md.startswith("ROE는 당기순이익을")


def test_prose_defining_another_term_under_a_heading_is_still_its_own_card() -> None:
    got = by_term("""
        # 투자 지표
        ## 자기자본이익률(ROE)
        - 이익을 자본으로 나눈 비율
        - 높을수록 자본을 잘 쓴다

        **순자산**은 자산에서 부채를 뺀 값이다.
        """)
    assert "순자산" in got


def test_lettered_choices_count_only_under_an_exams_wording() -> None:
    choices = ["- (a) 10.0.0.256", "- (b) 192.168.1.1", "- (c) 300.1.1.1", "- (d) 1.2.3"]
    assert is_quiz("Which of the following is a valid IPv4 address?", choices)
    steps = ["a) Parse the request", "b) Run the handler", "c) Send the response"]
    assert not is_quiz("How does a web server answer a request?", steps)


def test_a_name_over_other_names_is_a_list_not_a_definition() -> None:
    md = """
        # 르네상스 미술
        - 마사초
          - 성삼위일체
          - 낙원 추방
        - 도나텔로
          - 다비드
          - 성 게오르기우스
        """
    assert terms(md) == []
    assert reasons(md)["마사초"] == "it lists names with nothing said about them"


def test_items_that_say_something_keep_the_card() -> None:
    got = by_term("""
        # HTTP
        - GET
          - 리소스를 조회
          - 캐시 가능
        - Iron storage deficiency
          - $\\downarrow$ BM iron
          - $\\downarrow$ Serum ferritin
        - Regression
          - Predicts a number
          - House prices
        - 에라스무스
          - 우신예찬
        """)
    assert list(got) == ["GET", "Iron storage deficiency", "Regression", "에라스무스"]


def test_a_question_asked_in_passing_is_no_card() -> None:
    md = """
        # 윤리학
        ## 최고선
        - 행동 자체가 목적이 되는 것이 최상의 좋음이다.
        - 그렇다면 좋고 나쁨은 어떻게 구분하는가? → 범주가 더 큰 것이 더 좋다.
        - 목적은 대체가 어렵다. → 그렇다면 더 큰 범주가 좋은 이유는?
          - 수단은 대체할 수 있기 때문
        - ex) 헌혈 전과 후의 불안도?
          - 헌혈 후에 더 불안했다고 기억한다
        - First case giving is higher than the second. Why?
          - People care about what others think
        """
    assert terms(md) == ["최고선"]
    assert is_musing("목적은 대체가 어렵다. → 그렇다면 더 큰 범주가 좋은 이유는?")


def test_a_question_a_learner_is_asked_stays_a_card() -> None:
    got = by_term("""
        # 면접 질문
        - 쿠키와 세션의 차이는?
          - 쿠키는 클라이언트에, 세션은 서버에 상태를 저장한다.
        - HTTPS가 필요한 이유는?
          - 평문 데이터를 도청과 변조로부터 지킨다.
        """)
    assert list(got) == ["쿠키와 세션의 차이는?", "HTTPS가 필요한 이유는?"]
    assert not is_musing("Node.js의 이벤트 루프는 어떻게 동작하나요?")
    assert not is_musing("3. What does the JVM do?")
    assert not is_musing("Q2. Why is UDP faster than TCP?")


def test_a_list_of_numbered_book_sections_is_a_table_of_contents() -> None:
    md = """
        # Week 4

        Reading for the week:
        - 5 FILE SYSTEMS
            - 5.1 Files
            - 5.2 Directories
                - 5.2.1 Single-Level Directory Systems
                - 5.2.2 Hierarchical Directory Systems
        ## Virtual machines
        - 7.1 Introduction
        - 7.2 Hypervisors
        - 7.3 Techniques for efficient virtualization
        ## Inode
        - the record of a file's blocks, owner and permissions
        ## Paracetamol dosing
        - 0.5 g for a child over twelve
        - 1.0 g for an adult
        - 4.0 g at most in a day
        ## Locks
        - 1.1 Mutex: a lock one thread owns at a time
        - 1.2 Semaphore: a counter of free slots
        - 1.3 Spinlock: a lock that busy-waits
        """
    made = terms(md)
    assert made[:2] == ["Inode", "Paracetamol dosing"]
    assert [t.split()[-1] for t in made[2:]] == ["Mutex", "Semaphore", "Spinlock"]
    why = reasons(md)
    assert why["5 FILE SYSTEMS"] == "its body is a table of contents"
    assert why["5.2 Directories"] == "its body is a table of contents"
    assert why["Virtual machines"] == "its body is a table of contents"


def test_links_under_a_line_introducing_them_are_not_a_card() -> None:
    md = """
        # 일본어
        ## JLPT N5
        JLPT N5 공부에 대해 유용한 링크입니다.

        1. [어휘](https://example.com/n5-vocabulary)
        2. [문법](https://example.com/n5-grammar)
        3. [한자](https://example.com/n5-kanji)
        ## Reading practice
        Useful sites:

        - [NHK Easy](https://example.com/nhk)
        - [Tadoku](https://example.com/tadoku)
        - [Satori](https://example.com/satori)
        ## Furigana
        Kana written beside kanji to show how they are read.

        - [Furigana on Wikipedia](https://example.com/furigana)
        """
    assert terms(md) == ["Furigana"]
    assert reasons(md)["JLPT N5"] == "its body is a list of links under a line introducing them"
