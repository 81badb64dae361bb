"""`notedeck init`: a notes folder with an example note and a config file, ready to build."""

from __future__ import annotations

from pathlib import Path

from .config import CONFIG_FILE, KEYS
from .model import Loc, NotedeckError

EXAMPLE_NOTE = "example.md"
EXAMPLE = """\
# Operating Systems

A note written the way you already write notes. Every term below becomes a card;
run `notedeck list` to see them.

## Process

- A program in execution, with its own memory space
- The operating system schedules processes onto the CPU

## Synchronisation

- **Mutex**
  - A lock that only one thread can hold at a time
  - The thread that locked it must unlock it
- **Semaphore**
  - A counter that lets up to N threads in at once

## Sources

- [Operating Systems: Three Easy Pieces](https://pages.cs.wisc.edu/~remzi/OSTEP/)
"""


def init(folder: Path) -> list[Path]:
    """Create `folder` with an example note and a config file; never overwrites a file."""
    files = {folder / EXAMPLE_NOTE: EXAMPLE, folder / CONFIG_FILE: template_toml()}
    for path in files:
        if path.exists():
            raise NotedeckError(
                Loc(path.as_posix(), 1),
                "already exists; notedeck init never overwrites a file",
                "choose another folder: notedeck init DIR",
            )
    if folder.exists() and not folder.is_dir():
        raise NotedeckError(Loc(folder.as_posix(), 1), "exists and is not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        path.write_text(text, "utf-8")
    return list(files)


def next_steps(folder: Path) -> str:
    """What to do after `init`, as the commands to type."""
    shown = folder.as_posix()
    return (
        f"Created {shown}/ with {EXAMPLE_NOTE} and {CONFIG_FILE}. Next:\n"
        f"  notedeck list {shown}            # the cards your notes make\n"
        f"  notedeck check {shown}           # problems in the notes, with line numbers\n"
        f"  notedeck build {shown} -o dist   # write dist/<deck>.apkg\n"
        "Then import the .apkg in Anki (File › Import…). Edit or add notes in "
        f"{shown}/ and build again: Anki updates the cards in place."
    )


def template_toml() -> str:
    """A config file with every key at its default, commented, for `notedeck init`."""
    lines = ["# notedeck settings: uncomment a line to change it (README: Configuration)."]
    for key in KEYS.values():
        lines.append(f"\n# {key.doc}")
        lines.append(f"# {key.name} = {key.default}")
    return "\n".join(lines) + "\n"
