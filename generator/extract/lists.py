"""Strategy: a list item whose text is a **bold** (or short) term with nested items under it."""

from __future__ import annotations

from collections.abc import Iterator

from markdown_it.tree import SyntaxTreeNode

from ..parse import first_paragraph, inline_of, plain_text
from .candidate import Candidate
from .filters import is_date_line
from .terms import aliases_from_line, looks_like_term, split_aliases

_LISTS = ("bullet_list", "ordered_list")
_WRAPPERS = ("strong", "em", "code_inline", "link")


def term_of_item(paragraph: SyntaxTreeNode) -> str | None:
    """The term an item's first paragraph names, if the whole paragraph is one.

    `**Image**`, `` `fork()` ``, `[Docker](url)` or a short plain noun phrase count;
    `**이 부분이 중요**한 이유` (emphasis inside a sentence) does not.
    """
    inline = inline_of(paragraph)
    if inline is None:
        return None
    parts = [c for c in inline.children if not (c.type == "text" and not c.content.strip())]
    if parts and parts[-1].type == "text" and parts[-1].content.strip() in (":", "："):
        parts = parts[:-1]
    if len(parts) == 1 and parts[0].type in _WRAPPERS:
        text = plain_text(parts[0]).rstrip(":： ")
        return text if looks_like_term(text, max_words=8) else None
    if all(p.type == "text" for p in parts):
        text = plain_text(inline)
        if is_date_line(text) or not looks_like_term(text, max_words=4):
            return None
        return text
    return None


def item_candidates(blocks: list[SyntaxTreeNode], section: tuple[str, ...]) -> Iterator[Candidate]:
    """Every term item below some blocks, parents before their children."""
    for block in blocks:
        if block.type in _LISTS:
            for item in block.children:
                yield from _item(item, section)
        elif block.type == "blockquote":
            yield from item_candidates(block.children, section)


def _item(item: SyntaxTreeNode, section: tuple[str, ...]) -> Iterator[Candidate]:
    paragraph = first_paragraph(item)
    nested = [c for c in item.children[1:] if c.map]
    term = term_of_item(paragraph) if paragraph is not None and nested else None
    if term is not None and paragraph is not None and paragraph.map and item.map:
        name, aliases = split_aliases(term)
        drop, extra = alias_lines(nested)
        start, end = paragraph.map[1], item.map[1]
        yield Candidate(
            term=name,
            aliases=(*aliases, *extra),
            section=section,
            line=paragraph.map[0] + 1,
            spans=[(start, end)],
            strategy="list-term",
            owned=(start, end),
            drop=drop,
        )
    yield from item_candidates(item.children[1:], section)


def alias_lines(blocks: list[SyntaxTreeNode]) -> tuple[set[int], tuple[str, ...]]:
    """Direct child items such as `- VMM 이라고도 함`: their lines and the aliases they name."""
    lines: set[int] = set()
    aliases: list[str] = []
    for block in blocks:
        if block.type not in _LISTS:
            continue
        for item in block.children:
            paragraph = first_paragraph(item)
            if paragraph is None or not item.map or len(item.children) > 1:
                continue
            found = aliases_from_line(plain_text(paragraph))
            if found:
                aliases.extend(found)
                lines.update(range(item.map[0], item.map[1]))
    return lines, tuple(aliases)
