"""Precision and recall of extraction over every fixture note against its hand-labelled cards.

`python tests/golden.py` prints the same figures per note.
"""

from __future__ import annotations

from golden import Score, cases, expected, records, score


def test_precision_and_recall_meet_the_targets() -> None:
    total = Score()
    for note in cases():
        s = score(expected(note), records(note))
        total.made += s.made
        total.wanted += s.wanted
        total.right += s.right
        total.exact += s.exact
    assert total.wanted >= 250
    assert total.precision >= 0.95, f"precision {total.precision:.1%}"
    assert total.recall >= 0.90, f"recall {total.recall:.1%}"
    assert total.exact == total.right  # and every found card has the reviewed definition


def test_score_counts_wrong_and_missing_cards() -> None:
    want = [{"term": "Mutex", "section": ["A"], "definition": "x", "aliases": [], "kind": "basic"}]
    got = [
        {"term": "mutex", "section": ["a"], "definition": "x", "aliases": [], "kind": "basic"},
        {"term": "Pros", "section": ["A"], "definition": "y", "aliases": [], "kind": "basic"},
    ]
    s = score(want, got)
    assert (s.made, s.wanted, s.right, s.exact) == (2, 1, 1, 1)
    assert s.precision == 0.5 and s.recall == 1.0
