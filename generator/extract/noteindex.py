"""A list whose every item opens with a link to another note is an index of notes.

`- [[Evasion Attack]] - Integrity of model`, `- [qna.md](./qna.md) - 면접 질문 모음`: each line
points at the note that explains its name; the few words after the link are a tagline for
finding it, not the answer a card would need (the never-cards list: navigation and link lists).
A glossary that links a term to a web page (`- [Mutex](https://…): a lock …`) only credits a
source, and a list where some items are written out (`- mercantilism -- …` beside
`- [[ottoman]] -- …`) is the author's own glossary: both stay cards.
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from .candidate import Context, strip_prefix

# `[shown](./other.md)`, `[shown](other)` (not `http:`, `#`) then anything; `[[Target]]` then
# nothing or a dash and a tagline — `[[Mutex|뮤텍스]]: 한 스레드만 소유하는 락` is a glossary line
# of an Obsidian vault, its term linked as every term there is.
_NOTE_LINK = re.compile(
    r"^(?:\*\*|__)?(?:\[[^\[\]]+\]\((?![a-z][a-z0-9+.-]*:|#)[^()\s]+\)(?:\*\*|__)?(?:\s|:|$)"
    r"|\[\[[^\[\]]+\]\](?:\*\*|__)?\s*(?:$|(?:-{1,2}|[–—])\s))",
    re.IGNORECASE,
)


def indexes_notes(items: list[SyntaxTreeNode], ctx: Context) -> bool:
    """Do all items open with a link to another note, with nothing nested but more such links
    (`- [[A* Search]]` over `- [[A* tree search]]`)? One item is enough when it names the
    note's file (`[qna-aws.md](./qna-aws.md) - 면접 질문 모음`)."""
    if not _links_only(items, ctx):
        return False
    first = strip_prefix(ctx.parsed.lines[items[0].map[0]]).strip() if items[0].map else ""
    return len(items) >= 2 or bool(_MD_FILE.match(first))


def _links_only(items: list[SyntaxTreeNode], ctx: Context) -> bool:
    lines = [strip_prefix(ctx.parsed.lines[i.map[0]]).strip() for i in items if i.map]
    if not lines or len(lines) != len(items):
        return False
    if not all(_NOTE_LINK.match(line) for line in lines):
        return False
    for item in items:
        blocks = [c for c in item.children if c.map]
        if not blocks or blocks[0].type != "paragraph":
            return False
        if not all(b.type in _LISTS and _links_only(b.children, ctx) for b in blocks[1:]):
            return False
    return True


def index_items(items: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """The items of an index of notes and those nested under them, in order."""
    out: list[SyntaxTreeNode] = []
    for item in items:
        out.append(item)
        for block in item.children[1:]:
            if block.type in _LISTS:
                out.extend(index_items(list(block.children)))
    return out


_LISTS = ("bullet_list", "ordered_list")


_MD_FILE = re.compile(r"^(?:\*\*|__)?\[[^\[\]]+\]\([^()\s]+\.(?:md|markdown)(?:#[^()\s]*)?\)")
