"""Parents and children: a heading whose body only names its kinds is a card whose answer is
their names; each kind keeps its own card. Labels and glossary parts only group their entries."""

from __future__ import annotations

from extract_helpers import by_term, reasons, terms


def test_korean_kinds_heading_names_its_colon_children() -> None:
    md = """
        # 데이터베이스
        ## 트리거의 유형
        - 행 트리거: 영향을 받은 행마다 실행된다.
        - 문장 트리거: 문장마다 한 번만 실행된다.
        """
    found = by_term(md)
    assert list(found) == ["트리거의 유형", "행 트리거", "문장 트리거"]
    answer = found["트리거의 유형"].definition_md
    assert "행 트리거" in answer and "문장 트리거" in answer
    assert "실행된다" not in answer
    assert found["행 트리거"].section == ("트리거의 유형",)


def test_english_kinds_heading_names_its_list_term_children() -> None:
    md = """
        # Ecology
        ## Trophic levels
        - **Producers**
          - make their own food by photosynthesis
        - **Consumers**
          - eat other organisms
        """
    found = by_term(md)
    assert list(found) == ["Trophic levels", "Producers", "Consumers"]
    assert "photosynthesis" not in found["Trophic levels"].definition_md


def test_glossary_parts_and_labels_only_group_their_entries() -> None:
    for heading in ("관련 용어", "동기화 용어", "Glossary", "Key terms", "Examples", "Types"):
        md = f"""
            # Notes
            ## {heading}
            - 뮤텍스: 하나의 스레드만 들어가게 하는 잠금
            - 세마포어: 정해진 수만큼 들어가게 하는 계수기
            """
        assert terms(md) == ["뮤텍스", "세마포어"], heading


def test_heading_that_already_says_its_children_is_no_card() -> None:
    md = """
        # 보안
        ## 인증과 인가
        - 인증: 누구인지 확인하는 것
        - 인가: 무엇을 할 수 있는지 정하는 것
        """
    assert terms(md) == ["인증", "인가"]
    assert reasons(md)["인증과 인가"] == "it only names its child cards"


def test_one_child_or_questions_or_commands_are_no_list_of_kinds() -> None:
    one = """
        # OS
        ## Scheduling
        - FCFS: the first process to arrive runs first
        """
    questions = """
        # Web
        ## 쿠키와 보안
        1. 쿠키와 세션의 차이는?
           - 쿠키는 클라이언트에, 세션은 서버에 저장된다.
        2. HTTPS가 필요한 이유는?
           - 도청과 변조를 막기 위해서다.
        """
    commands = """
        # Git
        ## 자주 쓰는 것
        - `git reflog`: HEAD가 거쳐 간 커밋을 보여 준다.
        - `git add -p`: 바뀐 부분을 골라 스테이징한다.
        """
    assert "Scheduling" not in terms(one)
    assert "쿠키와 보안" not in terms(questions)
    assert "자주 쓰는 것" not in terms(commands)


def test_children_that_stand_for_sub_headings_leave_their_heading_a_grouping() -> None:
    md = """
        # 네트워크
        ## 물리 계층을 처리하는 기기
        **NIC**
        - 컴퓨터를 네트워크에 잇는 확장 카드

        **리피터**
        - 약해진 신호를 증폭해 전달하는 장치
        """
    assert terms(md) == ["NIC", "리피터"]


def test_child_that_leaves_no_name_behind_keeps_the_parent_out() -> None:
    md = """
        # 자료구조
        ## 해시
        **해시 충돌**이란 서로 다른 키가 같은 해시 값을 갖는 것을 말한다.

        - 체이닝: 같은 버킷의 원소를 연결 리스트로 잇는 방법
        - 개방 주소법: 빈 버킷을 찾아 다른 곳에 저장하는 방법
        """
    assert "해시" not in terms(md)


def test_spoken_answer_introduces_its_kinds_by_ordinal() -> None:
    md = """
        # 면접
        ## 인덱스 튜닝의 3단계에 대해 설명해주세요
        튜닝은 성능을 개선하는 과정으로 세 단계로 나눌 수 있습니다.

        첫 번째는 설계 튜닝입니다. 모델링 단계에서 인덱스를 고려합니다.

        두 번째는 쿼리 튜닝입니다. 실행 계획을 보고 쿼리를 고칩니다.
        """
    found = by_term(md)
    assert list(found)[1:] == ["설계 튜닝", "쿼리 튜닝"]
    question = found["인덱스 튜닝의 3단계에 대해 설명해주세요"].definition_md
    assert "설계 튜닝" in question and "세 단계로" in question
    assert "실행 계획" not in question


def test_spoken_answer_names_a_kind_with_what_it_is_called() -> None:
    md = """
        # 면접
        ## 캐시 락에 대해 설명해주세요
        캐시 락은 동시에 캐시를 고치지 못하게 막습니다.

        Read Lock이라고 불리는 공유락은 읽을 때 거는 락으로 여럿이 함께 얻을 수 있습니다.

        1차 락은 처음 거는 락으로 가장 짧게 유지합니다.
        """
    found = by_term(md)
    assert "공유락" in found and "Read Lock" in found["공유락"].aliases
    assert "1차 락" in found
    assert "캐시 락" not in found  # the question's own subject is its answer, not a kind


def test_spoken_answer_sentences_that_are_not_kinds_stay_in_the_answer() -> None:
    md = """
        # Interview
        ## 정규화에 대해 설명해주세요
        첫 번째는 중요한 점입니다. 중복을 줄입니다.

        Atomic이라고 불리는 값은 더 쪼갤 수 없습니다.
        """
    found = by_term(md)
    assert list(found) == ["정규화에 대해 설명해주세요"]


def test_answer_lines_marking_several_code_names_are_its_kinds() -> None:
    md = """
        # NestJS
        ## 주요 데코레이터와 역할을 설명해라.
        - `@Module()`: 모듈을 정의한다.
        - `@Controller()`: HTTP 엔드포인트를 처리하는 클래스를 정의한다.
        - `@Get()`, `@Post()`: HTTP 메서드를 매핑한다.
        """
    found = by_term(md)
    assert list(found)[1:] == ["@Module()", "@Controller()", "@Get(), @Post()"]
    assert "@Module()" in found["주요 데코레이터와 역할을 설명해라."].definition_md


def test_bold_label_naming_the_owners_kinds_is_no_card() -> None:
    md = """
        # Law
        ## Public Law
        Public law governs the relationship between people and the state.

        **Types of Public Law**

        - **Administrative law:** governs people and government agencies
        - **Criminal law:** prohibits and punishes crimes
        """
    found = by_term(md)
    assert list(found) == ["Public Law", "Administrative law", "Criminal law"]
    assert "Types of Public Law" in reasons(md)


def test_bold_kinds_label_of_another_subject_stays_a_term() -> None:
    md = """
        # Law
        ## Courts
        Courts decide disputes.

        **Types of evidence**

        Evidence comes as testimony, documents and physical objects.
        """
    assert "Types of evidence" in terms(md)


def test_numbered_example_labels_in_other_languages_are_no_cards() -> None:
    md = """
        # Deutsch
        ## Konditionalsätze
        Ein Konditionalsatz nennt eine Bedingung.

        **Beispiele 1:**

        - Wenn es regnet, bleibe ich zu Hause.
        - Regnet es, bleibe ich zu Hause.

        **Beispiele 2:**

        - Falls du kommst, koche ich.
        """
    assert terms(md) == ["Konditionalsätze"]


def test_explain_says_why_a_term_whose_lines_all_became_cards_makes_none() -> None:
    # Nothing of its own is left to show, not even the names of its children: `--explain`
    # still says where it went instead of passing over the heading in silence.
    md = """
        # HTTP
        ## Methods
        GET
        : Reads a resource without changing it.

        POST
        : Sends data for the server to process.

        ## Headers
        Content-Type
        : The media type of the body.
        """
    assert terms(md) == ["GET", "POST", "Content-Type"]
    why = reasons(md)
    assert why["Methods"] == "all it holds became its child cards"
    assert why["Headers"] == "all it holds became the card 'Content-Type' at line 10"


def test_a_heading_with_a_line_of_its_own_is_no_held_term() -> None:
    md = """
        # HTTP
        ## Methods
        Each request names one.

        GET
        : Reads a resource without changing it.
        """
    assert "Methods" in terms(md)
    assert "Methods" not in reasons(md)
