"""`notedeck build --format tsv`: Anki's text import reads the headers, and a re-import updates
the same notes by GUID."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from anki.collection import ImportCsvRequest
from anki_helpers import cards, import_apkg, open_collection

from generator.cli import main

NOTE = """\
# 자료구조

## Lists

### Array

- Elements stored next to each other; index with `a[i]`
- Said "contiguous"

### Linked list

- Nodes that point to the next node
"""


def build(notes: Path, out: Path, fmt: str) -> Path:
    assert main(["build", str(notes), "-o", str(out), "--format", fmt]) == 0
    return next(out.glob(f"*.{fmt}"))


def test_tsv_headers_and_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "ds.md").write_text(NOTE, "utf-8")
    tsv = build(notes, tmp_path / "out", "tsv")
    assert tsv.name == "자료구조.tsv"
    text = tsv.read_text("utf-8")
    headers = [line for line in text.splitlines() if line.startswith("#")]
    assert headers == [
        "#separator:tab",
        "#html:true",
        "#tags column:7",
        "#deck column:8",
        "#notetype column:9",
        "#guid column:10",
    ]
    rows = list(csv.reader(text.split("\n", len(headers))[-1].splitlines(), delimiter="\t"))
    assert [r[0] for r in rows] == ["Array", "Linked list"]
    assert all(len(r) == 10 and r[7] == "자료구조" and r[8] == "notedeck basic" for r in rows)
    assert "<code>a[i]</code>" in rows[0][1]
    assert not (tmp_path / "out" / "자료구조.apkg").exists()
    capsys.readouterr()


def test_anki_text_import_updates_the_same_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    note = notes / "ds.md"
    note.write_text(NOTE, "utf-8")
    apkg = build(notes, tmp_path / "out", "apkg")
    col = open_collection(tmp_path / "anki")
    try:
        import_apkg(col, apkg)  # brings the note types
        before = {c.fields["Term"]: c.note_id for c in cards(col)}
        note.write_text(NOTE.replace("point to the next node", "link to their successor"), "utf-8")
        tsv = build(notes, tmp_path / "out", "tsv").resolve()
        metadata = col.get_csv_metadata(path=str(tsv), delimiter=None)
        assert (metadata.guid_column, metadata.notetype_column) == (10, 9)
        result = col.import_csv(ImportCsvRequest(path=str(tsv), metadata=metadata))
        assert not result.log.new and not result.log.conflicting
        after = {c.fields["Term"]: c for c in cards(col)}
        assert {t: c.note_id for t, c in after.items()} == before
        assert "link to their successor" in after["Linked list"].fields["Definition"]
        assert 'Said "contiguous"' in after["Array"].fields["Definition"]
        assert after["Array"].deck == "자료구조"
        assert col.note_count() == 2
    finally:
        col.close()
    capsys.readouterr()
