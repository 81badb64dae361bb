"""Strategy: tables whose rows are term | meaning — one card per row.

A two-column table is a glossary unless something says otherwise, however short its cells
(`Wort | Bedeutung`, `Operation | Big-O`); header-less tables and header rows that are entries
count too. Codes (`` `404` | Not Found ``) are terms; columns of only links or marks are no
part of the answer. Not cards: comparisons (`| | TCP | UDP |`, `| ES | RDB |`, `Before |
After`), data (numbers), schedules, link lists and tables of contents (tablekinds.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.tree import SyntaxTreeNode

from ..parse import ATTRIBUTES, all_sections
from .candidate import Candidate, Context
from .colon import PHRASE, SENTENCE, definition_problem, plain_term, term_problem
from .filters import is_date_line, is_divider
from .labels import is_label, is_strong_label
from .tableheads import (
    COMPARE_HEADERS,
    MEANING_HEADERS,
    NAME_HEADERS,
    PROS_CONS,
    SIDES,
    TERM_HEADERS,
    any_role,
    compared_columns,
    named_above,
    role,
    section_titles,
)
from .tablekinds import (
    code_lookup,
    decoration_columns,
    entry,
    explained,
    file_index,
    flags,
    index_column,
    members,
    peer_headers,
    phrase,
    schedule,
)
from .terms import looks_like_term, split_aliases

_NUMERIC = re.compile(r"^[\s\d.,:%$€₩+\-/xX×*()~<>=≈kKmMgGbBsSmsμ]*$")


def _number(text: str) -> bool:
    """`42`, `3.5 %`, `10:30` (or a blank cell): a value; `==`, `<=`, `%` are operators."""
    return bool(_NUMERIC.match(text)) and (not text.strip() or any(c.isdigit() for c in text))


_QUOTE = re.compile(r"^\s*(?:>\s?)+")


def split_row(line: str) -> list[str]:
    """Cells of a table row as written, honouring `\\|` and `|` inside code spans."""
    text = _QUOTE.sub("", line).strip()  # a table inside `> …` or a `> [!note]` callout
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    cells: list[str] = []
    current: list[str] = []
    in_code = False
    for index, char in enumerate(text):
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code and (index == 0 or text[index - 1] != "\\"):
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    cells.append("".join(current).strip())
    return cells


def table_reason(table: SyntaxTreeNode, ctx: Context) -> str | None:
    """Why a table is not a term | meaning table, or None when it is one."""
    if not table.map:
        return "empty table"
    header, rows = _table(table, ctx)
    return _not_glossary(header, [r for _, r in rows], section_titles(table, ctx))


def table_candidates(
    table: SyntaxTreeNode, section: tuple[str, ...], ctx: Context
) -> Iterator[Candidate]:
    if not table.map:
        return
    start = table.map[0]
    header, rows = _table(table, ctx)
    reason = _not_glossary(header, [r for _, r in rows], section_titles(table, ctx))
    if reason is None and _paradigm(start, rows, ctx):
        reason = "a paradigm: its row names head another table of this note too (slots, not terms)"
    if reason is not None:
        ctx.reject(start + 1, " | ".join(header), reason)
        return
    codes = code_lookup(header, [r for _, r in rows])
    if _symbol_first([r for _, r in rows]):
        header = [header[1], header[0], *header[2:]]
        rows = [(i, [r[1], r[0], *r[2:]]) for i, r in rows]
    if _header_is_row(header, [r for _, r in rows]):
        rows.insert(
            0, (start, _drop(split_row(ctx.parsed.lines[start]), _extra_columns(table, ctx)))
        )
        header = ["", ""]
    cands = [c for i, cells in rows if (c := _row(i, cells, header, section, ctx, codes))]
    if cands:
        left = _left_rows(table.map, rows, {c.line - 1 for c in cands}, header)
        for cand in cands:
            cand.rows = left
    yield from cands


def _left_rows(
    span: tuple[int, int], rows: list[tuple[int, list[str]]], made: set[int], header: list[str]
) -> dict[int, str | None]:
    """The lines of a table some of whose rows are cards, as the answer that names those cards
    shows them: its header, delimiter and markup rows as nothing, and a row that made no card
    (`| Comments without code | "Which line?" |`) as a list item beside their names — a
    table's row on its own, without the header, would be raw `|` text."""
    left: dict[int, str | None] = {i: None for i in range(*span) if i not in made}
    for index, cells in rows:
        if index not in made and any(c.strip() for c in cells):
            left[index] = _as_item(cells, header)
    return left


def _as_item(cells: list[str], header: list[str]) -> str:
    """`- Comments without code: "This logic looks off" — which logic, which line?`; a third
    column follows under its header's name (`; Example: …`)."""
    first, rest = cells[0].strip(), [_cell(c) for c in cells[1:]]
    named = [(h, c) for h, c in zip(header[1:], rest, strict=False) if c]
    if not first:
        return "- " + "; ".join(c for _, c in named)
    if not named:
        return f"- {first}"
    more = "".join(f"; {h or 'More'}: {c}" for h, c in named[1:])
    return f"- {first}: {named[0][1]}{more}"


def _heads(rows: list[tuple[int, list[str]]]) -> frozenset[str]:
    return frozenset(plain_term(r[0]).casefold() for _, r in rows if r and r[0].strip())


def _paradigm(start: int, rows: list[tuple[int, list[str]]], ctx: Context) -> bool:
    """`| Yo | -é |`, `| Tú | -aste |` … in one table, `| Yo | -í |` … in the next: row names
    that head another table of the note as well are the slots of a paradigm (persons, days,
    cases), each filled in again per table, not terms defined once."""
    heads = _heads(rows)
    if len(heads) < 3:
        return False
    if ctx.row_heads is None:
        ctx.row_heads = [
            (node.map[0], _heads(_table(node, ctx)[1]))
            for section in all_sections(ctx.parsed.root)
            for block in section.body
            for node in block.walk()
            if node.type == "table" and node.map
        ]
    return any(
        other != start and len(heads & theirs) >= 3 and len(heads & theirs) * 3 >= len(heads) * 2
        for other, theirs in ctx.row_heads
    )


# `{: .class}` under a table (kramdown): markdown-it reads it as one more row.
_ATTRIBUTES = re.compile(rf"^\|?\s*{ATTRIBUTES}\s*(?:\|\s*)*$")


def _rows(table: SyntaxTreeNode, ctx: Context) -> list[tuple[int, list[str]]]:
    """The body's rows as written: not blank lines, attribute lines or dividers."""
    start, end = table.map or (0, 0)
    lines = ctx.parsed.lines
    rows = []
    for i in range(start + 2, end):
        if lines[i].strip() and not _ATTRIBUTES.match(lines[i].strip()):
            cells = split_row(lines[i])
            if not is_divider(cells):
                rows.append((i, cells))
    return rows


def _table(table: SyntaxTreeNode, ctx: Context) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header (plain text) and the rows (as written) that hold an answer: columns of only
    links or marks (`[?](…)`, `✅`) are left out, and so are attribute lines and dividers."""
    start = table.map[0] if table.map else 0
    rows = _rows(table, ctx)
    drop = _extra_columns(table, ctx, rows)
    header = [plain_term(c) for c in _drop(split_row(ctx.parsed.lines[start]), drop)]
    return header, [(i, _drop(r, drop)) for i, r in rows]


def _extra_columns(
    table: SyntaxTreeNode, ctx: Context, found: list[tuple[int, list[str]]] | None = None
) -> set[int]:
    rows = [r for _, r in (_rows(table, ctx) if found is None else found)]
    header = split_row(ctx.parsed.lines[table.map[0] if table.map else 0])
    drop = decoration_columns(rows, len(header))
    if index_column(header, rows):
        drop.add(0)  # `| # | Word | Meaning |`: a running number, not the term
    return drop


def _drop(cells: list[str], columns: set[int]) -> list[str]:
    return [c for i, c in enumerate(cells) if i not in columns]


_MATH_CELL = re.compile(r"^\s*\$[^$]+\$\s*$")


def _symbol_first(rows: list[list[str]]) -> bool:
    """`| $\\mu$ | 모평균 | 공식 |`: a column of symbols, then the names they stand for, then
    more — the names are the terms. (`| $m$ | number of examples |` keeps its symbols.)"""
    return bool(rows) and all(
        len(r) >= 3
        and _MATH_CELL.match(r[0])
        and r[1].strip()
        and "$" not in r[1]
        and len(r[1].split()) <= 4
        for r in rows
    )


def _row(
    index: int,
    cells: list[str],
    header: list[str],
    section: tuple[str, ...],
    ctx: Context,
    codes: bool = False,
) -> Candidate | None:
    if len(cells) < 2 or not cells[0].strip():
        return None
    term, note = explained(plain_term(cells[0]))
    columns = list(zip(header[1:], cells[1:], strict=False))
    rest = [(h, c) for h, c in columns if not role(NAME_HEADERS, h)]
    names = [plain_term(c) for h, c in columns if role(NAME_HEADERS, h) and c.strip()]
    if not rest:  # `| English | 한국어 |`: the other name is the meaning
        rest, names = columns[:1], []
    meaning = next((i for i, (h, _) in enumerate(rest) if role(MEANING_HEADERS, h)), 0)
    definition = _cell(rest[meaning][1])
    if _NUMERIC.match(plain_term(definition)) and rest[meaning][0]:
        definition = f"{rest[meaning][0]}: {definition}"  # `| SSH | 22 |` → `Port: 22`
    bare = cells[0].strip().strip("*_").strip()  # `**`sync = true`**`: code, made bold
    code = codes or (bare.startswith("`") and bare.endswith("`"))
    problem = term_problem(term, max_words=6, code=code) or definition_problem(definition)
    if problem == "label, not a term" and not is_strong_label(term):
        problem = None  # a row of a term | meaning table: `| A | IPv4 address |` is a term
    if problem in (SENTENCE, PHRASE) and phrase(term):
        problem = None  # a vocabulary table's phrases: `etwas steht an`, `... erinnert an ...`
    if problem in ("a reminder, not a definition", "a day, not a term") and _named(header):
        problem = None  # `| Montag | Monday |` under `| Wort | Bedeutung |`: a translation
    if problem is not None:
        ctx.reject(index + 1, term, problem)
        return None
    extra = [
        f"- {h or 'More'}: {_cell(c)}"
        for i, (h, c) in enumerate(rest)
        if i != meaning and c.strip()
    ]
    if note:
        definition = f"{definition}  \n({note})"
    name, aliases = split_aliases(term)
    return Candidate(
        term=name,
        aliases=(*aliases, *names),
        section=section,
        line=index + 1,
        spans=[],
        strategy="table",
        owned=(index, index + 1),
        text="\n\n".join([definition, "\n".join(extra)]) if extra else definition,
        stub=f"- {cells[0].strip()}",
    )


def _named(header: list[str]) -> bool:
    """Do the headers say the columns hold terms and meanings (or words in two languages)?"""
    return bool(
        role(TERM_HEADERS, header[0])
        or any(role(MEANING_HEADERS, h) for h in header[1:])
        or (len(header) == 2 and is_label(header[1]) and not is_label(header[0]))
        or any(role(NAME_HEADERS, h) for h in header[:2])  # `| English | Spanish |`
    )


def _cell(text: str) -> str:
    return re.sub(r"\s*<br\s*/?>\s*", "  \n", text.replace("\\|", "|")).strip()


def _not_glossary(header: list[str], rows: list[list[str]], titles: list[str]) -> str | None:
    if len(header) < 2 or not rows:
        return "not a term | meaning table (a list, or its other columns are only links)"
    if file_index(rows):
        return "a table of contents or an index of files, not a term | meaning table"
    if len(header) > 2 and sum(bool(PROS_CONS.match(h)) for h in header[1:]) >= 2:
        return "a comparison table (pros and cons), not a term | meaning table"
    if len(header) == 2 and all(PROS_CONS.match(h) or SIDES.match(h) for h in header):
        return "a comparison table (two sides of one thing), not a term | meaning table"
    named = _named(header)
    if len(header) > 2 and named and compared_columns(header, rows):
        return "a comparison table (one column per compared thing), not a term | meaning table"
    if len(header) > 2 and not named:
        if COMPARE_HEADERS.match(header[0]) or len(header) > 3:
            return "a comparison or data table, not a term | meaning table"
        return "a data table, not a term | meaning table"
    if flags(rows):
        return "a table of marks (yes/no, O/X), not a term | meaning table"
    firsts = [plain_term(r[0]) for r in rows if r]
    codes = code_lookup(header, rows)
    if not codes and sum(_number(f) for f in firsts) * 2 > len(firsts):
        return "a data table: its first column is numbers"
    seconds = [plain_term(r[1]) for r in rows if len(r) > 1 and r[1].strip()]
    values = sum(bool(_NUMERIC.match(v) or is_date_line(v)) for v in seconds)
    if not named and len(header) == 2 and not codes and 0 < values * 2 < len(seconds):
        # `| Developer | Google |` over `| First release | 2009 |`: one thing's properties
        return "a record of one thing's properties (some answers are values), not a glossary"
    if not named and len(header) == 2 and members(seconds):
        return "categories and their members (lists of names), not a term | meaning table"
    languages = any(role(NAME_HEADERS, h) for h in header[:2])  # `| English | 한국어 |`
    if not languages and schedule(header, rows, named):
        return "a schedule or an outline, not a term | meaning table"
    if not named and len(header) == 2 and COMPARE_HEADERS.match(header[0]) and header[0]:
        return "a comparison table, not a term | meaning table"
    peers = len(header) == 2 and (peer_headers(header, any_role) or named_above(header, titles))
    if not named and peers and not _header_is_row(header, rows):
        return "a comparison table (its headers are the compared things), not a glossary"
    if codes:
        return None
    if _header_is_row(header, rows):
        firsts.insert(0, header[0])
    terms = [explained(f)[0] for f in firsts]
    if not named and sum(entry(t) for t in terms) * 10 < len(terms) * 8:
        return "its first column is not terms"
    return None


def _phrase_head(first: str, second: str) -> bool:
    """`| dar igual | to not matter |`: column headers are single words; a phrase on the left or
    an infinitive or article on the right is an entry (`| setting | effect on output |` is not)."""
    return len(first.split()) >= 2 or bool(re.match(r"(?:to|an?|the)\s", second))


def _header_is_row(header: list[str], rows: list[list[str]]) -> bool:
    """A table written without a header: the header row is blank or is itself a pair."""
    if all(not h for h in header):
        return False
    if role(TERM_HEADERS, header[0]) or role(MEANING_HEADERS, header[1]):
        return False
    seconds = [plain_term(r[1]) for r in rows if len(r) > 1]
    if sum(bool(_NUMERIC.match(s)) for s in seconds) * 2 > len(seconds):
        return False  # `| Nutrient | kcal per gram |` over numbers: a header after all
    second = header[1]
    defining = (
        len(second.split()) >= 4
        or not looks_like_term(second, 3)  # `| 결제 | 돈을 치름 |`
        or (second[:1].islower() and len(second.split()) >= 2 and _phrase_head(header[0], second))
    )
    return defining and term_problem(header[0], 6) is None
