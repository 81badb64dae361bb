"""Footnotes: `grid[^1]` in the text cites `[^1]: a note on it`, written anywhere in the note
(most often at its end, under another heading). A footnote is no card and no part of the
answer it happens to stand in (filters.py leaves its lines out); it belongs to the answer that
cites it, under which it is added, so the card shows the note its number points to.
"""

from __future__ import annotations

import re

from ..parse import ParsedNote, all_sections, plain_text
from .candidate import dedent_block

# `[^1]` or `[^clt]` not followed by `:` (that is a footnote's own first line).
_CITE = re.compile(r"\[\^([^\]\s]+)\](?!:)")


def footnotes(parsed: ParsedNote) -> dict[str, str]:
    """The note's footnotes by label, each as written (`[^1]: …` and the lines under it)."""
    found: dict[str, str] = {}
    for section in all_sections(parsed.root):
        for block in section.body:
            for node in block.walk():
                if node.type == "footnote_reference" and node.map:
                    label = str(node.meta.get("label", ""))
                    written = dedent_block(parsed.lines[node.map[0] : node.map[1]])
                    if not written.startswith(f"[^{label}]:"):  # inside a quote: its text
                        written = f"[^{label}]: {plain_text(node)}"
                    if label:
                        found.setdefault(label, written)
    return found


def cited(definition: str) -> bool:
    return "[^" in definition


def with_footnotes(definition: str, notes: dict[str, str]) -> str:
    """The definition with the footnotes it cites under it, in the order it cites them."""
    labels = dict.fromkeys(m.group(1) for m in _CITE.finditer(definition))
    extra = [notes[label] for label in labels if label in notes and notes[label] not in definition]
    return "\n\n".join([definition, *extra]) if extra else definition
