"""Deck names, subdecks and tags as configured, and new cards in document order — checked in
a fresh real Anki collection."""

from __future__ import annotations

from pathlib import Path

import pytest
from anki_helpers import cards, import_apkg, open_collection, text_of

from generator.build import build
from generator.cli import main
from generator.decks import folder_title, safe_tag
from generator.options import BuildOptions

NOTES = {
    "os/threads.md": "# Threads\n\n## Basics\n\n### Thread\n\n- A unit of execution\n\n"
    "### Process\n\n- A running program\n",
    "os/memory-management.md": "# Memory management\n\n## Paging\n\n### Page\n\n"
    "- A fixed-size block of virtual memory\n\n### Frame\n\n- A fixed-size block of RAM\n",
    "data-structures/trees.md": "---\ndeck: Algorithms::Trees\ntags: [exam, data structures]\n"
    "---\n# Trees\n\n## 이진 트리 기초\n\n### Binary tree\n\n- At most two children each\n",
    "intro.md": "# Intro\n\n## Words\n\n### Thesaurus\n\n- A list of words grouped by meaning\n",
}


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    root = tmp_path / "notes"
    for rel, text in NOTES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, "utf-8")
    return root


def imported(tmp_path: Path, outputs: tuple[str, ...]) -> list[tuple[str, str, list[str]]]:
    col = open_collection(tmp_path / "anki")
    try:
        for apkg in outputs:
            import_apkg(col, Path(apkg))
        return [(c.fields["Term"], c.deck, c.tags) for c in cards(col)]
    finally:
        col.close()


def test_decks_and_tags_by_default(tmp_path: Path, notes: Path) -> None:
    report = build([str(notes)], BuildOptions(out=tmp_path / "out"))
    assert sorted(Path(p).name for p in report.outputs) == [
        "Algorithms.apkg",
        "Intro.apkg",
        "OS.apkg",
    ]
    got = {term: (deck, tags) for term, deck, tags in imported(tmp_path, report.outputs)}
    assert got == {
        "Binary tree": (
            "Algorithms::Trees", ["data_structures", "exam", "Trees::이진_트리_기초::Binary_tree"]
        ),
        "Thesaurus": ("Intro", ["Intro::Words::Thesaurus"]),
        "Page": ("OS::Memory management", ["Memory_management::Paging::Page", "os"]),
        "Frame": ("OS::Memory management", ["Memory_management::Paging::Frame", "os"]),
        "Thread": ("OS::Threads", ["os", "Threads::Basics::Thread"]),
        "Process": ("OS::Threads", ["os", "Threads::Basics::Process"]),
    }  # fmt: skip


def test_new_cards_come_in_document_order(tmp_path: Path, notes: Path) -> None:
    report = build([str(notes)], BuildOptions(out=tmp_path / "out"))
    os_deck = next(p for p in report.outputs if p.endswith("OS.apkg"))
    col = open_collection(tmp_path / "anki")
    try:
        import_apkg(col, Path(os_deck))
        col.decks.select(col.decks.id_for_name("OS"))
        studied = []
        while (card := col.sched.getCard()) is not None:
            studied.append(card.note()["Term"])
            col.sched.answerCard(card, 4)
    finally:
        col.close()
    # Files in path order (memory-management.md, threads.md), cards in their order in the file.
    assert studied == ["Page", "Frame", "Thread", "Process"]


def test_one_deck_puts_everything_under_one_deck(
    tmp_path: Path, notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["build", str(notes), "-o", str(out), "--one-deck", "CS 101"]) == 0
    assert [p.name for p in out.iterdir()] == ["CS-101.apkg"]
    decks = {term: deck for term, deck, _ in imported(tmp_path, (str(out / "CS-101.apkg"),))}
    assert decks == {
        "Binary tree": "CS 101::Algorithms::Trees",
        "Thesaurus": "CS 101::Intro",
        "Page": "CS 101::OS::Memory management",
        "Frame": "CS 101::OS::Memory management",
        "Thread": "CS 101::OS::Threads",
        "Process": "CS 101::OS::Threads",
    }


def test_folder_decks_and_section_tags_can_be_turned_off(tmp_path: Path, notes: Path) -> None:
    options = BuildOptions(out=tmp_path / "out", deck="{title}", section_tags=False)
    report = build([str(notes / "os" / "threads.md")], options)
    assert [Path(p).name for p in report.outputs] == ["Threads.apkg"]
    got = imported(tmp_path, report.outputs)
    assert got == [("Thread", "Threads", []), ("Process", "Threads", [])]


@pytest.mark.parametrize(
    ("folder", "deck"),
    [("os", "OS"), ("data-structures", "Data Structures"), ("운영체제", "운영체제"),
     ("ml_basics", "ML Basics"), ("networks", "Networks")],
)  # fmt: skip
def test_folder_title(folder: str, deck: str) -> None:
    assert folder_title(folder) == deck


@pytest.mark.parametrize(
    ("parts", "tag"),
    [(["Docker 기초", "가상 머신과 Docker"], "Docker_기초::가상_머신과_Docker"),
     (["a::b", ' "quoted" '], "a:b::quoted"), (["tab\there", "\u3000"], "tab_here"),
     (["Café"], "Café")],
)  # fmt: skip
def test_safe_tag(parts: list[str], tag: str) -> None:
    assert safe_tag(parts) == tag


def test_reverse_cards_per_note(tmp_path: Path, notes: Path) -> None:
    threads = notes / "os" / "threads.md"
    threads.write_text("---\nreverse: true\n---\n" + NOTES["os/threads.md"], "utf-8")
    report = build([str(notes)], BuildOptions(out=tmp_path / "out"))
    col = open_collection(tmp_path / "anki")
    try:
        import_apkg(col, next(Path(p) for p in report.outputs if p.endswith("OS.apkg")))
        by_note: dict[str, list[str]] = {}
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            by_note.setdefault(card.note()["Term"], []).append(card.template()["name"])
        assert {t: sorted(n) for t, n in by_note.items()} == {
            "Thread": ["Card 1", "Card 2 (reverse)"],
            "Process": ["Card 1", "Card 2 (reverse)"],
            "Page": ["Card 1"],
            "Frame": ["Card 1"],
        }
        reverse = next(
            col.get_card(c) for c in col.find_cards('"card:Card 2 (reverse)" Term:Thread')
        )
        assert "A unit of execution" in reverse.question()
        assert "Thread" not in text_of(reverse.question())
    finally:
        col.close()


def test_a_deck_with_many_sub_decks_imports_whole(tmp_path: Path) -> None:
    """Every note its own sub-deck, basic and cloze cards mixed: the collection written once
    for all of them holds every sub-deck, both note types and every card."""
    root = tmp_path / "notes" / "bio"
    root.mkdir(parents=True)
    for i in range(40):
        cloze = "\n\n## Fact\n\nThe {{c1::nucleus}} holds DNA.\n" if i % 5 == 0 else ""
        (root / f"cell-{i:02}.md").write_text(
            f"# Cell {i}\n\n## Parts\n\n- **Part {i}**: organelle number {i}\n{cloze}", "utf-8"
        )
    report = build([str(root.parent)], BuildOptions(out=tmp_path / "out"))
    assert [Path(p).name for p in report.outputs] == ["Bio.apkg"]
    col = open_collection(tmp_path / "anki")
    try:
        import_apkg(col, Path(report.outputs[0]))
        decks = {d.name for d in col.decks.all_names_and_ids()}
        assert {f"Bio::Cell {i}" for i in range(40)} <= decks
        assert {m["name"] for m in col.models.all()} >= {"notedeck basic", "notedeck cloze"}
        got = cards(col)
        assert len(got) == 48
        assert {c.deck for c in got} == {f"Bio::Cell {i}" for i in range(40)}
        assert sum(1 for c in got if "nucleus" in c.fields.get("Text", "")) == 8
    finally:
        col.close()


@pytest.mark.parametrize(
    ("front", "deck", "got"),
    [
        ("title: [a, b]", "Threads", "list ['a', 'b']"),  # as with no title: the first heading
        ("title: {a: 1}", "Threads", "dict {'a': 1}"),
        ("title: true", "Threads", "bool True"),
        ("title: 1984", "1984", ""),  # a number is text
    ],
)
def test_a_title_that_is_not_text_never_names_a_deck_by_its_repr(
    tmp_path: Path, front: str, deck: str, got: str
) -> None:
    note = tmp_path / "notes" / "threads.md"
    note.parent.mkdir()
    note.write_text(f"---\n{front}\n---\n{NOTES['os/threads.md']}", "utf-8")
    report = build([str(note.parent)], BuildOptions(out=tmp_path / "out"))
    assert [Path(p).name for p in report.outputs] == [f"{deck}.apkg"]
    assert [(str(d.loc), d.level, d.message) for d in report.diagnostics] == (
        [
            (
                f"{note}:2",
                "warning",
                f"notedeck ignores front matter `title`: expected text, got {got}",
            )
        ]
        if got
        else []
    )
    assert {d for _, d, _ in imported(tmp_path, report.outputs)} == {deck}
