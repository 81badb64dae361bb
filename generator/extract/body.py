"""The blocks under one heading (or one list item) → candidates from every block strategy.

Lists and paragraphs go through the line strategies (cloze, colon lines, prose definitions,
term items); tables and definition lists through their own. Lines taken by explicit markup
(`skip`) are left to it. A list is read an item at a time here; the rules its lines are judged
by are in listrules.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeGuard

from markdown_it.tree import SyntaxTreeNode

from ..parse import first_paragraph, plain_text
from .aspects import (
    asks_for_kinds,
    aspect_item,
    counts_kinds,
    kinds_listed,
    lead_in,
    mentions,
    names_aspect,
    subject_names,
    told_at_length,
    unquote,
)
from .boldheads import Unit, split_bold_sections
from .candidate import ITEM_OWNER, Candidate, Context, Scope, strip_prefix
from .cloze import cloze_candidate
from .deflist import deflist_candidates
from .filters import is_decoration, is_link_only, only_attributes
from .listrules import (
    ListRead,
    bold_terms,
    colon_cards,
    colon_problem,
    list_term_item,
    procedure_steps,
    prose_cards,
    prose_item,
    read_list,
)
from .lists import LISTS, term_of_line
from .noteindex import index_items, indexes_notes
from .numbered import (
    glossed_items,
    named_line_candidate,
    numbered_candidate,
    numbered_heads,
    titled_item,
)
from .paragraphs import (
    colon_paragraphs,
    defines_other,
    paragraph_candidates,
    sentence_candidates,
    titled_paragraphs,
)
from .quoteheads import quote_candidates
from .sectionlabels import is_terms_label
from .sentences import FORMATTED_PAREN
from .tables import table_candidates


def body_candidates(
    blocks: list[SyntaxTreeNode], scope: Scope, ctx: Context
) -> Iterator[Candidate]:
    for units, bold in split_bold_sections(_group_items(unquote(blocks)), scope, ctx):
        if bold is not None:
            yield bold
            inner = Scope(scope.section, bold.term, scope.skip, scope.answer)
            yield from _units(units, inner, ctx)
        else:
            yield from _units(units, scope, ctx)


def _units(units: list[Unit], scope: Scope, ctx: Context) -> Iterator[Candidate]:
    content = [
        u
        for u in units
        if _is_content(u, ctx) and not defines_other(u, scope.owner, ctx, scope.owner_aliases)
    ]
    # `**Term** — …` paragraphs, or `IAM Users` over `It is an identity …`: a glossary only
    # when two or more stand together and make up most of what is said
    glossary = _together(colon_paragraphs(units, ctx), content)
    titled = _together(titled_paragraphs(units, ctx), content)
    previous: Unit | None = None
    subject: tuple[str, ...] | None = None  # the names a prose definition above gave its term
    # `## Types of Unemployment`, `## What are the different normal forms?`: the lines of its
    # lists name the kinds asked for, whatever is said around them
    kinds = asks_for_kinds(scope.owner)
    for index, unit in enumerate(units):
        defined = bool(scope.owner) and any(u is not unit for u in content)
        defined = defined and not any(unit is g for g in glossary)
        if isinstance(unit, list):
            # an answer's lines, and `Examples:` lists, describe; they define nothing
            answer = scope.answer and not kinds and not bold_terms(unit, ctx)
            described = answer or lead_in(previous, label=True)
            told = bool(scope.section) and any(u is not unit and _is_paragraph(u) for u in content)
            if subject is None and previous is not None and _is_paragraph(previous):
                names = (subject_names(u, ctx) for u in units[:index])
                subject = next((n for n in names if n), ())
            told = told or (mentions(previous, subject or ()) and told_at_length(unit, ctx))
            told = told and not kinds_listed(unit, (*(subject or ()), scope.owner), ctx)
            told = told and not counts_kinds(previous)
            told = told and not kinds
            defined_as = None if described else defined
            if _terms_label(previous):  # `**Key Terms:**` over `- Extinction: CR fades …`
                defined_as, told = False, False
            named = None
            if previous is not None and not isinstance(previous, list):
                named = named_line_candidate(previous, unit, scope.section, ctx)
            if named is not None:  # `은행원 알고리즘(Banker's Algorithm)` over its list
                yield named
                inner = Scope(scope.section, named.term, scope.skip, scope.answer)
                yield from _list(unit, inner, ctx, False)
            else:
                # `key explorers:` over `- magellan -- …` with no term above: a heading in all
                # but name; `Main features:` still lists the parts of the thing above
                owned = bool(scope.owner or subject) or names_aspect(previous)
                parts = lead_in(previous) and owned and not kinds
                yield from _list(unit, scope, ctx, defined_as, parts, told)
        elif unit.type == "paragraph" and not only_attributes(unit):  # `{: .class}`: markup
            grouped = any(unit is g for g in glossary)
            lone = not scope.owner and not grouped
            heads = any(unit is t for t in titled)
            yield from paragraph_candidates(unit, scope, ctx, defined, lone, grouped, heads)
        elif unit.type == "table":
            yield from table_candidates(unit, scope.section, ctx)
        elif unit.type == "dl":
            yield from deflist_candidates(unit, scope.section, ctx)
        elif unit.type == "blockquote":
            yield from quote_candidates(unit, scope, ctx, body_candidates)
        previous = unit


def _together(found: list[Unit], content: list[Unit]) -> list[Unit]:
    return found if len(found) >= 2 and len(found) * 5 >= len(content) * 3 else []


def _terms_label(unit: Unit | None) -> bool:
    return _is_paragraph(unit) and is_terms_label(plain_text(unit))


def _is_paragraph(unit: Unit | None) -> TypeGuard[SyntaxTreeNode]:
    return unit is not None and not isinstance(unit, list) and unit.type == "paragraph"


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
    told: bool = False,
) -> Iterator[Candidate]:
    """`defined` None: the list only describes (an answer, examples); no line is a term.
    `lead_in`: a `…:` paragraph introduces the list — its plain `name: …` lines are parts of
    the owner (`주요 필터:` then `1. UsernamePasswordAuthenticationFilter: …`)."""
    if indexes_notes(items, ctx):  # `- [[Evasion Attack]] - Integrity of model`
        _reject_index(items, ctx)
        return
    read = read_list(items, scope, ctx, defined)
    heads = numbered_heads(items, ctx)
    yield from _numbered_heads(items, heads, scope, ctx)
    glossed = glossed_items(items, scope.section, ctx)  # `- 프로세스(데이터를 변화하는 작업)`
    yield from glossed.values()
    for index, item in enumerate(items):
        yield from _item(read, index, item, index in heads or index in glossed)
    ordered = all(i.parent is not None and i.parent.type == "ordered_list" for i in items)
    yield from prose_cards(read, ordered)
    if procedure_steps(read, ordered, lead_in):
        defined = None  # `1. Client Hello: …` `2. Server Hello: …` `3. …`: steps of a procedure
    yield from colon_cards(read.colon, read.units, scope, ctx, defined, told)


def _reject_index(items: list[SyntaxTreeNode], ctx: Context) -> None:
    """An index of other notes makes no card: each item's note explains its name."""
    for item in index_items(items):
        assert item.map is not None
        shown = strip_prefix(ctx.parsed.lines[item.map[0]])
        ctx.reject(item.map[0] + 1, shown, "an index of other notes: each explains its name")


def _numbered_heads(
    items: list[SyntaxTreeNode], heads: dict[int, int], scope: Scope, ctx: Context
) -> Iterator[Candidate]:
    """Which numbered items head the bullets under them (`1. 웹 표준이란?`): their cards."""
    for index, stop in heads.items():
        head = numbered_candidate(items[index], items[index + 1 : stop], scope.section, ctx)
        if head is not None:
            yield head


def _item(read: ListRead, index: int, item: SyntaxTreeNode, made: bool) -> Iterator[Candidate]:
    """Whether the list reads an item's line, or the item is a body, made, a title or skipped."""
    scope, ctx = read.scope, read.ctx
    paragraph = first_paragraph(item)
    if paragraph is None or not paragraph.map or not item.map:
        yield from body_candidates(item.children, scope, ctx)
        return
    if made:  # a numbered heading or a glossed item
        return
    titled = titled_item(item, scope.section, ctx)  # `1. 부정사의 개념` over its lines
    if titled is not None:
        read.units += 1  # its lines are prose: they tell against reading its siblings as a glossary
        inner = Scope(scope.section, titled.term, scope.skip, scope.answer)
        yield from _with_nested(titled, item, inner, ctx)
        return
    first = paragraph.map[0]
    if first in read.aliases or first in scope.skip:
        return
    yield from _item_line(read, index, item, paragraph)


def _item_line(
    read: ListRead, index: int, item: SyntaxTreeNode, paragraph: SyntaxTreeNode
) -> Iterator[Candidate]:
    """What an item's line is, the first that fits: a cloze, a label, a term item or plain."""
    scope, ctx = read.scope, read.ctx
    assert item.map is not None
    cloze = cloze_candidate(paragraph, scope.section, ctx)
    if cloze is not None:
        cloze.owned = (item.map[0], item.map[1])
        yield from _with_nested(cloze, item, Scope(scope.section, "", scope.skip), ctx)
        return
    aspect = aspect_item(item, scope, ctx, read.among_terms)
    if aspect is not None:
        read.units += 1  # `- Mechanism` beside `- Drugs: …`: the list describes its owner
        yield from under_label(item, aspect, scope, ctx)
        return
    term_item = list_term_item(read, item)
    if term_item is not None:
        answer = term_item.strategy == "question-item"  # its items answer it
        inner = Scope(scope.section, term_item.term, scope.skip, answer)
        yield from _with_nested(term_item, item, inner, ctx)
        return
    yield from _plain_line(read, index, item, paragraph)


def _with_nested(
    card: Candidate, item: SyntaxTreeNode, inner: Scope, ctx: Context
) -> Iterator[Candidate]:
    """An item's own card first, then the cards of the blocks nested under it, in `inner`."""
    yield card
    yield from body_candidates(item.children[1:], inner, ctx)


def _plain_line(
    read: ListRead, index: int, item: SyntaxTreeNode, paragraph: SyntaxTreeNode
) -> Iterator[Candidate]:
    """Whether a plain line is a `name: meaning` line, a prose definition or sentences."""
    scope, ctx = read.scope, read.ctx
    assert paragraph.map is not None
    first = paragraph.map[0]
    read.units += 1  # only lines that define nothing else count against a glossary
    line, problem = read.lines[id(item)]
    if line is not None:
        problem = colon_problem(read, line, problem)
        if problem is None:
            read.colon.append((item, line))
        else:
            ctx.reject(first + 1, line.term, problem)
    else:
        prose = prose_item(read, index, item, paragraph)
        if prose is not None:
            read.units -= 1  # a definition of its own, like a term item
            read.proses.append(prose)
        elif "**" in ctx.parsed.lines[first] or FORMATTED_PAREN.search(ctx.parsed.lines[first]):
            # `- In a digraph, **in-degree** is the …`, `1. Build a _bijection_ (a map) …`
            yield from sentence_candidates(paragraph, scope, ctx, "")
    owner = line.term if line is not None else ITEM_OWNER
    yield from body_candidates(item.children[1:], Scope(scope.section, owner, scope.skip), ctx)


def under_label(
    item: SyntaxTreeNode, aspect: str, scope: Scope, ctx: Context
) -> Iterator[Candidate]:
    """A label item makes no card. Under a kinds label (`- 종류`) the kinds are terms; under a
    property label (`- 특징`, `- 장점`) every line describes the enclosing term, so only explicit
    cloze deletions still make cards."""
    assert item.map is not None
    found = term_of_line(strip_prefix(ctx.parsed.lines[item.map[0]]))
    label = found[0] if found else ""
    where = f" inside {scope.owner}" if scope.owner else ""
    ctx.reject(item.map[0] + 1, label, f"label{where}, not a term")
    inner = body_candidates(item.children[1:], scope, ctx)
    if aspect == "kinds":
        yield from inner
        return
    of = f" of {scope.owner}" if scope.owner and scope.owner != ITEM_OWNER else ""
    for card in inner:
        if card.strategy == "cloze":
            yield card
        else:  # its line stays in the answer it sits in; `--explain` says so
            ctx.reject(card.line, card.term, f"a property{of} under the label {label!r}")
