"""The rules a list's lines are judged by, as body.py reads the list an item at a time: what
is known of the list before (`read_list`), which `name: meaning` lines and prose items make
cards once all are read, and whether the list is a glossary, a procedure or the fields of
one thing. Nothing here reads the blocks nested under an item; body.py does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from ..parse import first_paragraph
from .aspects import is_flow, names_side
from .candidate import Candidate, Context, Scope, strip_prefix
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
from .labels import ACTION, is_label, is_strong_label
from .lists import alias_lines, item_candidate
from .paragraphs import colon_candidate, item_text, prose_candidate
from .proserules import other_features
from .sectionlabels import is_set_up_section
from .terms import is_expansion


@dataclass(slots=True)
class ListRead:
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


def read_list(
    items: list[SyntaxTreeNode], scope: Scope, ctx: Context, defined: bool | None
) -> ListRead:
    """What is known of a list before its items are read one by one."""
    aliases, _ = alias_lines(items)
    lines = _codes({id(i): _colon_line(i, ctx) for i in items})
    among_colon = sum(problem is None for _, problem in lines.values()) >= 2
    fields = _fields(list(lines.values()))
    among_colon = among_colon and not fields
    among_terms = _term_siblings(items, scope, ctx)
    return ListRead(items, scope, ctx, defined, aliases, lines, among_colon, fields, among_terms)


_Read = tuple[ColonLine | None, str | None]


def _colon_line(item: SyntaxTreeNode, ctx: Context) -> _Read:
    """An item's `name: meaning` line and what is wrong with it, computed once per item."""
    paragraph = first_paragraph(item)
    if paragraph is None or not paragraph.map:
        return None, "no line"
    line = split_colon_line(strip_prefix(ctx.parsed.lines[paragraph.map[0]]))
    return (line, line_problem(line)) if line is not None else (None, "no line")


_LABEL = "label, not a term"

# `- 404: Not Found`, `- 22: SSH`: a code looked up by its number. One digit is a step
# (`- 1: 접속`), four starting 1 or 20 a year (`- 1789: …`), a date line and no card.
_CODE = re.compile(r"(?!1\d{3}$|20\d{2}$)[1-9]\d{1,4}")


def _codes(lines: dict[int, _Read]) -> dict[int, _Read]:
    """Two or more `number: meaning` lines in one list (status codes, ports, error codes): the
    numbers are names, though they have no letters."""
    codes = {k: line for k, (line, _) in lines.items() if line and _CODE.fullmatch(line.term)}
    if len(codes) < 2:
        return lines
    return lines | {k: (line, line_problem(line, code=True)) for k, line in codes.items()}


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


def list_term_item(read: ListRead, item: SyntaxTreeNode) -> Candidate | None:
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


def _sole_description(
    items: list[SyntaxTreeNode], scope: Scope, defined: bool | None, ctx: Context
) -> bool:
    """The only bullet under a term's heading, in plain words with details nested under it
    (`### 프로세스` then `- 실행 중인 프로그램` and sub-bullets): it describes the heading."""
    if not scope.owner or defined is not False or len(items) != 1 or not items[0].map:
        return False
    text = strip_prefix(ctx.parsed.lines[items[0].map[0]])
    return not text.startswith(("**", "__", "`", "*", "_", "[", "<"))


def colon_problem(read: ListRead, line: ColonLine, problem: str | None) -> str | None:
    """What keeps an item's `name: meaning` line from being a card beside its siblings."""
    owner = read.scope.owner
    if problem == _LABEL and read.among_colon and not is_strong_label(line.term):
        problem = None  # `- feature: …` among `- develop: …`, `- release: …`
    if problem is None and is_expansion(line.term, owner):
        problem = f"the full name of {owner}, kept on its card"
    if problem is None and read.fields:
        problem = f"a field of {owner or 'the section'} beside Definition, Example …"
    if problem is None and read.scope.section and is_setting(read.scope.section[-1], line):
        problem = f"a setting of {read.scope.section[-1]}, not a term"
    return problem


# `Windows 11`, `Hyper-V`, `` `ooo426` ``, `17`: a product, version or value, not a meaning
_VALUE = re.compile(r"^(?:`[^`]+`|[A-Za-z0-9][\w.+#/-]*)(?:\s+\S+){0,7}$")


def is_setting(section: str, line: ColonLine) -> bool:
    """`- Host OS: Windows 11` under `## 실습 환경`: the set-up the author used, a value under
    a name (not `- venv: 파이썬의 가상 환경 도구` under `## 가상 환경`, a meaning)."""
    value = line.definition.strip()
    return (
        is_set_up_section(section)
        and bool(_VALUE.match(value))
        and not re.search(r"[.!?。]\s*$|[가-힣](?:다|요|함|임)\b", value)
    )


def prose_item(
    read: ListRead, index: int, item: SyntaxTreeNode, paragraph: SyntaxTreeNode
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


def prose_cards(read: ListRead, ordered: bool) -> Iterator[Candidate]:
    """Whether the prose items are definitions, or steps of a procedure among the others."""
    if ordered and len(read.proses) * 5 < len(read.items) * 3:  # `1. `qa` starts recording` `2. …`
        for prose in read.proses:
            read.ctx.reject(prose.line, prose.term, "a step of a procedure, not a definition")
        return
    yield from read.proses


def _told_to(name: str) -> bool:
    """`Write a Balanced Equation`: a verb and what to do it to, a step's name."""
    return bool(ACTION.match(name)) and len(name.split()) > 1


def procedure_steps(read: ListRead, ordered: bool, lead_in: bool) -> bool:
    """Whether the list's `name: …` lines are the steps of a procedure rather than terms."""
    colon, scope = read.colon, read.scope
    plain = bool(colon) and all(not line.formatted for _, line in colon)
    stages = ordered and is_flow((*scope.section, scope.owner))  # `## 요청 처리 흐름`, `1. …`
    stages = stages and not any(DEFINING_PHRASE.search(line.definition) for _, line in colon)
    # bold names beside other steps too, or bold names that say what to do (`1. **Write a
    # Balanced Equation:** …` under `## Steps for …`)
    told_to = sum(_told_to(line.term) for _, line in colon) * 3 >= len(colon) * 2
    stages = stages and (plain or len(colon) < read.units or told_to)
    return numbered_steps(read.items, colon, read.units) or (plain and lead_in) or stages


def colon_cards(
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


def bold_terms(items: list[SyntaxTreeNode], ctx: Context) -> bool:
    """Inside an answer, do the `**name**: meaning` lines mark new terms in bold (or code)?
    The names a question compares (`@RequestBody vs @ModelAttribute`) are terms too: the
    question's own card keeps their lines in full (see `assemble`)."""
    lines = [line for line, _ in (_colon_line(i, ctx) for i in items) if line is not None]
    return bool(lines) and all(line.formatted or marked_names(line.term_md) for line in lines)
