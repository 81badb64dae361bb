"""Strategy: headings written inside a block quote (`> ##### 프로세스 종료 방법`).

A reader sees them as sub-headings of the section the quote is in, so each one is a heading
card whose section path ends with it, its answer the quoted blocks up to the next quoted
heading; the card the quote belongs to names it, as a parent names its children.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from markdown_it.tree import SyntaxTreeNode

from ..parse import plain_text
from .candidate import Candidate, Context, Scope, heading_as_label
from .headings import names_kinds
from .headnames import heading_term, section_name

Reader = Callable[[list[SyntaxTreeNode], Scope, Context], Iterator[Candidate]]


def quote_candidates(
    quote: SyntaxTreeNode, scope: Scope, ctx: Context, read: Reader
) -> Iterator[Candidate]:
    """`> ##### 프로세스 종료 방법` and its bullets: a sub-heading a reader sees in the quote;
    `read` reads the blocks of a body (the quote's own, or each quoted heading's)."""
    parts = quoted_headings(quote)
    if not parts:
        yield from read(quote.children, scope, ctx)
        return
    first = quote.children.index(parts[0][0])
    yield from read(quote.children[:first], scope, ctx)  # what the quote says before them
    for heading, blocks in parts:
        for cand in quoted_heading_candidate(heading, blocks, scope.section, scope.owner, ctx):
            yield cand
            yield from read(blocks, Scope(cand.section, cand.term, scope.skip, scope.answer), ctx)


def quoted_headings(quote: SyntaxTreeNode) -> list[tuple[SyntaxTreeNode, list[SyntaxTreeNode]]]:
    """(heading, the blocks under it) for each heading in the quote; [] when it has none."""
    out: list[tuple[SyntaxTreeNode, list[SyntaxTreeNode]]] = []
    for block in quote.children:
        if block.type == "heading":
            out.append((block, []))
        elif out:
            out[-1][1].append(block)
    return out


def quoted_heading_candidate(
    heading: SyntaxTreeNode,
    body: list[SyntaxTreeNode],
    section: tuple[str, ...],
    owner: str,
    ctx: Context,
) -> Iterator[Candidate]:
    title = plain_text(heading)
    found = heading_term(title, owner)
    mapped = [b for b in body if b.map]
    if found is None or not mapped or not heading.map:
        ctx.reject(heading.map[0] + 1 if heading.map else 0, title, "a quoted label, not a term")
        return
    term, aliases, strategy = found
    end = mapped[-1].map[1] if mapped[-1].map else heading.map[1]
    yield Candidate(
        term=term,
        aliases=aliases,
        section=(*section, section_name(title)),
        line=heading.map[0] + 1,
        spans=[(heading.map[1], end)],
        strategy=strategy,
        owned=(heading.map[0], end),
        stub=heading_as_label(ctx.parsed.lines[heading.map[0]]),
        grouping=True,
        parent=names_kinds(title),
    )


__all__ = ["quote_candidates"]
