"""Candidates → cards: cut each definition out of the note's lines, leaving out the bodies of
child cards (a parent names its children, each child has its own card), captions, comments
and navigation links; then keep one card per term per section."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..attribute import attribute, caption_sources, is_caption
from ..model import Card, ImageRef, Loc, SourceLink
from ..parse import image_refs
from .aspects import KINDS_TITLE
from .candidate import Candidate, Context, Span, dedent_block
from .footnotes import cited, footnotes, with_footnotes
from .headbody import (
    CONTENTS,
    EMPTY_DETAILS,
    EMPTY_HTML,
    EXAM_PROBLEM,
    answer_reason,
    contents_reason,
    empty_reason,
    is_musing,
)
from .terms import case_matters, normalise, term_key, term_stem

TWICE = "defined twice in this section"


def assemble(candidates: list[Candidate], ctx: Context, noise: set[int]) -> tuple[Card, ...]:
    """Children are cut before their parents, so a parent leaves out only the children that
    really became cards; one term defined twice in one section is one card (the first)."""
    ordered = sorted(candidates, key=lambda c: c.line)
    built: dict[int, Card] = {}
    owners = _Owners()
    for cand in sorted(ordered, key=_size):
        card = _card(cand, owners, ctx, noise)
        if card is not None:
            built[id(cand)] = card
            owners.add(cand)
    cards: list[Card | None] = []
    first: dict[tuple[tuple[str, ...], str], list[tuple[int, Candidate]]] = {}
    for cand in ordered:
        card = built.get(id(cand))
        if card is None:
            continue
        key = _key(cand)
        same = first.setdefault(key, [])
        seen = next((s for s in same if _same_term(cards[s[0]], card)), None)
        if seen is not None and _passing(seen[1]) and cand.owned is not None:
            # `laws called **bylaws**` then `**bylaw:** …`: the definition of its own wins
            ctx.reject(seen[1].line, seen[1].term, f"{TWICE} (defined at line {cand.line})")
            cards[seen[0]] = None
            same[same.index(seen)] = (len(cards), cand)
            cards.append(card)
            continue
        if seen is not None:
            ctx.reject(cand.line, cand.term, f"{TWICE} (first at line {seen[1].line})")
            continue
        same.append((len(cards), cand))
        cards.append(card)
    for same in first.values():  # a cased term's own identity only where case tells two apart
        if len(same) == 1 and (card := cards[same[0][0]]) is not None and card.cased:
            cards[same[0][0]] = replace(card, cased=False)  # `useState` keeps the GUID it had
    return tuple(c for c in cards if c is not None)


def _same_term(one: Card | None, other: Card) -> bool:
    """Two cards whose terms share a key are one term, unless case tells them apart in both
    (`\\s` and `\\S`, `%y` and `%Y`): then each is a term of its own, and its own card."""
    if one is None:
        return False
    return not (one.cased and other.cased and normalise(one.term) != normalise(other.term))


def _passing(cand: Candidate) -> bool:
    """A name glossed in passing inside a sentence: it owns no lines of its own."""
    return cand.owned is None and not cand.spans and bool(cand.text)


def _size(cand: Candidate) -> tuple[int, int]:
    """Smaller first; of two the same size, the later one (a child written below its parent)."""
    spans = [cand.owned] if cand.owned else cand.spans
    return (sum(end - start for start, end in spans) if spans else 0), -cand.line


def _key(cand: Candidate) -> tuple[tuple[str, ...], str]:
    # Korean spacing varies within one note (`유의 수준`, `유의수준`): one term either way.
    stem = _HANGUL_SPACE.sub("", term_stem(cand.term))
    return tuple(term_key(s) for s in cand.section), stem


_HANGUL_SPACE = re.compile(r"(?<=[가-힣])\s+(?=[가-힣])")


class _Owners:
    """The cards built so far that own lines, sorted by where their lines start, so a parent
    finds its children by bisection instead of by scanning every card of the note."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._cands: list[Candidate] = []

    def add(self, cand: Candidate) -> None:
        if cand.owned is None:
            return
        index = bisect.bisect_right(self._starts, cand.owned[0])
        self._starts.insert(index, cand.owned[0])
        self._cands.insert(index, cand)

    def inside(self, cand: Candidate) -> list[Candidate]:
        """Owners whose lines lie inside the candidate's spans (its children, all levels)."""
        found: list[Candidate] = []
        for start, end in cand.spans:
            low = bisect.bisect_left(self._starts, start)
            high = bisect.bisect_left(self._starts, end)
            for other in self._cands[low:high]:
                assert other.owned is not None
                if other is not cand and other.owned != cand.owned and other.owned[1] <= end:
                    found.append(other)
        return found


def _card(cand: Candidate, owners: _Owners, ctx: Context, noise: set[int]) -> Card | None:
    if cand.strategy == "question-item" and is_musing(cand.term):
        ctx.reject(cand.line, cand.term, "a question asked in passing, not a card")
        return None
    if cand.text is not None:
        if contents_reason(cand.strategy, cand.term, cand.text.splitlines()):
            ctx.reject(cand.line, cand.term, CONTENTS)
            return None
        empty = empty_reason(cand.text)
        if empty:
            ctx.reject(cand.line, cand.term, empty)
            return None
        return _make(cand, cand.text, [], _text_images(cand, ctx), ctx)
    children = owners.inside(cand)
    if _compares(cand, children):
        children = []  # `OLTP vs OLAP`: the comparison is answered by both definitions in full
    excluded = set(cand.drop) | noise
    stubs: dict[int, str] = dict(cand.shown)
    named = _outermost(children)
    rows: dict[int, str] = {}  # a table's rows that made no card, shown as list items
    for child in named:
        assert child.owned is not None
        if child.stub is not None:
            stubs[child.owned[0]] = child.stub
        for index, item in child.rows.items():
            if item is None:
                excluded.add(index)
            else:
                rows[index] = item
    for child in children:
        assert child.owned is not None
        excluded.update(range(*child.owned))
    child_lines = {c.line - 1 for c in children} | set(stubs)
    kept, credits, images, own = _cut(
        cand.spans, excluded, stubs, child_lines, ctx, bool(children), rows
    )
    reason = answer_reason(cand.strategy, cand.term, kept, bool(children))
    if reason:  # an exam problem leaves the answer of the term it tests too (cut after it)
        ctx.reject(cand.line, cand.term, reason)
        noise.update(range(*cand.owned) if cand.owned and reason == EXAM_PROBLEM else ())
        if reason in (EMPTY_DETAILS, EMPTY_HTML):  # an empty widget: a parent keeps the name only
            noise.update(i for span in cand.spans for i in range(*span))
        return None
    if not own and cand.grouping:
        names = [_name_line(c, stubs, excluded, ctx) for c in named]
        if not (cand.parent and _names_kinds(cand, named, kept, names)):
            if kept:
                ctx.reject(cand.line, cand.term, "it only names its child cards")
            elif named:  # said, or `--explain` is silent about a heading that made no card
                ctx.reject(cand.line, cand.term, _held_by(named))
            else:  # `3. **CSR과 SSR의 차이는?**` over `- (답변 작성 예정)`
                ctx.reject(cand.line, cand.term, _nothing_left(cand))
            return None
        kept = [line for line in kept if not _TASK.match(line.strip())]  # the author's to-dos
    return _make(cand, dedent_block(kept), credits, images, ctx)


# Children that stand for sub-headings (`**라우터**` over its own paragraphs), rows of a lookup
# table, or questions: a heading over them only groups them, like a heading over sub-headings.
_NOT_KINDS = frozenset({"bold-heading", "table", "question-item", "question"})
_CODE_NAME = re.compile(r"^(?:[-*+]|\d+[.)])?\s*`[^`]+`\s*$")


_NOTHING_LEFT = "nothing under it to answer with: only edit notes, placeholders, links or markup"


def _nothing_left(cand: Candidate) -> str:
    """Why a card with no answer left is none: a question still waits for its answer."""
    return "a question with no answer yet" if cand.strategy == "question" else _NOTHING_LEFT


def _held_by(children: list[Candidate]) -> str:
    """Why a term whose every line went to the cards under it makes none of its own."""
    if len(children) == 1:
        child = children[0]
        term = child.term if len(child.term) <= 40 else child.term[:40].rstrip() + "…"  # a cloze
        return f"all it holds became the card {term!r} at line {child.line}"
    return "all it holds became its child cards"


def _name_line(
    child: Candidate, stubs: dict[int, str], excluded: set[int], ctx: Context
) -> str | None:
    """The line a parent keeps in place of a child: its stub, or its own head line when the
    child owns only what is nested under it (`- **Producers**` over its bullets)."""
    if child.owned is not None and child.owned[0] in stubs:
        return stubs[child.owned[0]]
    head = child.line - 1
    if head in excluded or head >= len(ctx.parsed.lines):
        return None
    return ctx.parsed.lines[head]


def _names_kinds(
    cand: Candidate, children: list[Candidate], kept: list[str], names: list[str | None]
) -> bool:
    """`## 트리거의 유형` over `- 행 트리거: …`, `- 문장 트리거: …`: the parent's answer is the
    names of its kinds, two or more of them (one name alone is no list to recall). Not when the
    heading already says them all (`인증과 인가` over `인증`, `인가`), nor over a cheat sheet's
    commands (names written as code, such as `git reflog`: to look up, not to recall)."""
    asked = bool(KINDS_TITLE.search(cand.term))  # `Types of Wills`: the kinds are the answer
    blocked = _NOT_KINDS - {"table"} if asked else _NOT_KINDS
    if len(children) < 2 or any(c.strategy in blocked for c in children):
        return False
    if len({c.strategy for c in children}) > 1 and not asked:
        return False  # bold items with notes, then `TTL: …` lines: notes on a topic, not kinds
    title = term_key(cand.term)
    if all(term_key(c.term) in title for c in children):
        return False
    if None in names:
        return False  # a child that leaves no name behind (`**해시 충돌**이란 …`): not a list
    shown = [line for line in kept if line in names]
    return len(shown) >= 2 and not all(_CODE_NAME.match(line.strip()) for line in shown)


def _cut(
    spans: list[Span],
    excluded: set[int],
    stubs: dict[int, str],
    child_lines: set[int],
    ctx: Context,
    has_children: bool,
    rows: dict[int, str] | None = None,
) -> tuple[list[str], list[SourceLink], list[ImageRef], bool]:
    """The definition's lines, the image credits among them, its images, and whether any line
    is the card's own: not a child's name, and — once children took their definitions — not a
    remark pointing back at them (`이 방식은 …`, `This is …`) nor a formula or code left over.
    An image is the card's own: a parent that shows a figure besides its children's names keeps
    its card, so the figure is not lost. `rows`: lines shown as other text (a table's row that
    made no card, as a list item); they are the card's own."""
    kept: list[str] = []
    credits: list[SourceLink] = []
    images: list[ImageRef] = []
    previous = ""
    own = False
    aside = False  # inside a `> [!tip]` callout: an aside, like `Tip: …`
    lines = ctx.parsed.lines
    for start, end in spans:
        for index in range(start, min(end, len(lines))):
            aside = bool(_CALLOUT.match(lines[index])) or (aside and lines[index].startswith(">"))
            if index in stubs:
                kept.append(stubs[index])
                continue
            if index in excluded:
                continue
            line = rows.get(index, lines[index]) if rows else lines[index]
            if is_caption(line, previous):
                credits.extend(caption_sources(line))
                continue
            code = index in ctx.parsed.code_lines  # `![x](y.png)` in a code block is code
            found = [] if code else image_refs(line, ctx.info.path, index + 1)
            images.extend(found)
            kept.append(line)
            if line.strip():
                previous = line
                own = own or (
                    index not in child_lines
                    and (bool(found) or not (has_children and (aside or _remark(line, index, ctx))))
                )
    return kept, credits, images, own


_ANAPHORA = re.compile(
    r"^(?:[-*+>]\s+)?(?:(?:이|그|저)(?:\s|것|건|걸|런|러한|와|때)|(?:this|that|these|those|it|they)\b)",
    re.IGNORECASE,
)


_ASIDE = re.compile(
    r"^(?:[-*+>]\s+)?[*_]{0,2}(?:tip|note|hint|remember|exam tip|n\.?b\.?|참고|주의|팁|기억)"
    r"[*_]{0,2}\s*[:：]",
    re.IGNORECASE,
)


_CALLOUT = re.compile(
    r"^\s*>\s*\[!(?:tip|hint|note|info|warning|caution|important|todo|question|quote)\]",
    re.IGNORECASE,
)
_TASK = re.compile(r"^[-*+]\s+\[[ xX]\]\s")
# `[Read more.](https://…)`, `See [the spec](…).`: a pointer to elsewhere, not content.
_POINTER = re.compile(
    r"^(?:[-*+]\s+)?(?:(?:see|read more|more|자세히|참고)\s*:?\s*)?\[[^\]]*\]\([^)]*\)\s*[.!]?$",
    re.IGNORECASE,
)


def _remark(line: str, index: int, ctx: Context) -> bool:
    """Once children took their definitions, what is left may be only remarks about them, or
    the author's to-do items (`- [ ] 선점/비선점 정리하기`)."""
    text = line.strip()
    remark = _ANAPHORA.match(text) or _ASIDE.match(text) or _TASK.match(text)
    remark = remark or _POINTER.match(text)
    return bool(remark) or index in ctx.figures


def _widest_first(cand: Candidate) -> tuple[int, int]:
    start, end = cand.owned or (0, 0)
    return start, -end


def _compares(cand: Candidate, children: list[Candidate]) -> bool:
    """A question heading that names every one of its two or more child terms (`OLTP vs OLAP`,
    `전역 모듈과 기능 모듈의 차이`) asks how they differ: each child is a card of its own, and
    the question's answer keeps both definitions rather than only their names."""
    named = _outermost(children)
    title = term_key(cand.term).replace(" ", "")
    return (
        cand.strategy == "question"
        and len(named) >= 2
        and all(term_key(c.term).replace(" ", "") in title for c in named)
    )


def _outermost(children: list[Candidate]) -> list[Candidate]:
    """The direct children: grandchildren (inside another child's lines) are not named."""
    out: list[Candidate] = []
    reach = -1
    for child in sorted(children, key=_widest_first):
        assert child.owned is not None
        if child.owned[1] <= reach:
            continue
        out.append(child)
        reach = max(reach, child.owned[1])
    return out


def _text_images(cand: Candidate, ctx: Context) -> list[ImageRef]:
    """The images in a definition given as text (a `Term: meaning` line, a table row, a
    `<details>` answer): bundled like those of a card cut from the note's lines, each known by
    the line it is written on; image syntax in a code block is code."""
    images: list[ImageRef] = []
    for line in (cand.text or "").splitlines():
        for image in image_refs(line, ctx.info.path, cand.line):
            at = _line_of(image, cand.line, ctx)
            if at.line - 1 not in ctx.parsed.code_lines:
                images.append(replace(image, loc=at))
    return images


def _line_of(image: ImageRef, first: int, ctx: Context) -> Loc:
    """Where the note writes an image of a text definition: its own line (`- SSD: …` then
    `![disk](disk.png)` under it), so the image is known as used and not adopted twice."""
    lines = ctx.parsed.lines
    for index in range(first - 1, min(first + _IMAGE_REACH, len(lines))):
        if image.src in lines[index]:
            return Loc(ctx.info.path, index + 1)
    return image.loc


_IMAGE_REACH = 64  # lines below a definition's first line where its text may go on


def _make(
    cand: Candidate,
    definition: str,
    credits: list[SourceLink],
    images: list[ImageRef],
    ctx: Context,
) -> Card | None:
    if not definition.strip() or not cand.term.strip():
        if cand.term.strip():
            ctx.reject(cand.line, cand.term, _nothing_left(cand))
        return None
    if cited(definition):  # `grid[^1]`: the footnote goes under the answer citing it
        if ctx.footnotes is None:
            ctx.footnotes = footnotes(ctx.parsed)
        definition = with_footnotes(definition, ctx.footnotes)
    card = Card(
        term=cand.term,
        definition_md=definition,
        section=cand.section,
        loc=Loc(ctx.info.path, cand.line),
        aliases=_dedupe(cand.aliases, cand.term),
        images=tuple(images),
        tags=ctx.info.tags,
        kind=cand.kind,
        strategy=cand.strategy,
        cased=case_matters(cand.term) or _written_as_code(cand, ctx),
    )
    return attribute(card, credits)


def _written_as_code(cand: Candidate, ctx: Context) -> bool:
    """`` `List` `` and `` `list` ``: a term the note writes as code is spelled as code is,
    capitals and all."""
    lines = ctx.parsed.lines
    return 0 < cand.line <= len(lines) and f"`{cand.term}`" in lines[cand.line - 1]


def _dedupe(aliases: tuple[str, ...], term: str) -> tuple[str, ...]:
    seen = {term_key(term)}
    out: list[str] = []
    for alias in aliases:
        if term_key(alias) not in seen:
            seen.add(term_key(alias))
            out.append(alias)
    return tuple(out)


__all__ = ["assemble"]
