"""Tables, definition lists, blockquotes and prose definitions."""

from __future__ import annotations

from extract_helpers import by_term, cards, reasons, terms


def test_term_meaning_table() -> None:
    got = cards("""
        ## Commands
        | Command | Description |
        |---|---|
        | `ls` | Lists files |
        | `cp` | Copies files<br>or folders |
        | [`chmod`](https://man7.org/chmod) | Changes permissions |
        """)
    assert [(c.term, c.strategy, c.loc.line) for c in got] == [
        ("ls", "table", 4),
        ("cp", "table", 5),
        ("chmod", "table", 6),
    ]
    assert got[1].definition_md == "Copies files  \nor folders"


def test_header_less_tables() -> None:
    blank_header = terms("""
        ## Signals
        | | |
        |---|---|
        | SIGTERM | Asks a process to stop |
        | SIGKILL | Kills a process at once |
        """)
    pair_header = terms("""
        ## Signals
        | SIGTERM | Asks a process to stop politely |
        |---|---|
        | SIGKILL | Kills a process at once |
        """)
    assert blank_header == pair_header == ["SIGTERM", "SIGKILL"]


def test_three_column_table_keeps_the_extra_column() -> None:
    got = by_term("""
        ## Git
        | Command | Description | Example |
        |---|---|---|
        | stash | Shelves changes | `git stash` |
        """)
    assert got["stash"].definition_md == "Shelves changes\n\n- Example: `git stash`"


def test_data_and_comparison_tables_are_not_glossaries() -> None:
    md = """
        ## TCP vs UDP
        | | TCP | UDP |
        |---|---|---|
        | Connection | yes | no |

        ## 측정
        | 횟수 | 시간 |
        |---|---|
        | 1 | 120 |
        | 2 | 98 |

        ## Layers
        | OSI | TCP/IP |
        |---|---|
        | Application | Application |
        | Transport | Transport |
        """
    got = cards(md)
    assert [(c.term, c.strategy) for c in got] == [("TCP vs UDP", "question")]
    why = reasons(md)
    assert "comparison" in why[" | TCP | UDP"]
    assert "numbers" in why["횟수 | 시간"]
    assert "comparison" in why["OSI | TCP/IP"]


def test_definition_list() -> None:
    got = cards("""
        ## HTTP
        GET
        : Reads a resource.

        Idempotent
        : Same effect however often it is sent.
        : PUT is idempotent.
        """)
    assert [(c.term, c.strategy) for c in got] == [("GET", "deflist"), ("Idempotent", "deflist")]
    assert got[0].definition_md == "Reads a resource."
    assert got[1].definition_md == "Same effect however often it is sent.\n\nPUT is idempotent."


def test_blockquote_defines_the_heading() -> None:
    got = cards("""
        ## 트랜잭션
        > 하나의 논리적 작업 단위
        """)
    assert [(c.term, c.definition_md) for c in got] == [("트랜잭션", "> 하나의 논리적 작업 단위")]


def test_prose_definitions() -> None:
    got = cards("""
        # Notes
        ## Memory
        Programs see a large address space.

        A **page** is a fixed-size block of memory.

        The TLB is a cache of address translations.

        프로세스란 실행 중인 프로그램을 말한다.

        운영체제는 자원을 관리하는 소프트웨어이다.

        `ROW_NUMBER()` assigns a number to each row.

        Moving pages to disk on demand; this is called **paging**.

        데이터를 모아 한 번에 처리한다. 이를 **스풀링(Spooling)**이라고 한다.
        """)
    assert [(c.term, c.strategy) for c in got] == [
        ("Memory", "heading"),
        ("page", "prose"),
        ("TLB", "prose"),
        ("프로세스", "prose"),
        ("운영체제", "prose"),
        ("ROW_NUMBER()", "prose"),
        ("paging", "prose-named"),
        ("스풀링", "prose-named"),
    ]
    assert got[-1].aliases == ("Spooling",)
    assert got[0].definition_md == "Programs see a large address space."


def test_sentences_that_do_not_define() -> None:
    assert (
        terms("""
        This is a hard topic.

        It is a good idea to draw it.

        이 방식은 CPU 가 기다리지 않아서 빠르다.

        Docker는 빠르다.

        Rust is fast and it is a language.

        **이 부분이 중요**한 이유는 누수를 막기 때문이다.

        이러한 장점들은 코드의 재사용성을 높이는 방법이다.

        다음 예제는 오버라이딩과 오버로딩을 둘 다 수행하는 예제입니다.
        """)
        == []
    )


def test_prose_that_repeats_the_heading_stays_its_definition() -> None:
    got = cards("""
        ## Process
        A process is a program in execution.
        """)
    assert [(c.term, c.strategy, c.definition_md) for c in got] == [
        ("Process", "heading", "A process is a program in execution.")
    ]


def test_bold_lines_used_as_headings() -> None:
    got = cards("""
        # Python tips

        **Generators**

        A generator is a function that yields values lazily.

        - Saves memory

        **References**

        - [docs](https://docs.python.org)

        **Decorators**

        - Functions that wrap other functions
        """)
    assert [(c.term, c.strategy) for c in got] == [
        ("Generators", "bold-heading"),
        ("Decorators", "bold-heading"),
    ]
    assert got[0].definition_md == (
        "A generator is a function that yields values lazily.\n\n- Saves memory"
    )


def test_a_bold_line_before_nothing_or_a_label_is_no_heading() -> None:
    md = """
        **Note**

        - remember this

        **Orphan**
        """
    assert terms(md) == []
    assert reasons(md)["Note"] == "label, not a term"


def test_steps_and_answers_define_nothing() -> None:
    md = """
        ## TLS handshake
        1. Client Hello: the client lists its cipher suites
        2. Server Hello: the server picks one
        3. Keys are exchanged

        ## When to use which?
        - Flexbox: one-dimensional layouts
        - Grid: two-dimensional layouts
        """
    assert [(c.term, c.strategy) for c in cards(md)] == [
        ("TLS handshake", "heading"),
        ("When to use which?", "question"),
    ]
