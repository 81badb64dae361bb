"""Lines built of one long run of a character (spaces, tabs, ideographic spaces, Hangul, `(`)
before a separator: line patterns that let a term end in spaces, then looked for the
separator after them, took time quadratic in the run (a 200,000-space line: minutes). A note
must take time in proportion to its length, so eight times the run takes about eight times as
long, never sixty-four."""

from __future__ import annotations

from pathlib import Path

import pytest
from robust_helpers import processing_seconds

# (before the run, the repeated unit, after it): each once quadratic in the run's length
SHAPES = [
    ("- A", " ", ": meaning"),  # `Term: meaning` with spaces before the colon
    ("**A", "\u3000", "**: meaning"),  # a bold term, ideographic spaces
    ("- A", " ", " :: meaning"),  # `term :: definition`
    ("1. A", "\t", " - meaning"),  # `term - meaning`, tabs
    ("**A", "\u00a0", "**"),  # a line that is only bold
    ("Q", " ", "1. what is it?"),  # a `Q:` line
    ("A", "가", ": 뜻"),  # Hangul before a colon (the bold-gloss pattern)
    ("- ", "(", " - meaning"),  # unclosed parentheses in a dashed term
    ("- **A", " ", " 종류**"),  # `X의 종류`: the kinds of a term
    ('- "', "a", ": meaning"),  # an unclosed quote before a colon
    ("- x", "'x", ": meaning"),  # apostrophes, each readable as a quote mark
]


@pytest.mark.parametrize(("head", "unit", "tail"), SHAPES, ids=[repr(s[1] + s[2]) for s in SHAPES])
def test_a_long_run_in_a_line_takes_time_in_proportion(
    head: str, unit: str, tail: str, tmp_path: Path
) -> None:
    short = processing_seconds(tmp_path, head + unit * 2_000 + tail)
    long = processing_seconds(tmp_path, head + unit * 16_000 + tail)
    # Linear: about 8 times (less, with the note's fixed cost); quadratic: about 64 times.
    assert long < 20 * short + 0.05, (short, long)
