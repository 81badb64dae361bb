"""A footnote definition (`[^1]: …`) is a note on the text, not part of a section's answer."""

from __future__ import annotations

from extract_helpers import by_term, reasons, terms


def test_a_task_list_with_a_footnote_under_it_is_still_only_a_task_list() -> None:
    md = """
        # History notes
        ## Terms
        **Caravel:** a small, fast sailing ship with triangular sails.

        ## Preparation
        - [ ] Review notes
          - [ ] Go over terms
        - [ ] Find practice tests

        [^1]: Any questions? Feel free to reach out!
        """
    assert terms(md) == ["Caravel"]
    assert reasons(md)["Preparation"] == "its body is only a to-do list"


def test_a_heading_over_only_a_footnote_has_no_body() -> None:
    md = """
        # Particles
        ## は
        Marks the topic of the sentence.

        ## の
        [^1]: [[This, That, There, Etc]]
        """
    assert terms(md) == ["は"]


def test_a_paragraph_that_cites_a_footnote_is_still_an_answer() -> None:
    md = """
        # Particles
        ## の
        Links two nouns, the first owning or describing the second.[^1]

        [^1]: Like the English possessive.
        """
    assert terms(md) == ["の"]


def test_a_footnote_is_no_card_and_goes_with_the_answer_that_cites_it() -> None:
    md = """
        # Log
        ## Benchmarks
        The field solver grid[^1] is regular.

        [^1]: The grid is a regular Cartesian grid at the finest level.
        """
    got = by_term(md)
    assert list(got) == ["Benchmarks"]
    assert got["Benchmarks"].definition_md == (
        "The field solver grid[^1] is regular.\n\n"
        "[^1]: The grid is a regular Cartesian grid at the finest level."
    )


def test_a_footnote_written_under_another_heading_moves_to_the_citing_card() -> None:
    md = """
        # Memory
        ## Paging
        Splits memory into fixed-size pages.[^frames]

        ## Segmentation
        Splits memory into variable-size segments.

        [^frames]: Physical memory is split into frames of the same size.
            A page is loaded into any free frame.
        """
    got = by_term(md)
    assert list(got) == ["Paging", "Segmentation"]
    assert got["Paging"].definition_md == (
        "Splits memory into fixed-size pages.[^frames]\n\n"
        "[^frames]: Physical memory is split into frames of the same size.\n"
        "    A page is loaded into any free frame."
    )
    assert got["Segmentation"].definition_md == "Splits memory into variable-size segments."


def test_a_footnote_cited_from_a_glossary_line_goes_with_that_line() -> None:
    md = """
        # Terms
        ## Locks
        - Mutex: a lock one thread owns at a time[^owner]
        - Semaphore: a counter of permits

        [^owner]: Only the owner may release it.
        """
    got = by_term(md)
    assert got["Mutex"].definition_md == (
        "a lock one thread owns at a time[^owner]\n\n[^owner]: Only the owner may release it."
    )
    assert "[^" not in got["Semaphore"].definition_md
    assert "Only the owner" not in "".join(
        c.definition_md for c in got.values() if c.term != "Mutex"
    )


def test_a_footnote_written_inside_a_quote_still_goes_with_its_citation() -> None:
    md = """
        # Memory
        ## Paging
        Splits memory into fixed-size pages.[^1]

        > [^1]: Pages are all the same size.
        """
    assert by_term(md)["Paging"].definition_md == (
        "Splits memory into fixed-size pages.[^1]\n\n[^1]: Pages are all the same size."
    )
