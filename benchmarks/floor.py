"""The least a Markdown-to-Anki tool built on markdown-it-py and genanki can do for a vault.

Reads and parses every note with markdown-it-py (CommonMark and tables, no plugins) on every
core, then writes the same cards (taken from the ankdown copy of the vault, front and back as
they stand, not rendered) with genanki, one deck per topic folder. Nothing else: no card is
found, nothing is rendered or sanitised, no image is bundled. `run.py` times this beside
notedeck and ankdown, as the issue's reference row "read + markdown-it-py parse + genanki
write of the same cards, nothing else" did.

    python benchmarks/floor.py NOTES ANKDOWN_COPY OUT_DIR
"""

from __future__ import annotations

import os
import sys
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import genanki
from markdown_it import MarkdownIt


def parse_all(paths: list[Path]) -> int:
    """Parse the notes; the number of tokens, so the work cannot be skipped."""
    md = MarkdownIt("commonmark").enable("table")
    return sum(len(md.parse(path.read_text("utf-8"))) for path in paths)


def cards_of(text: str) -> list[tuple[str, str]]:
    """ankdown's syntax: front, a `%` line, back, cards apart by `---` lines."""
    found = []
    for block in text.split("\n---\n"):
        front, sep, back = block.partition("\n%\n")
        if sep:
            found.append((front.strip(), back.strip()))
    return found


def main() -> None:
    notes, side, out = (Path(a) for a in sys.argv[1:4])
    paths = sorted(notes.rglob("*.md"))
    jobs = os.cpu_count() or 1
    with ProcessPoolExecutor(jobs) as pool:
        tokens = sum(pool.map(parse_all, [paths[i::jobs] for i in range(jobs)]))
    model = genanki.Model(
        1607392319,
        "Basic (floor)",
        fields=[{"name": "Front"}, {"name": "Back"}],
        templates=[{"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{Back}}"}],
    )
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for folder in sorted(p for p in side.iterdir() if p.is_dir()):
        deck = genanki.Deck(zlib.crc32(folder.name.encode()) + 1, folder.name)
        for path in sorted(folder.rglob("*.md")):
            for front, back in cards_of(path.read_text("utf-8")):
                deck.add_note(genanki.Note(model=model, fields=[front, back]))
                count += 1
        genanki.Package(deck).write_to_file(str(out / f"{folder.name}.apkg"))
    print(f"{len(paths)} notes parsed ({tokens} tokens), {count} card(s) written")


if __name__ == "__main__":
    main()
