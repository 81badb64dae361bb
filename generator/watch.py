"""`notedeck build --watch`: rebuild when notes change, and say only what changed.

Polling with os.stat keeps this dependency-free and works on every file system (network
drives and containers included, where change notifications often do not arrive). Changes are
debounced: an editor that saves in several steps causes one rebuild.
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .collector import settle_long_lived
from .interrupt import interrupted
from .lock import LOCK_NAME
from .model import BuildReport, NotedeckError
from .ui import Output

Snapshot = dict[str, tuple[int, int]]


def snapshot(paths: list[str], skip: Path | None = None) -> Snapshot:
    """(mtime, size) of every visible file under `paths`, except built decks, lock files (each
    rebuild writes its own: seen as a change, it caused a second rebuild) and `skip`."""
    found: Snapshot = {}
    skip = skip.resolve() if skip is not None else None
    for raw in paths:
        root = Path(raw)
        files = [root] if root.is_file() else _files(root)
        for file in files:
            if file.suffix == ".apkg" or file.name == LOCK_NAME:
                continue
            if skip is not None and file.resolve().is_relative_to(skip):
                continue
            try:
                stat = file.stat()
            except OSError:
                continue
            found[file.as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found


def _files(root: Path) -> list[Path]:
    out: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(Path(folder) / n for n in sorted(names) if not n.startswith("."))
    return out


def changed_files(before: Snapshot, after: Snapshot) -> list[str]:
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


@dataclass(frozen=True, slots=True)
class CardState:
    term: str
    where: str
    digest: str
    deck: str  # the top-level deck the card is built into


def card_states(
    report: BuildReport, before: dict[str, CardState] | None = None
) -> dict[str, CardState]:
    """guid → what a card says, to tell added, changed and removed cards apart. A deck the
    build kept as it was, without loading its notes (it names the deck and counts its cards
    but carries none), keeps the states it had `before`: nothing in it changed."""
    counts = report.deck_cards
    kept = {d.name for d, n in zip(report.decks, counts, strict=False) if n and not d.cards}
    states = {guid: s for guid, s in (before or {}).items() if s.deck in kept}
    for deck in report.decks:
        for card in deck.cards:
            text = "\x1f".join(f"{k}={v}" for k, v in sorted(card.fields.items()))
            tags = " ".join(card.tags)
            digest = hashlib.sha256(f"{card.deck}\x1e{tags}\x1e{text}".encode()).hexdigest()
            states[card.guid] = CardState(card.card.term, str(card.card.loc), digest, deck.name)
    return states


def card_changes(before: dict[str, CardState], after: dict[str, CardState]) -> list[str]:
    """`+ term (file:line)` for new cards, `~` for changed, `-` for removed."""
    lines: list[str] = []
    for guid, state in after.items():
        if guid not in before:
            lines.append(f"+ {state.term} ({state.where})")
        elif before[guid].digest != state.digest:
            lines.append(f"~ {state.term} ({state.where})")
    lines.extend(f"- {s.term} ({s.where})" for g, s in before.items() if g not in after)
    return lines


def wait_for_change(
    paths: list[str],
    last: Snapshot,
    skip: Path | None,
    stop: Callable[[], bool],
    interval: float = 0.3,
    debounce: float = 0.3,
) -> Snapshot | None:
    """Block until the files under `paths` change and then stay still for `debounce`
    seconds; the new snapshot, or None when `stop()` says to end."""
    while not stop():
        time.sleep(interval)
        current = snapshot(paths, skip)
        if current == last:
            continue
        while not stop():
            time.sleep(debounce)
            settled = snapshot(paths, skip)
            if settled == current:
                return settled
            current = settled
    return None


def watch(
    paths: list[str],
    out: Path,
    first: BuildReport,
    rebuild: Callable[[], BuildReport],
    output: Output,
    stop: Callable[[], bool] = lambda: False,
) -> int:
    """Rebuild after every change until Ctrl-C; print the changed files, new diagnostics and
    the cards added (+), changed (~) and removed (-). A broken rebuild keeps watching."""
    states, seen = card_states(first), {str(d) for d in first.diagnostics}
    del first  # every card's fields: only their states are needed from here on
    settle_long_lived()
    last = snapshot(paths, out)
    output.print(f"Watching {', '.join(paths)} for changes (Ctrl-C to stop)")

    def stopped() -> bool:
        return stop() or interrupted()

    try:
        while (current := wait_for_change(paths, last, out, stopped)) is not None:
            output.print("Changed: " + ", ".join(changed_files(last, current)))
            last, started = current, time.monotonic()
            try:
                report = rebuild()
            except NotedeckError as exc:
                output.error(exc)
                continue
            output.diagnostics([d for d in report.diagnostics if str(d) not in seen])
            seen = {str(d) for d in report.diagnostics}
            now = card_states(report, states)
            changes = card_changes(states, now)
            states = now
            for line in changes:
                output.print(line)
            took = time.monotonic() - started
            output.print(f"Rebuilt in {took:.2f} s: {len(changes) or 'no'} card change(s)")
            settle_long_lived()
    except KeyboardInterrupt:
        output.print("Stopped watching.")
        return 0
    finally:
        gc.unfreeze()  # what was set aside is the collector's again
    if interrupted():  # a Ctrl-C whose KeyboardInterrupt was lost (see interrupt.py)
        output.print("Stopped watching.")
    return 0
