"""Explicit markup for people coming from other tools, cloze deletions and Obsidian notes."""

from __future__ import annotations

from extract_helpers import by_term, cards, reasons, run, terms

from generator.extract.cloze import answer_text, to_cloze
from generator.extract.terms import strip_question_prefix


def test_question_and_answer_pairs() -> None:
    got = cards("""
        ## Cards
        Q: What does DNS stand for?
        A: Domain Name System.

        - Q: 기본 포트는?
        - A: 53번

        Q: What is a reverse proxy?

        A: A server in front of other servers.
        It can cache.
        """)
    assert [(c.term, c.definition_md, c.strategy) for c in got] == [
        ("What does DNS stand for?", "Domain Name System.", "qa"),
        ("기본 포트는?", "53번", "qa"),
        ("What is a reverse proxy?", "A server in front of other servers.\nIt can cache.", "qa"),
    ]


def test_numbered_bold_questions_with_an_answer_item() -> None:
    got = cards("""
        #### Processes and Threads
        **1. Q: What is a context switch?**
        *   **A:** Saving one thread's state and loading another's, so the CPU can switch.

        **2. Q: What is a page fault?**
        *   **A:** An access to a page that is not in memory.
        """)
    assert [(c.term, c.definition_md, c.strategy) for c in got] == [
        (
            "What is a context switch?",
            "Saving one thread's state and loading another's, so the CPU can switch.",
            "qa",
        ),
        ("What is a page fault?", "An access to a page that is not in memory.", "qa"),
    ]


def test_question_without_answer_is_rejected() -> None:
    md = """
        Q: What is left unanswered?

        Just a paragraph.
        """
    assert terms(md) == []
    assert "no `A:`" in reasons(md)["What is left unanswered?"]


def test_double_colon_lines() -> None:
    md = """
        ## Terms
        Latency :: the time one request takes
        캐시 히트::찾는 데이터가 캐시에 있는 경우
        std::vector is code
        status:: done
        """
    got = cards(md)
    assert [(c.term, c.definition_md, c.strategy) for c in got] == [
        ("Latency", "the time one request takes", "double-colon"),
        ("캐시 히트", "찾는 데이터가 캐시에 있는 경우", "double-colon"),
    ]
    assert "metadata" in reasons(md)["status"]


def test_a_double_colon_inside_a_link_code_or_a_name_is_no_card() -> None:
    md = """
        ## Ruby
        - [class Thread::Mutex](https://docs.ruby-lang.org/Thread=3a=3aMutex.html) - a lock
        - Reach it as `Foo::bar` from outside
        - class Thread::Queue is a thread-safe queue
        - Convert with f(std::string) as needed
        Latency :: the time one request takes
        """
    got = [(c.term, c.strategy) for c in cards(md)]
    assert ("Latency", "double-colon") in got
    assert ("class Thread::Mutex", "colon") in got
    assert not [t for t, s in got if s == "double-colon" and t != "Latency"]
    assert not [t for t in reasons(md) if t.startswith(("[class", "class Thread", "f(std"))]


def test_cloze_deletions_use_the_cloze_kind() -> None:
    got = cards("""
        ## Biology
        The {{c1::mitochondria}} is the powerhouse of the cell.

        - DNA is copied by ==DNA polymerase== during ==replication==.

        `a == b` is code, not a highlight.
        """)
    assert [(c.kind, c.strategy) for c in got] == [("cloze", "cloze"), ("cloze", "cloze")]
    assert got[0].term == "The mitochondria is the powerhouse of the cell."
    assert got[1].definition_md == (
        "DNA is copied by {{c1::DNA polymerase}} during {{c2::replication}}."
    )


def test_cloze_numbering_continues_after_written_deletions() -> None:
    assert to_cloze("{{c1::a}} and ==b== and ==c==") == "{{c1::a}} and {{c2::b}} and {{c3::c}}"
    assert answer_text("{{c1::TLB::hint}} caches {{c2::entries}}") == "TLB caches entries"


def test_obsidian_note_with_front_matter_aliases() -> None:
    note = run("""
        ---
        title: Binary Search Tree
        aliases: [BST, 이진 탐색 트리]
        tags: [trees]
        ---

        Definition: a binary tree ordered by key, $O(h)$ lookups.

        - See [[AVL Tree|AVL trees]]

        ![[bst.png]]

        ## Rotation
        - Keeps the [[Binary Search Tree|BST]] order
        - $$h' = h - 1$$
        """)
    got = {c.term: c for c in note.cards}
    assert list(got) == ["Binary Search Tree", "Rotation"]
    bst = got["Binary Search Tree"]
    assert (bst.aliases, bst.strategy, bst.section) == (("BST", "이진 탐색 트리"), "note", ())
    assert "$O(h)$" in bst.definition_md
    assert [i.src for i in bst.images] == ["bst.png"]
    assert "$$h' = h - 1$$" in got["Rotation"].definition_md


def test_note_without_aliases_or_definition_line_is_not_a_card() -> None:
    assert (
        terms("""
        ---
        tags: [misc]
        ---
        Some thoughts about things.
        """)
        == []
    )


def test_wikilinks_show_their_text_in_terms() -> None:
    got = by_term("""
        ## Terms
        - [[Mutex|뮤텍스]]: 한 스레드만 소유하는 락
        - [[Semaphore]]: 카운터
        """)
    assert list(got) == ["뮤텍스", "Semaphore"]


def test_details_summary_pairs() -> None:
    got = cards("""
        ## JVM
        <details>
        <summary>GC 가 무엇인가요?</summary>

        쓰지 않는 객체의 메모리를 회수하는 기능입니다.

        </details>

        <details><summary>**What is the heap?**</summary>
        Memory for objects.
        </details>
        """)
    assert [(c.term, c.strategy, c.definition_md) for c in got] == [
        ("GC 가 무엇인가요?", "details", "쓰지 않는 객체의 메모리를 회수하는 기능입니다."),
        ("What is the heap?", "details", "Memory for objects."),
    ]


def test_details_holding_only_follow_up_questions_are_not_cards() -> None:
    md = """
        ## 운영체제
        <details>
          <summary><h3>1. 프로세스가 무엇인가요?</h3></summary>
        <ul>
        <li> PCB가 무엇인가요?</li>
        <li> 리눅스에서 데몬 프로세스에 대해 설명해 주세요.</li>
        </ul>
        </details>

        ## Threads
        <details><summary>What is a thread?</summary>
        - Why?
        - A unit of execution inside a process.
        </details>
        """
    assert [c.term for c in cards(md)] == ["What is a thread?"]
    why = reasons(md)
    assert why["1. 프로세스가 무엇인가요?"] == "only follow-up questions with no answers"
    assert why["운영체제"] == "only questions with no answers"  # its body asks, and nothing more


def test_nested_details_are_matched_by_depth_and_follow_ups_are_cards() -> None:
    md = """
        ## Java, Spring

        <details>
          <summary><h3>1. JVM이 무엇인지 설명해 주세요.</h3></summary>
            <details>
              <summary>답변</summary>
              <p>자바 기반 애플리케이션을 위한 실행 환경입니다.</p>
              <details>
                <summary>꼬리 질문</summary>
                <ul>
                <li> JVM은 어떤 실행 과정을 거치나요?
                  <details>
                    <summary>답변</summary>
                    <p>클래스 로더가 바이트코드를 로딩합니다.</p>
                  </details>
                </li>
                <li>가비지 컬렉션이 뭔지 설명해 주세요.<details><summary>Answer</summary>
                    <p>Heap에서 쓰지 않는 객체를 정리하는 작업입니다.</p></details></li>
                </ul>
              </details>
            </details>
        </details>
        """
    got = cards(md)
    assert [(c.term, c.strategy, c.loc.line) for c in got] == [
        ("1. JVM이 무엇인지 설명해 주세요.", "details", 3),
        ("JVM은 어떤 실행 과정을 거치나요?", "details", 11),
        ("가비지 컬렉션이 뭔지 설명해 주세요.", "details", 17),
    ]
    outer, first, second = (c.definition_md for c in got)
    # The answer the button hides, then the follow-ups by name: their answers are their own.
    assert outer == (
        "<p>자바 기반 애플리케이션을 위한 실행 환경입니다.</p>\n"
        "<details>\n"
        "  <summary>꼬리 질문</summary>\n"
        "  <ul>\n"
        "  <li> JVM은 어떤 실행 과정을 거치나요?\n"
        "  </li>\n"
        "  <li>가비지 컬렉션이 뭔지 설명해 주세요.</li>\n"
        "  </ul>\n"
        "</details>"
    )
    assert first == "<p>클래스 로더가 바이트코드를 로딩합니다.</p>"
    assert second == "<p>Heap에서 쓰지 않는 객체를 정리하는 작업입니다.</p>"
    why = reasons(md)
    assert why["Java, Spring"] == "a section of explicit cards, not a term"
    assert why["꼬리 질문"] == "a heading over follow-up questions, not a question"
    assert why["답변"] == "a button to show the answer, not a question"


def test_a_question_nested_in_an_answer_is_its_own_card() -> None:
    got = cards("""
        ## Network
        <details><summary>What is TCP?</summary>

        A reliable transport protocol.

        ```html
        </details>
        ```

        <details>
        <summary>How does it stay reliable?</summary>
        Acknowledgements and retransmission.
        </details>
        </details>
        """)
    # Its summary stays in the answer around it, naming it; what it hides is its own answer.
    assert [(c.term, c.definition_md) for c in got] == [
        (
            "What is TCP?",
            "A reliable transport protocol.\n\n```html\n</details>\n```\n\n<details>\n"
            "<summary>How does it stay reliable?</summary></details>",
        ),
        ("How does it stay reliable?", "Acknowledgements and retransmission."),
    ]


def test_follow_ups_answered_elsewhere_leave_no_card_of_their_own() -> None:
    md = """
        # 면접 질문
        ## OS
        <details>
        <summary>1. 프로세스가 무엇인가요?</summary>
        <ul>
        <li>PCB가 무엇인가요?
        <details><summary>답변</summary>프로세스의 정보를 담는 자료구조입니다.</details>
        </li>
        </ul>
        </details>
        """
    assert terms(md) == ["PCB가 무엇인가요?"]
    why = reasons(md)
    assert (
        why["1. 프로세스가 무엇인가요?"]
        == "only follow-up questions answered on cards of their own"
    )
    assert why["OS"] == "only questions with no answers"  # its own: theirs are cards of their own


def test_what_comes_before_an_answer_button_is_a_question_only_when_it_asks() -> None:
    md = """
        ## HTTP
        <p>HTTP is a stateless protocol that carries requests and responses.</p>
        <details><summary>Answer</summary>It keeps no session between requests.</details>

        <p>Status codes</p>
        <details><summary>더보기</summary>200, 404, 500</details>

        1. 쿠키와 세션의 차이는?
            <details><summary>답변</summary>쿠키는 클라이언트에, 세션은 서버에 저장된다.</details>

        <ul><li>What is a cookie?</li></ul>

        <details><summary>Answer</summary>A small piece of data the browser keeps.</details>
        """
    got = cards(md)
    # A paragraph that tells, a label, a Markdown list item (a question of its own strategy,
    # made once) and a question in an element closed before the button: no `details` card.
    assert [(c.term, c.strategy) for c in got] == [
        ("HTTP", "heading"),
        ("쿠키와 세션의 차이는?", "question-item"),
    ]
    buttons = [r.loc.line for r in run(md).rejected if r.text in ("Answer", "더보기", "답변")]
    assert buttons == [3, 6, 9, 13]


def test_details_inside_code_are_not_cards() -> None:
    assert terms("""
        ## HTML
        ```html
        <details><summary>Q</summary>A</details>
        ```
        - A disclosure widget
        """) == ["HTML"]


def test_callout_markers_never_reach_a_card() -> None:
    # `> [!goal]+ …` opens an Obsidian callout: the marker and the `>` of later lines are markup.
    got = cards("""
        ## Edge triggering
        > [!goal]+ The clock should ==shift== the latch values
        > over by one.

        > [!note] **Setup time**: how long the input must be stable before the clock edge.
        """)
    assert [c.term for c in got] == [
        "The clock should shift the latch values over by one.",
        "Setup time",
    ]
    assert got[0].definition_md == "The clock should {{c1::shift}} the latch values\nover by one."


def test_a_question_mark_bullet_is_not_part_of_the_question() -> None:
    found = terms("""
        ## Shift registers
        - ? What happens when the clock turns 1?
            - All values get overwritten except the first.
        """)
    assert "What happens when the clock turns 1?" in found
    assert not any(t.startswith("?") for t in found)
    # Must not: a `?` that belongs to the text keeps its place.
    assert strip_question_prefix("?? operator") == "?? operator"
    assert strip_question_prefix("?") == "?"


def test_a_bold_question_over_its_answer_is_a_question_card() -> None:
    md = """
        # Interview
        ## OS
        **1. What is a context switch?**

        - Saving the state of one thread and loading another's.
        - It costs CPU time.

        **2. 데드락이란 무엇인가요?**

        두 스레드가 서로의 락을 기다리며 멈춘 상태입니다.

        **3. Who owns embedding freshness?**

        The indexing pipeline.
        """
    found = by_term(md)
    assert list(found) == ["What is a context switch?", "데드락", "Who owns embedding freshness?"]
    assert found["What is a context switch?"].strategy == "question"
    assert "It costs CPU time." in found["What is a context switch?"].definition_md


def test_a_bold_question_with_its_answer_on_the_same_line_is_a_question_card() -> None:
    md = """
        # US History

        - **What was the Stamp Act? Which goods were included?** A tax on all paper goods.
        - **When was the Stamp Act repealed?** March 18th, 1766

        **Who were the Sons of Liberty?** A revolutionary organization founded by Samuel Adams.
        """
    found = by_term(md)
    assert list(found) == [
        "What was the Stamp Act? Which goods were included?",
        "When was the Stamp Act repealed?",
        "Who were the Sons of Liberty?",
    ]
    assert found["When was the Stamp Act repealed?"].definition_md == "March 18th, 1766"
    assert found["Who were the Sons of Liberty?"].strategy == "question"
    # a question about the term above (`What is it?`) is one of its fields, not a card
    fields = """
        ## Dicrotic Notch

        - **What is it?** A small dip in the aortic pressure curve.
        - **When does it occur?** Shortly after the aortic valve closes.
        """
    assert terms(fields) == ["Dicrotic Notch"]


def test_a_details_block_of_links_to_notes_is_an_index_not_a_question() -> None:
    md = """
        # Today I Learned

        <details><summary>android (2)</summary>

        | Date       | Title                                  |
        | ---------- | -------------------------------------- |
        | 2020-04-29 | [Minimal launcher](android/launcher.md) |
        | 2020-04-22 | [Capture screens with adb](android/adb.md) |

        </details>

        <details><summary>What is adb?</summary>

        The Android Debug Bridge: [docs](https://developer.android.com/tools/adb)

        </details>
        """
    assert terms(md) == ["What is adb?"]
    assert reasons(md)["android (2)"] == "it only links to notes, with nothing said of them"


def test_an_obsidian_class_page_of_linked_notes_makes_no_card() -> None:
    md = """
        # Introduction to Pharmacology

        ## Assessments

        | Name                                                    | Status      |
        | ------------------------------------------------------- | ----------- |
        | [[Projects/BIM263A2 Narrated Powerpoint\\|BIM263A2 Narrated Powerpoint]] | In Progress |

        { .block-language-dataview}

        ## Cards

        | Name                         | Published |
        | ---------------------------- | --------- |
        | [[Cards/Drugs\\|Drugs]]       | true      |
        | [[Cards/Aspirin\\|Aspirin]]   | true      |
        """
    assert terms(md) == []


def test_links_written_in_html_are_a_link_list_too() -> None:
    md = """
        # SQLD

        ## 제1절 데이터 모델의 이해

        &nbsp;\\- <a href="https://example.org/1/" target="blank">1. 데이터 모델</a><br>

        &nbsp;\\- <a href="https://example.org/2/" target="blank">2. 기본 개념</a><br>

        ## I. 요구사항 확인

        <a href="/assets/day01.pdf" class="btn"><i class="far"></i><span> 오답.pdf</span></a>

        ## Frames

        - <b>frame</b> a picture inside a page
        """
    assert terms(md) == ["Frames"]
