"""Prose rules: terms glossed inside a paragraph, topic sentences and the writer's own code
that are no cards, a note named by its opening sentence, highlights that are emphasis, and
list items that ask a question or walk into code."""

from __future__ import annotations

import pytest
from extract_helpers import by_term, reasons, run, terms

from generator.extract.prose import defined_subject
from generator.extract.sentences import sentence_definitions


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            "Only the cognate tRNA binds the codon. This is called decoding. Then it moves.",
            "decoding",
        ),
        ("Heat stays in the air. This is known as the greenhouse effect.", "greenhouse effect"),
        ("Drugs could target them, such as “antimirs” which are antisense oligomers.", "antimirs"),
        (
            "It was led by [[Neural Radiance Fields]] (NeRFs), which use a network to model it.",
            "Neural Radiance Fields (NeRFs)",
        ),
        (
            "Codons are dropped at the first step of decoding, _initial selection_, as it is weak.",
            "initial selection",
        ),
        (
            "Losing it can lead to oncogenic addiction, where inhibition leads to cell death.",
            "oncogenic addiction",
        ),
    ],
)
def test_terms_glossed_inside_a_paragraph(text: str, term: str) -> None:
    assert term in [name for name, _ in sentence_definitions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The cache fills up. This is called the process.",  # a word, not a name
        "It was, _in fact_, a fine result.",  # emphasis between commas names nothing
        'I used "foo" which is nice.',  # a gloss too short to define
        "We met in Paris, where it rained all week.",  # a place, not an outcome named
        "The result is stored. It is called often by the scheduler.",
    ],
)
def test_sentences_that_gloss_no_term(text: str) -> None:
    assert sentence_definitions(text) == []


def test_the_sentence_before_this_is_called_is_the_answer() -> None:
    found = dict(
        sentence_definitions("Cells copy DNA before dividing. This is called replication.")
    )
    assert found["replication"] == "Cells copy DNA before dividing. This is called replication."


def test_an_essay_introduction_topic_sentence_is_no_card() -> None:
    note = """
        # How miRNAs act

        ## Introduction

        Cancer is a complex and heterogeneous disease that might start in many ways.
        Typically, oncogenes are defined as a protein that is overexpressed in a tumour.
        """
    found = terms(note)
    assert "Cancer" not in found
    assert "oncogene" in found
    assert "an essay's opening topic sentence" in reasons(note)["Cancer"]


def test_a_plain_definition_in_an_introduction_stays_a_card() -> None:
    note = """
        # Water

        ## Introduction

        Osmosis is a process by which water crosses a membrane towards the higher solute side.
        """
    assert "Osmosis" in terms(note)


def test_the_notes_own_function_is_no_card() -> None:
    note = """
        # Checking callables

        ```python
        def check_callable(obj):
            return callable(obj)
        ```

        `check_callable(obj)` returns a boolean saying if the object can be called.

        `callable()` returns True for anything with a `__call__` method.
        """
    found = terms(note)
    assert "check_callable(obj)" not in found
    assert "callable()" in found


def test_an_alias_note_is_named_by_its_opening_sentence() -> None:
    note = """
        ---
        title: srs
        aliases:
          - SRS
        ---
        Spaced repetition (SRS) is a learning technique where reviews are spread out over time.

        ## Why it works

        Each recall strengthens the memory.
        """
    result = run(note, path="srs-notes.md")
    first = result.cards[0]
    assert (first.term, first.kind) == ("Spaced repetition", "basic")
    assert "SRS" in first.aliases
    assert [c.term for c in result.cards].count("Spaced repetition") == 1


def test_an_alias_note_whose_opening_names_something_else_keeps_its_title() -> None:
    note = """
        ---
        title: Bloom filter
        aliases: [BF]
        ---
        A hash function is a function that maps data to fixed-size values.
        """
    assert run(note).cards[0].term == "Bloom filter"


def test_highlights_that_are_emphasis_make_no_cloze() -> None:
    note = """
        # Splatting

        ==Splatting renders in real time==: it composites blobs on the GPU.

        ==Splatting works well for small scenes but not yet for whole cities.==

        It is a method for ==novel view synthesis== from photographs.
        """
    found = run(note)
    clozes = [c for c in found.cards if c.kind == "cloze"]
    assert len(clozes) == 1
    assert "novel view synthesis" in clozes[0].term
    why = {r.reason for r in found.rejected}
    assert "a highlighted lead, emphasis rather than a deletion" in why
    assert "a highlight over the whole paragraph leaves nothing to prompt with" in why


def test_a_details_table_of_contents_is_no_card() -> None:
    note = """
        <details>
        <summary>Table of Contents</summary>

        - [Pair programming](#pair)
        </details>

        <details>
        <summary>What is pair programming?</summary>

        Two people write code at one machine.
        </details>
        """
    found = terms(note)
    assert "Table of Contents" not in found
    assert "What is pair programming?" in found


def test_a_read_more_link_is_no_body_for_a_heading() -> None:
    note = """
        # Status codes

        ## WebDAV Codes

        WebDAV is an extension of HTTP that lets clients author content on a server.

        [Read more.](https://example.org/webdav)

        | Code | Name |
        | ---- | ---- |
        | `207` | Multi-Status |
        | `423` | Locked |
        """
    found = terms(note)
    assert "WebDAV" in found
    assert "WebDAV Codes" not in found


def test_a_list_item_asking_for_a_reason_is_a_question() -> None:
    note = """
        ## 메모

        1. 프로토콜에서 버퍼를 쓰는 이유
           - 데이터가 이어서 오면 경계를 알 수 없어서 헤더에 크기를 넣는다.
        2. 내일 할 일 정리
        """
    cards = by_term(note)
    assert cards["프로토콜에서 버퍼를 쓰는 이유"].kind == "basic"
    assert "헤더에 크기" in cards["프로토콜에서 버퍼를 쓰는 이유"].definition_md


@pytest.mark.parametrize("fence", ["```java\nclass Config {}\n```", "```\nrun it\n```"])
def test_a_lone_item_right_before_code_is_no_term(fence: str) -> None:
    note = "## 설정 코드\n\n - `AppConfig`\n    - 빈 설정, 트랜잭션 설정\n" + fence + "\n"
    assert "AppConfig" not in terms(note)
    assert "a step introducing the code below it" in reasons(note)["AppConfig"]


def test_items_of_a_longer_list_before_code_stay_terms() -> None:
    note = """
        ## Structures

        - **Stack**
          - last in, first out
        - **Queue**
          - first in, first out
        ```python
        q = deque()
        ```
        """
    assert {"Stack", "Queue"} <= set(terms(note))


def test_the_features_of_another_thing_are_a_card() -> None:
    note = """
        # 식별자

        ## 핵심 규칙

        - 주/보조, 내부/외부로 분류된다.
        - 주식별자 특징: 유일성/최소성/불변성/존재성.
        - 구현 단계에서는 PK로 대응된다.
        """
    assert "주식별자 특징" in terms(note)


def test_the_features_of_the_term_itself_stay_in_its_body() -> None:
    note = """
        # Notes

        ## 쿠키

        - 브라우저에 저장되는 작은 데이터이다.
        - 쿠키 특징: 용량 제한, 만료 시간.
        - 서버가 Set-Cookie로 보낸다.
        """
    assert "쿠키 특징" not in terms(note)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Read Lock이라고 불리는 공유락은 데이터를 읽을 때 쓰는 락으로 여럿이 얻을 수 있다.",
            "공유락 (Read Lock)",
        ),
        ("배타락은 데이터를 바꿀 때 사용되는 락으로 하나만 얻을 수 있습니다.", "배타락"),
        ("이 방식은 가장 많이 사용되는 방식으로 구현된다.", None),
        ("그래서 빠른 속도로 실행된다.", None),
    ],
)
def test_korean_definitions_by_genus(text: str, subject: str | None) -> None:
    assert defined_subject(text) == subject


def test_a_compound_kind_in_an_answer_is_a_child_card() -> None:
    note = """
        # DB

        ### DB 락에 대해 설명해주세요

        락은 동시성을 제어합니다.

        공유락은 데이터를 읽을 때 사용하는 락으로 여러 트랜잭션이 함께 얻을 수 있습니다.

        배타락은 데이터를 바꿀 때 사용하는 락으로 하나의 트랜잭션만 얻을 수 있습니다.
        """
    found = terms(note)
    assert {"공유락", "배타락"} <= set(found)
    assert "DB 락에 대해 설명해주세요" in found


def test_kinds_an_answer_counts_are_child_cards() -> None:
    note = """
        # DB

        ### 캐시 전략의 3단계에 대해 설명해주세요

        캐시 전략은 읽기 성능을 높이는 방법으로 세 단계로 나눌 수 있습니다.

        첫 번째는 로컬 캐시 전략입니다. 서버 메모리에 데이터를 둡니다.

        두 번째 단계는 분산 캐시 전략으로 여러 서버가 한 저장소를 씁니다.

        2차 캐시 전략은 조회 결과를 공유합니다.

        첫 번째로 고려할 점은 비용입니다.
        """
    found = terms(note)
    assert {"로컬 캐시 전략", "분산 캐시 전략", "2차 캐시 전략"} <= set(found)
    assert "비용" not in found  # not a kind of what was asked


@pytest.mark.parametrize(
    "text",
    [
        "It fails often. This leads to a situation, where nobody can write.",
        "Requests pile up. This is called a process.",
    ],
)
def test_a_generic_noun_is_no_glossed_term(text: str) -> None:
    assert sentence_definitions(text) == []


def test_an_article_is_not_part_of_the_glossed_term() -> None:
    found = sentence_definitions("Two threads write at once. This is called a race condition.")
    assert [name for name, _ in found] == ["race condition"]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "The German **passive voice (Passiv)** is used to shift focus to the action.",
            "passive voice (Passiv)",
        ),
        ("**Docker** is used to run containers.", "Docker"),
        ("The main **benefit** is a faster boot.", None),  # ranks, does not name
        ("**Cache** is stored in memory.", None),  # a passive fact, not a definition
    ],
)
def test_a_formatted_name_placed_by_one_word(text: str, subject: str | None) -> None:
    assert defined_subject(text) == subject


def test_a_lead_naming_what_came_before_is_a_card() -> None:
    note = """
        # Splats

        ## How it works

        Blobs are projected and blended in order.

        The result is a differentiable renderer: its parameters can be fitted by gradient descent.

        It is a good question: nobody knows yet.
        """
    cards = by_term(note)
    assert "fitted by gradient descent" in cards["differentiable renderer"].definition_md
    assert "good question" not in cards


def test_a_lead_with_a_named_subject_is_not_renamed() -> None:
    assert "fast cache" not in terms("# N\n\nRedis is a fast cache: it keeps data in memory.\n")


@pytest.mark.parametrize("label", ["주요 특징", "이 방식의 장점", "main features"])
def test_generic_features_lines_name_no_thing(label: str) -> None:
    note = f"""
        # Notes

        ## 핵심 규칙

        - 키는 네 가지로 나뉜다.
        - {label}: 빠르고 단순하다.
        - 구현은 인덱스로 한다.
        """
    assert label not in terms(note)


def test_a_bold_term_before_its_example_code_stays_a_term() -> None:
    note = (
        "## 도커\n\n- **Dockerfile**\n  - 이미지를 만드는 설명서\n```dockerfile\nFROM alpine\n```\n"
    )
    assert "Dockerfile" in terms(note)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Motor proteins called **kinesins.** walk along it.", ["kinesins"]),
        ("This outer layer is called the **cortex,** and it is firm.", ["cortex"]),
        ("Growth starts at the **apex**, a region of dividing cells.", ["apex"]),
        (
            "Cells bear **villi** and **microvilli**, projections that absorb food.",
            ["villi", "microvilli"],
        ),
        ("It binds a **ligand**, which fits the receptor's pocket.", ["ligand"]),
        ("Sap moves by **root pressure**, the push of water from the roots.", ["root pressure"]),
    ],
)
def test_bold_names_glossed_in_a_sentence(text: str, names: list[str]) -> None:
    assert [name for name, _ in sentence_definitions(text)] == names


@pytest.mark.parametrize(
    "text",
    [
        "In **1905**, the theory was published.",  # a fronted phrase, not a name glossed
        "For **this reason**, a cache is used.",
        "It is **very important**, the rest follows from it.",  # emphasis, not a term
        "We keep the **root**, and then we prune the leaves.",  # `and` continues the clause
        "Store the **keys**, dropping values as you go.",  # a bare phrase glosses only a pair
    ],
)
def test_bold_words_that_are_no_gloss(text: str) -> None:
    assert sentence_definitions(text) == []


def test_a_name_glossed_in_passing_yields_to_its_own_definition() -> None:
    note = (
        "## Local rule\n\nCities make laws called **bylaws**.\n\n**bylaw:** a law on local issues\n"
    )
    card = by_term(note)["bylaw"]
    assert card.definition_md.startswith("a law on local issues")
    assert terms(note) == ["Local rule", "bylaw"]
    assert reasons(note)["bylaws"].startswith("defined twice in this section")


def test_glossed_bold_names_keep_the_heading_card() -> None:
    note = (
        "## Cytoskeleton\n\nThe cytoskeleton is a network of fibres. Its outer layer is called "
        "the **cortex**, and motor proteins called **dyneins** bend it.\n"
    )
    found = by_term(note)
    assert set(found) == {"Cytoskeleton", "cortex", "dyneins"}
    assert found["dyneins"].definition_md.startswith("Its outer layer is called")


def test_a_colon_in_prose_does_not_hide_the_names_glossed_after_it() -> None:
    note = (
        "## Roots\n\nAll roots share one plan: water enters a cell layer called the "
        "**endodermis** and rises in cells known as **vessels**.\n"
    )
    assert {"endodermis", "vessels"} <= set(terms(note))


def test_a_bold_name_defined_inside_a_list_item_is_a_card() -> None:
    note = """# Trees

## Depth of a node
- In a rooted tree, **depth** of a node is the number of edges up to the root
- In a rooted tree, the **height** of a node is the length of its longest downward path
- A tree needs to be **connected**
"""
    found = by_term(note)
    assert list(found) == ["Depth of a node", "height"]
    assert found["height"].definition_md.startswith("In a rooted tree, the **height**")


@pytest.mark.parametrize(
    "text",
    [
        "**Heap** is a tree.",  # opens the sentence: the prose strategy reads it
        "We saw that **speed** is the main problem.",  # `that` opens a clause, not a name
    ],
)
def test_bold_subjects_left_to_other_rules(text: str) -> None:
    from generator.extract.sentences import bold_glosses

    assert bold_glosses(text) == []


_ESSAY = """# Loss Aversion

People feel a loss more strongly than a gain of the same size.

This is why a discount feels smaller than a surcharge of the same amount.
"""


def test_a_concept_note_with_only_prose_and_references_answers_its_title() -> None:
    note = _ESSAY + "\n## See also\n\n- [Framing](framing.md)\n"
    found = by_term(note)
    assert list(found) == ["Loss Aversion"]
    assert found["Loss Aversion"].definition_md.startswith("People feel a loss")


@pytest.mark.parametrize(
    "tail",
    [
        "\n## Experiments\n\nSubjects refused fair coin bets that risked a loss.\n",  # more topics
        "\n**Endowment effect** — valuing a thing more once you own it.\n",  # a term of its own
    ],
)
def test_a_note_with_more_than_one_topic_is_no_concept_note(tail: str) -> None:
    assert "Loss Aversion" not in terms(_ESSAY + tail)


@pytest.mark.parametrize(
    "lead",
    [
        "In computer science, an associative array, key-value store, map, symbol table, or "
        "dictionary is an abstract data type that stores a collection of key/value pairs.",
        "In Python, what other languages call an associative array is the dict, "
        "a table of key/value pairs.",
    ],
)
def test_a_one_paragraph_concept_note_answers_its_title(lead: str) -> None:
    note = f"---\ntitle: Associative array\n---\n\n# Associative array\n\n{lead}\n\n"
    note += "## Related\n\n- [[Abstract data type]]\n"
    found = by_term(note)
    assert list(found) == ["Associative array"]
    assert found["Associative array"].definition_md == lead


@pytest.mark.parametrize(
    "lead",
    [
        "I wrote this after the lecture on Tuesday, see the slides.",  # a remark, not the title
        "backend-cs-interview<br/>\n└── OS<br/>\n├── [Process](p.md)<br/>\n"
        "├── [Deadlock](d.md)<br/>",
    ],
)
def test_a_lone_paragraph_that_is_no_lead_makes_no_concept_note(lead: str) -> None:
    assert terms(f"# OS\n\n{lead}\n\n## Related\n\n- [[Kernel]]\n") == []


def test_a_generic_title_over_prose_is_no_concept_note() -> None:
    note = "# Notes\n\nPeople feel a loss more.\n\nA discount feels small.\n"
    assert terms(note) == []


def test_a_symbol_set_off_by_commas_is_no_alias() -> None:
    text = r"Velocity, $\mathbf{v} \in \mathbb{R}^3$, is defined as the rate of change of position."
    assert defined_subject(text) == "Velocity"


def test_a_sentence_with_a_symbol_is_no_definition_without_its_verb() -> None:
    assert defined_subject(r"Velocity, $v$, changes when a force acts.") is None


def test_an_italic_subject_with_its_other_name_is_defined() -> None:
    text = "A *trie*, also known as the *prefix tree*, is a tree that stores strings by prefix."
    assert defined_subject(text) == "trie (prefix tree)"


def test_an_italic_word_that_only_stresses_is_no_subject() -> None:
    assert defined_subject("The *real* cost is time spent waiting.") is None


def test_a_marked_name_glossed_in_parentheses_inside_a_step_is_a_card() -> None:
    note = """# Hashing

## Building the table
1. Pick a _hash function_ (a map from keys to slots) that spreads keys evenly.
2. Allocate the slots.
"""
    found = by_term(note)
    assert "hash function" in found
    assert found["hash function"].definition_md == "a map from keys to slots"


def test_a_bold_name_in_parentheses_after_a_counted_phrase_is_a_card() -> None:
    text = "Starch is made of two long glucose chains (**amylose**) packed in grains."
    assert [n for n, _ in sentence_definitions(text)] == ["amylose"]


@pytest.mark.parametrize(
    "text",
    [
        "See _Note_ (the last one) for details.",  # a label, not a name
        "Run the _build_ (it takes a while) first.",  # no article: an aside, not a gloss
    ],
)
def test_parentheses_that_gloss_no_name(text: str) -> None:
    assert sentence_definitions(text) == []


def test_a_title_whose_first_bullet_says_what_it_is_is_a_card() -> None:
    note = """# Stack
- A collection of items where the last one added is the first one out
- Push adds an item on top

## Uses
Undo histories and call frames.
"""
    found = by_term(note)
    assert list(found) == ["Stack", "Uses"]
    assert found["Stack"].definition_md.startswith("- A collection of items")


@pytest.mark.parametrize(
    "body",
    [
        "- push: adds an item\n- pop: removes the top item\n",  # a glossary under the title
        "- Push adds an item on top\n- Pop removes it\n",  # facts, not what it is
    ],
)
def test_a_title_over_other_bullets_is_no_card(body: str) -> None:
    assert "Stack" not in terms(f"# Stack\n{body}")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The tip grows fastest (this is called the *growing end*). Then it stops.",
            ["growing end"],
        ),
        ("Haemoglobin is a *tetramer,* a protein made of four chains.", ["tetramer"]),
        ("Food moves by waves known as _peristalsis_ along the gut.", ["peristalsis"]),
    ],
)
def test_italic_names_glossed_in_a_sentence(text: str, names: list[str]) -> None:
    assert [name for name, _ in sentence_definitions(text)] == names


@pytest.mark.parametrize(
    "text",
    [
        "It is *really* fast, the rest is slow.",  # stress, no gloss
        "In *1905*, the theory was published.",  # a fronted phrase
        "This is *not*, the author says, a proof.",
    ],
)
def test_italic_stress_is_no_gloss(text: str) -> None:
    assert sentence_definitions(text) == []


def test_the_subjects_other_name_is_no_card_of_its_own() -> None:
    note = "A *trie*, also known as the *prefix tree*, is a tree that stores strings by prefix.\n"
    assert terms(note) == ["trie"]
