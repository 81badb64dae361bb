"""Which tables are term | meaning tables: vocabulary, code lookups, cost tables — and which
are not: comparisons, schedules, data, link lists, indexes of files."""

from __future__ import annotations

from extract_helpers import by_term, cards, reasons, terms

from generator.parse import repair_lazy_tables


def test_short_two_column_vocabulary_tables_are_cards() -> None:
    got = by_term("""
        ## Woche 3
        Wort | Bedeutung |
        ------|-----------|
        Stau | traffic jam |
        etwas steht an | something is coming up |
        ... erinnert an ... | ... reminds me of ... |

        ## 단어
        | 단어 | 뜻 |
        |---|---|
        | 결제 | 돈을 치름 |
        | 입이 무겁다 | 비밀을 잘 지킨다 |
        """)
    assert list(got) == ["Stau", "etwas steht an", "... erinnert an ...", "결제", "입이 무겁다"]
    assert got["Stau"].definition_md == "traffic jam"
    assert got["Stau"].strategy == "table"


def test_unknown_headers_over_short_pairs_are_a_glossary() -> None:
    """`word | meaning` in any language, and a reversed table keeps its first column."""
    md = """
        ## Reverse drill
        Bedeutung | Wort |
        ----------|------|
        excitement | Aufregung |
        to feel regret | bereuen |
        a bargain | das Schnäppchen |
        """
    assert terms(md) == ["excitement", "to feel regret", "a bargain"]
    assert by_term(md)["excitement"].definition_md == "Aufregung"


def test_a_header_row_that_is_itself_an_entry() -> None:
    korean = terms("""
        ## 헷갈리는 단어
        | 결제 | 돈을 치름 |
        |---|---|
        | 결재 | 윗사람이 안건을 승인함 |
        """)
    spanish = terms("""
        ## Podcast
        | dar igual | to not matter |
        |---|---|
        | hacer falta | to be necessary |
        """)
    assert korean == ["결제", "결재"]
    assert spanish == ["dar igual", "hacer falta"]
    lowercase_header = terms("""
        ## Flags
        | setting | effect on output |
        |---|---|
        | verbose | prints every step |
        """)
    assert lowercase_header == ["verbose"]


def test_peer_headers_make_a_comparison_not_a_glossary() -> None:
    md = """
        ## Terms
        | ES | RDB |
        |---|---|
        | index | database |
        | document | row |

        ## 스위치
        | L2 스위치 | L3 스위치 |
        |---|---|
        | MAC 주소 테이블 | 라우팅 테이블 |
        | 이더넷 프레임 | IP 패킷 |

        ## 관용 표현
        | 한국어 표현 | 영어 표현 |
        |---|---|
        | 발이 넓다 | to know a lot of people |
        """
    assert terms(md) == ["발이 넓다"]
    why = reasons(md)
    assert "comparison" in why["ES | RDB"]
    assert "comparison" in why["L2 스위치 | L3 스위치"]


def test_code_lookup_tables_give_a_card_per_code() -> None:
    md = """
        ## Success
        | Code | Name | ? |
        | ---- | ---- | - |
        | `200` | OK | [?](https://example.org/200) |
        | `204` | No Content | [?](https://example.org/204) |
        {: .xp}

        ## 포트
        | 포트 | 서비스 |
        |---|---|
        | 22 | SSH |
        | 443 | HTTPS |
        """
    got = by_term(md)
    assert list(got) == ["200", "204", "22", "443"]
    assert got["200"].definition_md == "OK"  # the link column is no part of the answer
    assert got["443"].definition_md == "HTTPS"
    assert "Success" not in terms(md)  # `{: .xp}` goes with the last row, not the heading


def test_numbers_that_are_not_codes_are_data() -> None:
    md = """
        ## Growth
        | Year | Population |
        |---|---|
        | 1990 | 1.2 million |
        | 2000 | 1.5 million |

        ## 권한
        | 숫자 | 권한 |
        |---|---|
        | 4 | 읽기 |
        | 2 | 쓰기 |

        ## Codes that are measurements
        | Code | Count |
        |---|---|
        | `1` | 12 |
        | `2` | 40 |
        """
    assert terms(md) == []
    why = reasons(md)
    assert "numbers" in why["Year | Population"]
    assert "numbers" in why["숫자 | 권한"]
    assert "numbers" in why["Code | Count"]


def test_operators_are_no_numbers() -> None:
    # `| `==` | Equal to |` was turned down as "its first column is numbers": a column of
    # symbols with no digit in it names operators, each one a term.
    md = """
        ## Comparison operators
        | Operator | Description |
        | -------- | ----------- |
        | `==`     | Equal to |
        | `!=`     | Not equal to |
        | `<=`     | Less than or equal to |

        ## Ranges
        | Range | Grade |
        |---|---|
        | 90-100 | A |
        | 80-89 | B |
        """
    found = by_term(md)
    assert list(found) == ["==", "!=", "<="]
    assert found["!="].definition_md == "Not equal to"
    assert "numbers" in reasons(md)["Range | Grade"]


def test_operation_cost_tables_give_a_card_per_operation() -> None:
    got = by_term("""
        ## Time complexity
        | Operation | Big-O |
        | --- | --- |
        | Find max/min | O(1) |
        | Insert | O(log(n)) |
        | Heapify (create a heap out of given array of elements) | O(n) |
        """)
    assert list(got) == ["Find max/min", "Insert", "Heapify"]
    assert got["Insert"].definition_md == "O(log(n))"
    assert got["Heapify"].definition_md == "O(n)  \n(create a heap out of given array of elements)"
    alias = by_term("""
        ## Protocols
        | Term | Meaning |
        |---|---|
        | HTTPS (HTTP over TLS with certificates) | encrypted HTTP |
        """)
    assert alias["HTTPS"].aliases == ("HTTP over TLS with certificates",)


def test_tables_of_links_are_not_cards() -> None:
    md = """
        ## Implementations
        | Language | API |
        | --- | --- |
        | C++ | [`std::queue`](https://example.org/queue) |
        | Java | [`Queue`](https://e.org/q).Use [`ArrayDeque`](https://e.org/d) |
        | Python | [`queue`](https://example.org/py) |
        | JavaScript | N/A |
        """
    assert terms(md) == []
    assert "links" in reasons(md)["Language"]


def test_tables_of_contents_and_file_indexes_are_not_cards() -> None:
    md = """
        ## JavaScript
        | 파일 | 확인할 내용 |
        | --- | --- |
        | [http1.js](ch1/http1.js) | `200 OK` 응답 |
        | [http400.js](ch1/http400.js) | `400 Bad Request` 응답 |

        ## Learned
        | Note | Updated |
        | --- | --- |
        | [Build small images](docker/small-images.md) | 2018-02-23 |
        | [Convert tabs to spaces](vim/tabs.md) | 2018-02-21 |

        ## Glossary
        | Term | Meaning |
        | --- | --- |
        | [Docker](https://www.docker.com) | A container platform |
        """
    assert terms(md) == ["Docker"]
    why = reasons(md)
    assert "table of contents" in why["파일 | 확인할 내용"]
    assert "table of contents" in why["Note | Updated"]


def test_schedules_are_not_cards() -> None:
    md = """
        ## 강의 계획
        | 주차 | 내용 |
        |---|---|
        | 1주차 | OSI 7계층 |
        | 2주차 | TCP와 UDP |

        ## Plan
        | | |
        |---|---|
        | Week 1 | Processes |
        | Week 2 | Threads |
        | Week 3 | Memory |
        """
    assert terms(md) == []
    assert "schedule" in reasons(md)["주차 | 내용"]


def test_multi_column_term_tables_keep_the_example_as_extra() -> None:
    got = by_term("""
        ## 3과
        | 단어 | 뜻 | 예문 |
        |---|---|---|
        | 忘れる | 잊다 | 宿題を忘れた。 |

        ## SOLID
        | 원칙 (약어) | 전체 이름 | 설명 및 중요성 |
        | --- | --- | --- |
        | **SRP** | Single Responsibility Principle | 클래스는 하나의 책임만 가진다. |
        """)
    assert got["忘れる"].definition_md == "잊다\n\n- 예문: 宿題を忘れた。"
    assert got["SRP"].aliases == ("Single Responsibility Principle",)
    assert got["SRP"].definition_md == "클래스는 하나의 책임만 가진다."


def test_a_column_of_marks_is_left_out_of_the_answer() -> None:
    got = by_term("""
        ## Shortcuts
        | Keys | Action | |
        |---|---|---|
        | `Ctrl+R` | Search the history | ⭐ |
        | `Ctrl+W` | Delete the word before the cursor | |
        """)
    assert list(got) == ["Ctrl+R", "Ctrl+W"]
    assert got["Ctrl+R"].definition_md == "Search the history"


def test_comparison_tables_with_aspect_rows_stay_comparisons() -> None:
    md = """
        ## Languages
        | Feature | Python | Java |
        |---|---|---|
        | Typing | dynamic | static |

        ## 비교
        | | 쿠키 | 세션 |
        |---|---|---|
        | 저장 위치 | 클라이언트 | 서버 |
        """
    assert [c.strategy for c in cards(md)] == ["question"]  # `## 비교` with the table as answer
    assert "comparison" in reasons(md)["Feature | Python | Java"]


def test_named_columns_compare_whatever_their_cells_say() -> None:
    md = """
        # TCP와 UDP
        ## 전송 계층
        |프로토콜 종류|TCP|UDP|
        |:-:|:---:|:---:|
        |연결 방식|연결형 서비스|비연결형 서비스|
        |전송 순서|전송 순서 보장|전송 순서가 바뀔 수 있음|
        |통신 방식|1:1|1:1 or 1:N or N:N|
        """
    assert terms(md) == []
    assert "comparison" in reasons(md)["프로토콜 종류 | TCP | UDP"]


def test_row_names_that_head_two_tables_are_a_paradigm_not_terms() -> None:
    md = """
        # Preterite
        ## -AR endings
        | Person | Ending |
        |---|---|
        | Yo | -é |
        | Tú | -aste |
        | Él/Ella | -ó |
        | Nosotros | -amos |

        ## -ER/IR endings
        | Person | Ending |
        |---|---|
        | Yo | -í |
        | Tú | -iste |
        | Él/Ella | -ió |

        ## Words
        | Word | Meaning |
        |---|---|
        | ayer | yesterday |
        | anoche | last night |
        | Yo | I |
        """
    # each heading keeps its table as its answer; one shared name (`Yo`) is no paradigm
    assert terms(md) == ["-AR endings", "-ER/IR endings", "ayer", "anoche", "Yo"]
    why = reasons(md)
    assert why["Person | Ending"].startswith("a paradigm: its row names head another table")


def test_two_sides_of_one_thing_are_not_a_glossary() -> None:
    md = """
        ## Refactoring
        | Before | After |
        |---|---|
        | nested callbacks | async functions |
        | global state | injected services |

        ## 리뷰 규칙
        | 좋은 예 | 나쁜 예 |
        |---|---|
        | 변수 이름에 의도를 담는다 | 한 글자 변수 |

        ## Trade-offs
        | Pros | Cons |
        |---|---|
        | fast reads | slow writes |
        """
    assert terms(md) == []
    why = reasons(md)
    assert "two sides" in why["Before | After"]
    assert "two sides" in why["좋은 예 | 나쁜 예"]
    assert "two sides" in why["Pros | Cons"]


def test_a_dated_index_with_group_rows_is_a_table_of_contents() -> None:
    md = """
        ## Docker
        | Post | :point_down: |
        | --- | --- |
        | :books: **docker** [ 2 articles ] | |
        | 1. [Reducing image size](docker/reducing-image-size.md) | 2017-05-24 |
        | 2. [Multistage builds](docker/multistage.md) | 2018-02-23 |
        | :books: **git** [ 1 articles ] | |
        | 3. [Resolving conflicts](git/conflicts.md) | 2017-06-13 |
        """
    assert terms(md) == []
    assert "table of contents" in reasons(md)["Post | point_down"]


def test_headings_that_name_both_columns_make_a_comparison() -> None:
    md = """
        ## Git vs SVN
        | Git | SVN |
        |---|---|
        | distributed | centralized |
        | branches are cheap | branches are copies |

        ## Deutsch und English
        | Deutsch | English |
        |---|---|
        | der Stau | traffic jam |
        """
    got = [(c.term, c.strategy) for c in cards(md)]
    assert got == [("Git vs SVN", "question"), ("der Stau", "table")]
    assert "comparison" in reasons(md)["Git | SVN"]


def test_a_record_of_one_things_properties_is_not_a_glossary() -> None:
    md = """
        ## Go
        | Developer | Google |
        |---|---|
        | First release | 2009 |
        | Typing | static, strong |
        | License | BSD |

        ## Nutrients
        | Nutrient | kcal per gram |
        |---|---|
        | Protein | 4 |
        | Fat | 9 |
        """
    assert terms(md) == ["Protein", "Fat"]
    assert "properties" in reasons(md)["Developer | Google"]


def test_a_running_number_column_is_not_the_term() -> None:
    md = """
        ## 단어장
        | 번호 | 단어 | 뜻 |
        |---|---|---|
        | 1 | abandon | 버리다 |
        | 2 | accurate | 정확한 |

        ## Ranking
        | # | Language | Share |
        |---|---|---|
        | 1 | Python | 28 % |
        | 3 | Java | 15 % |
        """
    got = by_term(md)
    assert list(got) == ["abandon", "accurate"]
    assert got["abandon"].definition_md == "버리다"


def test_tables_inside_quotes_and_callouts() -> None:
    got = by_term("""
        ## Quote
        > | Term | Meaning |
        > |---|---|
        > | idempotent | same result however often |

        ## Callout
        > [!note] Words
        > | Wort | Bedeutung |
        > |---|---|
        > | Stau | traffic jam |
        """)
    assert list(got) == ["idempotent", "Stau"]
    assert got["Stau"].definition_md == "traffic jam"


def test_language_columns_make_a_translation_table() -> None:
    md = """
        ## Lektion 2
        | DE | EN |
        |---|---|
        | der Stau | traffic jam |

        ## 3과
        | 日本語 | 한국어 |
        |---|---|
        | 約束 | 약속 |
        """
    got = by_term(md)
    assert list(got) == ["der Stau", "約束"]
    assert got["約束"].definition_md == "약속"


def test_a_table_right_after_a_list_item_stays_a_table() -> None:
    md = """
        ## SOLID
        - 객체지향 설계에서 널리 쓰는 다섯 원칙이다.
        | 원칙 | 전체 이름 | 설명 |
        | :--- | :--- | :--- |
        | **SRP** | Single Responsibility Principle | 클래스는 하나의 책임만 가진다. |
        | **OCP** | Open–Closed Principle | 확장에는 열리고 수정에는 닫힌다. |
        """
    got = by_term(md)
    assert list(got) == ["SOLID", "SRP", "OCP"]
    assert got["OCP"].definition_md == "확장에는 열리고 수정에는 닫힌다."
    assert got["OCP"].loc.line == 6  # line numbers are those of the note as written


def test_lazy_table_repair_keeps_lines_and_leaves_code_alone() -> None:
    text = "- item\n| a | b |\n|---|---|\n| c | d |\n\n```\n- x\n| a | b |\n|---|---|\n```"
    repaired = repair_lazy_tables(text).split("\n")
    assert len(repaired) == len(text.split("\n"))
    assert repaired[1:4] == ["  | a | b |", "  |---|---|", "  | c | d |"]
    assert repaired[6:9] == ["- x", "| a | b |", "|---|---|"]
    assert repair_lazy_tables("text\n| a | b |\n|---|---|") == "text\n| a | b |\n|---|---|"


def test_categories_and_their_members_are_not_a_glossary() -> None:
    md = """
        ## 계층별 장비
        | 계층 | 장비 |
        |---|---|
        | 인터넷 계층 | 라우터, L3 스위치 |
        | 물리 계층 | NIC, 리피터, AP |

        ## Layers
        | Layer | Protocols |
        |---|---|
        | Application | HTTP, DNS, SMTP |
        | Transport | TCP, UDP |

        ## Vokabeln
        | Wort | Bedeutung |
        |---|---|
        | vermissen | to miss, to lack |
        | ebenfalls | also, likewise |
        """
    assert terms(md) == ["vermissen", "ebenfalls"]
    assert "members" in reasons(md)["계층 | 장비"]
    assert "members" in reasons(md)["Layer | Protocols"]


def test_tables_of_marks_are_not_cards() -> None:
    md = """
        ## HTTP 메서드 특성
        | 메서드 | 멱등성 | 안전 |
        |---|---|---|
        | GET | O | O |
        | POST | X | X |

        ## Sorting
        | Algorithm | Stable |
        |---|---|
        | Merge sort | Yes |
        | Quick sort | No |
        """
    assert terms(md) == []
    why = reasons(md)
    assert "marks" in why["메서드 | 멱등성 | 안전"]
    assert "marks" in why["Algorithm | Stable"]


def test_a_vocabulary_table_of_weekdays_is_not_a_schedule() -> None:
    md = """
        ## Wochentage
        | Wort | Bedeutung |
        |---|---|
        | Montag | Monday |
        | Dienstag | Tuesday |

        ## 요일
        | English | 한국어 |
        |---|---|
        | Monday | 월요일 |
        | Tuesday | 화요일 |

        ## Office hours
        | | |
        |---|---|
        | Mon | Room 301 |
        | Wed | Room 214 |
        """
    assert terms(md) == ["Montag", "Dienstag", "Monday", "Tuesday"]
    assert "schedule" in reasons(md)[" | "]


def test_a_calls_arguments_are_part_of_the_term_not_aliases() -> None:
    md = """
        ## NumPy
        | Call | Meaning |
        |---|---|
        | `np.linalg.norm(H, axis=2)` | norms of the 6 vectors |
        | `np.linalg.norm(H, axis=2, keepdims=True)` | the same, keeping the last axis |
        | `torch.cat(xs, dim=0)` | joins tensors along the first axis |
        | Stack(LIFO) | last in, first out |
        | 가상 머신(Virtual Machine, VM) | 하드웨어를 흉내 내는 소프트웨어 |
        """
    got = [(c.term, c.aliases) for c in cards(md) if c.strategy == "table"]
    assert got == [
        ("np.linalg.norm(H, axis=2)", ()),
        ("np.linalg.norm(H, axis=2, keepdims=True)", ()),
        ("torch.cat(xs, dim=0)", ()),
        ("Stack", ("LIFO",)),
        ("가상 머신", ("Virtual Machine", "VM")),
    ]
    assert not any(r.startswith("defined twice") for r in reasons(md).values())


def test_a_divider_row_inside_a_table_is_never_a_card() -> None:
    md = """
        # conda
        ## Getting started
        | Command | Description |
        | --- | --- |
        | `conda info` | Show version and configuration |
        | --- | --- |
        | `conda update -n base conda` | Update Conda |
        | :--- | ---: |
        | `conda list` | List the installed packages |
        """
    got = [c for c in cards(md) if c.strategy == "table"]
    assert [c.term for c in got] == ["conda info", "conda update -n base conda", "conda list"]
    assert not any("---" in c.term or "---" in c.definition_md for c in cards(md))


def test_a_row_that_makes_no_card_stays_in_the_answer_as_a_list_item() -> None:
    md = """
        # Code review
        ### What to avoid
        | Anti-pattern | Why it fails |
        | --- | --- |
        | Drive-by LGTM | Approving before reading the whole diff is theater |
        | Comments without code | "This logic looks off" — which logic, which line? |
        """
    got = by_term(md)
    assert list(got) == ["What to avoid", "Drive-by LGTM"]
    assert reasons(md)["Comments without code"] == "line ends in '?'"
    assert got["What to avoid"].definition_md == (
        "- Drive-by LGTM\n"
        '- Comments without code: "This logic looks off" — which logic, which line?'
    )
    assert "|" not in got["What to avoid"].definition_md


def test_rows_before_the_first_card_are_not_lost() -> None:
    md = """
        # Glossary
        ## Review words
        | Word | Meaning | Example |
        | --- | --- | --- |
        | Nit | Which part is wrong? | "nit: rename" |
        | LGTM | Looks good to me | "LGTM, ship it" |
        | PTAL | Please take another look | "PTAL after the fix" |
        """
    got = by_term(md)
    assert [t for t in got if got[t].strategy == "table"] == ["LGTM", "PTAL"]
    answer = got["Review words"].definition_md
    assert answer.splitlines() == [
        '- Nit: Which part is wrong?; Example: "nit: rename"',
        "- LGTM",
        "- PTAL",
    ]
