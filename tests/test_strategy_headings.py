"""Headings: a heading whose own body defines it; questions; numbering; grouping; never-cards."""

from __future__ import annotations

import textwrap

import pytest
from extract_helpers import by_term, cards, reasons, terms

from generator.parse import parse


def test_heading_with_bullets_is_a_card() -> None:
    got = by_term("""
        # Notes
        ## Semaphore
        - A counter of permits
        - Blocks when it reaches zero
        """)
    assert list(got) == ["Semaphore"]
    card = got["Semaphore"]
    assert card.strategy == "heading"
    assert card.section == ("Semaphore",)
    assert card.definition_md == "- A counter of permits\n- Blocks when it reaches zero"
    assert card.loc.line == 2


def test_the_title_is_never_a_card() -> None:
    md = """
        # Semaphore

        A counter of permits.
        """
    assert terms(md) == []
    assert reasons(md)["Semaphore"] == "the note's title"


def test_grouping_and_empty_headings_are_not_cards() -> None:
    md = """
        # OS
        ## Synchronization
        ### Mutex
        - A lock with an owner
        ## Empty
        ## Also empty
        """
    assert terms(md) == ["Mutex"]
    why = reasons(md)
    assert "grouping" in why["Synchronization"]
    assert why["Empty"] == "heading with no body of its own"


def test_question_headings_keep_their_body_as_the_answer() -> None:
    got = by_term("""
        # Interview
        ## Why is UDP faster?
        UDP is a protocol without handshakes.
        ## TCP와 UDP 비교
        - TCP 는 연결 지향
        ## Q3. What is a socket?
        An endpoint.
        """)
    assert list(got) == ["Why is UDP faster?", "TCP와 UDP 비교", "What is a socket?"]
    assert all(c.strategy == "question" for c in got.values())
    # the prose inside an answer is the answer, not a card of its own
    assert got["Why is UDP faster?"].definition_md == "UDP is a protocol without handshakes."
    assert got["What is a socket?"].section == ("What is a socket?",)


def test_numbered_and_lecture_headings_drop_their_numbers() -> None:
    assert terms("""
        # Memory
        #### 2. Heap
        - Dynamic memory
        ## Lecture 3: Scheduling
        - Picking the next process
        ## 3장 프로세스
        - 실행 중인 프로그램
        """) == ["Heap", "Scheduling", "프로세스"]


def test_initials_and_a_genus_are_not_letter_numbering() -> None:
    """`A. Deontology` drops its letter; `W. D. Ross` and `E. coli` are names."""
    assert terms("""
        # Notes
        ## A. Deontology
        - Judges actions by whether they follow moral rules
        ## W. D. Ross
        - A philosopher who listed several prima facie duties, none ranked first
        ## E. coli
        - A gut bacterium, a model organism
        """) == ["Deontology", "W. D. Ross", "E. coli"]


def test_malformed_heading_without_a_space_is_a_heading() -> None:
    got = cards("""
        # Notes
        ##Paging
        - Fixed-size blocks

        #tag
        """)
    assert [(c.term, c.section) for c in got] == [("Paging", ("Paging",))]
    assert "#tag" not in got[0].definition_md


def test_a_bold_question_over_its_answer_in_one_paragraph_is_a_question() -> None:
    md = """
        # Multithreading interview questions

        ## Beginner

        **Q1. What is a thread?**\\
        A lightweight execution unit within a process.

        **Q2. 프로세스와 스레드의 차이는?**
        프로세스는 메모리를 따로 갖고, 스레드는 공유한다.

        **Q3. What is a fiber?**\\
        _To be updated_
        """
    got = cards(md)
    assert [(c.term, c.strategy, c.section) for c in got] == [
        ("What is a thread?", "question", ("Beginner",)),
        ("프로세스와 스레드의 차이는?", "question", ("Beginner",)),
    ]
    assert got[0].definition_md == "A lightweight execution unit within a process."
    assert reasons(md)["What is a fiber?"] == "a question with no answer yet"


def test_html_headings_on_their_own_line_are_headings() -> None:
    got = cards("""
        # Contracts

        <h2>Mailbox rule </h2>
        An acceptance is effective when it is sent.

        <H3 id="x"><a name="m"></a>Modification</H3>
        Consideration is needed under the common law.

        <h2></h2>

            <h2>Indented code</h2>

        ```html
        <h2>In a fence</h2>
        ```
        """)
    assert [(c.term, c.section) for c in got] == [
        ("Mailbox rule", ("Mailbox rule",)),
        ("Modification", ("Mailbox rule", "Modification")),
    ]
    assert "<h2>In a fence</h2>" in got[1].definition_md  # a fence is left as written
    assert got[0].definition_md == "An acceptance is effective when it is sent."


def test_html_heading_inside_a_line_of_text_is_not_a_heading() -> None:
    parsed = parse("# Notes\n\n## Markup\nWrite <h2>Title</h2> for a heading.\n")
    (title,) = parsed.root.children
    assert [s.title for s in title.children] == ["Markup"]
    assert parsed.lines[3] == "Write <h2>Title</h2> for a heading."


def test_html_export_headings_end_the_html_block_above_them() -> None:
    # A blog export (Velog): `<h3>` headings and `<p>` bodies with no blank line between them.
    got = cards("""
        <h3 id="if문">if문</h3>
        <p>조건이 참일 때만 실행한다.
        <img alt="" src="https://example.org/if.png" /></p>
        <h3 id="switch문">switch문</h3>
        <p><strong>switch문의 제약조건</strong></p>
        <pre><code>switch(result){
         case 1:

         case 2:
        }</code></pre>
        <h3 id="break문">break문</h3>
        <p>자신이 포함된 가장 가까운 반복문을 벗어난다.</p>
        <h3 id="continue문">continue문</h3>
        <p>다음 반복으로 넘어간다.</p>
        """)
    assert [(c.term, c.loc.line) for c in got] == [
        ("if문", 1),
        ("switch문", 4),
        ("break문", 11),
        ("continue문", 13),
    ]
    assert "###" not in "".join(c.definition_md for c in got)
    assert got[1].definition_md.endswith("case 1:\n\n case 2:\n}</code></pre>")
    assert got[2].definition_md == "<p>자신이 포함된 가장 가까운 반복문을 벗어난다.</p>"


def test_html_headings_over_lines_and_with_tags_after_them() -> None:
    got = cards("""
        # Java

        <h2> Overloading
        </h2>

        A new method with the same name and other parameters.

        <h2 id="o"><a href="#o">Overriding</a></h2><a name="o"></a>
        A method of the parent written again in the child.

        <h2>Hiding</h2><p>A static method of the parent declared again.</p>

        ## Shadowing
        A variable that hides another of the same name.
        """)
    assert [(c.term, c.loc.line) for c in got] == [
        ("Overloading", 3),
        ("Overriding", 8),
        ("Hiding", 11),
        ("Shadowing", 13),
    ]
    assert got[1].definition_md == "A method of the parent written again in the child."
    assert got[2].definition_md == "<p>A static method of the parent declared again.</p>"


def test_markdown_heading_right_after_html_starts_a_section() -> None:
    got = cards("""
        # Quiz
        ## TCP
        <details>
        <summary>Answer</summary>
        A reliable, connection-oriented transport protocol.
        </details>
        ## UDP
        A connectionless transport protocol.
        """)
    assert [(c.term, c.section) for c in got] == [("TCP", ("TCP",)), ("UDP", ("UDP",))]
    assert "connectionless" not in got[0].definition_md


def test_headings_inside_html_that_is_still_open_are_not_sections() -> None:
    md = """
        # Java
        ## JVM
        <details>
        <summary>What is the JVM?</summary>
        <h3>In short</h3>
        The virtual machine that runs Java bytecode.
        </details>

        ## Build
        <div><pre><code># not a heading: a comment in a shell script
        make all

        # nor this
        </code></pre></div>
        """
    parsed = parse(textwrap.dedent(md).lstrip("\n"))
    (title,) = parsed.root.children
    assert [s.title for s in title.children] == ["JVM", "Build"]
    got = by_term(md)
    assert list(got) == ["What is the JVM?", "Build"]
    assert "bytecode" in got["What is the JVM?"].definition_md
    assert "# nor this" in got["Build"].definition_md


def test_headings_written_inside_list_items() -> None:
    got = cards("""
        # 인터럽트
        ## 종류
        - #### 외부 인터럽트
          - 하드웨어가 발생시킴
        - #### 내부 인터럽트
          - 프로그램 오류로 발생
        """)
    assert [(c.term, c.section) for c in got] == [
        ("외부 인터럽트", ("종류", "외부 인터럽트")),
        ("내부 인터럽트", ("종류", "내부 인터럽트")),
    ]
    assert got[0].definition_md == "- 하드웨어가 발생시킴"


def test_overview_heading_defines_the_term_above_it() -> None:
    got = cards("""
        # Notes
        ## Docker
        ### 개요
        컨테이너를 실행하는 플랫폼
        """)
    # the card lives under the heading it is written under, like any other card
    assert [(c.term, c.section) for c in got] == [("Docker", ("Docker", "개요"))]


def test_label_headings_only_count_under_a_term() -> None:
    md = """
        # OS 정리
        ## 장점
        - 빠름
        ## Docker
        - 컨테이너 플랫폼
        ### 장점
        - 가벼움
        """
    assert [(c.term, c.section) for c in cards(md)] == [
        ("Docker", ("Docker",)),
        ("장점", ("Docker", "장점")),
    ]
    assert reasons(md)["장점"] == "a label heading with no term above it"


def test_never_sections() -> None:
    md = """
        # Notes
        ## Table of Contents
        - Mutex
        ## Changelog
        - 2020-01-02: fixed
        ## 오늘의 회고
        - 힘들었다
        ## Summary
        Locks are hard.
        ## 참고자료
        - [a](https://a.example)
        """
    assert terms(md) == []


def test_sentence_and_date_headings_are_not_terms() -> None:
    md = """
        # Notes
        ## 도커를 설치해 보자.
        - brew install docker
        ## 2024-01-15
        ### Register allocation
        - Assigning registers
        """
    assert [(c.term, c.section) for c in cards(md)] == [
        ("Register allocation", ("2024-01-15", "Register allocation"))
    ]


def test_a_body_of_only_a_data_table_is_not_a_card() -> None:
    md = """
        # Notes
        ## Benchmarks
        | Disk | Read | Write |
        |---|---|---|
        | HDD | 120 | 110 |
        """
    assert terms(md) == []
    assert "data" in reasons(md)["Benchmarks"]


def test_heading_aliases() -> None:
    got = by_term("""
        # Notes
        ## Virtual Machine(VM, 가상 머신)
        - A computer inside a computer
        ## Hypervisor
        - Virtual Machine Monitor(VMM) 이라고도 함
        - Software that runs virtual machines
        ## IIFE
        Immediately Invoked Function Expression: a function that runs at once.
        """)
    assert got["Virtual Machine"].aliases == ("VM", "가상 머신")
    assert got["Hypervisor"].aliases == ("Virtual Machine Monitor", "VMM")
    assert "이라고도" not in got["Hypervisor"].definition_md
    assert got["IIFE"].aliases == ("Immediately Invoked Function Expression",)
    assert list(got) == ["Virtual Machine", "Hypervisor", "IIFE"]


def test_unanswered_questions_and_personal_logs_are_not_cards() -> None:
    md = """
        # Notes
        ## Open questions
        - Why does ReLU help?
        - Is Adam always better?
        ## 풀어본 문제
        - 백준 11047 동전 0
        ## My vimrc
        ```vim
        set number
        ```
        """
    assert terms(md) == []
    assert reasons(md)["Open questions"] == "only questions with no answers"


def test_numbered_questions_with_no_answers_are_not_cards() -> None:
    md = """
        # 자료구조 면접 질문

        ## 해시
        ### DS-005
        해시 자료구조에 대해 설명해 주세요.

        ### DS-006
        스택 2개로 큐 만들기

        ### 충돌
        어떻게 하면 충돌을 줄일 수 있을까요? 체이닝과 개방 주소법은 무엇이 다를까요?

        ## Mutex
        A mutex is a lock one thread owns. When is it used?
        """
    assert terms(md) == ["Mutex"]  # a definition, then a question: still answered
    why = reasons(md)
    assert why["DS-005"] == why["DS-006"] == "an item's number (`DS-001`), not a term"
    assert why["충돌"] == "only questions with no answers"


def test_imperative_prompts_are_questions() -> None:
    got = cards("""
        # Interview
        ### 2. Explain the difference between `useMemo` and `useCallback`
        - `useMemo` memoises a **value**
        - `useCallback` memoises a **function**
        """)
    assert [(c.term, c.strategy) for c in got] == [
        ("Explain the difference between useMemo and useCallback", "question")
    ]


def test_a_line_with_an_image_and_words_is_the_headings_own_content() -> None:
    got = by_term("""
        # Net
        ## Latency
        - the time <img src="clock.png"> a request waits
        - measured ![p99](p99.png) at the 99th percentile
        """)
    assert list(got) == ["Latency"]
    assert [image.src for image in got["Latency"].images] == ["clock.png", "p99.png"]


def test_a_heading_of_images_alone_is_not_a_card() -> None:
    assert (
        terms("""
        # Net
        ## Diagrams
        ![a](a.png)
        ![b](b.png)
        """)
        == []
    )


@pytest.mark.parametrize(
    "body",
    [
        "Refer to [[Counting]]",
        "See [Counting](counting.md).",
        "참고: [[순열과 조합]]",
        "→ [[Counting]]",
    ],
)
def test_a_heading_whose_body_only_points_elsewhere_is_no_card(body: str) -> None:
    md = f"# Probability\n\n## Sample space\n\nThe set of all outcomes.\n\n## Counting\n\n{body}\n"
    assert terms(md) == ["Sample space"]


@pytest.mark.parametrize(
    "body",
    [
        "Counting the outcomes, see [[Permutations]] for the orderings.",
        "Refer to the table of outcomes before adding them up.",
    ],
)
def test_a_body_that_says_more_than_a_pointer_keeps_its_card(body: str) -> None:
    md = f"# Probability\n\n## Counting\n\n{body}\n"
    assert terms(md) == ["Counting"]


@pytest.mark.parametrize(
    "title", ["Concepts and Definitions", "Definitions", "Key Terms", "Glossary"]
)
def test_a_heading_naming_a_glossary_is_no_card(title: str) -> None:
    md = f"""# Probability

## {title}
- **Outcome**: one result of an experiment
- **Event**: a set of outcomes
"""
    assert terms(md) == ["Outcome", "Event"]


def test_a_term_heading_ending_in_a_glossary_word_is_still_a_card() -> None:
    md = "# Logic\n\n## Circular definitions\n\nDefinitions that use the word they define.\n"
    assert terms(md) == ["Circular definitions"]


@pytest.mark.parametrize("body", ["- Caused by", "Defined as the", "- TODO", "Types:"])
def test_a_heading_with_an_unfinished_body_is_no_card(body: str) -> None:
    md = (
        "# Pipelines\n\n## Data hazard\n\nA read of a value not yet written.\n\n"
        f"## Control hazard\n\n{body}\n"
    )
    assert terms(md) == ["Data hazard"]


@pytest.mark.parametrize("body", ["Lock.", "- Owned by one thread", "`kubectl get pods`"])
def test_a_short_but_finished_body_keeps_its_card(body: str) -> None:
    md = f"# Pipelines\n\n## Control hazard\n\n{body}\n"
    assert terms(md) == ["Control hazard"]


def test_topic_and_label_joined_by_a_colon_name_the_topic() -> None:
    # `kNN: Discussion`, `Recall: Vector Space Representation`: the label says how the thing is
    # treated, the other part names it.
    md = """
    # Text classification

    ## kNN: Discussion
    kNN needs no training but is slow at test time.

    ## Recall: Vector Space Representation
    Each document is a vector of term weights.

    ## Gradient descent: Intuition
    Walk downhill along the steepest slope.
    """
    found = by_term(md)
    assert set(found) == {"kNN", "Vector Space Representation", "Gradient descent"}
    assert found["kNN"].section == ("kNN: Discussion",)


def test_a_colon_heading_without_a_label_stays_whole() -> None:
    # Must not: `Feature Selection: Frequency` names one method and `Feature Selection: Why?`
    # is a question; neither loses a part.
    md = """
    # Text classification

    ## Feature Selection: Frequency
    Keep the terms that occur most often.

    ## Feature Selection: Why?
    Fewer features make training faster.
    """
    assert terms(md) == ["Feature Selection: Frequency", "Feature Selection: Why?"]


def test_a_title_case_name_closed_by_a_full_stop_is_still_a_name() -> None:
    md = """
    # Object-oriented design

    ## SOLID

    ### Open/Closed Principle.
    Open for extension, closed for modification.

    ### Liskov Substitution Principle.
    A subtype must work wherever its base type is expected.

    ### Caches speed up reads.
    They keep hot data close to the program.
    """
    found = by_term(md)
    assert set(found) == {"Open/Closed Principle", "Liskov Substitution Principle"}
    assert found["Open/Closed Principle"].section == ("SOLID", "Open/Closed Principle.")
    # Must not: a heading that is a sentence stays no card.
    assert reasons(md)["Caches speed up reads."] == "a sentence, not a term"


def test_an_interview_question_over_the_parts_of_its_answer_is_one_card() -> None:
    md = """
        # OS interview
        ## 1️⃣ What is a deadlock?
        ### Expected Answer
        Two or more threads wait for each other's locks for ever.
        ### Conditions (Mention Any 2–3)
        - Mutual exclusion
        - Circular wait
        ## 🔟 Why are thread pools used?
        ### Interview One-Liner ⭐
        Creating a thread per request costs more than reusing a few.
        ## 데드락 발생 조건은?
        ### 상호 배제
        한 번에 한 스레드만 자원을 쓴다.
        ### 순환 대기
        스레드들이 원을 이루며 서로의 자원을 기다린다.
        """
    found = by_term(md)
    assert list(found) == [
        "What is a deadlock?",
        "Why are thread pools used?",
        "상호 배제",
        "순환 대기",
    ]
    answer = found["What is a deadlock?"].definition_md
    assert "wait for each other's locks" in answer and "Circular wait" in answer
    assert found["What is a deadlock?"].section == ("What is a deadlock?",)


def test_a_headings_attribute_list_is_markup_not_words() -> None:
    md = """
        # Spanish

        ## Gender {#gender}

        Every noun is masculine or feminine.

        ## Article {#article .lead data-x="1"}

        A word that comes before a noun.

        - ### Definite article {: .note}
          - el, la, los, las

        ## Set notation {a, b}

        The braces list the members.
        """
    found = by_term(md)
    assert list(found)[:2] == ["Gender", "Article"]
    assert found["Article"].section == ("Article",)
    assert "{" not in "".join(
        c.definition_md for c in found.values() if c.term != "Set notation {a, b}"
    )
    assert "Set notation {a, b}" in found  # braces that are no attribute list are words


def test_a_unit_of_a_course_is_no_term_but_its_notes_are_read() -> None:
    md = """
        # Introduction to Macroeconomics

        ## Lecture 2

        - GDP: the market value of all final goods produced in a period

        ## Module 03 - Adrenergic Pharmacology

        Drugs acting on adrenergic receptors.

        ## 9주차

        - 캐시: 자주 쓰는 데이터를 가까이 두는 저장소
        """
    assert terms(md) == ["GDP", "Module 03 - Adrenergic Pharmacology", "캐시"]
    why = reasons(md)
    assert why["Lecture 2"] == why["9주차"] == "a chapter heading, not a term"
