"""Headings that name a part of a course, not a term: a chapter (also with its book in
parentheses) and the topics left for further reading."""

from __future__ import annotations

import pytest
from extract_helpers import reasons, terms


@pytest.mark.parametrize(
    "heading", ["Chap 2 (Understanding Morphology)", "Chapter 3 (Sorting)", "Lecture 4 (Graphs)"]
)
def test_a_chapter_named_after_its_book_is_no_card(heading: str) -> None:
    md = f"""
        # {heading}
        - __morpheme__: the smallest meaningful part of a word
        - __lexeme__: a word as listed in a dictionary

        # Chap 9 (Understanding Morphology)
        Prose about the chapter.
        """
    assert terms(md) == ["morpheme", "lexeme"]
    assert reasons(md)[heading] == "a chapter heading, not a term"


def test_a_term_with_a_number_in_parentheses_is_still_a_term() -> None:
    md = """
        # Notes
        ## Heap (Binary Heap)
        - A complete binary tree whose parent keys are at least their children's.
        """
    assert terms(md) == ["Heap"]


def test_topics_left_for_further_reading_are_no_card() -> None:
    md = """
        # Diagnostic tests
        ## Sensitivity
        The share of sick people a test finds.

        ## Further Reading Topics
        - ROC curves
        - Bayes' theorem in diagnostic testing
        """
    assert terms(md) == ["Sensitivity"]
    assert "changelog, summary or log" in reasons(md)["Further Reading Topics"]
