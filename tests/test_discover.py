"""Discovery takes what the folder listing says of plain folders and files (no symbolic link,
a UTF-8 name) and asks the file system only about the rest: both ways find the same notes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import notes
from generator.model import Diagnostic


def _tree(base: Path) -> Path:
    root = base / "notes"
    (root / "a" / "b").mkdir(parents=True)
    (root / "c").mkdir()
    (root / ".hidden").mkdir()
    (root / "a" / "n1.md").write_text("# n1\n")
    (root / "a" / "b" / "N2.MD").write_text("# n2\n")
    (root / "a" / "b" / "n3.markdown").write_text("# n3\n")
    (root / "a" / "image.png").write_bytes(b"png")
    (root / ".hidden" / "h.md").write_text("# h\n")
    (root / "c" / "link.md").symlink_to(root / "a" / "n1.md")
    (root / "c" / "folder").symlink_to(root / "a" / "b")
    (root / "c" / "outside.md").symlink_to(base / "elsewhere.md")
    (base / "elsewhere.md").write_text("# out\n")
    (root / "c" / "dangling.md").symlink_to(root / "missing.md")
    (root / "dir.md").mkdir()  # a folder with a note's suffix
    os.mkfifo(root / "a" / "pipe.md")
    with open(os.fsencode(root / "a") + b"/bad\xff.md", "wb") as bad:
        bad.write(b"# bad\n")
    return root


def _found(root: Path) -> tuple[list[tuple[Path, Path, str]], list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    found = notes.discover([str(root)], diagnostics)
    return [(f.file, f.root, f.shown) for f in found], diagnostics


def test_listing_and_asking_find_the_same_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    listed = _found(root)
    monkeypatch.setattr(notes, "_plain", lambda entry: False)  # ask about every entry
    asked = _found(root)
    assert listed == asked
    # Each real note once (the first path the walk meets it by), none hidden or outside.
    assert sorted(file.resolve().name for file, _, _ in listed[0]) == [
        "N2.MD",
        "n1.md",
        "n3.markdown",
    ]
    assert len(listed[1]) == 4  # outside the root, dangling, not a regular file, not UTF-8
