"""Helpers shared by the tests of the build cache, the no-change record and skipped decks."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


def digests(out: Path) -> dict[str, str]:
    """Each written deck's SHA-256, by file name: equal digests mean byte-identical decks."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob("*.apkg"))}


def spy(
    monkeypatch: pytest.MonkeyPatch, module: object, name: str, keep: Callable[[Any], Any]
) -> list[Any]:
    """Record `keep(result)` of every call of `module.name`, in order, while a test runs."""
    seen: list[Any] = []
    real = getattr(module, name)

    def spying(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        seen.append(keep(result))
        return result

    monkeypatch.setattr(module, name, spying)
    return seen
