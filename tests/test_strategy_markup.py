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
