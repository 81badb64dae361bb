"""markdown-it's link-label scan, made linear on lines of unclosed brackets.

markdown-it looks for the `]` that closes every `[` (and `![`) it meets by walking forward from
it; on `[[[[…` or `![![![…` without their `]` each walk runs to the end of the paragraph, so a
100,000-character line took minutes. A walk from `[` meets the same tokens as a walk from
any `[` inside it, so one walk settles every opener it crosses: an opener closed on the way is
closed there, and an opener still open where the walk gives up never closes. Remembering
those answers gives each `[` its answer once; the tokens, and so the cards, are unchanged.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from markdown_it import helpers
from markdown_it.rules_inline import StateInline

# (opener position, disable_nested, end of the text scanned) → `]` position or -1
_Memo = dict[tuple[int, bool, int], int]


def parse_link_label(state: StateInline, start: int, disable_nested: bool = False) -> int:
    """The position of the `]` closing the `[` at `start`, or -1 (markdown-it's contract)."""
    memo: _Memo = state.__dict__.setdefault("_notedeck_labels", {})
    end = state.posMax
    known = memo.get((start, disable_nested, end))
    if known is not None:
        return known
    old_pos = state.pos
    openers = [start]  # the `[`s not closed yet, innermost last
    result = -1
    state.pos = start + 1
    while state.pos < end:
        marker = state.src[state.pos]
        if marker == "]":
            memo[(openers.pop(), disable_nested, end)] = state.pos
            if not openers:
                result = state.pos
                break
        before = state.pos
        state.md.inline.skipToken(state)
        if marker == "[":
            if before == state.pos - 1:  # a `[` of plain text, not the start of a token
                openers.append(before)
                if memo.get((before, disable_nested, end)) == -1:
                    break  # it never closes, so neither does any opener around it
            elif disable_nested:
                break  # a link inside a link's text: markdown-it gives up here
    for opener in openers:
        memo[(opener, disable_nested, end)] = -1
    state.pos = old_pos
    return result


class _Helpers(ModuleType):
    """markdown-it's `helpers` module with `parseLinkLabel` replaced (for one parser only)."""

    parseLinkLabel = staticmethod(parse_link_label)

    def __getattr__(self, name: str) -> Any:
        return getattr(helpers, name)


def linear_link_labels(md: Any) -> None:
    """Give the parser `md` the remembering link-label scan."""
    md.helpers = _Helpers("notedeck_link_helpers")
