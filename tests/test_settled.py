"""After an edit, decks the edit did not touch are neither stamped nor written again (settled.py);
the build must still give the decks and lock file a build from nothing gives for the same
notes and lock file, find removed cards and re-match renamed and moved ones."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from anki_helpers import imported
from build_helpers import digests, spy

from generator import settled
from generator.build import build
from generator.model import BuildReport
from generator.options import BuildOptions

pytestmark = pytest.mark.usefixtures("private_key_home")

DEFINITIONS = {
    "TCP": "A reliable ordered byte stream between two hosts, with retransmission of lost data.",
    "UDP": "Datagrams sent without a connection, order or delivery guarantee, with low delay.",
    "B-tree": "A balanced search tree whose nodes hold many keys, kept shallow for disk pages.",
    "WAL": "Write-ahead logging records each change in a log before the data pages are touched.",
    "Mutex": "A lock that lets one thread at a time into a critical section of the program.",
    "Paging": "Memory split into fixed-size pages mapped to frames by a per-process page table.",
    "Quicksort": "Sorting by partitioning around a pivot, then sorting both sides recursively.",
    "Heap": "A complete binary tree where every parent is ordered before both of its children.",
}
FOLDERS = {
    "networking": ["TCP", "UDP"],
    "databases": ["B-tree", "WAL"],
    "systems": ["Mutex", "Paging"],
    "algorithms": ["Quicksort", "Heap"],
}


def section(term: str) -> str:
    return f"## {term}\n\n- {DEFINITIONS[term]}\n\n"


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    for folder, terms in FOLDERS.items():
        (root / folder).mkdir(parents=True)
        text = f"# {folder.title()} notes\n\n" + "".join(section(t) for t in terms)
        (root / folder / "basics.md").write_text(text, "utf-8")
    return root


@pytest.fixture
def plans(monkeypatch: pytest.MonkeyPatch) -> list[settled.Plan | None]:
    return spy(monkeypatch, settled, "plan", lambda plan: plan)


def quick(vault: Path, out: Path, **extra: object) -> BuildReport:
    options = BuildOptions(out=out, jobs=1, **extra)  # type: ignore[arg-type]
    return build([str(vault)], options)


def rebuilt_as_from_nothing(
    vault: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[Path], None],
) -> tuple[BuildReport, BuildReport, Path]:
    """Build, change the notes, build again (settling); then build a copy of the changed notes
    with the lock file as it was before the second build, with no cache and no previous output.
    Both must give the same bytes, lock file and findings."""
    out = tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    quick(vault, out)
    change(vault)
    cold = tmp_path / "cold"
    shutil.copytree(vault, cold, ignore=shutil.ignore_patterns(".notedeck-cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000100")
    warm_report = quick(vault, out)
    cold_report = quick(cold, tmp_path / "cold-out", cache=False)
    made = {Path(p).name for p in warm_report.outputs}  # a removed deck's old file stays
    assert {k: v for k, v in digests(out).items() if k in made} == digests(tmp_path / "cold-out")
    lock = (vault / "notedeck.lock").read_text("utf-8")
    assert lock == (cold / "notedeck.lock").read_text("utf-8")
    assert warm_report.rematched == cold_report.rematched
    assert warm_report.removed == cold_report.removed
    assert warm_report.stats == cold_report.stats | {"written": warm_report.stats["written"]}
    return warm_report, cold_report, out


def test_one_changed_note_settles_the_other_decks(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plans: list[settled.Plan | None]
) -> None:
    def edit(root: Path) -> None:
        note = root / "databases" / "basics.md"
        text = note.read_text("utf-8").replace("disk pages.", "disk pages and SSD blocks.")
        note.write_text(text, "utf-8")

    warm, _, out = rebuilt_as_from_nothing(vault, tmp_path, monkeypatch, edit)
    plan = plans[1]
    assert plan is not None and sorted(plan.settled) == ["Algorithms", "Networking", "Systems"]
    assert warm.stats["written"] == 1 and warm.stats["decks"] == 4
    # The settled decks' cards are reported with their GUIDs, the written deck imports in Anki.
    assert {c.guid for d in warm.decks for c in d.cards} == {
        c.guid for d in quick(vault, tmp_path / "again", cache=False).decks for c in d.cards
    }
    deck = next(d for d in warm.decks if d.name == "Databases")
    arrived = imported(out / "Databases.apkg", tmp_path / "anki")
    assert {c.fields["Term"] for c in arrived} == {c.fields["Term"] for c in deck.cards}
    assert any("SSD blocks" in c.fields["Definition"] for c in arrived)


def test_a_renamed_card_keeps_its_guid_while_other_decks_settle(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plans: list[settled.Plan | None]
) -> None:
    def rename(root: Path) -> None:
        note = root / "systems" / "basics.md"
        note.write_text(note.read_text("utf-8").replace("## Mutex", "## Mutual exclusion lock"))

    warm, _, _ = rebuilt_as_from_nothing(vault, tmp_path, monkeypatch, rename)
    assert len(warm.rematched) == 1 and "Mutual exclusion lock" in warm.rematched[0]
    plan = plans[1]
    assert plan is not None and "Systems" not in plan.settled and len(plan.settled) == 3


def test_a_card_moved_to_another_deck_keeps_its_guid(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plans: list[settled.Plan | None]
) -> None:
    def move(root: Path) -> None:
        source, target = root / "networking" / "basics.md", root / "algorithms" / "basics.md"
        source.write_text(source.read_text("utf-8").replace(section("UDP"), ""), "utf-8")
        target.write_text(target.read_text("utf-8") + section("UDP"), "utf-8")

    warm, _, _ = rebuilt_as_from_nothing(vault, tmp_path, monkeypatch, move)
    assert len(warm.rematched) == 1 and warm.removed == ()
    plan = plans[1]
    assert plan is not None and sorted(plan.settled) == ["Databases", "Systems"]


def test_a_deleted_note_has_its_cards_removed(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plans: list[settled.Plan | None]
) -> None:
    def delete(root: Path) -> None:
        (root / "systems" / "basics.md").unlink()

    warm, _, _ = rebuilt_as_from_nothing(vault, tmp_path, monkeypatch, delete)
    assert len(warm.removed) == 2 and warm.stats["decks"] == 3
    plan = plans[1]
    assert plan is not None and len(plan.settled) == 3


def test_a_changed_or_missing_deck_file_is_written_again(
    vault: Path, tmp_path: Path, plans: list[settled.Plan | None]
) -> None:
    out = tmp_path / "out"
    first = quick(vault, out)
    files = digests(out)
    (out / "Systems.apkg").unlink()
    (out / "Networking.apkg").write_bytes(b"not a deck")
    again = quick(vault, out)
    plan = plans[1]
    assert plan is not None and sorted(plan.settled) == ["Algorithms", "Databases"]
    assert again.stats["written"] == 2 and digests(out) == files
    assert again.stats == first.stats | {"written": 2}


def test_an_edited_lock_entry_unsettles_its_deck(
    vault: Path, tmp_path: Path, plans: list[settled.Plan | None]
) -> None:
    out = tmp_path / "out"
    quick(vault, out)
    lock = vault / "notedeck.lock"
    text = lock.read_text("utf-8")
    guid = next(c.guid for d in quick(vault, out).decks if d.name == "Algorithms" for c in d.cards)
    line = next(line for line in text.splitlines() if line.strip().startswith(f'"{guid}"'))
    lock.write_text(text.replace(line, line.replace('"sketch": "', '"sketch": "00')), "utf-8")
    quick(vault, out)
    plan = plans[2]
    assert plan is not None and "Algorithms" not in plan.settled and len(plan.settled) == 3


def test_a_new_card_named_as_a_settled_card_was_takes_back_its_guid(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plans: list[settled.Plan | None]
) -> None:
    """Paging moves to another note and deck (keeping its GUID); later a new Paging card is
    written where it was. A full stamp gives the new card its own GUID (the old one) and the
    moved card a new one; settling the moved card's deck would give both the same GUID."""
    out = tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    quick(vault, out)
    source, target = vault / "systems" / "basics.md", vault / "algorithms" / "basics.md"
    source.write_text(source.read_text("utf-8").replace(section("Paging"), ""), "utf-8")
    target.write_text(target.read_text("utf-8") + section("Paging"), "utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000050")
    moved = quick(vault, out)
    assert len(moved.rematched) == 1
    again = "## Paging\n\n- Virtual memory moved to disk in page units when frames run short.\n"
    source.write_text(source.read_text("utf-8") + again, "utf-8")
    cold = tmp_path / "cold"
    shutil.copytree(vault, cold, ignore=shutil.ignore_patterns(".notedeck-cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000100")
    warm = quick(vault, out)
    guids = [c.guid for d in warm.decks for c in d.cards]
    assert len(guids) == len(set(guids)) == 9
    plan = plans[2]
    assert plan is not None and plan.settled == {}
    fresh = quick(cold, tmp_path / "cold-out", cache=False)
    assert [c.guid for d in fresh.decks for c in d.cards] == guids
    assert digests(out) == digests(tmp_path / "cold-out")
    assert (vault / "notedeck.lock").read_text() == (cold / "notedeck.lock").read_text()
