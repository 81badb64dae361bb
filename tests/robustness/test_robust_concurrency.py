"""Two builds of the same notes at once: both succeed, and what is left is exactly one
complete deck per name, byte-identical to a build run alone, with no temp files behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from robust_helpers import imported, write


def _notes(folder: Path) -> Path:
    sections = "".join(
        f"## 용어 {i}\n\n- **개념 {i}**\n  - 정의 {i} " + "내용 " * 50 + "\n\n" for i in range(600)
    )
    write(folder / "big.md", "# Big\n\n" + sections)
    write(folder / "small.md", "# Small\n\n## Latency\n\n- the time a request waits\n")
    return folder


def _build(notes: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", str(notes), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_parallel_builds_never_corrupt_the_output(tmp_path: Path) -> None:
    notes = _notes(tmp_path / "notes")
    alone = tmp_path / "alone"
    first = _build(notes, alone)
    assert first.wait(timeout=300) == 0, first.stderr.read() if first.stderr else ""
    expected = {p.name: p.read_bytes() for p in alone.iterdir()}
    assert sorted(expected) == ["Big.apkg", "Small.apkg"]

    out = tmp_path / "out"
    for _round in range(2):
        runs = [_build(notes, out) for _ in range(2)]
        for run in runs:
            stdout, stderr = run.communicate(timeout=300)
            assert run.returncode == 0, stderr
            assert stderr == "" and "Built 2 deck(s), 601 card(s)" in stdout
        # No temp files or half-written packages; each deck as a lone build writes it.
        assert {p.name: p.read_bytes() for p in out.iterdir()} == expected

    got = imported(out / "Big.apkg", tmp_path / "anki")
    assert len(got) == 600
    assert [c.fields["Term"] for c in got[:2]] == ["개념 0", "개념 1"]
