"""A card in the making: the lines it owns and the lines its definition is cut from."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from markdown_it.tree import SyntaxTreeNode

from ..model import Loc, NoteInfo, Rejection
from ..parse import ParsedNote, without_attributes
from .terms import MEMO

Span = tuple[int, int]  # 0-based, half-open line range


# Every strategy's name, as `notedeck list` shows it and `strategies = {…}` switches it off.
STRATEGIES = (
    "heading", "question", "list-term", "question-item", "bold-heading", "colon", "deflist",
    "table", "prose", "prose-named", "note", "qa", "double-colon", "details", "cloze",
)  # fmt: skip


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
    stub: str | None = None  # what a parent shows in place of the owned lines (the term)
    grouping: bool = False  # no card if only child terms remain in the definition
    parent: bool = False  # … unless it names two or more children: then they are its answer
    shown: dict[int, str] = field(default_factory=dict)  # lines shown differently (as labels)
    # The rest of a table whose rows are cards, as a parent that names them shows it: a row
    # that made no card as a list item (its content is on no card), the header, the delimiter
    # and markup rows as nothing (None). Every card of the table shares one.
    rows: dict[int, str | None] = field(default_factory=dict)


_HEADING_LINE = re.compile(
    r"^(?P<lead>\s*(?:>\s*)*(?:(?:[-*+]|\d+[.)])\s+)?)#{1,6}\s+(?P<text>.*?)[\s#]*$"
)


def paragraph_card(
    term: str,
    section: tuple[str, ...],
    start: int,
    end: int,
    strategy: str = "prose",
    aliases: tuple[str, ...] = (),
    stub: str | None = None,
) -> Candidate:
    """A term defined by the paragraph on lines [start, end), which is its own body."""
    return Candidate(
        term=term,
        aliases=aliases,
        section=section,
        line=start + 1,
        spans=[(start, end)],
        strategy=strategy,
        owned=(start, end),
        stub=stub,
    )


def heading_as_label(line: str) -> str:
    """`- ### 특징` inside a card's answer: shown as `- **특징**`, a label, not a heading."""
    match = _HEADING_LINE.match(line)
    if match is None:
        return line
    lead = match.group("lead")
    label = f"{lead}**{without_attributes(match.group('text'))}**"
    # a blank line first, so the label is a paragraph of its own, not more words of the line above
    return label if lead.rstrip(" >") else f"{lead.rstrip()}\n{label}"


@dataclass(slots=True)
class Context:
    """What every strategy may read, and where it reports what it turned down."""

    parsed: ParsedNote
    info: NoteInfo
    rejected: list[Rejection] = field(default_factory=list)
    figures: set[int] = field(default_factory=set)  # code and math lines (0-based)
    index: bool = False  # the note is an index (a README of links): thin headings are entries
    row_heads: list[tuple[int, frozenset[str]]] | None = None  # each table's first column
    footnotes: dict[str, str] | None = None  # `[^1]: …` by label, once a card cites one

    def reject(self, line: int, text: str, reason: str, *, designed: bool = False) -> None:
        """`designed`: the note is right as written (a label, code, a table of contents), so
        `check` asks for no definition under it."""
        self.rejected.append(Rejection(Loc(self.info.path, line), text, reason, designed))

    def source(self, node: SyntaxTreeNode) -> list[str]:
        """The note's own lines for a block."""
        if not node.map:
            return []
        return self.parsed.lines[node.map[0] : node.map[1]]


# The owner of what is nested under a plain list line that names no term: it is owned (its
# lines describe that line) but by no name, and `--explain` says so in these words.
ITEM_OWNER = "the item above"


@dataclass(slots=True)
class Scope:
    """Where some blocks live: their section path, the term that owns them (if any) and the
    lines explicit markup already took."""

    section: tuple[str, ...]
    owner: str = ""
    skip: set[int] = field(default_factory=set)
    answer: bool = False  # the blocks answer a question heading: no prose cards out of them
    owner_aliases: tuple[str, ...] = ()  # the owner's other names: `ROE` of `자기자본이익률(ROE)`


# Quote marks may open an Obsidian callout (`> [!goal]+ Title`): its marker is markup too.
_PREFIX = re.compile(
    r"^\s*(?:(?:>\s*)+(?:\[![A-Za-z][\w-]*\][+-]?\s*)?)?(?:(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?)?"
)


@lru_cache(maxsize=MEMO)
def strip_prefix(line: str) -> str:
    """A source line without its indentation, quote marks, callout marker, list marker or task
    box."""
    return _PREFIX.sub("", line, count=1).rstrip()


def one_line(span: list[int] | tuple[int, int], lines: list[str]) -> bool:
    """Whether the source lines `span` covers hold exactly one line that is not blank."""
    return sum(1 for i in range(*span) if lines[i].strip()) == 1


def prefix_of(line: str) -> str:
    match = _PREFIX.match(line)
    return match.group(0) if match else ""


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
