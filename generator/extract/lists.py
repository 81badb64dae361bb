"""Strategy: a list item whose text is a **bold** (or short) term with nested items under it.

`- **Image**` + nested bullets, `- TCP (Transmission Control Protocol)` + nested bullets, and
`- 왜 UDP가 빠를까?` + nested bullets (a question with its answer under it).
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from ..parse import first_paragraph, plain_text
from .candidate import Candidate, Context, dedent_block, strip_prefix
from .colon import _ALIAS_TAIL, _WRAPPED, plain_term, term_problem
from .filters import BREAK_TAG, inline_question
from .headbody import is_quiz
from .labels import is_strong_label
from .notekinds import is_dated_entry
from .terms import (
    KO_CONNECTIVE,
    aliases_from_line,
    is_prompt,
    split_aliases,
    strip_question_prefix,
    what_is,
)

LISTS = ("bullet_list", "ordered_list")
_WRAPPED_TERM = re.compile(rf"^(?:{_WRAPPED}){_ALIAS_TAIL}\s*[:：]?$")
_PLAIN_TERM = re.compile(r"^[^*_`\[\]<>|]+$")


def term_of_line(raw: str) -> tuple[str, bool] | None:
    """The term a list item's line names (and whether it was formatted), if it is only that."""
    raw = raw.strip()
    if _WRAPPED_TERM.match(raw):
        return plain_term(raw.rstrip(":： ")), True
    if _PLAIN_TERM.match(raw) and not _COLON_TEXT.search(_PARENS.sub("", raw)):
        return " ".join(raw.rstrip(":： ").split()), False
    return None


# `unit: checks one function`: a `name: meaning` line, not a bare term; a colon in parentheses
# glosses the name (`콘트라포스트 (contraposto: 반대되는 포즈)`).
_COLON_TEXT = re.compile(r"\S\s*[:：]\s+\S")
_PARENS = re.compile(r"\([^()]*\)")
# `Bylaws include`, `Examples such as`: a sentence that the nested items finish.
_LEAD_IN = re.compile(
    r"\b(?:include|includes|including|such as|e\.g\.|consists? of|contains?|are|is|were|was"
    r"|like|namely)$|(?:으로는|로는|에는|다음과 같다|다음과 같음|아래와 같다)$",
    re.IGNORECASE,
)


# `- Some ML`, `- several core conditions`, `- From indeterminate states`, `- used for everything`:
# a quantity, a circumstance or an action that the nested items go on with, not a name. A
# quantifier or such a preposition never opens a term; a past participle does (`distributed
# systems`), but not one followed by the preposition it governs.
_PHRASE_START = re.compile(
    r"^(?:(?:some|several|many|most|few|various|each|every)\s"
    r"|(?:from|with|without|into|through|during|upon|within|across|towards?|unlike|despite)\s"
    r"|[a-z]{2,}ed\s+(?:for|to|on|in|by|with|at|from|into|as|of|over)\b)",
    re.IGNORECASE,
)


def _phrase(term: str, formatted: bool) -> str | None:
    if not formatted and (_KO_STATEMENT.search(term) or _KO_LEAD.match(term)):
        return "a sentence the nested items go on with, not a term"  # `차원 수는 매번 다름`
    if not formatted and _NAME_RUN.match(term):
        return "several names in a row, not one term"  # `기억, 뉴런, 시냅스`
    if formatted or not _PHRASE_START.match(term) or term.split()[0].isupper():
        return None  # `WITH clause`, `FROM`: a keyword written in capitals names itself
    return "a phrase the nested items go on with, not a term"


# `차원 수는 매번 다름`, `메모리가 부족함`: a subject with its particle, then a predicate in the
# clipped note style (`…음`, `…함`, `…다`): a statement, however short.
_KO_STATEMENT = re.compile(
    r"[가-힣](?:은|는|이|가)\s+(?:\S+\s+)*\S*"
    r"(?:다|함|됨|임|있음|없음|다름|같음|많음|적음|높음|낮음|빠름|느림|좋음|나쁨|큼|작음)$"
)
# `이때, A가 …`, `즉, …`: a sentence going on from the one before.
_KO_LEAD = re.compile(rf"^{KO_CONNECTIVE}\s*,")
# `기억, 뉴런, 시냅스`: three or more short names with commas between, listed not defined.
_NAME_RUN = re.compile(r"^[^,()]{1,20}(?:,\s*[^,()]{1,20}){2,}$")


# `- Protocol에서 buffer를 사용하는 이유` over nested bullets: a question put as a noun phrase
# (the reason for, the difference between), answered by the bullets under it.
_ASKS = re.compile(r"^\S.*\s\S*(?:이유|차이|차이점|비교|장단점)$")
# `가격이 오르면 수요량은? → 감소`: a quiz line, its answer after the arrow.
_ARROW_ANSWER = re.compile(r"^(?P<question>[^?？]{3,}[?？])\s*(?:→|->|=>|⇒)\s*(?P<answer>\S.*)$")


def _answered_on_its_line(
    item: SyntaxTreeNode, paragraph: SyntaxTreeNode, nested: list[SyntaxTreeNode], ctx: Context
) -> tuple[str, str] | None:
    """A question item whose answer starts on the question's own line: `가격이 오르면
    수요량은? → 감소` (a one-line quiz) or `**What was the Stamp Act?** A tax on …` (with any
    lines under it): (question, answer)."""
    assert paragraph.map is not None and item.map is not None
    first = strip_prefix(ctx.parsed.lines[paragraph.map[0]])
    arrow = _ARROW_ANSWER.match(first)
    if arrow and not nested and paragraph.map[1] - paragraph.map[0] == 1:
        return arrow.group("question"), arrow.group("answer").strip()
    inline = inline_question(first)
    if inline is None:
        return None
    rest = dedent_block(ctx.parsed.lines[paragraph.map[0] + 1 : item.map[1]])
    return inline[0], inline[1] + ("\n" + rest if rest else "")


def item_candidate(
    item: SyntaxTreeNode, section: tuple[str, ...], ctx: Context, among_terms: bool = False
) -> Candidate | None:
    """A term item with nested blocks, or None (with the reason recorded when it looked close)."""
    paragraph = first_paragraph(item)
    nested = [c for c in item.children[1:] if c.map]
    if paragraph is None or not paragraph.map or not item.map:
        return None
    asked = _answered_on_its_line(item, paragraph, nested, ctx)
    if asked is not None:
        return Candidate(
            term=strip_question_prefix(asked[0]),
            section=section,
            line=paragraph.map[0] + 1,
            spans=[],
            strategy="question-item",
            owned=(item.map[0], item.map[1]),
            text=asked[1],
        )
    broken = broken_term(paragraph, ctx, item=True)  # `- **Abstraction**<br>`, its definition
    if not nested and broken is None:
        return None
    line = paragraph.map[0] + 1
    if paragraph.map[1] - paragraph.map[0] != 1 and broken is None:
        return None
    if nested and all(_links_first(block) for block in nested):
        ctx.reject(line, strip_prefix(ctx.parsed.lines[paragraph.map[0]]), "it heads a link list")
        return None
    found = broken or term_of_line(strip_prefix(ctx.parsed.lines[paragraph.map[0]]))
    if found is None:
        return None
    bold = strip_prefix(ctx.parsed.lines[paragraph.map[0]]).startswith(("**", "__"))
    if _introduces_code(item) and not bold:  # a bold name is a marked term, the code its example
        ctx.reject(line, found[0], "a step introducing the code below it, not a term")
        return None
    term, formatted = found
    lead_in = not formatted and _LEAD_IN.search(term)
    if lead_in or (
        not formatted and strip_prefix(ctx.parsed.lines[paragraph.map[0]]).rstrip().endswith(":")
    ):
        ctx.reject(line, term, "a lead-in to the list below it, not a term")
        return None
    if is_dated_entry(term):
        ctx.reject(line, term, "a dated entry of a plan, not a term")
        return None
    question = term.endswith(("?", "？")) or (formatted and is_prompt(term))
    question = question or bool(_ASKS.search(term))
    what = what_is(term)
    if what:  # `**컨텍스트 스위칭이란?**`: the term it asks about
        term, question = what, False
    if question and _choices(term, nested, ctx):
        ctx.reject(line, term, "a quiz question with answer choices, not a term")
        return None
    if question:
        term = strip_question_prefix(term)
    else:
        problem = term_problem(term, max_words=8 if formatted else 4) or _phrase(term, formatted)
        if problem == "label, not a term" and among_terms and not is_strong_label(term):
            problem = None  # `- tag` among `- blob`, `- tree`: a term like its siblings
        if problem is not None:
            ctx.reject(line, term, problem)
            return None
    name, aliases = (term, ()) if question else split_aliases(term)
    drop, extra = alias_lines(nested)
    start, end = paragraph.map[0] + 1 if broken else paragraph.map[1], item.map[1]
    return Candidate(
        term=name,
        aliases=(*aliases, *extra),
        section=section,
        line=line,
        spans=[(start, end)],
        strategy="question-item" if question else "list-term",
        owned=(start, end),
        drop=drop,
        grouping=True,
    )


# A line break the writer typed at the end of a line: `<br>`, `<br/>` (trailing spaces are
# too often left by accident to mean anything).
_LINE_BREAK = re.compile(r"<br\s*/?>\s*$", re.IGNORECASE)
# Markdown's own hard break: two spaces or a backslash closing the line
_HARD_BREAK = re.compile(r"(?<=\S)(?: {2,}|\\)$")


def broken_term(
    paragraph: SyntaxTreeNode, ctx: Context, item: bool = False
) -> tuple[str, bool] | None:
    """`- **Abstraction**<br>` or `` - `/boot` `` closed by two spaces, with the definition on
    the lines after the break: the first line names the term the rest of the paragraph defines,
    as a term over nested items does."""
    if not paragraph.map or paragraph.map[1] - paragraph.map[0] < 2:
        return None
    raw = ctx.parsed.lines[paragraph.map[0]]
    # In a list item a Markdown hard break counts too, for a written name (`` `/boot` ``,
    # `**Cache**`) only: blog exports end every line with two spaces, so a plain line closed so
    # is often only wrapped, and paragraphs are not read this way at all.
    hard = item and not _LINE_BREAK.search(raw) and bool(_HARD_BREAK.search(raw))
    if not hard and not _LINE_BREAK.search(raw):
        return None
    rest = ctx.parsed.lines[paragraph.map[0] + 1 : paragraph.map[1]]
    if not any(c.isalpha() for c in BREAK_TAG.sub("", " ".join(rest))):
        return None  # `- [Reference](…)<br/>` then a bare `<br/>`: nothing defined
    found = term_of_line(strip_prefix((_HARD_BREAK if hard else _LINE_BREAK).sub("", raw)))
    return None if found is not None and hard and not found[1] else found


def _introduces_code(item: SyntaxTreeNode) -> bool:
    """`- MyBatisConfig` with a few notes nested under it, then a code block: a lone item that
    walks the reader into the code, the way a caption does."""
    parent = item.parent
    if parent is None or parent.type not in LISTS or len(parent.children) != 1:
        return False
    siblings = parent.parent.children if parent.parent is not None else []
    index = next((i for i, b in enumerate(siblings) if b is parent), -1)
    after = siblings[index + 1] if 0 <= index < len(siblings) - 1 else None
    if after is None or after.type not in ("fence", "code_block") or not after.map:
        return False
    return parent.map is not None and after.map[0] <= parent.map[1] + 1


def _links_first(block: SyntaxTreeNode) -> bool:
    """A list whose every item opens with a link (`- [Hashing](…), course notes`): reading
    matter, with at most a credit after each link."""
    if block.type not in LISTS or not block.children:
        return False
    for item in block.children:
        paragraph = first_paragraph(item)
        inline = paragraph.children[0] if paragraph is not None and paragraph.children else None
        if inline is None or not inline.children or inline.children[0].type != "link":
            return False
    return True


def alias_lines(blocks: list[SyntaxTreeNode]) -> tuple[set[int], tuple[str, ...]]:
    """Direct child items such as `- VMM 이라고도 함`: their lines and the aliases they name."""
    lines: set[int] = set()
    aliases: list[str] = []
    for block in blocks:
        items = (
            block.children if block.type in LISTS else [block] if block.type == "list_item" else []
        )
        for item in items:
            paragraph = first_paragraph(item)
            if paragraph is None or not item.map or len(item.children) > 1:
                continue
            found = aliases_from_line(plain_text(paragraph))
            if found:
                aliases.extend(found)
                lines.update(range(item.map[0], item.map[1]))
    return lines, tuple(aliases)


def _choices(question: str, nested: list[SyntaxTreeNode], ctx: Context) -> bool:
    """`1. Which of the following is stateless?` over `- a) TCP` `- b) HTTP` …: a quiz item, its
    options nested under it; what is asked is no term, and the options are no answer."""
    if any(block.type not in LISTS for block in nested):
        return False
    items = [i for block in nested for i in block.children]
    texts = [strip_prefix(ctx.parsed.lines[i.map[0]]) for i in items if i.map]
    lines = ctx.parsed.lines
    one_line = all(
        i.map and len(i.children) == 1 and sum(1 for n in range(*i.map) if lines[n].strip()) == 1
        for i in items
    )
    return one_line and is_quiz(question, texts)
