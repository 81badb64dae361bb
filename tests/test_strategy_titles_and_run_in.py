"""A title followed by a lone level-1 remark, and `**Term.** definition` run-in heads."""

from __future__ import annotations

from extract_helpers import cards, reasons, terms

from generator.extract.colon import definition_problem, split_colon_line

LECTURE = """
    # History 102 - Religious Wars

    ## Calvinism
    * Jean Calvin preached his own denomination of Protestantism in Geneva.
    * Core beliefs in predestination and a moral code enforced by authority.

    ## Catholic Reformation
    * The Catholic answer to the Reformation: abolished indulgences, kept monasticism.

    # Note: this will be one of the essay options on the exam.

    ##
"""


def test_a_trailing_level_one_remark_leaves_the_opening_heading_the_title() -> None:
    found = cards(LECTURE)
    assert [(c.term, c.section) for c in found] == [
        ("Calvinism", ("Calvinism",)),
        ("Catholic Reformation", ("Catholic Reformation",)),
    ]
    assert reasons(LECTURE)["History 102 - Religious Wars"] == "the note's title"


def test_a_trailing_level_one_section_is_still_read() -> None:
    note = """
        # Lecture 4

        ## Heap
        A tree in which each parent is ordered before its children.

        # Mutex
        A lock owned by one thread at a time.
    """
    found = {c.term: c.section for c in cards(note)}
    assert found == {"Heap": ("Heap",), "Mutex": ("Mutex",)}


def test_level_one_headings_of_equal_rank_are_no_title() -> None:
    # Every level-1 heading holds its own sections: none of them is the note's title.
    note = """
        # Processes

        ## Fork
        Creates a copy of the calling process.

        # Threads

        ## Join
        Waits for a thread to finish.
    """
    found = {c.term: c.section for c in cards(note)}
    assert found["Fork"] == ("Processes", "Fork")
    assert found["Join"] == ("Threads", "Join")


def test_flat_level_one_headings_are_all_sections() -> None:
    note = """
        # Consideration
        A bargained-for exchange of promises.

        # Mitigation
        The duty to reduce one's damages after a breach.
    """
    assert terms(note) == ["Consideration", "Mitigation"]


def test_an_empty_opening_heading_before_level_one_sections_is_the_title() -> None:
    note = """
        # 퍼텐셜 이론

        # 개요

        조화 함수의 경계값 문제를 다루는 이론이다.

        # 정의

        ## 용량

        콤팩트 집합의 **용량**은 에너지 하한의 역수이다.
    """
    assert reasons(note)["퍼텐셜 이론"] == "the note's title"
    found = {c.term: c.section for c in cards(note)}
    assert found == {"퍼텐셜 이론": ("개요",), "용량": ("정의", "용량")}


def test_bold_run_in_heads_split() -> None:
    for line, term, definition in [
        ("**Offeror.** The party who makes an offer.", "Offeror", "The party who makes an offer."),
        (
            "__Promisee__. A party to whom a promise is made.",
            "Promisee",
            "A party to whom a promise is made.",
        ),
    ]:
        found = split_colon_line(line)
        assert found is not None
        assert (found.term, found.definition) == (term, definition)


def test_bold_run_in_heads_in_a_list_are_cards() -> None:
    note = """
        # Contracts

        ## Parties

        * **Offeror.** The party who makes an offer.
        * **Offeree.** The party to whom an offer is made.
        * **Obligor.** A party who makes and has an obligation.
    """
    assert {"Offeror", "Offeree", "Obligor"} <= set(terms(note))


def test_a_bold_sentence_ending_in_a_period_is_no_run_in_head() -> None:
    # The bold part is a sentence, and what follows starts in lower case: no term here.
    assert split_colon_line("**Keep the code simple.** then add features") is None
    assert split_colon_line("**Mutex.**") is None
    note = """
        # Notes

        ## Design

        * **Always write the test first.** It keeps the design honest.
        * **Refactor when the tests pass.** Never before.
    """
    assert not {"Always write the test first", "Refactor when the tests pass"} & set(terms(note))


STUDY_LOG = """
    # Study Log

    ## Week 3

    **Study Duration**: [Time spent]

    **Progress Rating**: ⭐⭐⭐⭐ (1-5 stars)

    **Activities**:
    - [ ] Read the chapter on paging
    - [x] Ran the cache experiment

    **Goals Achieved**:
    - [ ]
    - [ ]
"""


def test_a_template_of_blanks_to_dos_and_ratings_makes_no_card() -> None:
    assert terms(STUDY_LOG) == []
    why = reasons(STUDY_LOG)
    assert why["Study Duration"] == "a blank left to fill in, not a definition"
    assert why["Activities"] == "its body is only a to-do list"
    assert why["Progress Rating"] == "a value, not a definition"


def test_a_heading_over_a_task_list_is_no_card() -> None:
    note = """
        # Spinlocks

        ## Checklist
        - [ ] Understand the retry loop
        - [ ] Understand IRQL

        ## Spinlock
        A lock a thread waits on by looping until it is free.
    """
    assert terms(note) == ["Spinlock"]
    assert "Checklist" in reasons(note)


def test_a_heading_over_a_plan_of_tasks_is_no_card() -> None:
    note = """
        # Operating systems

        ## Paging
        - [ ] Read chapter 8
        - [x] Draw the page table

        ## Spinlock
        A lock a thread waits on by looping until it is free.
    """
    assert terms(note) == ["Spinlock"]
    assert reasons(note)["Paging"] == "its body is only a to-do list"


def test_words_in_brackets_or_beside_symbols_still_define() -> None:
    # A link, a formula with parentheses and a symbol with words are definitions.
    for definition in [
        "[memory split into pages](https://example.com/paging) of a fixed size",
        "$1/(1+e^{-x})$, an S-shaped squashing function",
        "⚡ the branch taken when the cache hits",
        "[x] the unknown of the equation",
    ]:
        assert definition_problem(definition) is None, definition
    for definition in ["[Time spent]", "<your answer>", "⭐⭐⭐⭐⭐ (1-5 stars)"]:
        assert definition_problem(definition) is not None, definition


def test_a_list_item_saying_what_the_note_s_subject_is_defines_it() -> None:
    note = """
        ---
        title: Inflation
        ---

        ## Notes

        - Inflation is the rise of the general prices of an economy over a period of time.
          - The cause may also be a change in supply and demand.
        - If inflation is positive, each unit of the currency buys fewer goods.
    """
    found = cards(note)
    assert [(c.term, c.section, c.strategy) for c in found] == [("Inflation", ("Notes",), "prose")]


def test_a_list_item_saying_what_another_subject_is_stays_a_line() -> None:
    # In a note about something else, a plain `X is …` bullet is one of its statements.
    note = """
        ---
        title: Monetary policy
        ---

        ## Notes

        - Inflation is the rise of the general prices of an economy over a period of time.
        - Central banks raise rates to slow it down.
    """
    assert terms(note) == []


def test_a_heading_over_links_to_other_notes_is_no_card() -> None:
    note = """
        # Rings cheat sheet

        ## Polynomials
        - [[Polynomial Rings]]
        - [[Division Algorithm]] w/ Theorem
        - [[Eisenstein's Criterion]]
        - [[Euclid's Lemma]]

        ## Ideal
        A subring closed under multiplication by any element of the ring.
    """
    assert terms(note) == ["Ideal"]
    assert reasons(note)["Polynomials"] == "its body is a list of links to other notes"


def test_a_heading_over_explained_links_is_still_a_card() -> None:
    # Most items say something beside their link: the heading's body answers it.
    note = """
        # Rings

        ## Ideals
        - [[Ideals]] are subrings closed under multiplication by any ring element
        - [[Principal Ideals]] are generated by a single element of the ring
        - [[Quotient Rings]]
    """
    assert terms(note) == ["Ideals"]


def test_an_arrow_after_a_bold_name_points_to_its_meaning() -> None:
    for line, term, definition in [
        ("**von (+ Dativ)** → for people", "von (+ Dativ)", "for people"),
        (
            "**Hepcidin** $\\rightarrow$ Inhibits iron metabolism",
            "Hepcidin",
            "Inhibits iron metabolism",
        ),
        ("**durch** -> for means and instruments", "durch", "for means and instruments"),
    ]:
        found = split_colon_line(line)
        assert found is not None
        assert (found.term, found.definition) == (term, definition)
    note = """
        # German passive

        ## Naming the agent
        - **von (+ Dativ)** → for people
        - **durch (+ Akkusativ)** → for means and instruments
    """
    assert {"von", "durch"} <= set(terms(note))


def test_a_chain_of_arrows_is_no_definition() -> None:
    # `A → B → C` tells what leads to what; the first name is no term defined by the rest.
    assert split_colon_line("**Expansion** → cooling → fewer collisions") is None
    note = """
        # Early universe

        ## Nucleosynthesis
        - **Expansion** → cooling → fewer collisions
        - **Cooling** → less energy to absorb → more protons
    """
    assert not {"Expansion", "Cooling"} & set(terms(note))


QUIZ = """
    # Networking quiz

    ## Which of the following is a stateless protocol?
    - TCP
    - HTTP
    - FTP

    ## Practice

    1. Which one is a transport protocol?
       - a) UDP
       - b) IP
       - c) ARP
    2. Which statement says what a port is for?
       - A. Naming a process on a host
       - B. Naming a host on a network
       - C. Naming a network
"""


def test_quiz_questions_with_answer_choices_make_no_card() -> None:
    assert terms(QUIZ) == []
    why = reasons(QUIZ)
    for question in [
        "Which of the following is a stateless protocol?",
        "Which one is a transport protocol?",
        "Which statement says what a port is for?",
    ]:
        assert why[question] == "a quiz question with answer choices, not a term"


def test_lettered_points_under_a_plain_question_stay_its_answer() -> None:
    """Without an exam's wording, `a)` … `c)` under a question are the points of its answer
    (lists use letters too), not choices to pick from."""
    note = """
        # Networking

        ## Practice

        1. What does a transport protocol give an application?
           - a) Ports, to reach one process on a host
           - b) Ordering and retransmission (TCP only)
           - c) Flow control (TCP only)
    """
    assert terms(note) == ["What does a transport protocol give an application?"]


def test_a_question_answered_by_a_list_is_still_a_card() -> None:
    # Unmarked points under a question that asks for no choice are its answer.
    note = """
        # Transport

        ## Why is UDP faster?
        - No handshake
        - No retransmission
        - No ordering

        - What does a three-way handshake set up?
          - sequence numbers
          - window sizes
          - the connection state
    """
    assert terms(note) == ["Why is UDP faster?", "What does a three-way handshake set up?"]


def test_a_heading_left_to_be_written_is_no_card() -> None:
    for body in ["(to be written)", "To be added", "TODO: explain wait and signal"]:
        note = f"# OS\n\n## Semaphore\n{body}\n\n## Mutex\nA lock owned by one thread at a time.\n"
        assert terms(note) == ["Mutex"], body
    # Words that only contain the phrase still define.
    note = "# OS\n\n## Semaphore\nA counter to be written by many threads at once.\n"
    assert terms(note) == ["Semaphore"]


def test_a_lecture_s_admin_section_is_no_card() -> None:
    note = """
        # History 102 - Religious wars

        ## Admin
        * Second reading quiz on Friday
        * First exam next Friday; study session on Wednesday

        ## Logistics
        * Office hours moved to room 204

        ## Calvinism
        * The Protestant denomination Jean Calvin preached in Geneva.
    """
    assert terms(note) == ["Calvinism"]


def test_interview_questions_with_marks_but_no_answers_make_no_card() -> None:
    note = """
        # Interview

        ## OS
        - What is a process? (Kakao, Naver)
        - What is a thread? ⭐
        - What is a deadlock? [answer](os/deadlock.md)

        ## Java
        ### Q. What is the JVM?
        - Answer will be added.

        ### Q. What is garbage collection?
        Freeing memory that nothing references any more.
    """
    assert terms(note) == ["What is garbage collection?"]
    why = reasons(note)
    assert why["OS"] == "only questions with no answers"
    assert why["Q. What is the JVM?"] == "its body was left unfinished"


def test_a_heading_whose_body_only_introduces_its_sub_sections_is_no_card() -> None:
    note = """
        # Contracts

        ## Basic Contract Terminology

        Before proceeding further, it is helpful to have a general familiarity with certain terms.

        ### Parties

        * **Offeror.** The party who makes an offer.
        * **Offeree.** The party to whom an offer is made.
        * **Promisor.** A party who makes a promise.
    """
    found = terms(note)
    assert "Basic Contract Terminology" not in found
    assert {"Offeror", "Offeree", "Promisor"} <= set(found)
    why = reasons(note)["Basic Contract Terminology"]
    assert why == "its body only introduces the sections below it"


def test_a_heading_that_says_what_it_is_before_its_sub_sections_is_a_card() -> None:
    note = """
        # Contracts

        ## Consideration

        Something of value each party gives the other in exchange for the promise.

        ### Examples

        * A promise to pay money for a car.
    """
    assert terms(note) == ["Consideration"]


def test_a_bold_name_opening_a_later_line_of_a_paragraph_defines_it() -> None:
    note = """
        To get independent predictors we train one model on varied data, so bagging and pasting.
        **Bagging** (Bootstrap aggregation) - sampling the data with replacement for each predictor.
        It reduces variance.

        **Pasting** - sampling the data without replacement.
    """
    found = {c.term: c for c in cards(note)}
    assert list(found) == ["Bagging", "Pasting"]
    assert found["Bagging"].aliases == ("Bootstrap aggregation",)


def test_bold_metadata_lines_in_a_paragraph_make_no_card() -> None:
    note = """
        # CSC209

        > Course page
        > **Section:** LEC 0201 / TUT 0101
        > **Professor:** Karen Reid
    """
    assert terms(note) == []


def test_a_heading_that_links_to_another_note_is_no_card() -> None:
    note = """
        # Interview prep

        ## [Operating System](./os/README.md)
        - What is a process?
        - Explain the difference between a mutex and a semaphore.

        ### [OSI 7 layers](/Certificate/OSI-7Layer)
        The layered model every networking question starts from.

        ## [Paging](https://en.wikipedia.org/wiki/Paging)
        Dividing memory into fixed-size pages.
    """
    assert terms(note) == ["Paging"]
    assert reasons(note)["Operating System"] == "a link to another note: the note holds it"


def test_a_readme_s_sections_about_the_repository_make_no_card() -> None:
    note = """
        # Today I Learned

        ## About
        A study group writing one note a day.

        ## TIL Format
        - Write each note under the topic's folder, named by date.

        ## Commit Convention
        - `docs: …` for a new note, `fix: …` for a correction.

        ## Penalty
        - A missed day costs a coffee for everyone.

        ## Idempotence
        An operation that gives the same result however many times it is applied.

        ## Disclaimer
        I take no responsibility for mistakes in these notes.

        ## Support
        If these notes helped you, you can buy me a coffee.
    """
    assert terms(note) == ["Idempotence"]
    why = reasons(note)
    for title in ["About", "TIL Format", "Commit Convention", "Penalty", "Disclaimer", "Support"]:
        assert why[title] == "a section about the notes themselves, not a term", title


def test_figures_recorded_under_names_are_no_definition() -> None:
    assert definition_problem("own prob: 50%; prob for others: 41%") is not None
    # A formula's `i=1` and a single signed figure beside a name are not a record of readings.
    assert (
        definition_problem("$$P(B) = \\sum_{i=1}^{n}P(A_{i})P(B|A_{i})$$ over a partition") is None
    )
    assert definition_problem("+2/3 charge, the lighter quark: 2.2 MeV") is None
    note = """
        # Beliefs

        ## Overconfidence
        People tend to be overoptimistic about their abilities relative to others.
        > Male students: own prob: 50%; prob for others: 41%
        > Female students: own prob: 40.3%; prob for others: 47.2%
    """
    assert terms(note) == ["Overconfidence"]
