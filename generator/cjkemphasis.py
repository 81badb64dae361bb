"""Emphasis that closes before a Korean particle: `**스풀링(Spooling)**이라고 한다`.

CommonMark lets a `**` run close only if it is not preceded by punctuation, or is followed by
whitespace or punctuation. Korean attaches particles to the word before them with no space,
and Chinese and Japanese use no spaces at all, so `**다국어 기본 평면 (BMP)**이라고`,
`**Immutable(변경 불가능)**특성` and `**「重要」**です` stayed literal `**` on the card, and
the term named by the bold was never seen (commonmark-spec issue 650; markdown-it-py leaves
it to a plugin). The rule of the markdown-cjk-friendly proposal is applied to `*`, `_` and
`~` runs: a CJK character beside a run counts, on that side, as punctuation or whitespace
does in the flanking tests. Text with no CJK character next to a run parses as before.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache, partial

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.state_inline import Scanned

_InlineRule = Callable[[StateInline, bool], bool]


@lru_cache(maxsize=4096)
def is_cjk(char: str) -> bool:
    """Hangul, or a wide, full-width or half-width East Asian character that is not an emoji
    (the proposal's definition, with emoji told apart by their blocks)."""
    code = ord(char)
    if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return True  # Hangul syllables and jamo
    if 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF:
        return False  # emoji and pictographs, wide but not writing
    return unicodedata.east_asian_width(char) in ("W", "F", "H")


def scan_delims(state: StateInline, start: int, can_split_word: bool) -> Scanned:
    """markdown-it's `StateInline.scanDelims`, with a CJK neighbour satisfying the
    punctuation clause of the flanking tests on its side."""
    src, end = state.src, state.posMax
    marker = src[start]
    last = src[start - 1] if start > 0 else " "  # the line's start counts as whitespace
    pos = start
    while pos < end and src[pos] == marker:
        pos += 1
    following = src[pos] if pos < end else " "
    last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last)
    next_punct = isMdAsciiPunct(ord(following)) or isPunctChar(following)
    last_space = isWhiteSpace(ord(last))
    next_space = isWhiteSpace(ord(following))
    left = not next_space and (
        not next_punct or last_space or last_punct or (not last.isascii() and is_cjk(last))
    )
    right = not last_space and (
        not last_punct
        or next_space
        or next_punct
        or (not following.isascii() and is_cjk(following))
    )
    can_open = left and (can_split_word or not right or last_punct)
    can_close = right and (can_split_word or not left or next_punct)
    return Scanned(can_open, can_close, pos - start)


def cjk_friendly_emphasis(md: MarkdownIt) -> None:
    """Have the emphasis and strikethrough rules scan their runs with `scan_delims`."""
    for name in ("emphasis", "strikethrough"):
        rule = next(r for r in md.inline.ruler.__rules__ if r.name == name)
        md.inline.ruler.at(name, _scanning_cjk(rule.fn), {"alt": list(rule.alt)})


def _scanning_cjk(original: _InlineRule) -> _InlineRule:
    def rule(state: StateInline, silent: bool) -> bool:
        # The rules call `state.scanDelims`; an attribute of the state shadows the method.
        if "scanDelims" not in state.__dict__:
            state.__dict__["scanDelims"] = partial(scan_delims, state)
        return original(state, silent)

    return rule
