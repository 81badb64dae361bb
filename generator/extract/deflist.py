"""Strategy: definition lists — `Term` on one line, `: meaning` on the next (mdit deflist)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.tree import SyntaxTreeNode

from ..parse import plain_text
from .candidate import Candidate, Context, dedent_block
from .colon import term_problem
from .terms import show_wikilinks, split_aliases

_MARKER = re.compile(r"^\s*[:~]\s+")


def deflist_candidates(
    dl: SyntaxTreeNode, section: tuple[str, ...], ctx: Context
) -> Iterator[Candidate]:
    children = list(dl.children)
    for index, node in enumerate(children):
        if node.type != "dt" or not node.map:
            continue
        dds = []
        for follower in children[index + 1 :]:
            if follower.type != "dd":
                break
            dds.append(follower)
        if not dds:
            continue
        term = show_wikilinks(plain_text(node))
        line = node.map[0] + 1
        problem = term_problem(term, max_words=8)
        if problem is not None:
            ctx.reject(line, term, problem)
            continue
        spans = [(dd.map[0], dd.map[1]) for dd in dds if dd.map]
        if not spans:
            continue
        name, aliases = split_aliases(term)
        parts = [_dd_text(ctx.parsed.lines[a:b]) for a, b in spans]
        yield Candidate(
            term=name,
            aliases=aliases,
            section=section,
            line=line,
            spans=[],
            strategy="deflist",
            owned=(node.map[0], spans[-1][1]),
            text="\n\n".join(p.strip() for p in parts if p.strip()),
        )


def _dd_text(lines: list[str]) -> str:
    """A `: meaning` block without its marker, its continuation lines dedented."""
    while lines and not _MARKER.match(lines[0]):
        lines = lines[1:]  # a `dd` map may start on its term's line
    if not lines:
        return ""
    first = _MARKER.sub("", lines[0], count=1)
    return (
        dedent_block([first, *lines[1:]])
        if len(lines) == 1
        else first.strip() + "\n" + dedent_block(lines[1:])
    )
