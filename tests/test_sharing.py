"""A study group's deck, updated: build, import, review, change the notes, build again, import
again into the same real Anki collection. Edited cards update in place, new cards are added,
renamed cards keep their notes and history, nothing is duplicated, and a learner's own edits
to unchanged notes survive."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from anki_helpers import (
    cards,
    import_apkg,
    open_collection,
    review_all,
    review_count,
    text_of,
)

from generator import package, unchanged
from generator.cli import main

V1 = """\
# Threads

## Basics

### Process

- A running program with its own address space
- Owns resources such as memory and open files

### Thread

- A unit of execution inside a process
- Shares the memory of its process with sibling threads

## Synchronisation

### Mutex

- A lock that lets only one thread at a time into a critical section
- Released by the thread that acquired it

### Semaphore

- A counter that limits how many threads may use a resource at once
- Waiting decrements it and signalling increments it

### Deadlock

- Two or more threads each wait for a lock that another one holds
- None of them can ever proceed
"""

EDITED = "- The smallest unit the scheduler runs, inside a process"
ADDED = """\
### Condition variable

- Lets a thread sleep until another thread signals that a condition holds
"""


def v2_text() -> str:
    text = V1.replace("- A unit of execution inside a process", EDITED)
    text = text.replace("### Mutex", "### Mutual exclusion lock")
    text = text.replace(
        "### Deadlock\n\n- Two or more threads each wait for a lock that another one holds\n"
        "- None of them can ever proceed\n",
        ADDED,
    )
    assert text.count("###") == 5 and EDITED in text
    return text


def build(notes: Path, out: Path, epoch: int, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", str(epoch))
        assert main(["build", str(notes), "-o", str(out)]) == 0
    return capsys.readouterr().out


def by_term(col: object) -> dict[str, int]:
    found = {c.fields["Term"]: c.note_id for c in cards(col)}  # type: ignore[arg-type]
    return found


V1_EPOCH = 1_700_000_000


@pytest.mark.parametrize("v2_epoch", ["same second", "later"])
def test_update_keeps_progress_and_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], v2_epoch: str
) -> None:
    notes = tmp_path / "notes"
    (notes / "os").mkdir(parents=True)
    note = notes / "os" / "threads.md"
    note.write_text(V1, "utf-8")
    out = tmp_path / "dist"
    build(notes, out, V1_EPOCH, capsys)
    apkg = out / "OS.apkg"

    col = open_collection(tmp_path / "anki")
    try:
        first = import_apkg(col, apkg)
        assert len(first.log.new) == 5
        before = by_term(col)
        assert list(before) == ["Process", "Thread", "Mutex", "Semaphore", "Deadlock"]
        assert review_all(col, "OS") == 5
        assert all(review_count(col, nid) == 1 for nid in before.values())
        # The learner fixes a typo of their own in a note the group does not change.
        process = col.get_note(before["Process"])
        process["Definition"] = "<p>My own words: a program in execution</p>"
        col.update_note(process)

        note.write_text(v2_text(), "utf-8")
        epoch = V1_EPOCH if v2_epoch == "same second" else int(time.time()) + 60
        summary = build(notes, out, epoch, capsys)
        assert "kept identity: os/threads.md: Synchronisation › Mutex → " in summary
        assert "removed: os/threads.md: Synchronisation › Deadlock" in summary

        second = import_apkg(col, apkg)
        assert not second.log.conflicting and not second.log.missing_notetype
        assert [text_of(n.fields[0]) for n in second.log.new] == ["Condition variable"]
        assert sorted(text_of(n.fields[0]) for n in second.log.updated) == [
            "Mutual exclusion lock",
            "Thread",
        ]
        after = {c.fields["Term"]: c for c in cards(col)}
        assert col.note_count() == 6 == len({c.guid for c in after.values()})  # Deadlock stays
        # Edited: same note, new text, history kept.
        thread = after["Thread"]
        assert thread.note_id == before["Thread"]
        assert "smallest unit the scheduler runs" in thread.fields["Definition"]
        assert review_count(col, thread.note_id) == 1
        # Renamed: the old note, with its history, under the new name.
        renamed = after["Mutual exclusion lock"]
        assert renamed.note_id == before["Mutex"] and "Mutex" not in after
        assert review_count(col, renamed.note_id) == 1
        assert "Synchronisation › Mutual exclusion lock" in renamed.fields["Section"]
        # The learner's own edit to an unchanged note survives.
        assert after["Process"].fields["Definition"] == (
            "<p>My own words: a program in execution</p>"
        )
        # The new card is new, and studied after the cards it follows in the notes.
        added = after["Condition variable"]
        assert review_count(col, added.note_id) == 0
        assert col.get_card(col.find_cards(f"nid:{added.note_id}")[0]).type == 0
        # Importing the same package again changes nothing.
        third = import_apkg(col, apkg)
        assert not third.log.new and not third.log.updated and not third.log.conflicting
        assert col.note_count() == 6
    finally:
        col.close()


def test_removed_cards_can_be_tagged_for_deletion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes"
    (notes / "os").mkdir(parents=True)
    note = notes / "os" / "threads.md"
    note.write_text(V1, "utf-8")
    out = tmp_path / "dist"
    build(notes, out, V1_EPOCH, capsys)
    col = open_collection(tmp_path / "anki")
    try:
        import_apkg(col, out / "OS.apkg")
        deadlock = by_term(col)["Deadlock"]
        review_all(col, "OS")
        note.write_text(V1.split("### Deadlock")[0], "utf-8")
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("SOURCE_DATE_EPOCH", str(V1_EPOCH))
            assert main(["build", str(notes), "-o", str(out), "--removed-tag", " gone "]) == 0
        summary = capsys.readouterr().out
        assert "removed: os/threads.md: Synchronisation › Deadlock" in summary
        assert "re-emitted 1 removed card(s) tagged gone" in summary
        first = (out / "OS.apkg").read_bytes()
        result = import_apkg(col, out / "OS.apkg")
        assert [text_of(n.fields[0]) for n in result.log.updated] == ["Deadlock"]
        assert col.find_notes("tag:gone") == [deadlock]
        assert review_count(col, deadlock) == 1 and col.note_count() == 5
        assert "Removed from the notes" in col.get_note(deadlock)["Definition"]
        # Tagging again changes nothing; the removal is reported once.
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("SOURCE_DATE_EPOCH", str(V1_EPOCH + 50))
            assert main(["build", str(notes), "-o", str(out), "--removed-tag", "gone"]) == 0
        assert "removed:" not in capsys.readouterr().out
        assert (out / "OS.apkg").read_bytes() == first
    finally:
        col.close()


def test_css_change_updates_the_note_type_without_forking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "threads.md").write_text(V1, "utf-8")
    out = tmp_path / "dist"
    build(notes, out, V1_EPOCH, capsys)
    col = open_collection(tmp_path / "anki")
    try:
        import_apkg(col, out / "Threads.apkg")
        review_all(col, "Threads")
        css = package.card_css()
        monkeypatch.setattr(package, "card_css", lambda: css + "\n.nd-term { color: teal; }\n")
        # The CSS lives in notedeck's own files: an edit to it is a new version of the code.
        monkeypatch.setattr(unchanged, "code_fingerprint", lambda: "card.css edited")
        build(notes, out, V1_EPOCH, capsys)  # the same second: the type's time still moves on
        result = import_apkg(col, out / "Threads.apkg")
        assert not result.log.conflicting and not result.log.new
        names = [m.name for m in col.models.all_names_and_ids() if m.name.startswith("notedeck")]
        assert names == ["notedeck basic"]
        assert "color: teal" in col.models.get(package.BASIC_MODEL_ID)["css"]  # type: ignore[index]
        assert col.note_count() == 5
    finally:
        col.close()
