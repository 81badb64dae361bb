"""Notes and sections that hold no terms however they are laid out: a repository index of
links and empty headings, a changelog, a study plan of dated entries, a problem's sample input
and output."""

from __future__ import annotations

import pytest
from extract_helpers import cards, reasons, run, terms

from generator.extract.colon import term_problem
from generator.extract.labels import is_emphasis_phrase
from generator.extract.notekinds import is_changelog, is_dated_entry
from generator.extract.prose import defined_subject

_INDEX = """
# 공부 노트
개인 공부 저장소

## Git
> [git 정리 1](./git/one.md) Update: 3월
> [git 정리 2](./git/two.md)

## C언어

## Java

## Python
> [python](./python)

## 웹
### 프론트엔드
> HTML/CSS
> JavaScript

### 앱
> [Flutter](./flutter)

## 알고리즘
[문제 풀이](./problems)

## 운영체제

## 네트워크
"""


def test_an_index_note_of_links_and_empty_headings_makes_no_cards() -> None:
    assert terms(_INDEX) == []
    assert "an entry of an index note" in reasons(_INDEX)["프론트엔드"]


def test_a_heading_that_explains_still_counts_in_an_index_note() -> None:
    note = _INDEX + (
        "\n## 프로세스\n프로세스는 실행 중인 프로그램으로, 운영체제로부터 자원을 할당받는 "
        "작업의 단위이다.\n"
    )
    assert terms(note) == ["프로세스"]


def test_short_heading_bodies_in_a_glossary_are_not_an_index() -> None:
    """Headings with a few words each but no links and no empty entries: a glossary."""
    note = "# 용어\n" + "".join(
        f"\n## {name}\n{meaning}\n"
        for name, meaning in [
            ("TCP", "연결형 전송 프로토콜"),
            ("UDP", "비연결형 전송 프로토콜"),
            ("IP", "주소를 정하는 프로토콜"),
            ("ARP", "IP 주소로 MAC 주소를 찾는다"),
            ("DNS", "이름을 주소로 바꾼다"),
            ("NAT", "사설 주소를 공인 주소로 바꾼다"),
        ]
    )
    assert terms(note) == ["TCP", "UDP", "IP", "ARP", "DNS", "NAT"]


def test_empty_step_headings_under_terms_are_not_an_index() -> None:
    note = """
    # 다익스트라
    ## 원리
    - 한 정점에서 다른 모든 정점까지의 최단 경로를 구하는 알고리즘이다
    ## 동작 과정
    ##### 1. 출발 노드를 설정
    ##### 2. 최소 비용을 저장
    ##### 3. 가장 비용이 적은 노드를 선택
    ##### 4. 비용을 갱신
    ##### 5. 반복
    ## 개선
    - 힙을 쓰면 시간 복잡도가 O(E log V)가 된다
    """
    assert "an entry of an index note" not in " ".join(reasons(note).values())


@pytest.mark.parametrize(
    "text",
    [
        "Ⅰ. 데이터의 이해 (2.05~2.17)",
        "Chapter review (3/4 - 3/17)",
        "모의고사 (~ 4.30)",
        "원서 접수 (2017-02-05)",
        "Week plan (2024.03.04 ~ 2024.03.10)",
    ],
)
def test_dated_entries(text: str) -> None:
    assert is_dated_entry(text)


@pytest.mark.parametrize(
    "text",
    [
        "TCP (Transmission Control Protocol)",
        "Big-O (O(n log n))",
        "IPv4 (32비트)",
        "HTTP/1.1",
        "Python 3.12",
        "TLS (1.3)",  # a version, not a day
        "HTTP (1.1)",
    ],
)
def test_terms_are_not_dated_entries(text: str) -> None:
    assert not is_dated_entry(text)


_PLAN = """
# 자격증 준비

## 준비 일정

교재를 기반으로 준비

- 1과목 데이터 이해 (2.05~2.17)
  - 데이터의 가치
  - 데이터 사이언스
- 2과목 처리 기술 (2.18~3.3)
  - 데이터 처리 프로세스
- 3과목 분석 기획 (3.4~3.17)
  - 분석 마스터 플랜
"""


def test_a_plan_of_dated_entries_makes_no_cards() -> None:
    assert terms(_PLAN) == []
    found = reasons(_PLAN)
    assert found["준비 일정"] == "a schedule of dated entries, not a term"
    assert found["1과목 데이터 이해 (2.05~2.17)"] == "a dated entry of a plan, not a term"


def test_items_with_a_parenthesised_alias_stay_terms() -> None:
    note = """
    # 네트워크

    ## 전송 계층

    - TCP (Transmission Control Protocol)
      - 연결형, 신뢰성 있는 전송
    - UDP (User Datagram Protocol)
      - 비연결형, 빠른 전송
    """
    assert "TCP" in terms(note)


_PROBLEM = """
# 두 용액

## 문제

같은 양의 두 용액을 섞은 용액의 특성값은 두 특성값의 합이다. 특성값이 0에 가장 가까운 두 용액을
찾는 프로그램을 작성하시오.

## 예제 입력 1

```
5
-2 4 -99 -1 98
```

## 예제 출력 1

```
-99 98
```
"""


def test_sample_input_and_output_are_no_cards() -> None:
    assert "예제 입력 1" not in terms(_PROBLEM)
    assert "예제 출력 1" not in terms(_PROBLEM)
    assert reasons(_PROBLEM)["예제 출력 1"] == "its body is only sample input or output"


@pytest.mark.parametrize(
    "body",
    [
        "```python\nprint(1)\n```",  # tagged code is the note's own code, judged elsewhere
        "```\nFROM python:3.12\nRUN pip install notedeck\n```",  # words, not data
        "    인터넷 할당 번호 관리 기관",  # a definition set off by indentation
    ],
)
def test_other_code_bodies_are_not_sample_data(body: str) -> None:
    note = f"# 노트\n\n## 용어\n\n{body}\n"
    assert reasons(note).get("용어") != "its body is only sample input or output"


_TITLED = """
# 영문법

1. 부정사는 무엇인가?
   정해지지 않은 말이라는 뜻으로, 자리에 따라 명사, 형용사, 부사로 쓰인다.

2. 동명사의 개념
   동사원형에 ing를 붙여 명사처럼 쓰는 것
   기본형 : V-ing / 부정형 : not V-ing
"""


def test_a_numbered_item_titled_on_its_first_line_is_a_card() -> None:
    found = {c.term: c for c in cards(_TITLED)}
    assert list(found) == ["부정사는 무엇인가?", "동명사의 개념"]
    assert found["동명사의 개념"].definition_md.startswith("동사원형에 ing를 붙여")
    assert "1. 부정사" not in found["부정사는 무엇인가?"].definition_md


@pytest.mark.parametrize(
    "note",
    [
        # steps of a procedure, with how on the next line
        "# 설치\n\n1. Install Docker\n   apt-get install docker.io 를 실행한다\n\n"
        "2. 컨테이너 실행\n   docker run hello-world 로 확인한다\n",
        # a sentence on the first line, not a title
        "# 메모\n\n1. 오늘은 스택을 공부했고 내일은 큐를 공부할 것이다.\n   그리고 복습도 한다\n",
        # a bullet item, not a numbered title
        "# 메모\n\n- 부정사의 개념\n  동사원형 앞에 to를 붙인 것으로 여러 품사로 쓰인다\n",
    ],
)
def test_items_that_are_not_titled(note: str) -> None:
    assert cards(note) == []


def test_a_number_that_opens_a_span_stays_in_the_section_name() -> None:
    note = """
    # 캐시

    ## 🌟 7 주차 / 8 주차 회수

    | 용어 | 설명 |
    | --- | --- |
    | JPA 1차 캐시 | 영속성 컨텍스트 안의 캐시 |
    | JPA 2차 캐시 | 애플리케이션 범위의 공유 캐시 |

    ## 3. 캐시 전략

    | 용어 | 설명 |
    | --- | --- |
    | Cache-Aside | 애플리케이션이 캐시를 먼저 조회하고 없으면 DB를 읽는다 |
    | Write-Through | 쓰기를 캐시와 DB에 함께 한다 |
    """
    sections = {c.term: c.section for c in cards(note)}
    assert sections["JPA 1차 캐시"] == ("7 주차 / 8 주차 회수",)
    assert sections["Cache-Aside"] == ("캐시 전략",)  # a plain number still goes


def test_a_named_number_stays_in_the_section_path_but_not_in_the_term() -> None:
    note = """
    # 영문법

    # UNIT25) to-v: 주어, be의 보어

    - **주어로서 to부정사**
      - 문장의 주어 자리에 와서 ~하는 것으로 해석한다

    ## Lecture 3: Scheduling
    - Picking the next process to run

    ## 2. Heap
    - Memory handed out at run time
    """
    found = {c.term: c.section for c in cards(note)}
    assert found["주어로서 to부정사"] == ("UNIT25) to-v: 주어, be의 보어",)
    assert found["Scheduling"] == ("UNIT25) to-v: 주어, be의 보어", "Lecture 3: Scheduling")
    assert found["Heap"] == ("UNIT25) to-v: 주어, be의 보어", "Heap")


_FIGURES = """
# 분자생물학

## 유전학 기초
***

![Post-Image](genetics1.png)
_유전학 기초 1<br>
https://example.org/course/7288
<br><br>

![Post-Image](genetics2.png)
_유전학 기초 2<br>
https://example.org/course/7288
<br><br>

## 진핵생물
***

![Post-Image](eukaryote.png)
_진핵생물<br>
https://example.org/course/7288
<br><br>

* 원핵생물과 달리 염색체가 선형(linear)입니다.
"""


def test_a_heading_of_captioned_lecture_slides_alone_is_not_a_card() -> None:
    assert terms(_FIGURES) == ["진핵생물"]
    assert reasons(_FIGURES)["유전학 기초"] == "heading with no body of its own"


def test_a_sentence_under_an_image_is_content() -> None:
    note = """
    # 노트

    ## 진핵생물
    ![cell](cell.png)
    핵막으로 둘러싸인 핵을 가진 세포로 이루어진 생물이며, 원핵생물보다 크고 복잡하다.
    """
    assert terms(note) == ["진핵생물"]


@pytest.mark.parametrize(
    "text",
    [
        "컴퓨터에서는 2진수로 실수를 표현해야 함",
        "자바에서는 모든 클래스가 Object를 상속하는 구조이다.",
        "사용자에게는 결과만 보여주는 방식이다.",
    ],
)
def test_a_place_or_person_put_first_is_no_subject(text: str) -> None:
    assert defined_subject(text) is None


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("경로는 한 노드에서 다른 노드로 가는 간선의 나열이다.", "경로"),
        ("회로는 전류가 흐르는 길이다.", "회로"),
    ],
)
def test_nouns_ending_like_a_particle_stay_subjects(text: str, term: str) -> None:
    assert defined_subject(text) == term


_BOLD_DESCRIPTION = """
# 실수 표현

## 부동 소수점(Floating Point)

**소수점이 옮겨다니는 방식**
부호 1비트, 지수부 8비트, 가수부 23비트로 나눈다
"""


def test_a_bold_clause_under_a_heading_describes_the_heading() -> None:
    assert terms(_BOLD_DESCRIPTION) == ["부동 소수점"]
    assert "a description of" in reasons(_BOLD_DESCRIPTION)["소수점이 옮겨다니는 방식"]


def test_a_bold_name_under_a_heading_is_still_a_term() -> None:
    note = """
    # 실수 표현

    ## 표현 방식

    **부동 소수점 방식**
    지수와 가수로 나누어 소수점의 위치를 옮기며 표현하는 방식

    **고정 소수점 방식**
    소수점의 위치를 미리 정해 두고 표현하는 방식
    """
    assert "부동 소수점 방식" in terms(note)


def test_a_heading_over_a_list_of_sites_is_not_a_card() -> None:
    note = """
    # 자격증

    ## 온라인 강좌 사이트

    1. edX(www.edx.org)
    2. 코세라(www.coursera.org)
    3. Khan Academy(https://www.khanacademy.org)
    """
    assert terms(note) == []
    assert reasons(note)["온라인 강좌 사이트"] == "a list of sites to visit, not a term"


def test_a_heading_whose_items_explain_with_an_example_address_is_a_card() -> None:
    note = """
    # 웹

    ## 도메인 이름

    - IP 주소 대신 사람이 읽을 수 있게 붙인 이름으로 예를 들면 www.example.com 처럼 쓴다
    - 점으로 나뉜 각 부분은 오른쪽부터 최상위 도메인, 2차 도메인의 순서로 읽는다
    """
    assert terms(note) == ["도메인 이름"]


_BOLD_FILE = """
# 스택

## 괄호 검사

- 왼쪽 괄호를 만나면 push, 오른쪽 괄호를 만나면 top과 짝을 비교한다

**{name}**

```java
class Main {{}}
```
"""


@pytest.mark.parametrize("name", ["Bracket.java", "Main.kt", "docker-compose.yml"])
def test_a_bold_file_name_over_code_is_not_a_term(name: str) -> None:
    note = _BOLD_FILE.format(name=name)
    assert terms(note) == ["괄호 검사"]
    assert reasons(note)[name] == "a file of the note's code, not a term"


def test_a_bold_framework_name_is_still_a_term() -> None:
    note = """
    # 프론트엔드

    ## 프레임워크

    **Vue.js**
    점진적으로 도입할 수 있는 UI 프레임워크

    **Next.js**
    React 기반의 서버 렌더링 프레임워크
    """
    assert "Vue.js" in terms(note)
    assert "file" not in reasons(note).get("Next.js", "")


@pytest.mark.parametrize(
    "heading", ["OPINION", "My thoughts", "개인 의견", "개인적인 생각", "주관적 생각", "개인 생각"]
)
def test_the_writers_opinion_is_not_a_card(heading: str) -> None:
    note = f"""
    # 테스트

    ## 블랙박스 테스트
    - 내부 구조를 보지 않고 입력과 출력으로 기능을 검사하는 방법

    ## {heading}
    오늘도 새로운 개념을 알게 되었다. 틈만 나면 꾸준히 공부해야겠다.
    """
    assert terms(note) == ["블랙박스 테스트"]


def test_a_term_about_opinions_is_still_a_term() -> None:
    note = """
    # 여론

    ## 여론 조사
    - 표본을 뽑아 사람들의 의견을 묻고 전체의 생각을 추정하는 방법
    """
    assert terms(note) == ["여론 조사"]


def test_numbered_ways_of_doing_are_not_titled_terms() -> None:
    note = """
    # 로그

    로그를 남기는 방법은 크게 두 가지로 생각할 수 있다.

    1. 직접 출력하기
       표준 출력으로 직접 찍는 것이다.

    2. Logging Library 사용하기
       로깅 라이브러리를 이용하는 방법으로, 실제로 많이 사용되고 있다.
    """
    assert not [c for c in cards(note) if c.strategy == "list-term"]


_ESCAPED = r"""
# 용어 사전

## ROI(Return On Investment) 투자 수익률

1\. ROI

ㅇ 투자한 비용에 대해 얼마만큼의 이익을 얻었는지를 나타내는 비율

2\. 계산 방법

ㅇ (이익 - 투자 비용) / 투자 비용 × 100
"""


def test_escaped_numbers_alone_on_a_line_title_the_paragraphs_under_them() -> None:
    found = {c.term: c for c in cards(_ESCAPED)}
    assert list(found) == ["ROI", "계산 방법"]
    assert found["ROI"].definition_md.startswith("ㅇ 투자한 비용에 대해")


def test_an_escaped_number_in_a_sentence_titles_nothing() -> None:
    note = r"""
    # 메모

    ## 버전

    1\. 버전은 3월에 배포되었고 2\. 버전은 아직 개발 중이다.

    나머지는 다음에 정리한다.
    """
    assert "버전은 3월에 배포되었고 2" not in terms(note)
    assert all(c.strategy != "bold-heading" for c in cards(note))


def test_bold_code_in_a_glossary_table_is_a_code_term() -> None:
    note = """
    # 캐시

    ## 🎭 어노테이션 속성

    | 용어 | 풀어쓰면 |
    |---|---|
    | **`@Cacheable`** | 메서드 결과를 캐시한다 |
    | **`sync = true`** | 같은 키의 동시 miss 때 한 스레드만 실행한다 |
    | **`allEntries = true`** | 캐시 전체를 비운다 |
    """
    assert terms(note) == ["@Cacheable", "sync = true", "allEntries = true"]


def test_a_comparison_written_in_plain_cells_is_still_no_term() -> None:
    note = """
    # 수학

    ## 기호

    | 식 | 뜻 |
    |---|---|
    | **x = 1** | x는 1이다 |
    | **y = 2** | y는 2이다 |
    """
    assert "x = 1" not in terms(note)


def _listing(lines: int) -> str:
    body = "\n".join(f"    $this->step({n});" for n in range(lines))
    return f"""
# 트랜잭션

## 원자성
- 모두 반영되거나 하나도 반영되지 않아야 한다

## Laravel 트랜잭션

```php
public function transaction(Closure $callback)
{{
{body}
}}
```
"""


def test_a_heading_over_a_long_code_listing_alone_is_not_a_card() -> None:
    note = _listing(14)
    assert terms(note) == ["원자성"]
    assert reasons(note)["Laravel 트랜잭션"] == "its body is only a long code listing"


def test_a_heading_over_a_short_command_is_still_a_card() -> None:
    note = """
    # 도커

    ## 컨테이너 목록 보기

    ```bash
    docker ps -a
    ```
    """
    assert terms(note) == ["컨테이너 목록 보기"]


def test_an_indented_definition_is_not_a_code_listing() -> None:
    lines = "\n".join(["    두 모듈이 같은 자료 구조를 참조하는 형태의 결합도이다."] * 14)
    note = f"# 결합도\n\n## 스탬프 결합도\n{lines}\n"
    assert terms(note) == ["스탬프 결합도"]


def test_a_data_table_with_its_credit_line_is_still_only_a_data_table() -> None:
    note = """
    # 자격증

    ## 시험 일정

    출처 : https://example.org/certificates

    | 시험명 | 원서접수 | 시험일 | 결과발표 |
    |---|---|---|---|
    | 제8회 필기 | 02.20 | 2017.03.04 | 04.04 |
    | 제8회 실기 | 04.17 | 2017.04.29 | 05.30 |
    """
    assert terms(note) == []
    assert reasons(note)["시험 일정"] == "its body is only a data or comparison table"


def test_a_credit_line_alone_is_no_data_table() -> None:
    note = """
    # 네트워크

    ## 서브넷

    출처 : https://example.org/subnet
    """
    assert reasons(note).get("서브넷") != "its body is only a data or comparison table"


def test_names_in_parentheses_may_be_separated_by_semicolons() -> None:
    note = """
    # 미시경제학

    ## 수요

    - **가격(Price; $P$)** : 수요자가 자원을 취득하기 위해 지불해야 할 가치
    - **소득수준(Income; $M$)** : 수요자가 지불 가능한 예산 규모
    - **수요의 법칙(Law of Demand; LOD)** : 가격과 수요량 간 음의 상관관계
    """
    found = {c.term: c for c in cards(note)}
    # `수요` names its three terms: a parent card (the parent rule), not part of this test.
    assert list(found) == ["수요", "가격", "소득수준", "수요의 법칙"]
    assert found["수요의 법칙"].aliases == ("Law of Demand", "LOD")


@pytest.mark.parametrize(
    "line",
    [
        '- @Scope(value = "request") : HTTP 요청마다 하나씩 생성된다',
        "- x = 1; y = 2 : 두 변수를 초기화한다",
    ],
)
def test_code_with_arguments_or_statements_is_still_code(line: str) -> None:
    note = f"# 스프링\n\n## 스코프\n\n{line}\n- 싱글톤 : 컨테이너에 하나만 존재하는 빈\n"
    assert reasons(note)[line[2:].split(" : ")[0]] == "code, not a term"


def test_acronyms_spelled_out_in_a_list_are_cards() -> None:
    note = """
    # 웹 표준

    ## 웹 표준의 기술

    1. CSS Cascading Style Sheets
    1. DOM Document Object Model
    1. ECMAScript 표준화된 스크립트 언어
    """
    found = {c.term: c.definition_md for c in cards(note)}
    assert found["CSS"] == "Cascading Style Sheets"
    assert found["DOM"] == "Document Object Model"


@pytest.mark.parametrize(
    "items",
    [
        "- API Gateway pattern\n- CLI Tool reference\n",  # words that do not spell it
        "- Docker Compose file\n- Kubernetes Helm chart\n",  # names, not acronyms
        "- CSS Cascading Style Sheets\n- 기타 자료\n",  # only one spelled out
    ],
)
def test_items_that_do_not_spell_out_acronyms(items: str) -> None:
    note = f"# 목록\n\n## 도구\n\n{items}"
    assert all(c.strategy != "colon" for c in cards(note))


@pytest.mark.parametrize("term", ["우주의 크기", "주기억장치", "꼭짓점", "우주의 지평선"])
def test_an_emphasis_word_inside_another_word_is_no_emphasis(term: str) -> None:
    note = f"""
    # 과학

    ## 용어

    - **{term}**: 교과서에 나오는 뜻을 한 줄로 적은 설명
    - **광년**: 빛이 1년 동안 가는 거리
    """
    assert term in terms(note)


@pytest.mark.parametrize("phrase", ["이 부분이 중요", "꼭 기억할 것", "시험에 나옴"])
def test_emphasis_words_still_mark_emphasis(phrase: str) -> None:
    assert is_emphasis_phrase(phrase)


def test_a_term_never_runs_across_a_line_break_tag() -> None:
    note = """
    # 테스트

    ## 블랙박스 테스트

    > Wiki<br>
    > Black-box testing is a method of software testing that examines the functionality.
    """
    assert terms(note) == ["블랙박스 테스트"]
    assert term_problem("Wiki<br> Black-box testing") == "HTML markup, not a term"
    assert term_problem("Black-box testing") is None


_KEEP_A_CHANGELOG = """
# Changelog

All notable changes to this project will be documented in this file.

## [Unreleased]

### Changed
- **Breaking change**: scripts are now run directly
- Retry: three attempts instead of one

## [0.4.0] - 2024-10-23

### Added
- `-P` starts the process in the shell

### Fixed
- Config: a missing file is no longer an error
"""


def test_a_changelog_makes_no_cards() -> None:
    note = run(_KEEP_A_CHANGELOG)
    assert note.cards == ()
    assert [r.reason for r in note.rejected] == [
        "a changelog: its entries record changes, not terms"
    ]


@pytest.mark.parametrize("title", ["Change log", "Release notes", "변경 이력", "릴리스 노트"])
def test_a_changelog_is_known_by_its_title(title: str) -> None:
    note = f"""
    # {title}

    ## 로그인
    - Mutex: 한 스레드만 소유하는 락으로 교체
    """
    assert terms(note) == []


def test_a_changelog_is_known_by_its_release_headings_without_a_title() -> None:
    note = """
    ## v1.2.0 (2024-03-01)
    ### Features
    - Cache: results are kept between builds

    ## v1.1.0 (2024-01-15)
    ### Bug fixes
    - Parser: tabs inside lists
    """
    assert terms(note) == []


def test_one_releases_notes_are_known_by_their_change_headings() -> None:
    note = """
    Released on 2021/07/26.

    ## Shiny new things
    - Context menus: you can now navigate them with the keyboard

    ## Breaking changes
    - The legacy theme file is no longer read

    ## 🐛 Bug Fixes
    - Graph view: the hotkey works again
    """
    assert terms(note) == []


def test_a_study_note_about_features_and_security_is_no_release() -> None:
    note = """
    # HTTP/2
    ## Features
    - Multiplexing: many streams share one connection
    ## Security
    - HTTP/2 over TLS needs ALPN to agree on the protocol
    ## Performance
    - Header compression: HPACK shrinks repeated headers
    """
    assert "Multiplexing" in terms(note)


@pytest.mark.parametrize("name", ["CHANGELOG.md", "changelog.md", "HISTORY.md", "docs/NEWS.md"])
def test_a_changelog_is_known_by_its_file_name(name: str) -> None:
    assert is_changelog("", name.rsplit("/", 1)[-1].removesuffix(".md"), [])


@pytest.mark.parametrize("name", ["history.md", "news.md", "changes-in-cells.md"])
def test_a_study_note_named_like_a_changelog_in_lower_case_is_a_study_note(name: str) -> None:
    assert not is_changelog("", name.removesuffix(".md"), [])


def test_numbered_headings_are_not_releases() -> None:
    note = """
    # 자료구조

    ## 1.1 Stack
    - 나중에 넣은 것을 먼저 꺼내는 자료구조

    ## 1.2 Queue
    - 먼저 넣은 것을 먼저 꺼내는 자료구조

    ## 2.1.3 Heap
    - 부모가 자식보다 크거나 같은 완전 이진 트리
    """
    assert terms(note) == ["Stack", "Queue", "Heap"]


def test_one_release_section_in_a_study_note_leaves_the_note_alone() -> None:
    note = """
    # Python

    ## 3.12.0
    - f-strings may nest quotes

    ## GIL
    - Global interpreter lock: one thread runs Python bytecode at a time

    ## Decorator
    - A function that takes a function and returns another
    """
    assert "Decorator" in terms(note)


def test_a_study_log_of_dated_headings_is_no_changelog() -> None:
    note = """
    # 공부 기록
    ### 2024.03.04
    - 네트워크 강의 듣기
    ### 2024.03.05
    - 운영체제 강의 듣기
    """
    assert "a changelog: its entries record changes, not terms" not in reasons(note).values()


@pytest.mark.parametrize(
    "line", ["###### tags: `git` `github`", "## Tags: python, os", "## 태그: 운영체제"]
)
def test_a_tags_heading_is_metadata(line: str) -> None:
    note = f"""
    # Git

    {line}

    > 이 노트가 Git을 배우는 데 도움이 되기를 바란다.

    ## Commit
    - A snapshot of the project's files
    """
    assert terms(note) == ["Commit"]


def test_a_note_titled_contents_is_a_table_of_contents() -> None:
    note = """
    # Contents
    ## IAM and S3
    - IAM Introduction
    - S3 Storage Classes
        1. S3 Standard
        2. S3 Glacier
    ## EC2
    - Types of EC2 Pricing Models
    """
    assert terms(note) == []
    assert reasons(note)["Contents"].startswith("a table of contents")


def test_a_contents_section_in_a_study_note_leaves_the_rest_alone() -> None:
    note = """
    # EC2
    ## Contents
    - Pricing models
    ## On-Demand
    Pay for compute by the second, with no commitment.
    """
    assert terms(note) == ["On-Demand"]


@pytest.mark.parametrize("contents", ["## [ 📋 목차 ]", "## 📑 Contents", "**Table of Contents**"])
def test_a_dressed_up_table_of_contents_is_still_one(contents: str) -> None:
    """An emoji, brackets around it, or a bold line instead of a heading: still navigation."""
    note = f"""
    # 자바스크립트
    {contents}

    - 데이터 타입
    - 원시 값
    ## 원시 값
    변경할 수 없는 값. 문자열, 숫자, 불리언 등이 있다.
    """
    assert terms(note) == ["원시 값"]


@pytest.mark.parametrize("banner", ["template: splash", "hero:\n      tagline: Study guides"])
def test_a_documentation_sites_home_page_is_no_deck_of_cards(banner: str) -> None:
    """Starlight's splash page, a VitePress `hero:`: the site's front door lists what it offers
    (`- **Flowcharts**: Visual decision trees …`); the notes it points to teach."""
    note = f"""
    ---
    title: Legal Study Notes
    {banner}
    ---
    ## Course Materials
    - **Flowcharts**: Visual decision trees for legal frameworks
    - **Case Law**: Key precedents and judicial reasoning
    ## Features
    - **Mobile Optimized**: Study anywhere on any device
    """
    assert terms(note) == []
    assert reasons(note)["Legal Study Notes"].startswith("a site's home page")


def test_a_page_laid_out_as_home_is_still_read() -> None:
    note = """
    ---
    title: 철학적 용어들
    layout: home
    ---
    - valid: 전제가 참이면 결론도 반드시 참인 논증의 성질
    - sound: 타당하고 전제가 모두 참인 논증의 성질
    """
    assert terms(note) == ["valid", "sound"]
