"""The blocks under one heading (or one list item) → candidates from every block strategy.

Lists and paragraphs go through the line strategies (cloze, colon lines, prose definitions,
term items); tables and definition lists through their own. Lines taken by explicit markup
(`skip`) are left to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from ..parse import first_paragraph
from .aspects import (
    aspect_item,
    counts_kinds,
    is_flow,
    kinds_listed,
    lead_in,
    mentions,
    names_aspect,
    names_side,
    subject_names,
    told_at_length,
    unquote,
)
from .boldheads import Unit, split_bold_sections
from .candidate import Candidate, Context, Scope, strip_prefix
from .cloze import cloze_candidate
from .colon import (
    DEFINING_PHRASE,
    ColonLine,
    bold_colon_item,
    is_api_name,
    is_glossary,
    line_problem,
    marked_names,
    marks_a_term,
    names_a_term,
    numbered_steps,
    split_colon_line,
)
from .deflist import deflist_candidates
from .filters import is_decoration, is_link_only
from .labels import is_label, is_strong_label
from .lists import LISTS, alias_lines, item_candidate, term_of_line
from .noteindex import indexes_notes
from .numbered import (
    glossed_items,
    named_line_candidate,
    numbered_candidate,
    numbered_heads,
    titled_item,
)
from .paragraphs import (
    colon_candidate,
    colon_paragraphs,
    defines_other,
    item_text,
    paragraph_candidates,
    prose_candidate,
    sentence_candidates,
)
from .proserules import other_features
from .quoteheads import quote_candidates
from .sentences import FORMATTED_PAREN
from .tables import table_candidates
from .terms import is_expansion


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
    glossary = colon_paragraphs(units, ctx)
    if not (len(glossary) >= 2 and len(glossary) * 5 >= len(content) * 3):
        glossary = []  # `**Term** — …` paragraphs read as a glossary only together
    previous: Unit | None = None
    subject: tuple[str, ...] | None = None  # the names a prose definition above gave its term
    for index, unit in enumerate(units):
        defined = bool(scope.owner) and any(u is not unit for u in content)
        defined = defined and not any(unit is g for g in glossary)
        if isinstance(unit, list):
            # an answer's lines, and `Examples:` lists, describe; they define nothing
            answer = scope.answer and not _bold_terms(unit, ctx)
            described = answer or lead_in(previous, label=True)
            told = bool(scope.section) and any(u is not unit and _is_paragraph(u) for u in content)
            if subject is None and previous is not None and _is_paragraph(previous):
                names = (subject_names(u, ctx) for u in units[:index])
                subject = next((n for n in names if n), ())
            told = told or (mentions(previous, subject or ()) and told_at_length(unit, ctx))
            told = told and not kinds_listed(unit, (*(subject or ()), scope.owner), ctx)
            told = told and not counts_kinds(previous)
            defined_as = None if described else defined
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
                parts = lead_in(previous) and owned
                yield from _list(unit, scope, ctx, defined_as, parts, told)
        elif unit.type == "paragraph":
            grouped = any(unit is g for g in glossary)
            lone = not scope.owner and not grouped
            yield from paragraph_candidates(unit, scope, ctx, defined, lone, grouped)
        elif unit.type == "table":
            yield from table_candidates(unit, scope.section, ctx)
        elif unit.type == "dl":
            yield from deflist_candidates(unit, scope.section, ctx)
        elif unit.type == "blockquote":
            yield from quote_candidates(unit, scope, ctx, body_candidates)
        previous = unit


def _is_paragraph(unit: Unit) -> bool:
    return not isinstance(unit, list) and unit.type == "paragraph"


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


@dataclass(slots=True)
class _ListRead:
    """One list as its items are read: what holds for all of them, and what they add up to."""

    items: list[SyntaxTreeNode]
    scope: Scope
    ctx: Context
    defined: bool | None
    aliases: set[int]  # the lines of `- VMM 이라고도 함` items, which name the owner again
    lines: dict[int, tuple[ColonLine | None, str | None]]  # by item id: see `_colon_line`
    among_colon: bool  # a label beside other good `name: meaning` lines is a name too
    fields: bool  # the list fills in the fields of one thing (see `_fields`)
    among_terms: bool  # see `_term_siblings`
    colon: list[tuple[SyntaxTreeNode, ColonLine]] = field(default_factory=list)
    proses: list[Candidate] = field(default_factory=list)
    units: int = 0  # the items that tell something without defining it


def _read_list(
    items: list[SyntaxTreeNode], scope: Scope, ctx: Context, defined: bool | None
) -> _ListRead:
    """What is known of a list before its items are read one by one."""
    aliases, _ = alias_lines(items)
    lines = {id(i): _colon_line(i, ctx) for i in items}
    among_colon = sum(problem is None for _, problem in lines.values()) >= 2
    fields = _fields(list(lines.values()))
    among_colon = among_colon and not fields
    among_terms = _term_siblings(items, scope, ctx)
    return _ListRead(items, scope, ctx, defined, aliases, lines, among_colon, fields, among_terms)


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
    read = _read_list(items, scope, ctx, defined)
    heads = numbered_heads(items, ctx)
    yield from _numbered_heads(items, heads, scope, ctx)
    glossed = glossed_items(items, scope.section, ctx)  # `- 프로세스(데이터를 변화하는 작업)`
    yield from glossed.values()
    for index, item in enumerate(items):
        yield from _item(read, index, item, index in heads or index in glossed)
    ordered = all(i.parent is not None and i.parent.type == "ordered_list" for i in items)
    yield from _prose_cards(read, ordered)
    if _steps(read, ordered, lead_in):
        defined = None  # `1. Client Hello: …` `2. Server Hello: …` `3. …`: steps of a procedure
    yield from _colon_cards(read.colon, read.units, scope, ctx, defined, told)


def _reject_index(items: list[SyntaxTreeNode], ctx: Context) -> None:
    """An index of other notes makes no card: each item's note explains its name."""
    for item in items:
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


def _item(read: _ListRead, index: int, item: SyntaxTreeNode, made: bool) -> Iterator[Candidate]:
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
        yield titled
        inner = Scope(scope.section, titled.term, scope.skip, scope.answer)
        yield from body_candidates(item.children[1:], inner, ctx)
        return
    first = paragraph.map[0]
    if first in read.aliases or first in scope.skip:
        return
    yield from _item_line(read, index, item, paragraph)


def _item_line(
    read: _ListRead, index: int, item: SyntaxTreeNode, paragraph: SyntaxTreeNode
) -> Iterator[Candidate]:
    """What an item's line is, the first that fits: a cloze, a label, a term item or plain."""
    scope, ctx = read.scope, read.ctx
    assert item.map is not None
    cloze = cloze_candidate(paragraph, scope.section, ctx)
    if cloze is not None:
        cloze.owned = (item.map[0], item.map[1])
        yield cloze
        yield from body_candidates(item.children[1:], Scope(scope.section, "", scope.skip), ctx)
        return
    aspect = aspect_item(item, scope, ctx, read.among_terms)
    if aspect is not None:
        read.units += 1  # `- Mechanism` beside `- Drugs: …`: the list describes its owner
        yield from under_label(item, aspect, scope, ctx)
        return
    term_item = _term_item(read, item)
    if term_item is not None:
        yield term_item
        answer = term_item.strategy == "question-item"  # its items answer it
        inner = Scope(scope.section, term_item.term, scope.skip, answer)
        yield from body_candidates(item.children[1:], inner, ctx)
        return
    yield from _plain_line(read, index, item, paragraph)


def _term_item(read: _ListRead, item: SyntaxTreeNode) -> Candidate | None:
    """The item as a term item, unless it is the sole description under its owner's heading."""
    term_item = item_candidate(item, read.scope.section, read.ctx, read.among_terms)
    if (
        term_item is not None
        and term_item.strategy == "list-term"
        and _sole_description(read.items, read.scope, read.defined, read.ctx)
    ):
        read.ctx.reject(term_item.line, term_item.term, f"the description of {read.scope.owner}")
        return None
    return term_item


def _plain_line(
    read: _ListRead, index: int, item: SyntaxTreeNode, paragraph: SyntaxTreeNode
) -> Iterator[Candidate]:
    """Whether a plain line is a `name: meaning` line, a prose definition or sentences."""
    scope, ctx = read.scope, read.ctx
    assert paragraph.map is not None
    first = paragraph.map[0]
    read.units += 1  # only lines that define nothing else count against a glossary
    line, problem = read.lines[id(item)]
    if line is not None:
        problem = _colon_problem(read, line, problem)
        if problem is None:
            read.colon.append((item, line))
        else:
            ctx.reject(first + 1, line.term, problem)
    else:
        prose = _prose_item(read, index, item, paragraph)
        if prose is not None:
            read.units -= 1  # a definition of its own, like a term item
            read.proses.append(prose)
        elif "**" in ctx.parsed.lines[first] or FORMATTED_PAREN.search(ctx.parsed.lines[first]):
            # `- In a digraph, **in-degree** is the …`, `1. Build a _bijection_ (a map) …`
            yield from sentence_candidates(paragraph, scope, ctx, "")
    owner = line.term if line is not None else "item"
    yield from body_candidates(item.children[1:], Scope(scope.section, owner, scope.skip), ctx)


def _colon_problem(read: _ListRead, line: ColonLine, problem: str | None) -> str | None:
    """What keeps an item's `name: meaning` line from being a card beside its siblings."""
    owner = read.scope.owner
    if problem == _LABEL and read.among_colon and not is_strong_label(line.term):
        problem = None  # `- feature: …` among `- develop: …`, `- release: …`
    if problem is None and is_expansion(line.term, owner):
        problem = f"the full name of {owner}, kept on its card"
    if problem is None and read.fields:
        problem = f"a field of {owner or 'the section'} beside Definition, Example …"
    return problem


def _prose_item(
    read: _ListRead, index: int, item: SyntaxTreeNode, paragraph: SyntaxTreeNode
) -> Candidate | None:
    """Whether an item defines a formatted name in prose; its answer is the item's text."""
    assert item.map is not None
    prose = prose_candidate(paragraph, read.scope, read.ctx, formatted_only=True)
    if prose is None:
        return None
    prose.owned = (item.map[0], item.map[1])
    prose.spans = []
    prose.text = item_text(item, read.ctx)
    if prose.strategy == "prose-named" and index and _POINTS_BACK.match(prose.text):
        # `- This is called **paging**`: what it names is the item above
        prose.text = item_text(read.items[index - 1], read.ctx) + "  \n" + prose.text
    return prose


_POINTS_BACK = re.compile(r"^(?:this|these|it|such\s+\w+)\s+(?:is|are)\s", re.IGNORECASE)


def _prose_cards(read: _ListRead, ordered: bool) -> Iterator[Candidate]:
    """Whether the prose items are definitions, or steps of a procedure among the others."""
    if ordered and len(read.proses) * 5 < len(read.items) * 3:  # `1. `qa` starts recording` `2. …`
        for prose in read.proses:
            read.ctx.reject(prose.line, prose.term, "a step of a procedure, not a definition")
        return
    yield from read.proses


def _steps(read: _ListRead, ordered: bool, lead_in: bool) -> bool:
    """Whether the list's `name: …` lines are the steps of a procedure rather than terms."""
    colon, scope = read.colon, read.scope
    plain = bool(colon) and all(not line.formatted for _, line in colon)
    stages = ordered and is_flow((*scope.section, scope.owner))  # `## 요청 처리 흐름`, `1. …`
    stages = stages and not any(DEFINING_PHRASE.search(line.definition) for _, line in colon)
    stages = stages and (plain or len(colon) < read.units)  # bold names beside other steps too
    return numbered_steps(read.items, colon, read.units) or (plain and lead_in) or stages


def under_label(
    item: SyntaxTreeNode, aspect: str, scope: Scope, ctx: Context
) -> Iterator[Candidate]:
    """A label item makes no card. Under a kinds label (`- 종류`) the kinds are terms; under a
    property label (`- 특징`, `- 장점`) every line describes the enclosing term, so only explicit
    cloze deletions still make cards."""
    assert item.map is not None
    found = term_of_line(strip_prefix(ctx.parsed.lines[item.map[0]]))
    where = f" inside {scope.owner}" if scope.owner else ""
    ctx.reject(item.map[0] + 1, found[0] if found else "", f"label{where}, not a term")
    inner = body_candidates(item.children[1:], scope, ctx)
    if aspect == "kinds":
        yield from inner
        return
    yield from (c for c in inner if c.strategy == "cloze")


def _bold_terms(items: list[SyntaxTreeNode], ctx: Context) -> bool:
    """Inside an answer, do the `**name**: meaning` lines mark new terms in bold (or code)?
    The names a question compares (`@RequestBody vs @ModelAttribute`) are terms too: the
    question's own card keeps their lines in full (see `assemble`)."""
    lines = [line for line, _ in (_colon_line(i, ctx) for i in items) if line is not None]
    return bool(lines) and all(line.formatted or marked_names(line.term_md) for line in lines)


def _colon_line(item: SyntaxTreeNode, ctx: Context) -> tuple[ColonLine | None, str | None]:
    """An item's `name: meaning` line and what is wrong with it, computed once per item."""
    paragraph = first_paragraph(item)
    if paragraph is None or not paragraph.map:
        return None, "no line"
    line = split_colon_line(strip_prefix(ctx.parsed.lines[paragraph.map[0]]))
    return (line, line_problem(line)) if line is not None else (None, "no line")


_LABEL = "label, not a term"


# The field that says what the thing is: a list holding it describes one thing.
_WHAT_IT_IS = frozenset({"definition", "def", "meaning", "formula", "정의", "의미", "뜻", "공식"})


def _fields(lines: list[tuple[ColonLine | None, str | None]]) -> bool:
    """`- Definition: …` `- Formula: …` `- Interpretation: …` `- Clinical Use: …`: when most
    of a list's `name: meaning` lines are labels, one of them saying what the thing is, it
    fills in the fields of one thing, so its other names (`Interpretation`) are fields too,
    not terms of a glossary (`- **tag**: …` `- **status**: …` `- **commit**: …` still is)."""
    found = [(line, problem) for line, problem in lines if line is not None]
    labels = [line.term for line, problem in found if problem == _LABEL]
    names = sum(problem is None for _, problem in found)
    what = any(t.casefold().strip(" *_`") in _WHAT_IT_IS for t in labels)
    return what and len(labels) >= 2 and len(labels) >= names


def _term_siblings(items: list[SyntaxTreeNode], scope: Scope, ctx: Context) -> bool:
    """Are at least two items of this list term items? Then a label-looking one is a term too.
    Items that name a side of the enclosing term (`- **Mechanism:**`, `- **When:**`) do not
    count: beside each other they are its labels, not a glossary."""
    nested = [i for i in items if len(i.children) > 1]
    sides = sum(names_side(i, scope, ctx) for i in nested)
    if len(nested) < 3 or sides * 2 > len(nested):
        return False
    scratch = Context(ctx.parsed, ctx.info)
    return sum(item_candidate(i, scope.section, scratch) is not None for i in nested) >= 2


def _sole_description(
    items: list[SyntaxTreeNode], scope: Scope, defined: bool | None, ctx: Context
) -> bool:
    """The only bullet under a term's heading, in plain words with details nested under it
    (`### 프로세스` then `- 실행 중인 프로그램` and sub-bullets): it describes the heading."""
    if not scope.owner or defined is not False or len(items) != 1 or not items[0].map:
        return False
    text = strip_prefix(ctx.parsed.lines[items[0].map[0]])
    return not text.startswith(("**", "__", "`", "*", "_", "[", "<"))


def _colon_cards(
    colon: list[tuple[SyntaxTreeNode, ColonLine]],
    units: int,
    scope: Scope,
    ctx: Context,
    defined: bool | None,
    told: bool = False,
) -> Iterator[Candidate]:
    """`told`: a paragraph beside the list already says what the owner is; plain `name: …`
    lines under it are its properties (`- Bentham: quantity of pleasure`) unless they define."""
    glossary = defined is not None and is_glossary(len(colon), units, defined, bool(scope.owner))
    plain = not any(line.formatted or DEFINING_PHRASE.search(line.definition) for _, line in colon)
    if told and plain:
        glossary = False
    if defined is not None and len(colon) == 1 and DEFINING_PHRASE.search(colon[0][1].definition):
        glossary = not is_label(colon[0][1].term)  # `- preflight 요청: … 확인하는 요청` under CORS
    # `- pop() : …`, `- push(item) : …`: several API names, each one a term of its own
    api = sum(is_api_name(line.term) for _, line in colon) >= 2
    for item, line in colon:
        assert item.map is not None
        start, end = item.map
        marked = defined is not None and bold_colon_item(item, ctx) and marks_a_term(line)
        named = names_a_term(line) or (api and is_api_name(line.term))
        marked = marked or (defined is not None and named)
        marked = marked or (len(colon) == 1 and other_features(line.term, scope.owner))
        if not glossary and not marked:  # `- **distinguishing a case:** …`: bold marks a term
            ctx.reject(
                start + 1, line.term, f"a property in the body of {scope.owner or 'the section'}"
            )
            continue
        yield colon_candidate(line, start, end, scope, ctx, item.children[1:])
