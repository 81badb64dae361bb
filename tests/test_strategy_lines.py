"""Colon and dash lines, list terms, and the lines that must stay out."""

from __future__ import annotations

import pytest
from extract_helpers import by_term, cards, reasons, terms

from generator.extract.colon import line_problem, split_colon_line, term_problem
from generator.extract.terms import case_matters, split_aliases


@pytest.mark.parametrize(
    ("line", "term", "definition"),
    [
        ("Mutex: a lock owned by one thread", "Mutex", "a lock owned by one thread"),
        ("뮤텍스 : 한 스레드만 소유하는 락", "뮤텍스", "한 스레드만 소유하는 락"),
        (
            "deadlock - two threads waiting on each other",
            "deadlock",
            "two threads waiting on each other",
        ),
        ("**Throughput**: work per unit time", "Throughput", "work per unit time"),
        ("**Latency:** time per request", "Latency", "time per request"),
        ("_job_ - a unit of work", "job", "a unit of work"),
        ("`fork()` — creates a process", "fork()", "creates a process"),
        ("[[Mutex|뮤텍스]]: 락", "뮤텍스", "락"),
        ('The "a:b" mapping: a dict of one key', 'The "a:b" mapping', "a dict of one key"),
        ("`std::cout`: the standard output stream", "std::cout", "the standard output stream"),
        (
            "Newton's law: force is mass times acceleration",
            "Newton's law",
            "force is mass times acceleration",
        ),
        ("rock 'n' roll: a genre of popular music", "rock 'n' roll", "a genre of popular music"),
        ("'90s grunge: a rock genre", "'90s grunge", "a rock genre"),
        ("***Scarcity:*** limited resources", "Scarcity", "limited resources"),
        ("Justification is: the act was right", "Justification", "the act was right"),
        ("***Scarcity***: limited resources", "Scarcity", "limited resources"),
        ("_**Scarcity:**_ limited resources", "Scarcity", "limited resources"),
        ("___Scarcity___ - limited resources", "Scarcity", "limited resources"),
    ],
)
def test_colon_and_dash_lines_split(line: str, term: str, definition: str) -> None:
    found = split_colon_line(line)
    assert found is not None
    assert (found.term, found.definition) == (term, definition)
    assert line_problem(found) is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Pros: fast", "label"),
        ("예시: 크롬 탭", "label"),
        ("Time complexity: O(n log n)", "label"),
        ("2020.01.02: 수정", "date"),
        ("v1.2: new parser", "date"),
        ("Figure 3: the ready queue", "caption"),
        ("Docker: 왜 쓸까?", "'?'"),
        ("The reason is simple: threads share memory", "sentence"),
        ("It computes your **expected score**: the chance you win", "sentence"),
        ("Mutex: [docs](https://example.com)", "link"),
        ("HDD: 120", "value"),
    ],
)
def test_lines_that_are_not_definitions(line: str, reason: str) -> None:
    found = split_colon_line(line)
    assert found is not None
    problem = line_problem(found)
    assert problem is not None and reason in problem


@pytest.mark.parametrize(
    "line",
    [
        'Like ":wq", but write only when changes have been made.',
        "Like “:wq”, but write only when changes have been made.",
        "He typed ':q!' and left without saving",
        "Like `:wq` but only when changed",
        'She said "a - b" twice',
    ],
)
def test_a_colon_or_dash_inside_quotes_or_code_splits_nothing(line: str) -> None:
    assert split_colon_line(line) is None


def test_a_quoted_command_in_a_quote_is_no_card() -> None:
    md = """
        # Vim
        ## Saving
        - `:w`: write the buffer to its file
        - `:x`: write and quit

        > Like ":wq", but write only when changes have been made.
        """
    assert [c.term for c in cards(md) if c.strategy == "colon"] == [":w", ":x"]
    assert 'Like "' not in reasons(md)


def test_a_linked_bold_term_is_the_link_text_and_its_url_no_alias() -> None:
    md = """
        # Tools
        ## Tracing tools
        - **[LangSmith](https://www.langchain.com/langsmith):** A platform for tracing LLM calls.
        - **[Langfuse](https://langfuse.com) (LF):** An open-source tracing platform.
        - Phoenix (https://phoenix.arize.com): A notebook-first tracing tool.
        """
    got = [(c.term, c.aliases) for c in cards(md) if c.strategy == "colon"]
    assert got == [("LangSmith", ()), ("Langfuse", ("LF",)), ("Phoenix", ())]


@pytest.mark.parametrize(
    ("written", "term", "aliases"),
    [
        ("np.linalg.norm(H, axis=2)", "np.linalg.norm(H, axis=2)", ()),
        ("os.path.join(a, b)", "os.path.join(a, b)", ()),
        ("std::max(a, b)", "std::max(a, b)", ()),
        ("Counter(maxlen=3)", "Counter(maxlen=3)", ()),
        ("useState(initial)", "useState(initial)", ()),
        ("Stack(LIFO)", "Stack", ("LIFO",)),
        ("TCP(Transmission Control Protocol)", "TCP", ("Transmission Control Protocol",)),
        ("Process(프로세스)", "Process", ("프로세스",)),
        ("Deadlock (교착 상태)", "Deadlock", ("교착 상태",)),
        # Hanja written straight after the word, and a book's chapter cited after a saying
        ("무위無爲", "무위", ("無爲",)),
        ("상선약수(上善若水) 『노자』 8장", "상선약수", ("上善若水",)),
        ("도가도비상도(道可道非常道), 『노자』 1장", "도가도비상도", ("道可道非常道",)),
        ("『노자』", "『노자』", ()),
        ("漢字", "漢字", ()),
    ],
)
def test_a_calls_arguments_stay_in_the_term(
    written: str, term: str, aliases: tuple[str, ...]
) -> None:
    assert split_aliases(written) == (term, aliases)


def test_a_url_in_parentheses_is_never_an_alias() -> None:
    assert split_aliases("LangSmith (https://www.langchain.com/langsmith)") == ("LangSmith", ())
    assert split_aliases("Docs (www.example.com/a/b)") == ("Docs", ())
    assert split_aliases("Virtual Machine(VM, 가상 머신)") == (
        "Virtual Machine",
        ("VM", "가상 머신"),
    )


def test_glossary_list_gives_one_card_per_line() -> None:
    got = cards("""
        # Glossary
        ## Terms
        - Mutex: a lock owned by one thread
        * Semaphore : a counter of permits
        - deadlock - two threads waiting on each other
        - Pros: simple
        """)
    assert [(c.term, c.strategy) for c in got] == [
        ("Mutex", "colon"),
        ("Semaphore", "colon"),
        ("deadlock", "colon"),
    ]
    assert got[0].definition_md == "a lock owned by one thread"


def test_a_dash_inside_the_bold_ends_the_term() -> None:
    md = """
        # Conditioning
        ## Key terms
        - **Neutral stimulus (NS) -** a stimulus which, before conditioning, evokes no response.
        - **Association –** a connection between two events which results in learning.
        - **Note -** see the chapter on learning.
        """
    found = by_term(md)
    assert list(found) == ["Neutral stimulus", "Association"]
    assert found["Neutral stimulus"].aliases == ("NS",)
    assert found["Association"].definition_md.startswith("a connection between")


def test_a_term_named_after_its_heading_is_a_card_of_its_own() -> None:
    md = """
        # Economics
        ### Demand
        Law of demand - Inverse relationship between price and quantity demanded

        Reasons for the downward slope
        1. Substitution effect - people buy cheaper substitutes
        ### Supply
        Law of supply: a direct relationship between price and quantity supplied.
        ### Element
        copper element: a small copper coin of about 3·10^22 atoms.
        ### Host network
        Removes network isolation: the container uses the host's network directly.
        """
    found = by_term(md)
    assert {"Law of demand", "Law of supply"} <= set(found)
    assert found["Law of demand"].definition_md.startswith("Inverse relationship")
    assert "copper element" not in found and "Removes network isolation" not in found


def test_a_written_name_closed_by_a_hard_break_heads_its_item() -> None:
    md = "# Linux\n\n## 디렉터리\n\n- `/boot`  \n\t부팅에 필요한 커널 이미지가 저장된다.\n" + (
        "- `/proc`\\\n\t실행 중인 프로세스 정보를 담는다.\n- 시제  \n\t문장의 동사와 같은 시점\n"
    )
    found = by_term(md)
    assert {"/boot", "/proc"} <= set(found)
    assert found["/boot"].definition_md == "부팅에 필요한 커널 이미지가 저장된다."
    assert "시제" not in found  # a plain line is often only wrapped so


def test_a_definition_label_among_glossary_lines_is_never_a_term() -> None:
    md = """
        # 혈액
        ### 혈액의 성분
        - **정의**: 혈액은 pH 7.35~7.45의 약알칼리성 액체다
        - **혈액량**: 성인은 체중의 약 8%
        - **헤마토크리트**: 혈액 중 적혈구가 차지하는 용적비율
        - **혈장단백질**: 알부민, 글로불린, 섬유소원
        """
    found = by_term(md)
    assert "정의" not in found
    assert "헤마토크리트" in found


def test_codes_looked_up_by_number_are_terms() -> None:
    md = """
        # HTTP
        ## 상태 코드
        - 200: 요청이 성공했다
        - 404: 요청한 자원을 찾을 수 없다
        - 503: 서버가 일시적으로 요청을 처리할 수 없다
        ## Ports
        - 22: SSH, a secure remote shell
        - 8080: a common port for a development web server
        ## Setup
        - 1: install the package
        - 2: run the server
        ## History
        - 1789: the Estates-General meets
        - 1791: the flight to Varennes fails
        ## Limits
        - 500: the largest upload in megabytes
        """
    found = by_term(md)
    assert {"200", "404", "503", "22", "8080"} <= set(found)
    assert found["404"].definition_md == "요청한 자원을 찾을 수 없다"
    # steps, years and a lone number are not codes
    assert not {"1", "2", "1789", "1791", "500"} & set(found)


def test_the_authors_set_up_is_no_card() -> None:
    md = """
        # Week 3
        ## 2. 실습 환경
        - Host OS: Windows 11
        - Virtualization: Hyper-V
        - 사용자 계정: `ooo426`
        ## Tech stack
        - Backend: Spring Boot 3.2
        ## 가상 환경
        - venv: Python standard tool for virtual environments
        - conda: 패키지와 환경을 함께 관리하는 도구
        ## Stack
        - push: O(1)
        """
    found = by_term(md)
    assert not {"Host OS", "Virtualization", "사용자 계정", "Backend"} & set(found)
    assert "실습 환경" not in found and "Tech stack" not in found
    assert {"venv", "conda", "push"} <= set(found)
    assert reasons(md)["Host OS"] == "a setting of 실습 환경, not a term"


def test_property_lines_stay_in_the_body_of_a_defined_term() -> None:
    md = """
        # VM
        ## 시스템 가상 머신
        - 하드웨어 위에서 여러 OS 를 돌림
        - 물리 컴퓨터 다중화: 한 컴퓨터에 여러 OS 사용 가능
        - Hypervisor 가 여기 해당함
        """
    got = cards(md)
    assert [c.term for c in got] == ["시스템 가상 머신"]
    assert "물리 컴퓨터 다중화: 한 컴퓨터에 여러 OS 사용 가능" in got[0].definition_md
    assert "property" in reasons(md)["물리 컴퓨터 다중화"]


def test_paragraph_glossary_lines() -> None:
    got = by_term("""
        **Throughput**: work per unit time
        **Latency**: time one request takes,
        measured end to end
        """)
    assert list(got) == ["Throughput", "Latency"]
    assert got["Latency"].definition_md == "time one request takes,\nmeasured end to end"


def test_nested_details_follow_a_colon_definition() -> None:
    got = by_term("""
        ## Terms
        - Cache: a small fast memory
          - sits between the CPU and RAM
        - TLB: a cache of address translations
        """)
    assert got["Cache"].definition_md == "a small fast memory\n- sits between the CPU and RAM"


def test_bold_list_term_with_nested_items() -> None:
    got = cards("""
        # Docker
        ## Docker
        - Builds and runs containers
        - **Image**
          - A read-only template
        - **Container**
          - A running image
        """)
    assert [(c.term, c.strategy) for c in got] == [
        ("Docker", "heading"),
        ("Image", "list-term"),
        ("Container", "list-term"),
    ]
    # the parent names its children; the children's bodies are on their own cards
    assert got[0].definition_md == "- Builds and runs containers\n- **Image**\n- **Container**"
    assert got[1].definition_md == "- A read-only template"


def test_emphasis_labels_and_lead_ins_are_not_list_terms() -> None:
    md = """
        # Notes
        ## Tips
        - **이 부분이 중요**
          - 시험에 나옴
        - **Pros**
          - fast
        - Two main kinds:
          - 분류
        """
    assert terms(md) == []
    why = reasons(md)
    assert why["이 부분이 중요"] == "emphasis, not a term"
    assert why["Pros"] == "label, not a term"
    assert "lead-in" in why["Two main kinds"]


def test_question_items_with_nested_answers() -> None:
    got = cards("""
        ## 면접
        - 프로세스와 스레드의 차이는?
          - 스레드는 메모리를 공유함
        """)
    assert [(c.term, c.strategy) for c in got] == [("프로세스와 스레드의 차이는?", "question-item")]


def test_link_only_lists_and_notes_make_no_cards() -> None:
    assert (
        terms("""
        # Links
        - [Docs](https://example.com/docs)
        - [Blog](https://example.com/blog)
        - https://example.com/raw

        [[Other note]] · [[Another]]
        """)
        == []
    )


def test_same_term_twice_in_a_section_is_one_card_in_two_sections_two() -> None:
    got = cards("""
        ## A
        - Mutex: a lock
        - Mutex: a lock again
        ## B
        - Mutex: a lock in B
        - Semaphore: a counter
        """)
    assert [(c.term, c.section, c.definition_md) for c in got] == [
        ("Mutex", ("A",), "a lock"),
        ("Mutex", ("B",), "a lock in B"),
        ("Semaphore", ("B",), "a counter"),
    ]


def test_terms_told_apart_by_case_are_two_cards_when_case_matters() -> None:
    """`\\s` and `\\S`, `%y` and `%Y`, `` `list` `` and `` `List` ``: code spells them apart."""
    md = r"""
        ## Regex
        `\s` - whitespace

        `\S` - not whitespace

        `\d` - digit

        `\D` - not a digit

        ## strftime
        - `%y`: the year without its century
        - `%Y`: the year with its century
        - `%a`: the weekday, short
        - `%A`: the weekday, in full

        ## vi
        - `p`: put the text after the cursor
        - `P`: put the text before the cursor

        ## typing
        | Name | Meaning |
        |---|---|
        | `list` | the built-in list type |
        | `List` | the typing module's alias for it |
        """
    got = [c for c in cards(md) if c.strategy != "heading"]
    want = [r"\s", r"\S", r"\d", r"\D", "%y", "%Y", "%a", "%A", "p", "P", "list", "List"]
    assert [c.term for c in got] == want
    assert all(c.cased for c in got)
    assert "defined twice" not in " ".join(reasons(md).values())


def test_prose_terms_that_differ_only_in_case_are_one_term() -> None:
    md = """
        ## Protocols
        - TCP: a reliable, ordered byte stream
        - tcp: the same protocol, written in lower case
        - Mutex: a lock
        - MUTEX: the same lock, shouted
        """
    assert [c.term for c in cards(md) if c.strategy == "colon"] == ["TCP", "Mutex"]
    assert reasons(md)["tcp"].startswith("defined twice in this section")
    assert reasons(md)["MUTEX"].startswith("defined twice in this section")
    assert not any(c.cased for c in cards(md))


def test_a_code_term_written_twice_alike_is_still_one_card() -> None:
    md = """
        ## Regex
        - `\\S`: not whitespace
        - `\\S`: any character but a space, tab or newline
        """
    assert terms(md) == ["\\S"]
    assert reasons(md)["\\S"].startswith("defined twice in this section")


@pytest.mark.parametrize(
    ("term", "cased"),
    [
        (r"\S", True),
        ("%Y", True),
        ("A", True),
        ("-V", True),
        ("MAX_SIZE", True),
        ("Thread::Mutex", True),
        ("np.linalg.norm(H, axis=2)", True),
        ("$HOME", True),
        ("@Bean", True),
        ("RANK()", True),
        ("O(n)", True),
        ("TCP", False),
        ("Mutex", False),
        ("A record", False),
        ("HOL(Head Of Line) Blocking", False),
        ("Buffered v.s. Unbuffered RAM", False),
        ("e.g. C", False),
        ("Node.js", False),
    ],
)
def test_which_terms_case_tells_apart(term: str, cased: bool) -> None:
    assert case_matters(term) is cased


def test_code_blocks_and_comments_never_make_cards() -> None:
    md = """
        ## GC
        - 참조되지 않는 객체를 회수하는 기능

        ```python
        Mutex: not a card
        - Semaphore: not a card either
        ```

        <!--
        - Hidden: not a card
        -->
        """
    got = cards(md)
    assert [c.term for c in got] == ["GC"]
    assert "Hidden" not in got[0].definition_md
    assert "Mutex: not a card" in got[0].definition_md  # the code stays in its card


def test_markers_tags_and_edit_notes_stay_out_of_definitions() -> None:
    got = cards("""
        ## Paging
        [TOC]

        - Fixed-size blocks of memory

        %% check the page size %%

        #os #memory

        *Edit 2023-02-01: fixed a typo.*

        <br>

        [← Week 8](week8.md) | [Week 10 →](week10.md)
        """)
    assert [(c.term, c.definition_md) for c in got] == [("Paging", "- Fixed-size blocks of memory")]


def test_dash_lines_broken_by_hand_in_one_paragraph_are_a_glossary() -> None:
    md = (
        "most were river valley states  \n"
        "[[egypt]] kingdom -- nile floods, pharaohs  \n"
        "[[sumer]] -- city-states, cuneiform  \n"
        "[[indus]] -- planned cities, drains  \n"
        "all farmed grain  \n"
    )
    got = by_term(md)
    assert list(got) == ["egypt kingdom", "sumer", "indus"]
    assert got["indus"].definition_md == "planned cities, drains"


@pytest.mark.parametrize(
    "md",
    [
        "The result -- to our surprise -- was fast.\nIt held up under load.\n",
        "one line -- with a dash\nand a plain second line\n",  # a single dash line is prose
    ],
)
def test_dashes_in_prose_make_no_glossary(md: str) -> None:
    assert terms(md) == []


def test_a_wiki_link_inside_a_dash_term_is_part_of_the_term() -> None:
    md = """
        # Early modern era

        - jesuit missions in [[china]] -- ricci at the ming court
        - council of [[trent]] -- catholic reform decrees
        - [[printing press]] -- gutenberg, movable type
        """
    assert terms(md) == ["jesuit missions in china", "council of trent", "printing press"]


def test_a_colon_term_with_its_name_in_bold_keeps_its_whole_name() -> None:
    md = """
        Laws of motion

        1. Law of **Inertia**: a body keeps its state unless a force acts
        2. Law of **Acceleration**: force equals mass times acceleration
        """
    assert terms(md) == ["Law of Inertia", "Law of Acceleration"]


def test_a_lone_partly_bold_colon_item_under_a_heading_is_a_term() -> None:
    md = """
        # Logic
        ## Derived rules

        - Rule of **Contraposition**: from A → B infer ¬B → ¬A

        > [!proof] follows from the axioms

        - Rule of **Syllogism**: from A → B and B → C infer A → C
        """
    assert "Rule of Contraposition" in terms(md)
    assert "Rule of Syllogism" in terms(md)


@pytest.mark.parametrize(
    "text",
    ["This is **really** important: read it twice", "**Note** that: it is slow"],
)
def test_bold_emphasis_before_a_colon_marks_no_term(text: str) -> None:
    line = split_colon_line(text)
    assert line is None or line_problem(line) is not None


def test_a_sentence_ending_in_a_bold_name_and_colon_names_only_that_name() -> None:
    md = "Every commit in a repository points to a **tree**: a snapshot of the files.\n"
    assert terms(md) == ["tree"]


def test_ways_of_doing_something_are_no_terms_and_leave_the_heading_its_card() -> None:
    md = """
        # Graphs
        ## Storing a graph
        1. Using an adjacency matrix: an n by n grid of edge flags
        2. Using adjacency lists: one list of neighbours per node
        """
    assert terms(md) == ["Storing a graph"]


@pytest.mark.parametrize("line", ["User space: where programs run", "Viaduct: a bridge of arches"])
def test_words_that_only_begin_like_using_are_terms(line: str) -> None:
    found = split_colon_line(line)
    assert found is not None and line_problem(found) is None


def test_a_term_line_ended_by_a_br_heads_the_definition_after_it() -> None:
    # `- **Abstraction**<br>` then the definition on the next lines of the same item.
    md = """
    ## OOP basics
    - **Abstraction**<br>
      A model of a real-world object, limited to a specific context.
    - **Encapsulation**<br>
      Hiding parts of an object's state from other objects.<br>
      Also the bundling of data and methods.
    """
    found = by_term(md)
    assert {"Abstraction", "Encapsulation"} <= set(found)
    assert found["Abstraction"].definition_md == (
        "A model of a real-world object, limited to a specific context."
    )
    assert "bundling of data" in found["Encapsulation"].definition_md


def test_a_colon_inside_the_parentheses_of_a_term_item_glosses_the_name() -> None:
    # `- 콘트라포스트 (contraposto: 반대되는 포즈)` over its notes read as a `name: meaning`
    # line that split nowhere, so the item made no card and no `--explain` line.
    md = """
    # 미술
    ## 르네상스 기법
    - 콘트라포스트 (contraposto: 반대되는 포즈)
      - 한쪽 다리에 체중을 싣고 선 자세
      - 하체와 상체를 엇갈리게 놓아 균형을 잡음
    - Sfumato (it. smoke: blurred)
      - Soft transitions between colours, with no outlines.
    - Perspective: depth on a flat surface
      - vanishing point
    """
    found = by_term(md)
    assert {"콘트라포스트", "Sfumato"} <= set(found)
    assert "체중" in found["콘트라포스트"].definition_md
    assert found["Perspective"].strategy == "colon"  # a colon outside them still splits the line


def test_a_br_after_a_sentence_or_a_bare_link_makes_no_term() -> None:
    # Must not: a sentence broken by `<br>` and a link followed only by another `<br/>` are no
    # term items.
    md = """
    ## Notes
    - The build was slow<br>
      so we cached it.
    - [System call reference](https://example.com/syscalls)<br/>
      <br/>
    """
    found = terms(md)
    assert not {"The build was slow", "System call reference"} & set(found)


def test_a_paragraph_whose_first_line_is_a_term_ended_by_a_br_defines_it() -> None:
    # The same shape outside a list: `후보키 (Candidate Key)<br>` heads the lines after it, even
    # in a quote whose indented bullets are lazy lines of its paragraph. The note made no card
    # and `--explain` said nothing about these lines.
    md = """
    # 키

    > 후보키 (Candidate Key)<br>
        * 튜플을 유일하게 식별하는 속성들의 부분 집합<br>
        * 유일성과 최소성을 만족해야 함<br>

    > 키의 정의<br>
        * 튜플을 구별하는 기준이 되는 속성<br>

    **Surrogate key**<br>
    A key with no business meaning, made up by the database.
    """
    found = by_term(md)
    assert set(found) == {"후보키", "키", "Surrogate key"}
    assert found["후보키"].aliases == ("Candidate Key",)
    assert "최소성" in found["후보키"].definition_md
    assert found["Surrogate key"].definition_md == (
        "A key with no business meaning, made up by the database."
    )


def test_a_br_line_over_a_credit_a_link_or_a_drawing_makes_no_term() -> None:
    # Must not: a source credited above a quoted definition of another term, a caption over a
    # bare link, a folder tree, a sentence, and the heading's own term again.
    md = """
    # Testing

    ## White-box testing

    > Wiki<br>
    > Black-box testing (also called behavioural testing) is a method of software testing.

    _Course video<br>
    https://example.org/course/7288

    notes-repo<br/>
    └── OS<br/>
    &nbsp;&nbsp;├── [Deadlock](Deadlock.md)<br/>

    The build was slow<br>
    so we cached it.

    White-box testing<br>
    Testing that looks at the code's internal structure.
    """
    found = terms(md)
    assert not {"Wiki", "Course video", "notes-repo", "The build was slow"} & set(found)
    assert found.count("White-box testing") == 1
    assert reasons(md)["The build was slow"] == "a sentence, not a term"


def test_explain_does_not_turn_down_a_line_another_strategy_made_a_card() -> None:
    note = """
        # 디스크

        ## 파티션 구조 확인

        리눅스에서 디스크는 `/dev/` 디렉터리 아래에 장치 파일로 표시된다.

        > **sda란?**
        > `sd`는 SCSI Disk의 약자로, 리눅스가 디스크를 인식하는 방식이다.
        """
    assert "sda" in terms(note)  # `sda란?` asks what sda is
    assert "sda" not in reasons(note)


@pytest.mark.parametrize("term", ["Next.js", "home (`/home`)", "Home directory", "Next-Key Lock"])
def test_a_term_holding_a_navigation_word_is_still_a_term(term: str) -> None:
    note = f"""
        # Notes

        ## Terms

        - **{term}**: the thing this line explains in a few words
        - **swap**: disk space used as memory when memory runs out
        """
    assert len(terms(note)) == 2


@pytest.mark.parametrize("term", ["← Previous", "Next →", "이전 글", "Back to top", "[Home]"])
def test_navigation_phrases_are_no_terms(term: str) -> None:
    assert term_problem(term) == "navigation link, not a term"


@pytest.mark.parametrize("term", ["Process -> Resource", "중성자 → 양성자", "X → Y", "A ⇒ B"])
def test_a_change_or_relation_is_no_term(term: str) -> None:
    note = f"""
        # Notes

        ## Graph

        - {term}: what the arrow means in the figure
        """
    assert term not in terms(note)


def test_symbols_and_method_names_ending_in_a_question_mark_are_terms() -> None:
    note = """
        # Regex

        `*` - zero or more

        `?` - zero or one

        ## Mutex methods
        - `#lock` - acquires the lock
        - `#locked?` - true if the lock is held
        """
    made = terms(note)
    assert "?" in made and "#locked?" in made
    assert term_problem("Is this a term?") == "a question, not a term"


def test_nested_bullets_written_without_spaces_say_something() -> None:
    note = """
        # 发布级别

        ## 何时使用每个发布级别

        - **`STABLE`**：
          - 用于所有生产应用和不需要提前访问未发布功能的库。
          - 这是稳定版本和每夜构建版本的默认级别。
        - **`CANARY`：**
          - 如果您是框架作者，请使用此级别。
          - 不建议用于生产或面向用户的应用程序。
        """
    assert {"STABLE", "CANARY"} <= set(terms(note))


@pytest.mark.parametrize(
    "term", ["If the pattern", "When the queue is empty", "If want them included"]
)
def test_a_clause_is_no_term(term: str) -> None:
    assert term_problem(term) == "a clause, not a term"


@pytest.mark.parametrize("term", ["While loop", "If statement", "unless", "Since"])
def test_a_term_named_after_a_conjunction_stays_a_term(term: str) -> None:
    assert term_problem(term) is None


@pytest.mark.parametrize(
    "line",
    [
        "`git push --set-upstream origin master` -u 로 설정 가능.",
        "`ls` --all 로 숨김 파일까지 본다",
        "`rm` -rf 는 위험하다",
    ],
)
def test_a_flag_after_a_command_is_no_dash_separator(line: str) -> None:
    assert split_colon_line(line) is None


@pytest.mark.parametrize(
    ("line", "term"),
    [
        ("**Pasting** -Sampling the data without replacement", "Pasting"),
        ("**Mutex**—a lock", "Mutex"),
    ],
)
def test_a_dash_right_before_a_word_still_separates(line: str, term: str) -> None:
    found = split_colon_line(line)
    assert found is not None and found.term == term


@pytest.mark.parametrize(
    "term", ["하지만 해당 테이블에 table-layout", "그래서 이 경우", "만약 키가 없으면"]
)
def test_a_korean_clause_is_no_term(term: str) -> None:
    assert term_problem(term) == "a clause, not a term"


def test_curly_quotes_stay_on_both_sides_of_a_heading_term() -> None:
    note = """
        # 이벤트 위임

        ## ‘행동’ 패턴

        요소에 선언적 방식으로 행동을 추가하는 패턴이다.
        """
    assert terms(note) == ["‘행동’ 패턴"]


@pytest.mark.parametrize("term", ["node->next", "self->head"])
def test_a_member_access_is_a_name_not_a_relation(term: str) -> None:
    assert term_problem(term) is None
    assert term_problem(term.replace("->", " -> ")) == "a change or relation (A → B), not a term"


def test_bold_italic_names_of_a_glossary_written_as_paragraphs_are_terms() -> None:
    md = """
        # Macroeconomics
        ## Terms
        ***Scarcity:*** Society has limited resources and cannot produce everything.

        ***Opportunity Cost:*** What you give up to get something.

        - ***OSI model***: seven layers of network communication
        """
    assert terms(md) == ["Scarcity", "Opportunity Cost", "OSI model"]


def test_term_and_meaning_a_pipe_apart_line_by_line_are_a_glossary() -> None:
    """`who | 사람 선행사 - 주격 관계대명사`: a flashcard list written for import, one pair a line,
    with no table's delimiter row; two lines with a pipe, or a wiki link's, are no glossary."""
    md = """
        # 관계사
        ## 관계대명사
        who | 사람 선행사 - 주격 관계대명사
        whose | 사람/사물 선행사 - 소유격 관계대명사
        the way | 방법 - how와 함께 쓰지 않음
        ## Links
        See [[Relative clauses|relative clauses]] for more.
        Or ask a | b in class.
        """
    assert terms(md) == ["관계대명사", "who", "whose", "the way"]  # as with `who: …` lines
    assert by_term(md)["whose"].definition_md == "사람/사물 선행사 - 소유격 관계대명사"


def test_plain_names_over_sentences_in_paragraph_after_paragraph_are_a_glossary() -> None:
    """`IAM Users` on one line, what it is in sentences on the next, paragraph after
    paragraph: each first line names a term. A single such paragraph, or a first line that is
    itself a sentence, is prose as before."""
    md = """
        # AWS
        ## Access
        Root User account
        This user has complete access to all services. It is not for everyday tasks.

        IAM Users
        It is an identity created in AWS. It has no permissions when created.

        IAM Roles
        An identity that you can assume to gain temporary access to permissions.
        ## Billing
        Free tier
        Twelve months of limited use at no cost, for new accounts only.
        """
    assert terms(md) == ["Root User account", "IAM Users", "IAM Roles", "Billing"]


def test_lines_under_a_key_terms_label_inside_a_terms_body_are_terms() -> None:
    """`**Key Terms:**` over `name: meaning` lines in a term's body: a glossary of its own, not
    properties of the term; `**Examples:**` over such lines still describes."""
    md = """
        ## Learning and Memory

        ### Classical Conditioning (Pavlov)
        - Unconditioned stimulus (US) → Unconditioned response (UR)
        - US + Neutral stimulus → Conditioned stimulus (CS)
        - CS → Conditioned response (CR)

        **Key Terms:**
        - Acquisition: learning the pairing
        - Extinction: CR fades without US
        - Spontaneous recovery: CR returns after rest

        **Examples:**
        - Dog: salivates at the bell
        - Child: flinches at the balloon
        """
    assert terms(md) == [
        "Classical Conditioning", "Acquisition", "Extinction", "Spontaneous recovery"
    ]  # fmt: skip


def test_the_last_of_a_run_of_bold_labels_heads_as_much_as_the_others() -> None:
    """`**Necessity:**`, `**Retreat:**`, `**Burden of proof:**` each over one list, then the rest
    of the note: the last label heads one list too, and the lines after it are read as the
    note's own (`Excuse: …` is a term, not a property of `Burden of proof`)."""
    labels = "".join(
        f"**{name}:**\n\n* *{text}*\n\n"
        for name, text in [
            ("Necessity", "Whether the force was necessary"),
            ("Retreat", "Duty to retreat or stand your ground"),
            ("Burden of proof", "Who must prove or disprove self-defense"),
        ]
    )
    rest = "".join(f"Paragraph {n} of the case notes goes on.\n\n" for n in range(6))
    md = labels + rest + "Excuse: the act was wrong, but blame is unfair.\n"
    found = terms(md)
    assert found[:3] == ["Necessity", "Retreat", "Burden of proof"]
    assert "Excuse" in found
    assert (
        by_term(md)["Burden of proof"].definition_md
        == "* *Who must prove or disprove self-defense*"
    )


def test_bold_step_names_that_say_what_to_do_are_steps() -> None:
    """`1. **Write a Balanced Equation:** …` under `## Steps for …`: steps of the procedure, kept
    in its card; bold names of things in a numbered list elsewhere are still terms."""
    md = """
        # Chemistry
        ## Steps for Stoichiometric Calculations
        1. **Write a Balanced Equation:** Start from the reaction's balanced equation.
        2. **Convert the Known Quantity to Moles:** Divide the mass by the molar mass.
        3. **Use Stoichiometric Ratios:** Relate the moles of one substance to another.
        ## Quantities
        1. **Molar Mass:** The mass of one mole of a substance.
        2. **Mole Ratio:** The ratio of moles between two substances in a reaction.
        """
    found = terms(md)
    assert (
        found[0] == "Steps for Stoichiometric Calculations"
        and "Use Stoichiometric Ratios" not in found
    )
    assert found[-2:] == ["Molar Mass", "Mole Ratio"]
