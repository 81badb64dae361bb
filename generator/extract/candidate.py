"""A card in the making: the lines it owns and the lines its definition is cut from."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]  # 0-based, half-open line range


@dataclass(slots=True)
class Candidate:
    term: str
    section: tuple[str, ...]
    line: int  # 1-based line where the term is written
    spans: list[Span]  # where the definition is cut from
    strategy: str
    aliases: tuple[str, ...] = ()
    owned: Span | None = None  # lines a parent's definition leaves out (this card's own body)
    drop: set[int] = field(default_factory=set)  # lines left out of this definition (aliases)
    kind: Literal["basic", "cloze"] = "basic"
    text: str | None = None  # a definition given directly instead of by spans


def dedent_block(lines: list[str]) -> str:
    """Join lines, remove common indentation and surrounding blank lines."""
    text = textwrap.dedent("\n".join(line.rstrip() for line in lines))
    out: list[str] = []
    for line in text.split("\n"):
        if line.strip() or (out and out[-1].strip()):
            out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out)
