"""Same notes + same lock file ⇒ byte-identical .apkg, whatever the clock, the folder or the
output path; and the bytes change when, and only where, the content does."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from anki_helpers import cards, import_apkg, open_collection

from generator.build import build
from generator.options import BuildOptions

NOTE = """\
# Networks

## Layers

### Router

- Forwards packets between networks
- ![diagram](img/router.png)

### Switch

- Forwards frames inside one network
- ![diagram](other/router.png)
"""

# Two different images with the same file name, in different folders.
PNG_A = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201a1d2a7a10000000049454e44ae426082"
)
PNG_B = PNG_A.replace(b"\xf8\xcf\xc0\xf0", b"\xf8\xcf\xc0\xf1")


def make_notes(folder: Path) -> Path:
    (folder / "net" / "img").mkdir(parents=True)
    (folder / "net" / "other").mkdir()
    (folder / "net" / "networks.md").write_text(NOTE, "utf-8")
    (folder / "net" / "img" / "router.png").write_bytes(PNG_A)
    (folder / "net" / "other" / "router.png").write_bytes(PNG_B)
    return folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_one(notes: Path, out: Path) -> Path:
    report = build([str(notes)], BuildOptions(out=out))
    assert [Path(p).name for p in report.outputs] == ["Net.apkg"]
    return Path(report.outputs[0])


@pytest.mark.parametrize("source_date_epoch", ["1700000000", None])
def test_building_twice_gives_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source_date_epoch: str | None
) -> None:
    if source_date_epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH")  # the wall clock: the lock file keeps times
    notes = make_notes(tmp_path / "notes")
    first = build_one(notes, tmp_path / "a")
    lock = (notes / "notedeck.lock").read_bytes()
    second = build_one(notes, tmp_path / "b")
    assert digest(first) == digest(second)
    assert (notes / "notedeck.lock").read_bytes() == lock
    # The same notes and lock file somewhere else (a teammate's clone) give the same bytes too.
    clone = tmp_path / "clone"
    shutil.copytree(notes, clone)
    monkeypatch.chdir(tmp_path)
    assert digest(build_one(Path("clone"), Path("c"))) == digest(first)


def test_package_is_hand_written_and_fixed(tmp_path: Path) -> None:
    apkg = build_one(make_notes(tmp_path / "notes"), tmp_path / "out")
    with zipfile.ZipFile(apkg) as zf:
        infos = zf.infolist()
        assert [i.filename for i in infos] == ["collection.anki2", "media", "0", "1"]
        # SOURCE_DATE_EPOCH (set for every test) is 2023-11-14 22:13:20 UTC.
        assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}
        assert {i.create_system for i in infos} == {3}
        media = json.loads(zf.read("media"))
        names = sorted(media.values())
        assert len(names) == 2 and all(n.endswith("-router.png") for n in names)
        assert names[0] != names[1]  # two router.png from two folders do not clash
        assert {zf.read(k) for k in media} == {PNG_A, PNG_B}
        db = tmp_path / "collection.anki2"
        db.write_bytes(zf.read("collection.anki2"))
    conn = sqlite3.connect(db)
    try:
        models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
        mods = {m["name"]: m["mod"] for m in models.values()}
        assert mods == {"notedeck basic": 1_700_000_000}
        assert set(conn.execute("SELECT DISTINCT mod FROM notes")) == {(1_700_000_000,)}
    finally:
        conn.close()


def test_a_change_bumps_only_the_changed_card(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = make_notes(tmp_path / "notes")
    first = build_one(notes, tmp_path / "a")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    note = notes / "net" / "networks.md"
    note.write_text(NOTE.replace("inside one network", "inside one LAN"), "utf-8")
    second = build_one(notes, tmp_path / "b")
    assert digest(first) != digest(second)
    col = open_collection(tmp_path / "anki")
    try:
        import_apkg(col, second)
        mods = {c.fields["Term"]: col.get_note(c.note_id).mod for c in cards(col)}
        assert mods == {"Router": 1_700_000_000, "Switch": 1_800_000_000}
    finally:
        col.close()
    # Building again with a later clock changes nothing: the lock file remembers.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    assert digest(build_one(notes, tmp_path / "c")) == digest(second)


def test_note_type_hashes_survive_writing_a_deck(tmp_path: Path) -> None:
    """genanki adds keys to a model's field and template dicts when it writes; the hash the
    lock file keeps must not see them, or every later build in the process (watch mode)
    would give the note types a new time."""
    from generator.cli import main
    from generator.package import model_hashes

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "n.md").write_text("# N\n\n## Latency\n\n- the time a request waits\n", "utf-8")
    before = model_hashes()
    assert main(["-q", "build", str(notes), "-o", str(tmp_path / "out")]) == 0
    assert model_hashes() == before
