"""The blocks under one heading (or one list item) → candidates from every block strategy.

Lists and paragraphs go through the line strategies (cloze, colon lines, prose definitions,
term items); tables and definition lists through their own. Lines taken by explicit markup
(`skip`) are left to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from ..parse import first_paragraph, plain_text
from .boldheads import Unit, split_bold_sections
from .candidate import Candidate, Context, dedent_block, prefix_of, strip_prefix
from .cloze import cloze_candidate
from .colon import ColonLine, is_glossary, line_problem, split_colon_line
from .deflist import deflist_candidates
from .filters import is_decoration, is_link_only
from .labels import is_label, is_strong_label
from .lists import LISTS, alias_lines, item_candidate
from .prose import defined_subject, named_term
from .tables import table_candidates
from .terms import aliases_from_line, expansion_prefix, is_expansion, same_term, split_aliases


@dataclass(slots=True)
class Scope:
    """Where some blocks live: their section path, the term that owns them (if any) and the
    lines explicit markup already took."""

    section: tuple[str, ...]
    owner: str = ""
    skip: set[int] = field(default_factory=set)
    answer: bool = False  # the blocks answer a question heading: no prose cards out of them


def body_candidates(
    blocks: list[SyntaxTreeNode], scope: Scope, ctx: Context
) -> Iterator[Candidate]:
    for units, bold in split_bold_sections(_group_items(blocks), scope, ctx):
        if bold is not None:
            yield bold
            inner = Scope(scope.section, bold.term, scope.skip, scope.answer)
            yield from _units(units, inner, ctx)
        else:
            yield from _units(units, scope, ctx)


def _units(units: list[Unit], scope: Scope, ctx: Context) -> Iterator[Candidate]:
    content = [u for u in units if _is_content(u, ctx) and not _defines_other(u, scope.owner, ctx)]
    glossary = _colon_paragraphs(units, ctx)
    if not (len(glossary) >= 2 and len(glossary) * 5 >= len(content) * 3):
        glossary = []  # `**Term** — …` paragraphs read as a glossary only together
    previous: Unit | None = None
    for unit in units:
        defined = bool(scope.owner) and any(u is not unit for u in content)
        defined = defined and not any(unit is g for g in glossary)
        if isinstance(unit, list):
            # an answer's lines, and `Examples:` lists, describe; they define nothing
            answer = scope.answer and not _bold_terms(unit, ctx)  # bold terms stay terms
            described = answer or _lead_in(previous, label=True)
            yield from _list(unit, scope, ctx, None if described else defined, _lead_in(previous))
        elif unit.type == "paragraph":
            lone = not scope.owner and not any(unit is g for g in glossary)
            yield from _paragraph(unit, scope, ctx, defined, lone)
        elif unit.type == "table":
            yield from table_candidates(unit, scope.section, ctx)
        elif unit.type == "dl":
            yield from deflist_candidates(unit, scope.section, ctx)
        elif unit.type == "blockquote":
            yield from body_candidates(unit.children, scope, ctx)
        previous = unit


def _defines_other(unit: Unit, owner: str, ctx: Context) -> bool:
    """A paragraph that defines another term (`**Compound interest** is …` under `Basics`):
    it says nothing about the owner itself."""
    if isinstance(unit, list) or unit.type != "paragraph" or not unit.map:
        return False
    text = " ".join(strip_prefix(x) for x in ctx.parsed.lines[unit.map[0] : unit.map[1]])
    subject = defined_subject(text)
    return subject is not None and not (owner and same_term(split_aliases(subject)[0], owner))


def _lead_in(unit: Unit | None, label: bool = False) -> bool:
    """A paragraph ending in `:` right above a list (`주요 필터:`); with `label`, one that is a
    label (`Examples:`, `예:`)."""
    if unit is None or isinstance(unit, list) or unit.type != "paragraph" or not unit.map:
        return False
    text = plain_text(unit).strip()
    return text.endswith((":", "：")) and (not label or is_label(text.rstrip(":： ")))


def _colon_paragraphs(units: list[Unit], ctx: Context) -> list[Unit]:
    out: list[Unit] = []
    for unit in units:
        if isinstance(unit, list) or unit.type != "paragraph" or not unit.map:
            continue
        line = split_colon_line(strip_prefix(ctx.parsed.lines[unit.map[0]]), False)
        if line is not None and line_problem(line) is None:
            out.append(unit)
    return out


def _group_items(blocks: list[SyntaxTreeNode]) -> list[Unit]:
    """Lists become lists of items. Adjacent lists (`-` then `*` markers) and bare items (from
    headings inside lists) read as one list."""
    units: list[Unit] = []
    items: list[SyntaxTreeNode] | None = None
    for block in blocks:
        if block.type == "list_item" or block.type in LISTS:
            if items is None:
                items = []
                units.append(items)
            items.extend([block] if block.type == "list_item" else block.children)
            continue
        items = None
        units.append(block)
    return units


def _is_content(unit: Unit, ctx: Context) -> bool:
    if isinstance(unit, list):
        return any(not is_link_only(item) for item in unit)
    return bool(unit.map) and not is_decoration(unit, ctx.parsed.lines) and not is_link_only(unit)


def _list(
    items: list[SyntaxTreeNode],
    scope: Scope,
    ctx: Context,
    defined: bool | None,
    lead_in: bool = False,
) -> Iterator[Candidate]:
    """`defined` None: the list only describes (an answer, examples); no line is a term.
    `lead_in`: a `…:` paragraph introduces the list — its plain `name: …` lines are parts of
    the owner (`주요 필터:` then `1. UsernamePasswordAuthenticationFilter: …`)."""
    colon: list[tuple[SyntaxTreeNode, ColonLine]] = []
    alias_items, _ = alias_lines(items)
    units = 0
    lines = {id(i): _colon_line(i, ctx) for i in items}
    among_colon = sum(problem is None for _, problem in lines.values()) >= 2
    among_terms = _term_siblings(items, scope, ctx)
    for item in items:
        paragraph = first_paragraph(item)
        if paragraph is None or not paragraph.map or not item.map:
            yield from body_candidates(item.children, scope, ctx)
            continue
        first = paragraph.map[0]
        if first in alias_items or first in scope.skip:
            continue
        cloze = cloze_candidate(paragraph, scope.section, ctx)
        if cloze is not None:
            cloze.owned = (item.map[0], item.map[1])
            yield cloze
            yield from body_candidates(item.children[1:], Scope(scope.section, "", scope.skip), ctx)
            continue
        term_item = item_candidate(item, scope.section, ctx, among_terms)
        if term_item is not None:
            yield term_item
            yield from body_candidates(
                item.children[1:], Scope(scope.section, term_item.term, scope.skip), ctx
            )
            continue
        units += 1  # only lines that define nothing else count against a glossary
        line, problem = lines[id(item)]
        if line is not None:
            if problem == "label, not a term" and among_colon and not is_strong_label(line.term):
                problem = None  # `- feature: …` among `- develop: …`, `- release: …`
            if problem is None and is_expansion(line.term, scope.owner):
                problem = f"the full name of {scope.owner}, kept on its card"
            if problem is None:
                colon.append((item, line))
            else:
                ctx.reject(first + 1, line.term, problem)
        else:
            prose = _prose(paragraph, scope, ctx, formatted_only=True)
            if prose is not None:
                prose.owned = (item.map[0], item.map[1])
                prose.spans = []
                prose.text = _item_text(item, ctx)
                yield prose
        owner = line.term if line is not None else "item"
        yield from body_candidates(item.children[1:], Scope(scope.section, owner, scope.skip), ctx)
    plain = bool(colon) and all(not line.formatted for _, line in colon)
    if _steps(items, colon, units) or (lead_in and plain and bool(scope.owner)):
        defined = None  # `1. Client Hello: …` `2. Server Hello: …` `3. …`: steps of a procedure
    yield from _colon_cards(colon, units, scope, ctx, defined)


def _bold_terms(items: list[SyntaxTreeNode], ctx: Context) -> bool:
    """Does every `name: meaning` line of the list mark its name in bold (or code)?"""
    lines = [line for line, _ in (_colon_line(i, ctx) for i in items) if line is not None]
    return bool(lines) and all(line.formatted for line in lines)


def _colon_line(item: SyntaxTreeNode, ctx: Context) -> tuple[ColonLine | None, str | None]:
    """An item's `name: meaning` line and what is wrong with it, computed once per item."""
    paragraph = first_paragraph(item)
    if paragraph is None or not paragraph.map:
        return None, "no line"
    line = split_colon_line(strip_prefix(ctx.parsed.lines[paragraph.map[0]]))
    return (line, line_problem(line)) if line is not None else (None, "no line")


def _term_siblings(items: list[SyntaxTreeNode], scope: Scope, ctx: Context) -> bool:
    """Are at least two items of this list term items? Then a label-looking one is a term too."""
    nested = [i for i in items if len(i.children) > 1]
    if len(nested) < 3:
        return False
    scratch = Context(ctx.parsed, ctx.info)
    return sum(item_candidate(i, scope.section, scratch) is not None for i in nested) >= 2


def _steps(
    items: list[SyntaxTreeNode], colon: list[tuple[SyntaxTreeNode, ColonLine]], units: int
) -> bool:
    """An ordered list whose plain `name: what happens` lines are interleaved with other steps."""
    ordered = all(i.parent is not None and i.parent.type == "ordered_list" for i in items)
    plain = all(not line.formatted for _, line in colon)
    return ordered and plain and 0 < len(colon) < units


def _colon_cards(
    colon: list[tuple[SyntaxTreeNode, ColonLine]],
    units: int,
    scope: Scope,
    ctx: Context,
    defined: bool | None,
) -> Iterator[Candidate]:
    glossary = defined is not None and is_glossary(len(colon), units, defined, bool(scope.owner))
    for item, line in colon:
        assert item.map is not None
        start, end = item.map
        if not glossary:
            ctx.reject(
                start + 1, line.term, f"a property in the body of {scope.owner or 'the section'}"
            )
            continue
        yield _colon_candidate(line, start, end, scope, ctx, item.children[1:])


def _colon_candidate(
    line: ColonLine, start: int, end: int, scope: Scope, ctx: Context, nested: list[SyntaxTreeNode]
) -> Candidate:
    name, aliases = split_aliases(line.term)
    drop, extra = alias_lines(nested)
    spelled = expansion_prefix(line.definition, name)
    if spelled:
        extra = (spelled, *extra)
    rest = [ctx.parsed.lines[i] for i in range(start + 1, end) if i not in drop]
    text = line.definition + ("\n" + dedent_block(rest) if dedent_block(rest) else "")
    return Candidate(
        term=name,
        aliases=(*aliases, *extra),
        section=scope.section,
        line=start + 1,
        spans=[],
        strategy="colon",
        owned=(start, end),
        text=text,
        stub=prefix_of(ctx.parsed.lines[start]) + line.term_md,
    )


def _prose_first(paragraph: SyntaxTreeNode, ctx: Context) -> bool:
    assert paragraph.map is not None
    text = " ".join(strip_prefix(x) for x in ctx.parsed.lines[paragraph.map[0] : paragraph.map[1]])
    return defined_subject(text) is not None


def _item_text(item: SyntaxTreeNode, ctx: Context) -> str:
    assert item.map is not None
    start, end = item.map
    rest = dedent_block(ctx.parsed.lines[start + 1 : end])
    head = strip_prefix(ctx.parsed.lines[start])
    return head + ("\n" + rest if rest else "")


def _paragraph(
    paragraph: SyntaxTreeNode, scope: Scope, ctx: Context, defined: bool, lone: bool = False
) -> Iterator[Candidate]:
    """`lone`: outside any term and not among other `key: value` paragraphs — a single plain
    `수업: 2024.04.10` or `Last edited: March` there is the note's metadata."""
    if not paragraph.map or paragraph.map[0] in scope.skip:
        return
    cloze = cloze_candidate(paragraph, scope.section, ctx)
    if cloze is not None:
        cloze.owned = (paragraph.map[0], paragraph.map[1])
        yield cloze
        return
    start, end = paragraph.map
    lines = ctx.parsed.lines
    first = split_colon_line(strip_prefix(lines[start]), allow_plain_dash=False)
    if first is not None and line_problem(first) is not None and _prose_first(paragraph, ctx):
        first = None  # `Flexbox is a one-dimensional model: it lays …` is prose
    if first is None:
        if aliases_from_line(plain_text(paragraph)):
            return
        prose = _prose(paragraph, scope, ctx, formatted_only=False)
        if prose is not None:
            yield prose
        return
    starts = [i for i in range(start, end) if split_colon_line(strip_prefix(lines[i]), False)]
    found: list[tuple[int, int, ColonLine]] = []
    for n, i in enumerate(starts):
        line = split_colon_line(strip_prefix(lines[i]), False)
        assert line is not None
        stop = starts[n + 1] if n + 1 < len(starts) else end
        problem = line_problem(line)
        if problem is None and is_expansion(line.term, scope.owner):
            problem = f"the full name of {scope.owner}, kept on its card"
        if problem is not None:
            ctx.reject(i + 1, line.term, problem)
            continue
        found.append((i, stop, line))
    glossary = not scope.answer and is_glossary(len(found), len(starts), defined)
    if lone and len(found) == 1 and not found[0][2].formatted:
        ctx.reject(found[0][0] + 1, found[0][2].term, "a lone `key: value` line, not a glossary")
        return
    for i, stop, line in found:
        if not glossary:
            ctx.reject(
                i + 1, line.term, f"a property in the body of {scope.owner or 'the section'}"
            )
            continue
        yield _colon_candidate(line, i, stop, scope, ctx, [])


def _prose(
    paragraph: SyntaxTreeNode, scope: Scope, ctx: Context, formatted_only: bool
) -> Candidate | None:
    assert paragraph.map is not None
    if scope.answer:
        return None
    start, end = paragraph.map
    raw = " ".join(strip_prefix(x) for x in ctx.parsed.lines[start:end])
    subject = defined_subject(raw, formatted_only)
    strategy = "prose"
    if subject is None:
        subject = named_term(raw)
        strategy = "prose-named"
    if subject is None:
        return None
    name, aliases = split_aliases(subject)
    if scope.owner and same_term(name, scope.owner):
        return None  # the owner's own definition: it stays the owner's answer
    if not scope.section and any(same_term(name, a) for a in ctx.info.aliases):
        return None  # the note defines itself under one of its front-matter aliases
    return Candidate(
        term=name,
        aliases=aliases,
        section=scope.section,
        line=start + 1,
        spans=[(start, end)],
        strategy=strategy,
        owned=(start, end),
    )
