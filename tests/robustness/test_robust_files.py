"""The file system fails: missing roots, unreadable files and folders, symlink loops, an
output folder that cannot be written, a full disk. The build says what happened, exits 1
without a traceback, and the previous .apkg survives byte for byte."""

from __future__ import annotations

import errno
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest
from robust_helpers import IS_ROOT, imported, write

from generator import package

GOOD = "# Good\n\n## Latency\n\n- the time a request waits\n"
OTHER = "# Other\n\n## Word\n\n- another definition\n"


def _notes(tmp_path: Path) -> Path:
    notes = tmp_path / "notes"
    write(notes / "good.md", GOOD)
    write(notes / "sub" / "other.md", OTHER)
    return notes


def test_notes_root_that_does_not_exist(tmp_path: Path, cli) -> None:
    missing = tmp_path / "nowhere"
    for command in ("build", "list"):
        run = cli(command, str(missing))
        assert run.code == 2  # a path that does not exist is a usage error
        assert run.lines == [f"notedeck: error: {missing}: no such file or folder (check the path)"]
    assert not (tmp_path / "dist").exists()


def test_unreadable_folder_is_reported_and_the_rest_builds(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = _notes(tmp_path)
    private = notes / "sub"
    if IS_ROOT:  # root reads through chmod 000, so the refusal is simulated
        real_scandir = os.scandir

        def scandir(path: object) -> object:
            if not isinstance(path, int) and Path(os.fsdecode(path)) == private:  # type: ignore[arg-type]
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_scandir(path)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        private.chmod(0)
    try:
        run = cli("build", str(notes), "-o", str(tmp_path / "out"))
    finally:
        private.chmod(0o755)
    assert run.code == 1
    assert run.lines == [f"{private}: error: cannot read folder: Permission denied"]
    got = imported(tmp_path / "out" / "Good.apkg", tmp_path / "anki")
    assert [c.fields["Term"] for c in got] == ["Latency"]


def test_unreadable_file_is_reported_and_the_rest_builds(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = _notes(tmp_path)
    secret = notes / "sub" / "other.md"
    if IS_ROOT:
        real_open = Path.open

        def refuse(self: Path, *args: object, **kwargs: object) -> object:
            if self == secret:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "open", refuse)
    else:
        secret.chmod(0)
    try:
        run = cli("build", str(notes), "-o", str(tmp_path / "out"))
    finally:
        secret.chmod(0o644)
    assert run.code == 1
    assert run.lines == [f"{secret}:1: error: cannot read: Permission denied"]
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["Good.apkg"]


def test_symlink_loops_are_walked_once(tmp_path: Path, cli) -> None:
    notes = _notes(tmp_path)
    (notes / "sub" / "loop").symlink_to(notes, target_is_directory=True)
    (notes / "self").symlink_to("self")
    (notes / "again.md").symlink_to("again.md")
    run = cli("list", str(notes), "--json")
    assert run.code == 0
    assert run.lines == [f"{notes}/again.md: warning: skipped: broken or looping symbolic link"]
    assert run.out.count('"term": "Latency"') == 1 and run.out.count('"term": "Word"') == 1


def test_symlinked_folder_inside_the_root_is_read_once(tmp_path: Path, cli) -> None:
    notes = _notes(tmp_path)
    (notes / "alias").symlink_to(notes / "sub", target_is_directory=True)
    run = cli("build", str(notes), "-o", str(tmp_path / "out"))
    assert (run.code, run.lines) == (0, [])
    assert "Built 2 deck(s), 2 card(s)" in run.out


def test_hidden_folders_are_not_notes(tmp_path: Path, cli) -> None:
    notes = _notes(tmp_path)
    write(notes / ".obsidian" / "workspace.md", "# Hidden\n\n## Secret\n\n- not a card\n")
    write(notes / ".draft.md", "# Draft\n\n## Secret\n\n- not a card\n")
    run = cli("list", str(notes), "--json")
    assert run.code == 0 and "Secret" not in run.out and '"term": "Latency"' in run.out


def test_output_folder_that_is_a_file(tmp_path: Path, cli) -> None:
    notes = _notes(tmp_path)
    blocker = write(tmp_path / "out", "not a folder")
    run = cli("build", str(notes), "-o", str(blocker))
    assert run.code == 1
    assert len(run.lines) == 1
    assert run.lines[0].startswith(f"notedeck: error: cannot write {blocker}/")
    assert blocker.read_text() == "not a folder"


def test_output_folder_not_writable(tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    notes = _notes(tmp_path)
    out = tmp_path / "out"
    assert cli("build", str(notes), "-o", str(out)).code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    write(notes / "good.md", GOOD + "\n## New\n\n- changed\n")
    if IS_ROOT:  # root writes through chmod 555, so the refusal is simulated
        import tempfile

        def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, "Permission denied", str(out))

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    else:
        out.chmod(0o555)
    try:
        run = cli("build", str(notes), "-o", str(out))
    finally:
        out.chmod(0o755)
    assert run.code == 1
    assert run.lines == [
        f"notedeck: error: cannot write {out}/Good.apkg: Permission denied "
        "(the previous file, if any, is unchanged)"
    ]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_disk_full_while_writing_keeps_the_previous_deck(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = _notes(tmp_path)
    out = tmp_path / "out"
    assert cli("build", str(notes), "-o", str(out)).code == 0
    before = (out / "Good.apkg").read_bytes()
    write(notes / "good.md", GOOD + "\n## New\n\n- changed\n")
    real_open = zipfile.ZipFile.open
    written: list[str] = []

    def open_entry(self: zipfile.ZipFile, name: object, mode: str = "r", **kw: object) -> object:
        if mode == "w":  # every entry of the package, whether written whole or a piece at a time
            written.append(str(self.filename))
            if len(written) == 2:  # half-way through the new package
                raise OSError(errno.ENOSPC)
        return real_open(self, name, mode, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", open_entry)
    run = cli("build", str(notes), "-o", str(out))
    assert run.code == 1
    assert run.lines == [
        f"notedeck: error: cannot write {out}/Good.apkg: No space left on device "
        "(the previous file, if any, is unchanged)"
    ]
    assert written and written[0] != str(out / "Good.apkg")  # a temp file, never the deck
    assert (out / "Good.apkg").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["Good.apkg", "Sub.apkg"]  # no leftovers
    monkeypatch.undo()
    got = imported(out / "Good.apkg", tmp_path / "anki")
    assert [c.fields["Term"] for c in got] == ["Latency"]


def test_database_full_while_writing_keeps_the_previous_deck(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = _notes(tmp_path)
    out = tmp_path / "out"
    assert cli("build", str(notes), "-o", str(out)).code == 0
    before = (out / "Good.apkg").read_bytes()
    write(notes / "good.md", GOOD + "\n## Jitter\n\n- how much latency varies\n")  # a new deck
    real_connect = sqlite3.connect

    class FullCursor:
        def __init__(self, cursor: sqlite3.Cursor) -> None:
            self.cursor = cursor

        def execute(self, sql: str, *args: object) -> object:
            if sql == "VACUUM":
                raise sqlite3.OperationalError("database or disk is full")
            return self.cursor.execute(sql, *args)  # type: ignore[arg-type]

        def __getattr__(self, name: str) -> object:
            return getattr(self.cursor, name)

    class FullConnection:
        def __init__(self, path: str) -> None:
            self.conn = real_connect(path)

        def cursor(self) -> FullCursor:
            return FullCursor(self.conn.cursor())

        def __getattr__(self, name: str) -> object:
            return getattr(self.conn, name)

    monkeypatch.setattr(package.sqlite3, "connect", FullConnection)
    run = cli("build", str(notes), "-o", str(out))
    assert run.code == 1
    assert run.lines == [
        f"notedeck: error: cannot write {out}/Good.apkg: database or disk is full "
        "(the previous file, if any, is unchanged)"
    ]
    assert (out / "Good.apkg").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["Good.apkg", "Sub.apkg"]


def test_os_errors_outside_the_library_become_a_message(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import cli as cli_module

    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(errno.EIO, "Input/output error", "/dev/sdz")

    monkeypatch.setattr(cli_module, "build", fail)
    run = cli("build", str(_notes(tmp_path)), "-o", str(tmp_path / "out"))
    assert (run.code, run.lines) == (1, ["Error: /dev/sdz: Input/output error"])
