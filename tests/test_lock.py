"""The lock file: its format, the `mod` rule (including two builds in one second), re-matching
renamed, moved and re-filed cards, removed cards, failed notes and concurrent builds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from anki_helpers import imported

from generator.build import build, load
from generator.cli import card_records
from generator.extract import terms
from generator.identity import card_guid
from generator.lock import next_mod
from generator.model import BuildReport, NotedeckError
from generator.options import BuildOptions

NOTE = """\
# Sorting

## Simple

### Bubble sort

- Repeatedly swaps adjacent elements that are out of order
- Takes quadratic time in the worst case

### Insertion sort

- Inserts each element into the sorted prefix before it
- Fast on nearly sorted input

## Divide and conquer

### Merge sort

- Splits the list in halves, sorts each half and merges the sorted halves
- Needs linear extra memory
"""


def lock_of(root: Path) -> dict[str, dict[str, object]]:
    data = json.loads((root / "notedeck.lock").read_text("utf-8"))
    return data["cards"]  # type: ignore[no-any-return]


def by_term(root: Path) -> dict[str, tuple[str, dict[str, object]]]:
    return {str(e["term"]): (g, e) for g, e in lock_of(root).items()}


def run(root: Path, tmp_path: Path, **options: object) -> BuildReport:
    return build([str(root)], BuildOptions(out=tmp_path / "out", **options))  # type: ignore[arg-type]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "sorting.md").write_text(NOTE, "utf-8")
    return notes


def test_lock_file_is_stable_readable_json(root: Path, tmp_path: Path) -> None:
    run(root, tmp_path)
    text = (root / "notedeck.lock").read_text("utf-8")
    lines = text.splitlines()
    card_lines = [line for line in lines if '"term": ' in line]
    assert len(card_lines) == 3  # one line per card
    assert [
        json.loads("{" + line.rstrip(",") + "}").popitem()[1]["term"] for line in card_lines
    ] == [
        "Merge sort",
        "Bubble sort",
        "Insertion sort",
    ]  # sorted by file, section and term: reordering a note does not churn the file
    entry = by_term(root)["Merge sort"][1]
    assert entry["file"] == "sorting.md" and entry["deck"] == "Sorting"
    assert entry["section"] == ["Divide and conquer", "Merge sort"]
    assert entry["mod"] == 1_700_000_000
    # A second build with nothing changed leaves the file untouched.
    report = run(root, tmp_path)
    assert report.locks == () and (root / "notedeck.lock").read_text("utf-8") == text


def test_changed_card_is_later_even_in_the_same_second(root: Path, tmp_path: Path) -> None:
    run(root, tmp_path)
    note = root / "sorting.md"
    for expected, words in ((1_700_000_001, "storage"), (1_700_000_002, "space")):
        note.write_text(NOTE.replace("linear extra memory", f"linear extra {words}"), "utf-8")
        run(root, tmp_path)  # SOURCE_DATE_EPOCH stays 1700000000
        terms = by_term(root)
        assert terms["Merge sort"][1]["mod"] == expected
        assert terms["Bubble sort"][1]["mod"] == 1_700_000_000
    assert next_mod(None, 5) == 5 and next_mod(9, 5) == 10 and next_mod(3, 5) == 5


def test_moved_renamed_and_refiled_cards_keep_their_guid(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(root, tmp_path)
    guids = {t: g for t, (g, _) in by_term(root).items()}
    # Move "Insertion sort" to another section and rename "Bubble sort"; fix a typo too.
    moved = NOTE.replace("### Insertion sort\n\n- Inserts each element into the sorted prefix "
                         "before it\n- Fast on nearly sorted input\n\n", "")  # fmt: skip
    moved = moved.replace("### Bubble sort", "### Sinking sort").replace("Repeatedly", "Repeatedy")
    moved += "\n## Incremental\n\n### Insertion sort\n\n- Inserts each element into the sorted "
    moved += "prefix before it\n- Fast on nearly sorted input\n"
    (root / "sorting.md").write_text(moved, "utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000100")
    report = run(root, tmp_path)
    assert not report.removed
    bubble, insertion = sorted(report.rematched)
    assert bubble.startswith("sorting.md: Simple › Bubble sort → Simple › Sinking sort (")
    assert 60 <= int(bubble.split("(definition ")[1].split("%")[0]) < 100
    assert insertion == (
        "sorting.md: Simple › Insertion sort → Incremental › Insertion sort (definition 100% alike)"
    )
    terms = by_term(root)
    assert terms["Sinking sort"][0] == guids["Bubble sort"]
    assert terms["Insertion sort"][0] == guids["Insertion sort"]
    assert terms["Sinking sort"][1]["mod"] == 1_700_000_100
    # The next build knows them already: nothing re-matched again, nothing changes.
    again = run(root, tmp_path)
    assert again.rematched == () and again.locks == ()
    # `notedeck list` shows the GUIDs the build writes.
    listed = {c["term"]: c["guid"] for c in card_records(load([str(root)])[0])}
    assert listed["Sinking sort"] == guids["Bubble sort"]
    # Renaming the file keeps every card (the note's key was its path).
    (root / "sorting.md").rename(root / "sorts.md")
    refiled = run(root, tmp_path)
    assert len(refiled.rematched) == 3 and not refiled.removed
    assert {g for g, _ in by_term(root).values()} == set(guids.values())
    assert {e["file"] for _, e in by_term(root).values()} == {"sorts.md"}


def test_a_different_definition_is_a_new_card(root: Path, tmp_path: Path) -> None:
    run(root, tmp_path)
    old = by_term(root)["Merge sort"][0]
    text = NOTE.replace("### Merge sort", "### Quicksort").replace(
        "- Splits the list in halves, sorts each half and merges the sorted halves\n"
        "- Needs linear extra memory",
        "- Partitions around a pivot, then sorts both parts in place",
    )
    (root / "sorting.md").write_text(text, "utf-8")
    report = run(root, tmp_path)
    assert not report.rematched
    assert report.removed == ("sorting.md: Divide and conquer › Merge sort",)
    assert by_term(root)["Quicksort"][0] != old
    assert lock_of(root)[old]["removed"] is True


def test_notes_not_built_or_failing_are_not_removed(root: Path, tmp_path: Path) -> None:
    (root / "other.md").write_text("# Other\n\n## A\n\n### Heap\n\n- A tree-shaped queue\n")
    run(root, tmp_path)
    assert len(lock_of(root)) == 4
    # Building one file leaves the other file's cards alone.
    report = build([str(root / "other.md")], BuildOptions(out=tmp_path / "out"))
    assert report.removed == () and len(lock_of(root)) == 4
    # A note that fails to load is not a note whose cards were all removed.
    (root / "sorting.md").write_text("---\ntitle: [broken\n---\n" + NOTE, "utf-8")
    report = run(root, tmp_path)
    assert report.stats["errors"] == 1 and report.removed == ()
    assert not any(e.get("removed") for e in lock_of(root).values())


def test_broken_lock_file_is_an_error_with_its_line(root: Path, tmp_path: Path) -> None:
    run(root, tmp_path)
    lock = root / "notedeck.lock"
    lock.write_text(lock.read_text("utf-8").replace('"mod": ', '"mod" ', 1), "utf-8")
    with pytest.raises(NotedeckError) as info:
        run(root, tmp_path)
    assert info.value.loc is not None and info.value.loc.line == 5
    assert "lock file is broken" in str(info.value)


def test_without_a_lock_every_card_is_new(root: Path, tmp_path: Path) -> None:
    report = run(root, tmp_path, lock=False)
    assert report.outputs and not (root / "notedeck.lock").exists()


def test_concurrent_builds_take_turns(root: Path, tmp_path: Path) -> None:
    script = (
        "import sys; from generator.cli import main; "
        "sys.exit(sum(main(['build', sys.argv[1], '-o', sys.argv[2]]) for _ in range(3)))"
    )
    for i in range(3):  # more notes, so each build takes a moment
        (root / f"copy{i}.md").write_text(NOTE.replace("# Sorting", f"# Sorting {i}"), "utf-8")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(root), str(tmp_path / f"out{n}")],
            stdout=subprocess.DEVNULL,
        )
        for n in range(2)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert len(lock_of(root)) == 12
    assert not [p for p in root.iterdir() if p.name.endswith(".tmp")]
    outputs = [sorted(p.read_bytes() for p in (tmp_path / f"out{n}").iterdir()) for n in range(2)]
    assert outputs[0] == outputs[1]


def test_reordered_sections_change_nothing(root: Path, tmp_path: Path) -> None:
    run(root, tmp_path)
    simple, rest = NOTE.split("## Divide and conquer")
    head, simple_body = simple.split("## Simple")
    (root / "sorting.md").write_text(
        head + "## Divide and conquer" + rest + "\n## Simple" + simple_body, "utf-8"
    )
    report = run(root, tmp_path)
    assert not report.rematched and report.removed == () and report.locks == ()


def test_unwritable_lock_is_a_clear_error(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main

    (root / ".notedeck.lock.guard").mkdir()  # cannot be opened as a file, even by root
    assert main(["build", str(root), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and ".notedeck.lock.guard" in err and "--no-lock" in err
    assert main(["build", str(root), "-o", str(tmp_path / "out"), "--no-lock"]) == 0
    assert not (root / "notedeck.lock").exists()


def test_merge_conflicted_lock_file_is_read_and_repaired(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(root, tmp_path)
    note, lock = root / "sorting.md", root / "notedeck.lock"
    base_note, base_lock = note.read_text("utf-8"), lock.read_text("utf-8")
    sides = {}
    for name, old, new, epoch in (
        ("ours", "Takes quadratic time", "Takes O(n²) time", "1700000100"),
        ("theirs", "Fast on nearly sorted input", "Fast when almost sorted", "1700000200"),
    ):
        note.write_text(base_note.replace(old, new), "utf-8")
        lock.write_text(base_lock, "utf-8")
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        run(root, tmp_path)
        sides[name] = lock.read_text("utf-8")
    files = {}
    for name, lock_text in {"base": base_lock, **sides}.items():
        files[name] = tmp_path / f"{name}.lock"
        files[name].write_text(lock_text, "utf-8")
    merged = subprocess.run(
        ["git", "merge-file", "-p", files["ours"], files["base"], files["theirs"]],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert merged.returncode == 1 and "<<<<<<<" in merged.stdout  # one conflict
    lock.write_text(merged.stdout, "utf-8")
    both = base_note.replace("Takes quadratic time", "Takes O(n²) time")
    note.write_text(both.replace("Fast on nearly sorted input", "Fast when almost sorted"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000300")
    report = run(root, tmp_path)
    assert report.removed == () and report.rematched == ()
    mods = {t: e["mod"] for t, (_, e) in by_term(root).items()}
    assert mods == {
        "Bubble sort": 1700000100,
        "Insertion sort": 1700000200,
        "Merge sort": 1700000000,
    }
    assert "<<<<<<<" not in lock.read_text("utf-8")


def test_building_part_of_a_notes_folder_keeps_its_root(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    (notes / "algo").mkdir(parents=True)
    (notes / "algo" / "sorting.md").write_text(NOTE, "utf-8")
    whole = build([str(notes)], BuildOptions(out=tmp_path / "a"))
    guids = {c.guid for d in whole.decks for c in d.cards}
    for part in (notes / "algo", notes / "algo" / "sorting.md"):
        report = build([str(part)], BuildOptions(out=tmp_path / "b"))
        assert {c.guid for d in report.decks for c in d.cards} == guids
        assert {c.deck for d in report.decks for c in d.cards} == {"Algo::Sorting"}
        assert report.locks == () and not (notes / "algo" / "notedeck.lock").exists()


def test_two_notes_with_one_id_do_not_share_a_card(root: Path, tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (root / name).write_text("---\nid: same\n---\n" + NOTE, "utf-8")
    report = run(root, tmp_path)
    guids = [c.guid for d in report.decks for c in d.cards]
    assert len(guids) == len(set(guids)) == 6  # sorting.md's 3 + a.md's 3; b.md's are dropped
    warnings = [d for d in report.diagnostics if "same identity" in d.message]
    assert len(warnings) == 3 and all(d.loc and d.loc.path.endswith("b.md") for d in warnings)
    assert "own front-matter `id`" in warnings[0].hint
    assert {e["file"] for e in lock_of(root).values()} == {"a.md", "sorting.md"}


CASED = r"""# Regex

## Classes

| Class | Matches |
|---|---|
| `\s` | a whitespace character |
| `\S` | any character but whitespace |
| `\d` | a digit |
| `\D` | any character but a digit |
"""


def test_terms_told_apart_by_case_are_two_notes_in_anki(tmp_path: Path) -> None:
    """`\\s` and `\\S` are two cards, two lock entries and two notes after an import."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "regex.md").write_text(CASED, "utf-8")
    report = run(notes, tmp_path)
    assert not [d for d in report.diagnostics if "same identity" in d.message]
    assert sorted(by_term(notes)) == [r"\D", r"\S", r"\d", r"\s"]
    got = imported(tmp_path / "out" / "Regex.apkg", tmp_path / "anki")
    assert [c.fields["Term"] for c in got] == [r"\s", r"\S", r"\d", r"\D"]
    assert len({c.guid for c in got}) == len({c.note_id for c in got}) == 4


def test_a_card_keeps_its_guid_when_case_starts_to_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A code term no other term differs from only in case keeps the GUID it always had, with
    no lock file needed: only a pair like `\\s` and `\\S` gets identities that tell case apart."""
    notes = tmp_path / "notes"
    notes.mkdir()
    lone = CASED.replace("| `\\s` |", "| `\\w` |").replace("| `\\d` |", "| `\\b` |")
    (notes / "regex.md").write_text(lone, "utf-8")  # no two terms differ only in case
    with monkeypatch.context() as before:  # the identity every card had before case counted
        before.setattr(terms, "identity_key", lambda term, cased: terms.term_key(term))
        run(notes, tmp_path, cache=False)
    old = {t: g for t, (g, _) in by_term(notes).items()}
    (notes / "notedeck.lock").unlink()  # a learner who never kept the lock file
    report = run(notes, tmp_path, cache=False)
    assert not report.rematched
    assert {t: g for t, (g, _) in by_term(notes).items()} == old
    assert card_guid("regex.md", ("Classes",), r"\d", True) == card_guid(
        "regex.md", ("Classes",), r"\d"
    )
