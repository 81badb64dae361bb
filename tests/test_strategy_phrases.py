"""Structural rules the English notes show: list items that are phrases rather than terms,
images written as HTML, aspect headings."""

from __future__ import annotations

from extract_helpers import cards, reasons, terms

from generator.extract.terms import split_aliases


def cards_of(note: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.term, tuple(c.aliases)) for c in cards(note)]


def test_quantifier_preposition_and_action_items_are_no_terms() -> None:
    note = """
        ## Energy
        - Wood
          - used for everything
            - heating
            - smelting
          - moved to coal
            - less gated at the beginning
        - Some ML
          - random forests
          - boosting
        - From indeterminate states
          - the latch settles either way
        """
    assert terms(note) == ["Energy", "Wood"]
    why = reasons(note)
    assert why["Some ML"] == why["From indeterminate states"] == why["used for everything"]
    assert why["Some ML"] == "a phrase the nested items go on with, not a term"


def test_participles_and_bold_phrases_that_name_things_stay_terms() -> None:
    got = terms("""
        ## Systems
        - distributed systems
          - many machines, one system
        - **Several-for-one swap**
          - a trade of many parts for one
        - Nested loops
          - a loop inside another loop
        """)
    assert got == ["Systems", "distributed systems", "Several-for-one swap", "Nested loops"]


def test_a_heading_over_html_images_only_is_no_card() -> None:
    note = """
        ## Spam filtering

        <img src="spam.png" alt="spam" style="zoom:33%;" />

        ## Bag of words

        <p align="center"><img src="bow.png"></p>

        ## Standing queries

        <img src="queries.png" />

        - queries that are run again and again to find new documents
        """
    assert terms(note) == ["Standing queries"]
    assert reasons(note)["Spam filtering"] == "heading with no body of its own"


def test_steps_and_footnotes_headings_are_no_cards() -> None:
    note = """
        # Vim

        ## Windows

        On Windows the `.vim/` folder is called `vimfiles/` and lives in your home folder.

        ### Steps

        1. Copy the `.vimrc` to your home folder.
        2. Copy `.vim/colors/` to `vimfiles/colors/`.

        ## Gastric glands

        - parietal cells make acid and intrinsic factor
        - chief cells make pepsinogen

        # Footnotes

        [^1]: apparently we can do without this
        """
    got = terms(note)
    assert "Steps" not in got and "Footnotes" not in got
    assert "Gastric glands" in got
    why = reasons(note)
    assert why["Steps"].startswith("a section label")
    assert why["Footnotes"] == "a table of contents, changelog, summary or log section"


def test_a_plain_name_over_a_list_of_values_is_a_property() -> None:
    note = """
        ## Pyloric sphincter

        - opens slowly to let food into the duodenum
          - triggers: distension, pH, fat, amino acids
          - pathways: short and long neural reflexes
        - Measures: precision, recall, F1, accuracy
        """
    got = terms(note)
    assert "triggers" not in got and "Measures" not in got
    assert reasons(note)["triggers"] == "a list of values, not a definition"


def test_a_marked_name_over_a_list_of_kinds_stays_a_term() -> None:
    got = terms("""
        ## Cloud services

        - `FaaS`: AWS Lambda, Azure Functions, Google Cloud Functions
        - **Primary colours**: red, green, blue
        - Edge computing: running code near the user instead of in a data centre
        """)
    assert got[-3:] == ["FaaS", "Primary colours", "Edge computing"]


def test_labels_beside_colon_lines_make_them_properties_of_the_heading() -> None:
    note = """
        ## Direct thrombin inhibitors

        - Drugs: argatroban, bivalirudin
        - Mechanism
          - directly inhibit thrombin
        - Administration
          - intravenous or oral
        - Monitoring during therapy: not generally recommended
        - Antidote
          - idarucizumab
        """
    assert terms(note) == ["Direct thrombin inhibitors"]
    assert reasons(note)["Monitoring during therapy"].startswith("a property in the body of")


def test_a_lead_in_that_counts_kinds_makes_its_lines_terms() -> None:
    kinds = terms("""
        ## French factions

        Food shortages and government debt remained.
        Three groups in the Legislative Assembly:
        - Radicals - opposed the monarchy
        - Moderates - wanted some changes
        - Conservatives - wanted few changes
        """)
    parts = terms("""
        ## Servlet filters

        Filters run before the servlet and can stop a request.
        The main filters:
        - Auth - checks the session
        - Logging - writes each request to the log
        """)
    assert kinds == ["French factions", "Radicals", "Moderates", "Conservatives"]
    assert parts == ["Servlet filters"]


def test_a_heading_whose_body_opens_by_defining_another_term_is_no_card() -> None:
    note = """
        ## Common Law

        **English common law:** law that comes from the decisions judges made in past cases

        - follows the rule of precedent

        ## Constitutional Law

        **Constitutional law:** the supreme law that all other laws must follow

        ## Partition

        ![partition](partition.png)

        **Law of Total Probability:** P(B) is the sum of P(B and A_i) over the partition
        """
    got = terms(note)
    assert "Common Law" not in got and "Partition" not in got
    assert {"English common law", "Law of Total Probability"} <= set(got)
    assert "Constitutional Law" in got or "Constitutional law" in got
    assert reasons(note)["Common Law"] == (
        "its body opens by defining 'English common law', a term of its own"
    )


def test_a_bold_label_opening_the_body_keeps_the_heading() -> None:
    note = """
        ## Mismatch repair

        **Mechanism:** mismatched nucleotides in the new strand are removed and the gap refilled

        Defective in Lynch syndrome, so colon cancer comes early in life.
        """
    assert terms(note)[0] == "Mismatch repair"
    assert "Mismatch repair" not in reasons(note)


def test_a_plain_name_that_closes_a_line_after_called_is_a_term() -> None:
    got = terms("""
        ## Another example

        - Within each age group the vaccinated do better, yet overall they look worse
        - This is called the Yule-Simpson paradox

        ## Experiments

        A first line of attack on the causality problem is a randomized
        experiment, often called a randomized control trial (RCT).
        """)
    assert "Yule-Simpson paradox" in got and "randomized control trial" in got


def test_a_name_called_in_the_middle_of_a_paragraph_stays_with_its_sentence() -> None:
    got = terms("""
        ## Chaperones

        Newly made chains stick to each other. This is called aggregation. Hsp70 binds the
        sticky patches and lets them go in cycles driven by ATP.
        """)
    assert got.count("aggregation") <= 1
    assert "Hsp70 binds the sticky patches" not in got


def test_name_slash_abbreviation_is_a_name_and_its_alias() -> None:
    got = cards_of("""
        ## Copyright, Designs and Patents Act / CDPA (1988)

        Protects the work of authors, designers and inventors from being copied.

        ## Computer Misuse Act (1990)

        Makes unauthorised access to computer material an offence.
        """)
    assert got == [
        ("Copyright, Designs and Patents Act", ("CDPA",)),
        ("Computer Misuse Act", ()),
    ]
    assert split_aliases("Input / Output") == ("Input / Output", ())


def test_items_questions_and_rows_in_an_examples_section_are_the_examples() -> None:
    note = """
        ## Garbage collection

        Frees memory that no root can reach any more.

        ### Examples

        - [Python memory management](https://example.org/python)
          - reference counts plus a cycle collector
        - What happens when a cycle is left behind?
          - the collector finds it on its next pass

        ## An introductory Example

        | | Death rate |
        |---|---|
        | V | 2.1 |
        | NV | 5.4 |
        """
    assert terms(note) == ["Garbage collection"]
    why = reasons(note)
    assert why["Python memory management"] == "an example in a section of examples, not a term"


def test_an_examples_section_in_the_language_studied_holds_examples() -> None:
    note = """
        ## Vocabulario

        | es | en |
        |---|---|
        | madrugar | to get up early |
        | sobremesa | the time spent talking after a meal |

        ## Ejemplos

        | es | en |
        |---|---|
        | me gusta madrugar | I like getting up early |
        | la sobremesa duró horas | the after-dinner chat lasted hours |

        ## Beispiele

        | de | en |
        |---|---|
        | Ich stehe früh auf | I get up early |
        """
    assert terms(note) == ["madrugar", "sobremesa"]
    assert reasons(note)["me gusta madrugar"] == "an example in a section of examples, not a term"


def test_a_section_named_after_its_subject_with_examples_keeps_its_terms() -> None:
    got = terms("""
        ## Verbs with examples

        | Verb | Meaning |
        |---|---|
        | soler | to usually do something |
        | acabar de | to have just done something |
        """)
    assert got == ["soler", "acabar de"]


def test_this_is_called_in_a_list_answers_with_the_item_above() -> None:
    got = cards("""
        ## Memory

        - Memory is split into fixed-size blocks that map to frames
        - This is called **paging**
        """)
    paging = next(c for c in got if c.term == "paging")
    assert paging.definition_md.startswith("Memory is split into fixed-size blocks")
    assert paging.definition_md.endswith("This is called **paging**")


def test_a_types_of_heading_names_its_kinds_however_each_is_written() -> None:
    got = cards_of("""
        ## Types of Wills

        1. Holographic Wills: written in one's own hand, signed, with no witness
        2. Formal / Attested Will
            * in standard form
            * two witnesses attest the signature
        3. Electronic Wills: not valid on their own
        """)
    assert [t for t, _ in got] == [
        "Types of Wills",
        "Holographic Wills",
        "Formal / Attested Will",
        "Electronic Wills",
    ]


def test_a_heading_that_asks_for_kinds_makes_its_lines_terms_whatever_surrounds_them() -> None:
    # prose after the list, a lead-in above it, or a question heading: the lines still name
    # the kinds the heading asks for
    kinds = terms("""
        ## Types of Unemployment

        1. Frictional - Transitioning between jobs.
        2. Structural - Jobs become obsolete.

        We want structural unemployment because it is a sign of growth.

        ## What are the different normal forms?

        Normalization consists of 3 main normal forms:

        1. First Normal Form (1NF): Eliminate duplicate columns.
        2. Second Normal Form (2NF): Remove partial dependencies.

        ## 데드락 발생 조건 4가지를 설명해 주세요.

        - mutual exclusion: 한번에 한 프로세스만 자원 접근 가능
        - hold and wait: 할당된 자원을 가진 상태에서 다른 자원 요청
        """)
    assert kinds == [
        "Types of Unemployment",
        "Frictional",
        "Structural",
        "What are the different normal forms?",
        "First Normal Form",
        "Second Normal Form",
        "데드락 발생 조건 4가지를 설명해 주세요.",
        "mutual exclusion",
        "hold and wait",
    ]
    # a heading that asks for something else keeps such lines as its answer's parts
    parts = terms("""
        ## Mutual Exclusion을 할 수 있는 방법은?

        - SW: 피터슨 알고리즘
        - HW: test and set

        ## Unemployment

        1. Frictional - Transitioning between jobs.
        2. Structural - Jobs become obsolete.

        We want structural unemployment because it is a sign of growth.
        """)
    assert parts == ["Mutual Exclusion을 할 수 있는 방법은?", "Unemployment"]


def test_a_topic_heading_over_mixed_child_cards_only_groups_them() -> None:
    note = """
        ## Trusts

        - Inter vivos trust: set up while the settlor lives
        - Testamentary trust
          - set up by a will
          - starts at death
        """
    assert terms(note) == ["Inter vivos trust", "Testamentary trust"]
    assert reasons(note)["Trusts"] == "it only names its child cards"


def test_a_keyword_in_capitals_opening_an_item_is_still_a_term() -> None:
    got = terms("""
        ## SQL clauses

        - WITH clause
          - names a subquery so the main query can use it
        - FROM clause
          - lists the tables the rows come from
        """)
    assert got[-2:] == ["WITH clause", "FROM clause"]


def test_a_bold_way_of_telling_opening_the_body_keeps_the_heading() -> None:
    note = """
        ## Authentication

        **Layman's analogy:** like checking someone's ID before letting them into a building

        Only legitimate users or apps may call the API.
        """
    assert terms(note) == ["Authentication"]
