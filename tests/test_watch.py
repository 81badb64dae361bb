"""`notedeck build --watch`: a debounced rebuild that prints only what changed."""

from __future__ import annotations

import contextlib
import io
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import weakref
from pathlib import Path

import pytest
from cli_helpers import ROOT, imported, write

from generator.build import build
from generator.config import resolve
from generator.interrupt import noticed
from generator.model import BuildReport
from generator.ui import Output
from generator.watch import card_changes, changed_files, snapshot, watch
from generator.workers import PARALLEL_MIN_BYTES, PARALLEL_MIN_NOTES

NOTE = """# Networking

## TCP

- A reliable, ordered byte stream between two hosts

## UDP

- Datagrams with no delivery guarantee
"""


class Watcher:
    """`python -m generator build --watch` in the background, its output line by line."""

    def __init__(self, cwd: Path, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "build", "--watch", *args],
            cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def until(self, prefix: str, timeout: float = 30) -> list[str]:
        """Lines up to and including the first that starts with `prefix`."""
        got: list[str] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            got.append(line)
            if line.startswith(prefix):
                return got
        raise AssertionError(f"no line starting {prefix!r}; got {got}")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=30)


def test_watch_rebuilds_and_prints_only_what_changed(tmp_path: Path) -> None:
    note = write(tmp_path / "notes" / "net.md", NOTE)
    watcher = Watcher(tmp_path, "notes", "-o", "out")
    try:
        first = watcher.until("Watching notes")
        assert any(line.startswith("Built 1 deck(s), 2 card(s)") for line in first)
        assert len(imported(tmp_path / "out" / "Networking.apkg", tmp_path / "a1")) == 2

        note.write_text(
            NOTE.replace("no delivery guarantee", "no delivery or ordering guarantee")
            + "\n## QUIC\n\n- Streams over UDP with TLS built in\n",
            "utf-8",
        )
        changed = watcher.until("Rebuilt in")
        assert changed[0] == "Changed: notes/net.md"
        assert changed[1:-1] == ["~ UDP (notes/net.md:7)", "+ QUIC (notes/net.md:11)"]
        assert changed[-1].endswith(": 2 card change(s)")

        figure = "## Figure\n\n- see the figure\n![x](nope.png)\n"
        note.write_text(NOTE.split("## UDP")[0] + figure, "utf-8")
        removed = watcher.until("Rebuilt in")
        assert removed[1:-1] == [
            "notes/net.md:10: warning: image not found: nope.png (check the file name and folder)",
            "+ Figure (notes/net.md:7)",
            "- UDP (notes/net.md:7)",
            "- QUIC (notes/net.md:11)",
        ]
        got = imported(tmp_path / "out" / "Networking.apkg", tmp_path / "a2")
        assert [c.fields["Term"] for c in got] == ["TCP", "Figure"]
    finally:
        code = watcher.stop()
    assert code == 0
    assert watcher.until("Stopped watching")


OS_NOTE = """# Operating Systems

## Mutex

- A lock owned by the one thread that took it

## Semaphore

- A counter of free resources
"""


def test_a_deck_the_edit_did_not_touch_is_kept_and_its_cards_are_not_reported(
    tmp_path: Path,
) -> None:
    """A rebuild keeps the decks an edit did not touch without loading their notes, as a
    one-off build does; their cards are the ones the watcher already knows, not removed ones."""
    write(tmp_path / "notes" / "net.md", NOTE)
    os_note = write(tmp_path / "notes" / "os.md", OS_NOTE)
    watcher = Watcher(tmp_path, "notes", "-o", "out")
    try:
        first = watcher.until("Watching notes")
        assert any(line.startswith("Built 2 deck(s), 4 card(s)") for line in first)
        os_note.write_text(OS_NOTE.replace("free resources", "free permits"), "utf-8")
        changed = watcher.until("Rebuilt in")
        assert changed[0] == "Changed: notes/os.md"
        assert changed[1:-1] == ["~ Semaphore (notes/os.md:7)"]
        assert changed[-1].endswith(": 1 card change(s)")
        os_note.write_text(OS_NOTE.split("## Semaphore")[0], "utf-8")
        removed = watcher.until("Rebuilt in")
        assert removed[1:-1] == ["- Semaphore (notes/os.md:7)"]
        got = imported(tmp_path / "out" / "Networking.apkg", tmp_path / "a1")
        assert [c.fields["Term"] for c in got] == ["TCP", "UDP"]
        got = imported(tmp_path / "out" / "Operating-Systems.apkg", tmp_path / "a2")
        assert [c.fields["Term"] for c in got] == ["Mutex"]
    finally:
        assert watcher.stop() == 0


def test_a_rebuild_is_not_set_off_by_the_lock_file_it_wrote(tmp_path: Path) -> None:
    """Each rebuild writes notedeck.lock beside the notes: seen as a change, it set off a second
    rebuild (`Changed: notes/notedeck.lock`) after every edit."""
    note = write(tmp_path / "notes" / "net.md", NOTE)
    watcher = Watcher(tmp_path, "notes", "-o", "out")
    try:
        watcher.until("Watching notes")
        note.write_text(NOTE + "\n## QUIC\n\n- Streams over UDP with TLS built in\n", "utf-8")
        assert watcher.until("Rebuilt in")[0] == "Changed: notes/net.md"
        assert (tmp_path / "notes" / "notedeck.lock").is_file()
        time.sleep(2)  # a second rebuild would start within 0.6 s (poll, then debounce)
        assert watcher.lines.empty(), watcher.lines.get()
    finally:
        assert watcher.stop() == 0
    before = snapshot([str(tmp_path / "notes")])
    (tmp_path / "notes" / "notedeck.lock").write_text("{}\n", "utf-8")
    assert snapshot([str(tmp_path / "notes")]) == before


def children(pid: int) -> list[int]:
    """The processes `pid` has started (Linux: /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # the thread or the process has ended
            found.extend(int(child) for child in (task / "children").read_text().split())
    return found


@pytest.mark.skipif(
    not Path(f"/proc/self/task/{os.getpid()}/children").exists(),
    reason="needs /proc/PID/task/TID/children to see the watcher's worker processes",
)
def test_ctrl_c_as_a_rebuild_starts_its_worker_processes_stops_the_watcher(
    tmp_path: Path,
) -> None:
    """SIGINT just after a rebuild's first worker process appears. It used to be lost, raised in
    logging's at-fork hook (the watcher went on watching), or raised before the pool's manager
    thread started (the workers started so far waited for work, and the watcher for them at
    exit), or while that thread was made but not started (`cannot join thread`): most tries
    failed one of these ways."""
    section = "## Term {}\n\n- " + "a long definition of the term, " * 30 + "\n\n"
    per_note = PARALLEL_MIN_BYTES // PARALLEL_MIN_NOTES // len(section) + 1
    for i in range(PARALLEL_MIN_NOTES):
        text = f"# Topic {i}\n\n" + "".join(section.format(j) for j in range(per_note))
        note = write(tmp_path / "notes" / f"topic-{i}.md", text)
    # No cache: the rebuild parses every note again, so it starts worker processes.
    args = ("notes", "-o", "out", "--format", "tsv", "--no-cache", "--jobs", "4")
    watcher = Watcher(tmp_path, *args)
    started: list[int] = []
    try:
        watcher.until("Watching notes", timeout=60)
        note.write_text(text + section.format("new"), "utf-8")
        deadline = time.monotonic() + 30
        while not started and time.monotonic() < deadline:
            started = children(watcher.process.pid)
        assert started, "the rebuild started no worker process"
        watcher.process.send_signal(signal.SIGINT)
        code = watcher.process.wait(timeout=10)
    finally:
        for pid in [*children(watcher.process.pid), *started, watcher.process.pid]:
            with contextlib.suppress(OSError):  # a hung watcher's workers wait for ever
                os.kill(pid, signal.SIGKILL)
    assert code == 0
    assert watcher.until("Stopped watching")


def lose_a_ctrl_c() -> None:
    """SIGINT whose KeyboardInterrupt is raised where Python only prints an exception and goes
    on (here a weakref callback; nh3's attribute filter, at-fork hooks and __del__ alike)."""

    class Thing:
        pass

    thing = Thing()
    ref = weakref.ref(thing, lambda _: signal.raise_signal(signal.SIGINT))
    del thing
    assert ref() is None


def test_a_ctrl_c_whose_keyboard_interrupt_was_lost_still_stops_watching(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    note = write(tmp_path / "notes" / "net.md", NOTE)
    options, _ = resolve(["notes"])
    first = build(["notes"], options)
    lost: list[BaseException | None] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: lost.append(u.exc_value))
    shown = io.StringIO()

    def edit() -> None:
        while "Watching" not in shown.getvalue():
            time.sleep(0.05)
        note.write_text(NOTE + "\n## QUIC\n\n- Streams over UDP with TLS built in\n", "utf-8")

    def rebuild() -> BuildReport:
        report = build(["notes"], options)
        lose_a_ctrl_c()
        return report

    editor = threading.Thread(target=edit, daemon=True)
    editor.start()
    deadline = time.monotonic() + 20  # the old watcher went on: end it anyway
    with noticed():
        code = watch(["notes"], options.out, first, rebuild, Output(out=shown, err=shown),
                     lambda: time.monotonic() > deadline)  # fmt: skip
    assert [type(exc) for exc in lost] == [KeyboardInterrupt]
    assert code == 0
    lines = shown.getvalue().splitlines()
    assert lines[-3] == "+ QUIC (notes/net.md:11)"
    assert lines[-2].startswith("Rebuilt in")
    assert lines[-1] == "Stopped watching."
    assert time.monotonic() < deadline


def test_snapshot_ignores_built_decks_and_hidden_files(tmp_path: Path) -> None:
    write(tmp_path / "n" / "a.md", "x")
    write(tmp_path / "n" / ".obsidian" / "workspace.json", "{}")
    write(tmp_path / "n" / "dist" / "A.apkg", "zip")
    write(tmp_path / "n" / "out" / "preview.html", "<p>")
    before = snapshot([str(tmp_path / "n")], skip=tmp_path / "n" / "out")
    assert [Path(p).name for p in before] == ["a.md"]
    write(tmp_path / "n" / "img" / "b.png", "png")
    after = snapshot([str(tmp_path / "n")], skip=tmp_path / "n" / "out")
    assert [Path(p).name for p in changed_files(before, after)] == ["b.png"]
    assert card_changes({}, {}) == []


def test_a_broken_config_is_reported_and_watching_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "notes" / "net.md", NOTE)
    config = tmp_path / "notes" / "notedeck.toml"
    options, _ = resolve(["notes"])
    first = build(["notes"], options)
    shown = io.StringIO()
    done = threading.Event()

    def wait_for(text: str) -> None:
        deadline = time.monotonic() + 20
        while text not in shown.getvalue() and time.monotonic() < deadline:
            time.sleep(0.05)

    def edit() -> None:
        wait_for("Watching")
        write(config, "colour = 1\n")
        wait_for("unknown key")
        write(config, 'tags = ["net"]\n')
        wait_for("Rebuilt in")
        done.set()

    editor = threading.Thread(target=edit)
    editor.start()

    def rebuild() -> BuildReport:
        return build(["notes"], resolve(["notes"])[0])

    code = watch(["notes"], options.out, first, rebuild, Output(out=shown, err=shown), done.is_set)
    editor.join()
    assert code == 0
    lines = shown.getvalue().splitlines()
    assert lines == [
        "Watching notes for changes (Ctrl-C to stop)",
        "Changed: notes/notedeck.toml",
        "notes/notedeck.toml:1: error: unknown key `colour` (known keys: deck, images, language, "
        "missing_images, out, reverse, strategies, tags)",
        "Changed: notes/notedeck.toml",
        "~ TCP (notes/net.md:3)",
        "~ UDP (notes/net.md:7)",
        lines[-1],
    ]
    assert lines[-1].startswith("Rebuilt in") and lines[-1].endswith(": 2 card change(s)")
    got = imported(tmp_path / "dist" / "Networking.apkg", tmp_path / "anki")
    assert [(c.fields["Term"], c.tags) for c in got] == [
        ("TCP", ["net", "Networking::TCP"]),
        ("UDP", ["net", "Networking::UDP"]),
    ]
