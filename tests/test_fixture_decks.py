"""Fixture notes built into decks and imported into real Anki: basic and cloze cards alike."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from anki_helpers import cards, import_apkg, open_collection, text_of
from golden import FIXTURES, expected

from generator.cli import main

NOTES = ["en-cloze.md", "ko-explicit.md", "en-tables.md", "ko-obsidian.md"]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> list[object]:
    tmp = tmp_path_factory.mktemp("decks")
    notes = tmp / "notes"
    notes.mkdir()
    for name in NOTES:
        (notes / name).write_text((FIXTURES / name).read_text("utf-8"), "utf-8")
    assert main(["build", str(notes), "-o", str(tmp / "dist")]) == 0
    col = open_collection(tmp / "anki")
    try:
        for apkg in sorted((tmp / "dist").glob("*.apkg")):
            import_apkg(col, apkg)
        result: list[object] = [cards(col), col.note_count()]
    finally:
        col.close()
    return result


def test_every_expected_card_is_in_anki(imported: list[object]) -> None:
    anki_cards, note_count = imported
    wanted = [c for name in NOTES for c in expected(FIXTURES / name)]
    assert note_count == len(wanted)
    clozes = sum(c["definition"].count("{{c") for c in wanted if c["kind"] == "cloze")
    basics = sum(1 for c in wanted if c["kind"] == "basic")
    assert len(anki_cards) == basics + clozes  # type: ignore[arg-type]


def test_cloze_cards_hide_each_deletion(imported: list[object]) -> None:
    anki_cards = imported[0]
    cloze = [c for c in anki_cards if "Text" in c.fields]  # type: ignore[attr-defined]
    assert cloze, "no cloze notes were imported"
    light = [c for c in cloze if "Light travels" in c.fields["Text"]]
    assert len(light) == 2  # two highlights → c1 and c2
    questions = sorted(text_of(c.question) for c in light)
    assert any("[...]" in q and "slower" in q for q in questions)
    assert any("[...]" in q and "300,000 km/s" in q for q in questions)
    for card in light:
        answer = text_of(card.answer)
        assert "300,000 km/s" in answer and "slower" in answer
        assert "Physics" in answer


def test_korean_cloze_and_basic_cards(imported: list[object]) -> None:
    anki_cards = imported[0]
    texts = [text_of(c.question) for c in anki_cards]  # type: ignore[attr-defined]
    assert any("[...] 는 접근한 페이지가 메모리에 없을 때 발생한다" in t for t in texts)
    basic = {c.fields["Term"]: c for c in anki_cards if "Term" in c.fields}  # type: ignore[attr-defined]
    assert "4-way handshake" in text_of(basic["TCP 의 연결 종료 과정을 무엇이라 하는가?"].answer)
    assert "해시 테이블" in basic["Hash Table"].fields["Aliases"]
    assert "<code>ls</code>" in basic["ls"].fields["Term"] or basic["ls"].fields["Term"] == "ls"


def test_list_shows_strategy_and_explains_rejections(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A copy: listing a note keeps a build cache beside it, never in tests/fixtures.
    note = str(tmp_path / "en-colon-glossary.md")
    shutil.copyfile(FIXTURES / "en-colon-glossary.md", note)
    assert main(["list", note, "--explain"]) == 0
    out = capsys.readouterr().out
    assert "Mutex — Terms [colon]" in out
    assert 'rejected "Pros": label, not a term' in out
    assert 'rejected "2024-05-01": date or changelog line, not a term' in out
    assert main(["list", note, "--json", "--explain"]) == 0
    captured = capsys.readouterr()
    records = json.loads(captured.out)
    assert {r["strategy"] for r in records} == {"colon", "heading"}
    assert 'rejected "Pros"' in captured.err


def test_explain_says_why_a_line_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = tmp_path / "x.md"
    note.write_text("# X\n\n## Lock\n\n- A lock\n- Pros: simple\n- 언제 쓸까?\n", "utf-8")
    assert main(["list", str(note), "--explain"]) == 0
    out = capsys.readouterr().out
    assert (
        f'{note.as_posix()}:6: rejected "Pros": label, not a term'
        in out.replace(str(tmp_path), tmp_path.as_posix())
        or ':6: rejected "Pros": label, not a term' in out
    )
