"""Helpers shared by the tests of the build cache, the no-change record and skipped decks."""

from __future__ import annotations

import hashlib
from pathlib import Path


def digests(out: Path) -> dict[str, str]:
    """Each written deck's SHA-256, by file name: equal digests mean byte-identical decks."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob("*.apkg"))}
