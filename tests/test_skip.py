"""A note's front-matter `skip:` leaves out the cards it names, and says which names matched
nothing; the built deck, imported into Anki, lacks exactly those cards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import imported, run, write

from generator.cli import main
from generator.extract.skip import Skip, apply_skip, names
from generator.model import Card, Loc

DOCKER = """\
---
tags: [docker]
skip: [Image, "Networks › Bridge", Nothing here]
---
# Docker

## Image
- A read-only template for containers

## Networks
- **Bridge**: the default network driver
- **Host**: the container shares the host's network

## Volumes
- **Bridge (br)**: a volume driver named like the network one
- **tmpfs**: a volume kept in memory
"""


def _card(term: str, section: tuple[str, ...], aliases: tuple[str, ...] = ()) -> Card:
    return Card(term, "meaning", section, Loc("n.md", 3), aliases)


def test_an_entry_names_a_term_an_alias_or_a_path_ending_in_the_term() -> None:
    card = _card("Bridge", ("Docker", "Networks"), ("br",))
    assert names(card, "bridge")
    assert names(card, "  BR ")  # an alias, any case and spacing
    assert names(card, "Networks › Bridge")
    assert names(card, "docker > networks > bridge")
    assert not names(card, "Volumes › Bridge")
    assert not names(card, "Other › Docker › Networks › Bridge")  # longer than its path
    assert not names(card, "Networks")  # a section is not its cards
    assert names(_card("캐시", ("메모리",)), "메모리 › 캐시")
    assert names(_card("Cafe\u0301", ()), "Café")  # the same text in another normal form


def test_entries_that_name_no_card_are_warnings_on_the_skip_line() -> None:
    cards = (_card("A", ()), _card("B", ()))
    kept, skipped, unused = apply_skip(cards, Skip(("b", "zzz", "zzz"), 4), "n.md")
    assert [c.term for c in kept] == ["A"]
    assert [(c.term, entry) for c, entry in skipped] == [("B", "b")]
    assert [str(d) for d in unused] == [
        "n.md:4: warning: `skip` entry 'zzz' names no card of this note "
        "(name a card as `notedeck list` shows it: its term, or `Section › Term`)"
    ]


def test_list_leaves_the_named_cards_out_and_explains_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = write(tmp_path / "notes" / "docker.md", DOCKER)
    assert main(["list", "--json", str(note)]) == 0
    captured = capsys.readouterr()
    got = [(c["term"], c["section"]) for c in json.loads(captured.out)]
    assert got == [
        ("Networks", ["Networks"]),
        ("Host", ["Networks"]),
        ("Volumes", ["Volumes"]),
        ("Bridge", ["Volumes"]),
        ("tmpfs", ["Volumes"]),
    ]
    assert "docker.md:3: warning: `skip` entry 'Nothing here' names no card" in captured.err
    assert main(["list", "--explain", str(note)]) == 0
    explained = capsys.readouterr().out
    assert "docker.md:7: rejected \"Image\": named in the note's `skip:` ('Image')" in explained
    assert 'docker.md:11: rejected "Bridge": named in the note\'s `skip:`' in explained


def test_a_skip_that_is_not_names_is_a_warning_with_its_line(tmp_path: Path) -> None:
    """Front matter is shared with other tools: a `skip:` that names no cards is left out with
    a warning, and the note builds with every card."""
    note = "---\ntitle: Bad\nskip: {Image: true}\n---\n## Image\n- x\n"
    write(tmp_path / "notes" / "bad.md", note)
    result = run(["build", "notes", "-o", "out"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "notes/bad.md:3: warning: notedeck ignores front matter `skip`: expected a card's term "
        "or a list of them, got dict {'Image': True} (the note is built without it; if it is "
        "meant for notedeck, write e.g. `skip: [Overview]`)\n"
    )
    assert [c.fields["Term"] for c in imported(tmp_path / "out" / "Bad.apkg", tmp_path / "a")] == [
        "Image"
    ]


def test_the_built_deck_lacks_exactly_the_skipped_cards(tmp_path: Path) -> None:
    write(tmp_path / "notes" / "docker.md", DOCKER)
    result = run(["build", "notes", "-o", "out"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "names no card" in result.stderr
    (apkg,) = (tmp_path / "out").glob("*.apkg")
    cards = imported(apkg, tmp_path / "anki")
    fronts = sorted(c.fields["Term"] for c in cards)
    assert fronts == ["Bridge", "Host", "Networks", "Volumes", "tmpfs"]
    (bridge,) = [c for c in cards if c.fields["Term"] == "Bridge"]
    assert "volume driver" in bridge.answer  # the Volumes one; the network driver was skipped
    (networks,) = [c for c in cards if c.fields["Term"] == "Networks"]
    assert "Bridge" in networks.answer  # its answer still names the skipped child, as the note does
