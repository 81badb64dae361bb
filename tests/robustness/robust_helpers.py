"""Helpers for the robustness suite: run the CLI like a user, watch which files a build
opens, and import whatever it wrote into a fresh real Anki collection."""

from __future__ import annotations

import os
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from anki_helpers import imported as imported

from generator.cli import main
from generator.notes import discover
from generator.options import BuildOptions
from generator.workers import process

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Iterator[object]:
    def run(*argv: str) -> Run:
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        return Run(code, captured.out, captured.err)

    yield run


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def apkg_bytes(apkg: Path) -> bytes:
    """Every entry of a package, concatenated, to search for leaked content."""
    with zipfile.ZipFile(apkg) as zf:
        return b"".join(zf.read(name) for name in zf.namelist())


class OpenWatch:
    """Records every path Python opens or lists (audit events) while `active`."""

    def __init__(self) -> None:
        self.active = False
        self.paths: list[str] = []

    def __call__(self, event: str, args: tuple[object, ...]) -> None:
        if self.active and event in ("open", "os.scandir", "os.listdir") and args:
            target = args[0]
            if isinstance(target, (str, bytes, os.PathLike)):
                self.paths.append(os.path.realpath(os.fsdecode(target)))

    def touched(self, folder: Path) -> list[str]:
        prefix = os.path.realpath(folder) + os.sep
        return [p for p in self.paths if p.startswith(prefix) or p == prefix.rstrip(os.sep)]


_WATCH = OpenWatch()
sys.addaudithook(_WATCH)


@pytest.fixture
def opened() -> Iterator[OpenWatch]:
    """While the test runs, which files the build opened (audit hooks cannot be removed, so
    one hook is installed for the session and switched on per test)."""
    _WATCH.paths.clear()
    _WATCH.active = True
    try:
        yield _WATCH
    finally:
        _WATCH.active = False
        _WATCH.paths.clear()


def processing_seconds(tmp_path: Path, text: str) -> float:
    """The best of two times to read and extract a note holding `text` in a section, as a
    worker does (a long-run test compares this at two sizes, never against a fixed time)."""
    note = tmp_path / "timed.md"
    note.write_text(f"# Timed\n\n## Section\n\n{text}\n\n- Latency: the time a request waits\n")
    found = discover([str(note)])[0]
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        outcome = process(found, note.read_bytes(), "", BuildOptions(), None)
        best = min(best, time.perf_counter() - started)
        assert outcome.entry is not None and outcome.error is None
    return best
