"""The lock file's card lines are formatted directly (for speed); they must be exactly the JSON
the encoder writes for the same entry, or every build would rewrite a user's lock file."""

from __future__ import annotations

import json

import pytest

from generator.lock import _FIELDS, _SPACED, Entry, _entry_line, render_lock

ENTRIES = [
    Entry("a.md", "a.md", "Deck", ("Intro",), "TCP", "basic", "0f" * 10, 1_700_000_000, "ab"),
    Entry(
        'q"uo\\te/\n.md',
        "n\u2028k",
        "덱::하위",
        ("s\t1", "가\x00", ""),
        "😀 x",
        "cloze",
        "h",
        0,
        "",
        alias="Ab!c#",
        removed=True,
    ),
    Entry("b.md", "b.md", "D", (), "", "basic", "h", 2**40, "s", removed=False, alias=""),
]


def encoded(entry: Entry) -> str:
    raw: dict[str, object] = {name: getattr(entry, name) for name in _FIELDS}
    raw["section"] = list(entry.section)
    for optional in ("alias", "removed"):
        if raw[optional] in ("", False):
            del raw[optional]
    return _SPACED.encode(raw)


@pytest.mark.parametrize("entry", ENTRIES)
def test_a_card_line_is_the_encoders_json(entry: Entry) -> None:
    line = _entry_line(entry)
    assert line == encoded(entry)
    assert json.loads(line)["term"] == entry.term


def test_a_lock_text_round_trips_through_json() -> None:
    cards = {f"g{i}\"'": entry for i, entry in enumerate(ENTRIES)}
    data = json.loads(render_lock(cards, {}))
    assert set(data["cards"]) == set(cards)
    assert data["cards"]["g1\"'"]["removed"] is True and "alias" not in data["cards"]["g0\"'"]
