"""Strategy: cloze deletions — `{{c1::…}}` as written, and `==highlight==` as one deletion each.

A cloze card's text is the paragraph or list item that holds the deletions; it does not own
those lines, so the term card around it keeps them in its answer too.
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from .candidate import Candidate, Context, dedent_block, strip_prefix

_CLOZE = re.compile(r"\{\{c(\d+)::(.+?)(?:::[^}]*)?\}\}")
_HIGHLIGHT = re.compile(r"(?<![=\\])==(?=\S)(?P<text>[^=\n]+?)(?<=\S)==(?!=)")
_CODE = re.compile(r"`[^`]*`")
# Anki makes one card per deletion number: `==a==` × 10,000 in a line was 10,000 cards from
# one note, and previewing them all never finished.
MAX_DELETIONS = 100


def closed_part(text: str) -> int:
    """Where the text's last `}}` ends. A deletion cannot start after it, so `{{c1::…}}`
    patterns are tried only before it: on `{{c1::` × 10,000 with no `}}` every try ran to the
    end of the line, over every later `::`, and a build took minutes."""
    end = text.rfind("}}")
    return end + 2 if end >= 0 else 0


def has_cloze(text: str) -> bool:
    bare = _CODE.sub("", text)
    return bool(_CLOZE.search(bare, 0, closed_part(bare)) or _HIGHLIGHT.search(bare))


def to_cloze(text: str) -> str:
    """Turn `==x==` into numbered deletions after the highest `{{cN::}}` already written."""
    if not _HIGHLIGHT.search(_CODE.sub("", text)):
        return text
    counter = max((int(m[0]) for m in _CLOZE.findall(text, 0, closed_part(text))), default=0)

    def number(match: re.Match[str]) -> str:
        nonlocal counter
        counter += 1
        return f"{{{{c{counter}::{match.group('text')}}}}}"

    return _HIGHLIGHT.sub(number, text)


def answer_text(text: str) -> str:
    """The cloze text with every deletion filled in: what identifies the card."""
    text = _HIGHLIGHT.sub(lambda m: m.group("text"), text)
    cut = closed_part(text)
    return " ".join((_CLOZE.sub(lambda m: m.group(2), text[:cut]) + text[cut:]).split())


def cloze_candidate(
    paragraph: SyntaxTreeNode, section: tuple[str, ...], ctx: Context, nested_end: int | None = None
) -> Candidate | None:
    """A cloze card for a paragraph (or a list item's first paragraph) holding deletions."""
    if not paragraph.map:
        return None
    start, end = paragraph.map
    lines = ctx.parsed.lines[start:end]
    if not has_cloze("\n".join(lines)):
        return None
    body = dedent_block([strip_prefix(lines[0]), *_unquoted(lines[0], lines[1:])])
    emphasis = highlight_only(body)
    if emphasis is not None:
        ctx.reject(start + 1, _short(answer_text(body), 60), emphasis)
        return None
    text = to_cloze(body)
    if len({n for n, _ in _CLOZE.findall(text, 0, closed_part(text))}) > MAX_DELETIONS:
        ctx.reject(start + 1, lines[0][:80], f"more than {MAX_DELETIONS} cloze deletions")
        return None
    return Candidate(
        term=_short(answer_text(strip_markup(text))),
        section=section,
        line=start + 1,
        spans=[],
        strategy="cloze",
        kind="cloze",
        text=text,
    )


# `==3DGS enables real-time rendering==: NeRFs require …`: a highlighted lead, read as a heading.
_HIGHLIGHT_LEAD = re.compile(r"^==[^=\n]+==\s*[:：]")


def highlight_only(body: str) -> str | None:
    """Why the highlights of a paragraph are emphasis, not deletions: one that covers (nearly)
    the whole paragraph leaves nothing to prompt with, and a highlighted lead before a colon is
    the paragraph's label. None when they are deletions (or `{{c1::…}}` is written)."""
    if _CLOZE.search(body):
        return None
    if _HIGHLIGHT_LEAD.match(body):
        return "a highlighted lead, emphasis rather than a deletion"
    bare = _CODE.sub("", body)
    marked = sum(len(m.group("text")) for m in _HIGHLIGHT.finditer(bare))
    if marked >= 0.75 * len(answer_text(bare)):
        return "a highlight over the whole paragraph leaves nothing to prompt with"
    return None


_QUOTE = re.compile(r"^\s*(?:>\s?)+")


def _unquoted(first: str, rest: list[str]) -> list[str]:
    """A paragraph inside a quote or callout: its later lines without their `>` marks too."""
    return [_QUOTE.sub("", line) for line in rest] if _QUOTE.match(first) else rest


def strip_markup(text: str) -> str:
    return re.sub(r"\*\*|__|`", "", text)


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
