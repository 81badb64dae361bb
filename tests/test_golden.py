"""Golden tests: every fixture note gives exactly its hand-reviewed cards."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from golden import cases, differences, expected, records, write_expected

UPDATE = os.environ.get("NOTEDECK_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("note", cases(), ids=lambda p: p.stem)
def test_fixture_gives_its_cards(note: Path) -> None:
    got = records(note)
    if UPDATE:
        write_expected(note, got)
        pytest.skip("expectations rewritten: review them by hand")
    problems = differences(note.name, expected(note), got)
    assert not problems, "\n".join(problems)


def test_there_are_enough_fixtures_in_both_languages() -> None:
    notes = cases()
    korean = [n for n in notes if any("가" <= ch <= "힣" for ch in n.read_text("utf-8"))]
    assert len(notes) >= 40
    assert len(korean) >= 18 and len(notes) - len(korean) >= 18


def test_every_strategy_found_can_be_switched_off() -> None:
    """The names cards report are exactly the names `strategies = {…}` accepts."""
    from generator.extract.candidate import STRATEGIES

    found = {card.get("strategy", "") for note in cases() for card in expected(note)}
    found.discard("")
    assert found <= set(STRATEGIES)
