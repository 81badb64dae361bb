"""Paragraphs → candidates: `**Term**: meaning` lines that read as a glossary, and prose
definitions (`X is a …`, `X란 …`, `… 이를 **X**라고 한다`); also the `name: meaning` card that
list items share with paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.tree import SyntaxTreeNode

from ..parse import plain_text
from .boldheads import Unit
from .candidate import (
    Candidate,
    Context,
    Scope,
    dedent_block,
    paragraph_card,
    prefix_of,
    strip_prefix,
)
from .cloze import cloze_candidate
from .colon import (
    STRONG_DASH,
    ColonLine,
    is_glossary,
    line_problem,
    marks_a_term,
    names_a_term,
    plain_term,
    split_colon_line,
    term_problem,
)
from .filters import bold_question, inline_question, unanswered_question
from .headnames import definition_of
from .labels import is_label
from .lists import alias_lines, broken_term
from .prose import defined_subject, named_term, topic_subject
from .proserules import NAMED_LEAD, kind_in_answer, own_code, topic_sentence
from .sentences import sentence_definitions
from .terms import (
    aliases_from_line,
    expansion_prefix,
    is_expansion,
    same_term,
    split_aliases,
    strip_numbering,
    strip_question_prefix,
    term_stem,
)


def colon_candidate(
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


_HARD_BREAK = re.compile(r"(?:\S {2,}|\\)$")
# `who | 사람 선행사 - 주격 관계대명사`: a term and its meaning a pipe apart, a line each, with no
# table's delimiter row (a flashcard list written for import, as Anki's text import reads it).
_PIPE_LINE = re.compile(r"^(?P<term>[^|\[\]`]+?)\s+\|\s+(?P<def>[^|`]*[^|\s`])\s*$")


def _pipe_line(text: str) -> ColonLine | None:
    match = _PIPE_LINE.match(text.strip()) if "|" in text else None
    if match is None:
        return None
    term = match.group("term").strip()
    return ColonLine(plain_term(term), term, match.group("def").strip(), False)


def _piped(lines: list[str]) -> list[ColonLine] | None:
    """Three or more lines, each a `term | meaning` pair and nothing else: the pairs."""
    if len(lines) < 3:
        return None
    pairs = []
    for text in lines:
        pair = _pipe_line(strip_prefix(text))
        if pair is None:
            return None
        pairs.append(pair)
    return pairs


def _dash_lines(lines: list[str]) -> bool:
    """`[[ottoman]] empire -- sunni, …` then `[[safavids]] -- shia, …` in one paragraph: two or
    more `name -- gloss` lines read as a glossary, as they would in a list."""
    return (
        sum(
            bool(STRONG_DASH.search(x)) and split_colon_line(strip_prefix(x)) is not None
            for x in lines
        )
        >= 2
    )


def _named_dash_line(lines: list[str], owner: str) -> ColonLine | None:
    """`Law of demand - Inverse relationship …` alone under `### Demand`: a plain dash after a
    term named after the heading's term gives its meaning, as a colon would."""
    line = split_colon_line(strip_prefix(lines[0])) if len(lines) == 1 and owner else None
    return line if line is not None and line.dashed and _named_after(line, owner) else None


def _prose_first(paragraph: SyntaxTreeNode, ctx: Context) -> bool:
    assert paragraph.map is not None
    text = " ".join(strip_prefix(x) for x in ctx.parsed.lines[paragraph.map[0] : paragraph.map[1]])
    return defined_subject(text) is not None


def _asked(
    question: str, start: int, end: int, scope: Scope, ctx: Context, opening: str = ""
) -> Iterator[Candidate]:
    """A bold question opening a paragraph whose other lines answer it (interview notes);
    `opening`: the answer's start, on the question's own line."""
    answer = dedent_block(ctx.parsed.lines[start + 1 : end])
    answer = f"{opening}\n{answer}".strip() if opening else answer
    term = strip_question_prefix(strip_numbering(question))
    if unanswered_question("\n".join(strip_prefix(x) for x in ctx.parsed.lines[start:end])):
        ctx.reject(start + 1, term, "a question with no answer yet")
        return
    yield Candidate(
        term=term,
        section=scope.section,
        line=start + 1,
        spans=[],
        strategy="question",
        owned=(start, end),
        text=answer,
    )


def item_text(item: SyntaxTreeNode, ctx: Context) -> str:
    assert item.map is not None
    start, end = item.map
    rest = dedent_block(ctx.parsed.lines[start + 1 : end])
    head = strip_prefix(ctx.parsed.lines[start])
    return head + ("\n" + rest if rest else "")


def paragraph_candidates(
    paragraph: SyntaxTreeNode,
    scope: Scope,
    ctx: Context,
    defined: bool,
    lone: bool = False,
    grouped: bool = False,
    titled: bool = False,
) -> Iterator[Candidate]:
    """`lone`: outside any term and not among other `key: value` paragraphs — a single plain
    `수업: 2024.04.10` or `Last edited: March` there is the note's metadata. `grouped`: one of
    several `key: value` paragraphs that read as a glossary together; `titled`: one of several
    paragraphs that name a term on their first line (titled_paragraphs)."""
    if not paragraph.map or paragraph.map[0] in scope.skip:
        return
    cloze = cloze_candidate(paragraph, scope.section, ctx)
    if cloze is not None:
        cloze.owned = (paragraph.map[0], paragraph.map[1])
        yield cloze
        return
    start, end = paragraph.map
    lines = ctx.parsed.lines
    named_above = None if scope.answer else _term_over_lines(paragraph, scope, ctx, titled)
    if named_above is not None:
        yield named_above
        return
    asked = None if scope.answer else bold_question(strip_prefix(lines[start]))
    if asked and end - start > 1:  # `**Q1. What is a thread?**` then its answer on the next line
        yield from _asked(asked, start, end, scope, ctx)
        return
    inline = None if scope.answer else inline_question(strip_prefix(lines[start]))
    if inline is not None:  # `**What was the Stamp Act?** A tax on …`
        yield from _asked(inline[0], start, end, scope, ctx, inline[1])
        return
    pipes = _piped(lines[start:end])
    piped = pipes is not None
    named_dash = None if piped else _named_dash_line(lines[start:end], scope.owner)
    dashed = named_dash is not None or (not piped and _dash_lines(lines[start:end]))

    def read(i: int) -> ColonLine | None:
        """Line `i` read as a `term: meaning` pair (or `term | meaning`, as the paragraph is)."""
        if pipes is not None:
            return pipes[i - start]
        return split_colon_line(strip_prefix(lines[i]), allow_plain_dash=dashed)

    first = named_dash or read(start)
    if first is not None and line_problem(first) is not None and _prose_first(paragraph, ctx):
        first = None  # `Flexbox is a one-dimensional model: it lays …` is prose
    named = NAMED_LEAD.match(first.term) if first is not None else None
    if named:
        # `The result is a differentiable renderer: you can …`
        yield paragraph_card(named.group("name"), scope.section, start, end)
        return
    if first is None and not dashed and not _bold_lines_below(lines[start + 1 : end]):
        if aliases_from_line(plain_text(paragraph)):
            return
        prose = prose_candidate(paragraph, scope, ctx, formatted_only=False)
        if prose is not None:
            yield prose
        also = prose.aliases if prose else ()
        yield from sentence_candidates(paragraph, scope, ctx, prose.term if prose else "", also)
        return
    split = ((i, read(i)) for i in range(start, end))
    starts = [(i, line) for i, line in split if line is not None]
    found: list[tuple[int, int, ColonLine]] = []
    for n, (i, line) in enumerate(starts):
        stop = starts[n + 1][0] if n + 1 < len(starts) else end
        if dashed and _HARD_BREAK.search(lines[i]):
            stop = i + 1  # lines broken by hand: each line is a line of its own
        problem = line_problem(line)
        if problem is None and is_expansion(line.term, scope.owner):
            problem = f"the full name of {scope.owner}, kept on its card"
        if problem is None and scope.owner and same_term(line.term, scope.owner):
            problem = f"the definition of {scope.owner}, kept on its card"
        if problem is not None:
            ctx.reject(i + 1, line.term, problem)
            continue
        found.append((i, stop, line))
    if not found and not dashed:  # `… share a common structure: each has … called **X**`
        yield from sentence_candidates(paragraph, scope, ctx, "")
        return
    marked = bool(found) and len(found) == len(starts) and all(marks_a_term(f[2]) for f in found)
    glossary = not scope.answer and (
        piped or marked or is_glossary(len(found), len(starts), defined)
    )
    size = len(found[0][2].definition.split()) if found else 0
    numbers = bool(found) and bool(_NUMBER.search(found[0][2].definition))
    short = size <= 3 or (size <= 6 and not scope.section and numbers)
    if lone and len(found) == 1 and not found[0][2].formatted and short:
        ctx.reject(found[0][0] + 1, found[0][2].term, "a lone `key: value` line, not a glossary")
        return
    top = paragraph.parent is None or paragraph.parent.type == "root"
    sole = scope.owner and not defined and top and len(starts) == 1 and not grouped
    if sole and found and not found[0][2].formatted and not _named_after(found[0][2], scope.owner):
        # `## Host network` then `Removes network isolation: the container uses …`
        ctx.reject(found[0][0] + 1, found[0][2].term, f"the definition of {scope.owner}")
        yield from sentence_candidates(paragraph, scope, ctx, "")
        return
    for i, stop, line in found:
        # `사적재 (private good) : …`, `Law of demand - …` under `### Demand` name a term
        if not glossary and not names_a_term(line) and not _named_after(line, scope.owner):
            ctx.reject(
                i + 1, line.term, f"a property in the body of {scope.owner or 'the section'}"
            )
            continue
        yield colon_candidate(line, i, stop, scope, ctx, [])


def _named_after(line: ColonLine, owner: str) -> bool:
    """`Law of demand - …` under `### Demand`: a term of its own named after the heading's (a
    law, a curve, a shift of it), not a summary of the heading (`Removes network isolation: …`
    under `## Host network`)."""
    name, owned = term_stem(line.term).split(), term_stem(owner).split()
    if not owned or len(name) <= len(owned) or term_problem(line.term) is not None:
        return False
    # the owner's name first (`Demand curve`) or after `of` (`Law of demand`), not last after
    # a modifier (`copper element`, `Vier verschiedene Werkzeuge`: one of them, or a sentence)
    return name[: len(owned)] == owned or any(
        name[i - 1] in _OF and name[i : i + len(owned)] == owned for i in range(1, len(name))
    )


_OF = frozenset({"of", "for", "in", "on"})


_LINKS = re.compile(r"!?\[[^\]]*\]\([^)]*\)|https?://\S+|<[^>]*>|&\w+;")
_DRAWING = re.compile(r"[\u2500-\u257f]")  # box drawing: a tree of files, not a definition


def _term_over_lines(
    paragraph: SyntaxTreeNode, scope: Scope, ctx: Context, titled: bool = False
) -> Candidate | None:
    """`후보키 (Candidate Key)<br>` or `**Abstraction**<br>`, then what it is on the lines after
    the break, in one paragraph: the first line names the term the rest defines, as in a list
    item. `titled`: one of several paragraphs whose plain first line is a name over sentences
    (see titled_paragraphs). None when the paragraph is not written so, or its first line is
    no term."""
    assert paragraph.map is not None
    found = broken_term(paragraph, ctx)
    if found is None and titled:
        found = (ctx.parsed.lines[paragraph.map[0]].strip(), False)
    if found is None:
        return None
    start, end = paragraph.map
    rest = " ".join(strip_prefix(x) for x in ctx.parsed.lines[start + 1 : end])
    if not any(c.isalpha() for c in _LINKS.sub("", rest)) or _DRAWING.search(rest):
        return None  # `_원핵생물<br>` over a link, `repo<br/>` over `└── OS`: nothing defined
    term, formatted = found
    term = definition_of(term) or term  # `키의 정의<br>`: the term is `키`
    name, aliases = split_aliases(term)
    if scope.owner and same_term(name, scope.owner):
        return None  # the heading's own term, defined again under it
    other = defined_subject(re.sub(r"\s*\([^()]*\)", "", rest))  # `X (also known as …) is`
    if other is not None and not same_term(split_aliases(other)[0], name):
        return None  # `> Wiki<br>` over `White-box testing is …`: a credit, not a term
    most = 8 if formatted else 4
    problem = term_problem(term, max_words=most)
    if problem is not None:  # `예시<br>` over its lines: the paragraph is read as any other
        if len(term.split()) <= most and not term.endswith((".", "。")):  # else plainly prose
            ctx.reject(start + 1, term, problem)
        return None
    return Candidate(
        term=name,
        aliases=aliases,
        section=scope.section,
        line=start + 1,
        spans=[(start + 1, end)],
        strategy="bold-heading",
        owned=(start, end),
    )


def _bold_lines_below(lines: list[str]) -> bool:
    """`Some intro …` then `**Bagging** - sampling with replacement` on the next line of the
    same paragraph: a bold name opening a line still starts a definition."""
    for text in lines:
        line = split_colon_line(strip_prefix(text))
        if line is None or not line.term_md.startswith(("**", "__")) or line_problem(line):
            continue
        if sum(w[:1].islower() for w in line.definition.split()) >= 3:
            return True  # words that say something, not `**Professor:** Karen Reid`
    return False


def _note_topic(raw: str, ctx: Context, formatted_only: bool) -> str | None:
    """`- Inflation is the rise of …` in a note titled `Inflation`: a list item may be any
    sentence, but one saying what the note's own subject is defines it."""
    subject = defined_subject(raw) if formatted_only else None
    titles = (ctx.info.title, *ctx.info.aliases)
    return subject if subject and any(same_term(subject, t) for t in titles if t) else None


def prose_candidate(
    paragraph: SyntaxTreeNode, scope: Scope, ctx: Context, formatted_only: bool
) -> Candidate | None:
    assert paragraph.map is not None
    start, end = paragraph.map
    raw = " ".join(strip_prefix(x) for x in ctx.parsed.lines[start:end])
    if scope.answer:
        return kind_in_answer(raw, scope, start, end)
    subject = defined_subject(raw, formatted_only) or _note_topic(raw, ctx, formatted_only)
    if subject is None and not scope.section and not formatted_only:
        subject = topic_subject(raw, ctx.info.title)
    strategy = "prose"
    if subject is None:
        subject = named_term(raw)
        strategy = "prose-named"
    if subject is None:
        return None
    if strategy == "prose-named" and is_label(subject):
        ctx.reject(start + 1, subject, "label, not a term")  # `📌 **목표**: … 설명할 수 있기`
        return None
    code = raw.lstrip("AaTheN ").startswith("`" + subject)  # `EXPLAIN (ANALYZE)`: as written
    name, aliases = (subject, ()) if code else split_aliases(subject)
    owners = (scope.owner, *scope.owner_aliases) if scope.owner else ()
    if any(same_term(n, o) for n in (name, *aliases) for o in owners):
        return None  # the owner's own definition (`Gross Domestic Product (GDP) is …` under GDP,
        # `ROE는 …이다` under `자기자본이익률(ROE)`)
    if scope.owner and _GENERIC_TAIL.sub("", name).casefold() == scope.owner.casefold():
        return None  # `Cobb-Douglas utility function` under `Cobb-Douglas Utility`: the same
    if scope.owner and code and _about_owner(raw, subject, scope.owner):
        return None  # `` `yield` turns a function into a generator `` under `## Generators`
    if not scope.section and any(
        same_term(n, a) for n in (name, *aliases) for a in ctx.info.aliases
    ):
        return None  # the note defines itself under one of its front-matter aliases
    if code and own_code(subject, ctx.parsed.lines):
        ctx.reject(start + 1, subject, "the note's own function, shown in its code")
        return None
    if strategy == "prose" and not code and topic_sentence(raw, scope.section):
        ctx.reject(start + 1, subject, "an essay's opening topic sentence, not a definition")
        return None
    return paragraph_card(name, scope.section, start, end, strategy, aliases)


def sentence_candidates(
    paragraph: SyntaxTreeNode, scope: Scope, ctx: Context, taken: str, also: tuple[str, ...] = ()
) -> Iterator[Candidate]:
    """`… However, LepA is a GTPase, and …`: a name defined inside a paragraph, its sentence as
    the answer. Not in an answer to a question: there every sentence serves the question."""
    assert paragraph.map is not None
    if scope.answer:
        return
    start, end = paragraph.map
    lines = ctx.parsed.lines[start:end]
    for written, sentence in sentence_definitions(" ".join(strip_prefix(x) for x in lines)):
        name, aliases = split_aliases(written)
        if any(
            same_term(n, other)
            for n in (name, *aliases)
            for other in (taken, scope.owner, *also)  # `*union find*`: the subject's other name
            if other
        ):
            continue
        if scope.owner.casefold().startswith(name.casefold() + " of "):
            continue  # `degree` under `## Degree of a Node`: the heading's own term
        line = next((i for i, x in enumerate(lines) if sentence[:20] in x or name in x), 0)
        yield Candidate(
            term=name,
            aliases=aliases,
            section=scope.section,
            line=start + line + 1,
            spans=[],
            strategy="prose",
            text=sentence,
        )


_GENERIC_TAIL = re.compile(
    r"\s+(?:function|model|method|algorithm|theory|principle|law|rule|equation|formula"
    r"|함수|모델|기법|알고리즘|이론|원리|법칙|공식)$",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d")  # `수업: 월/수 10:30, 공학관 201호`: times, rooms, dates


def _about_owner(raw: str, subject: str, owner: str) -> bool:
    """A code name doing something (not `is …`) to the term whose body it is in: a fact about
    that term, told through its keyword."""
    after = raw.split(f"`{subject}`", 1)[-1]
    if re.match(r"\W*(?:is|are|means|refers|stands)\b", after):
        return False
    stem = term_stem(owner)
    return len(stem) >= 3 and stem in after.casefold()


def colon_paragraphs(units: list[Unit], ctx: Context) -> list[Unit]:
    out: list[Unit] = []
    for unit in units:
        if isinstance(unit, list) or unit.type != "paragraph" or not unit.map:
            continue
        line = split_colon_line(strip_prefix(ctx.parsed.lines[unit.map[0]]), False)
        if line is not None and line_problem(line) is None:
            out.append(unit)
    return out


# A name written as a title: a few words, no sentence's end, no list marker, markup or colon.
_TITLE_LINE = re.compile(r"^(?=[A-Z가-힣])[^.!?:;,|*_`<>\[\]#=~$]{1,50}(?<=[\w)])$")
_SENTENCE_END = re.compile(r"(?:[.!?]|[다요]\.?)[\"'”’)]?$")


def titled_paragraphs(units: list[Unit], ctx: Context) -> list[Unit]:
    """Paragraphs of plain text whose first line is a name and whose other lines say, in full
    sentences, what it is (`IAM Users` / `It is an identity created in AWS. …`): read as a
    glossary only when two or more stand together (body.py)."""
    out: list[Unit] = []
    for unit in units:
        if isinstance(unit, list) or unit.type != "paragraph" or not unit.map:
            continue
        start, end = unit.map
        if end - start < 2:
            continue
        first = ctx.parsed.lines[start].strip()
        rest = " ".join(x.strip() for x in ctx.parsed.lines[start + 1 : end])
        if not _TITLE_LINE.match(first) or len(first.split()) > 6:
            continue
        if len(rest.split()) >= 5 and _SENTENCE_END.search(rest) and rest[:1].isupper():
            out.append(unit)
    return out


def defines_other(unit: Unit, owner: str, ctx: Context, also: tuple[str, ...] = ()) -> bool:
    """A paragraph that defines another term (`**Compound interest** is …` under `Basics`):
    it says nothing about the owner itself."""
    if isinstance(unit, list) or unit.type != "paragraph" or not unit.map:
        return False
    text = " ".join(strip_prefix(x) for x in ctx.parsed.lines[unit.map[0] : unit.map[1]])
    subject = defined_subject(text)
    if subject is None:
        return False
    name, aliases = split_aliases(subject)
    return not (owner and any(same_term(n, o) for n in (name, *aliases) for o in (owner, *also)))
