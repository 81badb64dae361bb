"""A footnote definition (`[^1]: …`) is a note on the text, not part of a section's answer."""

from __future__ import annotations

from extract_helpers import reasons, terms


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
