"""Strategy: a paragraph that is only a **bold** name, written as a heading would be.

    **Generators**

    A generator is a function that yields values lazily.

    - Saves memory

Notes written without `#` headings use a bold line instead; what follows it, up to the next
such line, is its body.
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from ..attribute import is_sources_heading
from .candidate import Candidate, Context, one_line, strip_prefix
from .colon import QUESTION, plain_term, term_problem
from .filters import bold_line
from .headbody import FILE_NAME, open_question_items, to_do_items
from .labels import CONTENTS, is_contents_heading
from .sectionlabels import SECTION_LABEL, section_label_kind
from .tables import table_candidates
from .terms import (
    is_question,
    split_aliases,
    strip_numbering,
    strip_question_prefix,
    what_is,
)

# `1\. TCO`, `2\. 용어 유래`: a number escaped so it is no list, alone on its line, titling the
# paragraphs under it as a bold line would.
_ESCAPED_NUMBER = re.compile(r"^\d{1,2}\\\.\s+(?P<text>[^.!?:*_`]{1,40}?)\s*$")

Unit = SyntaxTreeNode | list[SyntaxTreeNode]

# `**Types of Public Law**` under `## Public Law`, `**트리거의 유형**` under `## 트리거`
_KINDS_OF = re.compile(
    r"^(?:(?:the\s+)?(?:main\s+)?(?:types|kinds|sorts|forms|categories|classes)\s+of\s+(?P<en>.+))$"
    r"|^(?P<ko>.*?\S)\s*+(?:의\s*+)?(?:종류|유형|분류)$",
    re.IGNORECASE,
)


def _kinds_of(name: str, owner: str) -> bool:
    """A bold label naming the kinds of the term whose body it is in: that term's card names
    the kinds, and each kind below is a card; the label is neither."""
    match = _KINDS_OF.match(name.strip())
    if match is None or not owner:
        return False
    subject = (match.group("en") or match.group("ko") or "").casefold().strip()
    return bool(subject) and (subject in owner.casefold() or owner.casefold() in subject)


# `**소수점이 옮겨다니는 방식**` under `## 부동 소수점`: a clause (a subject or object, then a
# verb's modifier) ending in a kind of thing: what the heading's term is, in bold.
_DESCRIBES = re.compile(
    r"[가-힣](?:이|가|을|를)\s+(?:\S+\s+){0,3}\S*[가-힣](?:는|은|던|할|한|된|인)\s+"
    r"(?:방식|방법|것|구조|과정|기법|형태|상태|기술|개념|자료구조|알고리즘)$"
)


# `**Bracket.java**`, `**Main.kt**` over the note's code (`Node.js`, `Vue.js` are names).
_CLASS_FILE = re.compile(r"^[A-Z]\w*\.(?:java|kt|cs|swift|py|cpp|cc|c|h|hpp|go|rs|rb|php|scala)$")


def bold_name(unit: Unit, ctx: Context) -> str | None:
    """The name a bold-only line opening a paragraph gives, if it is one."""
    if isinstance(unit, list) or unit.type != "paragraph" or not unit.map:
        return None
    line = strip_prefix(ctx.parsed.lines[unit.map[0]])
    text = bold_line(line)
    if text is None:
        match = _ESCAPED_NUMBER.match(line)
        text = match.group("text") if match else None
    return plain_term(text) if text is not None else None


def split_bold_sections(
    units: list[Unit], scope: object, ctx: Context
) -> list[tuple[list[Unit], Candidate | None]]:
    """Units cut at bold-name lines: (units before the first one, None), then
    (each one's body, its candidate). With no bold-name lines: [(units, None)]."""
    marks: list[tuple[int, str, bool]] = []
    asked = _asked_items(units, ctx)
    for index, unit in enumerate(units):
        name = bold_name(unit, ctx) or asked.get(index)
        if name is None or (index + 1 >= len(units) and not _inline_body(unit)):
            continue
        problem = "a sources list" if is_sources_heading(name) else term_problem(name, 8)
        if is_contents_heading(name):  # `**Table of Contents**` over the note's sections
            problem = CONTENTS
        elif problem is None and section_label_kind(name) == "label":  # `**Learning Objectives**`
            problem = SECTION_LABEL
        if problem == QUESTION and is_question(name):
            problem = None  # `**1. What is a context switch?**` over its answer: a question card
        if problem is None and _kinds_of(name, getattr(scope, "owner", "")):
            problem = "names the kinds below it, which the card above already names"
        owner = str(getattr(scope, "owner", ""))
        if problem is None and owner and _DESCRIBES.search(name):
            problem = f"a description of {owner}, not a term"
        if problem is None and owner and getattr(scope, "answer", False):
            problem = f"a part of the answer to {owner!r}, not a term"
        if problem is None and (FILE_NAME.match(name) or _CLASS_FILE.match(name)):
            problem = "a file of the note's code, not a term"
        if problem is not None:
            assert not isinstance(unit, list) and unit.map
            ctx.reject(unit.map[0] + 1, name, problem)
        marks.append((index, name, problem is None))
    if not any(ok for _, _, ok in marks):
        return [(units, None)]
    # Every bold line ends the section above it; `**References**` or `**Note**` just opens none.
    out: list[tuple[list[Unit], Candidate | None]] = [(units[: marks[0][0]], None)]
    section = getattr(scope, "section", ())
    owner = getattr(scope, "owner", "")
    ends = [marks[n + 1][0] if n + 1 < len(marks) else len(units) for n in range(len(marks))]
    sizes = [end - index - 1 for (index, _, _), end in zip(marks, ends, strict=True)]
    rest: list[Unit] = []
    if len(marks) >= 3 and sizes[-1] > 5 and sizes[-1] > 3 * max(sizes[:-1]):
        # `**Necessity:**`, `**Retreat:**`, … each over one list, then the last over the rest
        # of the note: it heads as much as the others did, and the rest is the note's own.
        ends[-1] = marks[-1][0] + 1 + max(sizes[:-1])
        rest = units[ends[-1] :]
    for number, (index, name, ok) in enumerate(marks):
        stop = ends[number]
        body = units[index + 1 : stop]
        if ok and body and all(isinstance(u, list) and to_do_items(u) for u in body):
            head = units[index]
            assert not isinstance(head, list) and head.map
            ctx.reject(head.map[0] + 1, name, "its body is only a to-do list")
            ok = False
        if ok and body and all(isinstance(u, list) and open_question_items(u) for u in body):
            head = units[index]  # `**창현**` over the questions one member asks the group
            assert not isinstance(head, list) and head.map
            ctx.reject(head.map[0] + 1, name, "only questions with no answers")
            ok = False
        if ok and _caption(body, section, ctx):
            head = units[index]
            assert not isinstance(head, list) and head.map
            ctx.reject(head.map[0] + 1, name, "the caption of a table of data, not a term")
            ok = False
        if ok and owner and _bare_list(body, ctx):
            head = units[index]
            assert not isinstance(head, list) and head.map
            ctx.reject(head.map[0] + 1, name, f"a list of names inside {owner!r}")
            ok = False
        cand = _candidate(units[index], name, body, section, ctx) if ok else None
        out.append((body, cand))
    if rest:
        out.append((rest, None))
    return out


def _asked_items(units: list[Unit], ctx: Context) -> dict[int, str]:
    """`- [x] What are the benefits of a closure?` closing its list, its answer in the
    paragraphs after the list: a question over its answer, as a bold one is. Only where two or
    more questions are written so (a checklist of interview questions)."""
    found: dict[int, str] = {}
    for index, unit in enumerate(units[:-1]):
        after = units[index + 1]
        if not isinstance(unit, list) or isinstance(after, list) or after.type != "paragraph":
            continue
        item = unit[-1]
        if not item.map or len(item.children) != 1 or item.children[0].type != "paragraph":
            continue
        if not one_line(item.map, ctx.parsed.lines):
            continue
        text = strip_prefix(ctx.parsed.lines[item.map[0]])  # the task box goes with the marker
        name = plain_term(text)
        if text.endswith(("?", "？")) and is_question(name):
            found[index] = name
    return found if len(found) >= 2 else {}


def _candidate(
    head: Unit, name: str, body: list[Unit], section: tuple[str, ...], ctx: Context
) -> Candidate | None:
    if isinstance(head, list):  # a question closing its list (`_asked_items`)
        head = head[-1]
    if not head.map:
        return None
    maps = [m for u in body for m in _maps(u)]
    if _inline_body(head):  # `**Canary release**` and its definition on the next line
        maps.insert(0, (head.map[0] + 1, head.map[1]))
    if not maps:
        return None
    start, end = maps[0][0], maps[-1][1]
    bare = strip_question_prefix(strip_numbering(name))  # `**2. 데드락이란?**` → `데드락이란?`
    asked = is_question(name) and not what_is(bare)
    term, aliases = split_aliases(what_is(bare) or name)  # `**단편화(Fragmentation)란**`
    if asked:
        term, aliases = bare, ()
    return Candidate(
        term=term,
        aliases=aliases,
        section=section,
        line=head.map[0] + 1,
        spans=[(start, end)],
        strategy="question" if asked else "bold-heading",
        owned=(head.map[0], end),
        stub=ctx.parsed.lines[head.map[0]],
        grouping=True,
    )


def _inline_body(unit: Unit) -> bool:
    """A bold name whose paragraph goes on under it: the definition starts on the next line."""
    if isinstance(unit, list) or unit.map is None:
        return False
    return unit.map[1] - unit.map[0] > 1


def _bare_list(body: list[Unit], ctx: Context) -> bool:
    """Only a list of bare names (`- Round robin`, `- IP hash`): under a term's heading, a bold
    line over such a list names a property of that term (its kinds, its examples)."""
    nodes = [n for u in body for n in (u if isinstance(u, list) else [u])]
    items = [i for n in nodes for i in (n.children if n.type != "list_item" else [n])]
    if not nodes or any(n.type not in ("bullet_list", "ordered_list", "list_item") for n in nodes):
        return False
    for item in items:
        if not item.map or not one_line(item.map, ctx.parsed.lines):
            return False
        text = strip_prefix(ctx.parsed.lines[item.map[0]])
        if len(text.split()) > 4 or re.search(r"[:：.]|\s[-–—]\s", text):
            return False
    return True


def _caption(body: list[Unit], section: tuple[str, ...], ctx: Context) -> bool:
    """`**1회 — SQL·정규화 (43Q)**` over a table of chapters, dates and check marks: a bold line
    whose whole body is tables with no term rows captions them; it names no term."""
    tables = [u for u in body if not isinstance(u, list) and u.type == "table"]
    if not body or len(tables) != len(body):
        return False
    scratch = Context(ctx.parsed, ctx.info)  # asked only; its rejections are not reported
    return not any(next(table_candidates(t, section, scratch), None) for t in tables)


def _maps(unit: Unit) -> list[tuple[int, int]]:
    nodes = unit if isinstance(unit, list) else [unit]
    return [(n.map[0], n.map[1]) for n in nodes if n.map]
