"""Strategy: `<details><summary>Question</summary> answer </details>` — interview notes' Q&A.

Interview notes nest them: the answer hides behind a `<details><summary>답변</summary>` button,
and follow-up questions come after it, each answered behind a button of its own
(`<li> 그럼 …? <details><summary>답변</summary>…</details></li>`). Tags are matched by depth,
so an inner `</details>` never ends an outer answer. Each follow-up with an answer is a card of
its own, and the answer around it keeps only its question (a parent names its children).
Scans the note's own lines (code excluded), in one pass over their tags.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from ..parse import MAX_NESTING
from .candidate import Candidate, Context, Span, dedent_block, strip_prefix
from .headbody import EMPTY_DETAILS, only_asks, shows_nothing
from .labels import is_never_heading
from .tablekinds import index_row
from .tables import split_row

# `[^<>]` keeps each match attempt from running past the next tag on a line of unclosed `<`.
_TOKEN = re.compile(r"<(/?)(details|summary)(?![\w-])[^<>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
# `<summary>Answer</summary>`, `<summary>정답 보기</summary>`: the widget's label, not a question;
# what it hides answers the heading above.
_REVEAL = re.compile(
    r"^\W*(?:show |click (?:to |for )?(?:see |show |expand )?(?:the )?)?(?:answers?|solution|hint|"
    r"explanation|details|more|expand|정답|답|답변|해설|풀이|힌트|펼치기|더보기|접기)"
    r"(?:\s*(?:보기|확인|펼치기))?\W*$",
    re.IGNORECASE,
)
# The button of an answer (not `더보기`, `Details`): the words just before it are its question.
_ANSWER_BUTTON = re.compile(
    r"^\W*(?:show |click (?:to |for )?(?:see |show )?(?:the )?)?(?:answers?|solution|explanation|"
    r"정답|답|답변|해설|풀이)(?:\s*(?:보기|확인|펼치기))?\W*$",
    re.IGNORECASE,
)
# `<summary>꼬리 질문</summary>` over follow-up questions: a heading for them, not a question.
_FOLLOW_UPS = re.compile(
    r"^\W*(?:꼬리\s*질문|추가\s*질문|심화\s*질문|follow[- ]?ups?(?:\s+questions?)?)\W*$",
    re.IGNORECASE,
)
# A question put before an answer button is a prompt, not a paragraph of the answer above it.
_PROMPT_WORDS = 8
_SENTENCE_END = re.compile(r"[.。!]$")


@dataclass(slots=True, eq=False)
class _Details:
    """One `<details>` element, by offsets into the text it was found in."""

    start: int  # where `<details` opens
    body: int  # where its answer starts: after `</summary>`, else after the opening tag
    summary: str | None = None  # the summary's own HTML (None: none opens the element)
    close: int = -1  # where `</details>` starts (-1: never closed)
    end: int = -1  # just after `</details>`
    children: list[_Details] = field(default_factory=list)
    summary_from: int = -1  # just after `<summary>`, while its end is not yet found


def _tree(text: str) -> list[_Details]:
    """The `<details>` elements of `text` as a tree: each `</details>` closes the innermost one
    still open (a stray one closes nothing), and an element's summary is the first one in it,
    before any element nested in it. The tree is walked recursively, so it is cut at
    MAX_NESTING levels (no note nests answers that deep)."""
    roots: list[_Details] = []
    stack: list[_Details] = []
    deeper = 0  # elements open below MAX_NESTING: part of the deepest answer, never cards
    for match in _TOKEN.finditer(text):
        closing = bool(match.group(1))
        if match.group(2).lower() == "details":
            if not closing and len(stack) >= MAX_NESTING:
                deeper += 1
            elif not closing:
                node = _Details(match.start(), match.end())
                (stack[-1].children if stack else roots).append(node)
                stack.append(node)
            elif deeper:
                deeper -= 1
            elif stack:
                node = stack.pop()
                node.close, node.end = match.start(), match.end()
            continue
        if deeper or not stack or stack[-1].summary is not None or stack[-1].children:
            continue
        node = stack[-1]
        if not closing and node.summary_from < 0:
            node.summary_from = match.end()
        elif closing and node.summary_from >= 0:
            node.summary = text[node.summary_from : match.start()]
            node.body = match.end()
    return roots


def _words(html: str) -> str:
    return " ".join(_TAG.sub("", html).replace("**", "").split())


_DETAILS_OPEN = re.compile(r"^\s*<details\b[^>]*>", re.IGNORECASE)


def unanswered_details(block: SyntaxTreeNode) -> bool:
    """An HTML `<details>` block with no answer of its own: empty, or only more questions (interview
    prep lists), none answered or each answered behind a button of its own (a card of its own)."""
    if block.type != "html_block" or not _DETAILS_OPEN.match(block.content):
        return False
    reader = _Reader(block.content.split("\n"), 0, set(), (), None)
    roots = _tree(reader.masked)
    if not roots or roots[0].summary is None:
        return False
    root = roots[0]
    answer = reader.answer(root, reader.inner_cuts(root))
    return not answer or shows_nothing(answer) or _asks_only(answer)


# A summary on one line; `[^<]` keeps a line of unclosed summaries linear.
_SUMMARY = re.compile(r"<summary\b[^<>]*>([^<]*)</summary\s*>", re.IGNORECASE)


def _asks_only(answer: str) -> bool:
    """Only questions: the labels of answer buttons (`<summary>Answer</summary>`) say nothing."""

    def label(match: re.Match[str]) -> str:
        return "" if _REVEAL.match(_words(match.group(1))) else match.group(0)

    lines = [strip_prefix(_TAG.sub("", _SUMMARY.sub(label, x))) for x in answer.split("\n")]
    return only_asks(lines)


def _rows(answer: str) -> list[str]:
    """The answer's lines that hold content: not blank, not a table's header or its
    delimiter row (`| --- | :---: |`: only pipes, dashes and colons)."""
    lines = [x.strip() for x in answer.split("\n") if x.strip()]
    rules = {i for i, x in enumerate(lines) if "-" in x and not x.strip("|:- ")}
    return [x for i, x in enumerate(lines) if i not in rules and i + 1 not in rules]


def details_candidates(
    span: Span, code: set[int], section: tuple[str, ...], ctx: Context
) -> Iterator[Candidate]:
    """`<details><summary>Question</summary> answer </details>`, nested ones included."""
    lines = ctx.parsed.lines[span[0] : span[1]]
    reader = _Reader(lines, span[0], code, section, ctx)
    lower = 0
    for root in _tree(reader.masked):
        reader.walk(root, lower, top=True)
        lower = root.end if root.end >= 0 else len(reader.text)
    yield from reader.found


class _Reader:
    """The lines of one section's span as one text (code blanked out where tags are looked
    for), and the cards found in it."""

    def __init__(
        self,
        lines: list[str],
        first: int,
        code: set[int],
        section: tuple[str, ...],
        ctx: Context | None,
    ) -> None:
        self.first = first
        self.text = "\n".join(lines)
        self.masked = "\n".join(
            " " * len(line) if self.first + i in code else line for i, line in enumerate(lines)
        )
        self.starts = [0]
        for line in lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.section = section
        self.ctx = ctx
        self.found: list[Candidate] = []

    def line(self, offset: int) -> int:
        """The 0-based note line of an offset into the text."""
        return self.first + bisect.bisect_right(self.starts, offset) - 1

    def reject(self, line: int, text: str, reason: str) -> None:
        if self.ctx is not None:
            self.ctx.reject(line, text, reason)

    def walk(self, node: _Details, lower: int, top: bool) -> list[Span]:
        """Propose the cards of `node` and of the elements nested in it (`lower`: where the
        text that may hold its question starts). Returns the parts of the text the answers
        around it leave out: the answers of the cards found."""
        cuts = self.inner_cuts(node)
        own = self._card(node, lower, top, cuts)
        return [own] if own is not None else cuts

    def inner_cuts(self, node: _Details) -> list[Span]:
        """Walk the elements nested in `node`: what its answer leaves out."""
        cuts: list[Span] = []
        previous = node.body
        for child in node.children:
            cuts.extend(self.walk(child, previous, top=False))
            previous = child.end if child.end >= 0 else len(self.text)
        return cuts

    def _card(self, node: _Details, lower: int, top: bool, cuts: list[Span]) -> Span | None:
        if node.close < 0 or node.summary is None:
            return None
        if top and self.text[self.text.rfind("\n", 0, node.start) + 1 : node.start].strip():
            return None  # `- <details>…` inside a line of Markdown: not a block of its own
        term = _words(node.summary)
        line = self.line(node.start) + 1
        if _REVEAL.match(term):
            asked = self._asked_before(node, lower, top) if _ANSWER_BUTTON.match(term) else None
            if asked is None:
                self.reject(line, term, "a button to show the answer, not a question")
                return None
            question, at = asked
            found = self._propose(question, at, node, self.answer(node, cuts))
            return (node.start, node.end) if found else None  # the question stays, named
        if is_never_heading(term):  # `<summary>Table of Contents</summary>`: navigation
            self.reject(line, term, "a table of contents or summary, not a question")
            return None
        if _FOLLOW_UPS.match(term):
            self.reject(line, term, "a heading over follow-up questions, not a question")
            return None
        answer = self.answer(node, cuts)
        rows = [split_row(strip_prefix(row)) for row in _rows(answer)]
        if answer and all(map(index_row, rows)):  # `android (2)` over its notes' links
            self.reject(line, term, "it only links to notes, with nothing said of them")
            return None
        if _asks_only(answer):
            why = "answered on cards of their own" if cuts else "with no answers"
            self.reject(line, term, f"only follow-up questions {why}")
            return None
        found = self._propose(term, line, node, answer)
        return (node.body, node.close) if found else None  # its summary stays, named

    def _propose(self, term: str, line: int, node: _Details, answer: str) -> bool:
        if not term:
            return False
        if not answer or shows_nothing(answer):  # the answer around it keeps such a question
            self.reject(line, term, EMPTY_DETAILS)
            return False
        self.found.append(
            Candidate(
                term=term,
                section=self.section,
                line=line,
                spans=[],
                strategy="details",
                owned=(self.line(node.start), self.line(node.end - 1) + 1),
                text=answer,
            )
        )
        return True

    def _asked_before(self, node: _Details, lower: int, top: bool) -> tuple[str, int] | None:
        """The question an answer button answers: the words before it on its line, else the
        line above (`<li> 그럼 …? ` then the button). Outside any `<details>`, only a question
        written in HTML: a Markdown list item or heading has its own strategy."""
        end = node.start
        for back in (0, 1):
            begin = self.text.rfind("\n", lower, end) + 1 or lower
            raw = self.masked[max(begin, lower) : end]  # a line of code asks nothing
            question = _words(strip_prefix(raw))
            if question:
                if (top and not raw.lstrip().startswith("<")) or not _prompt(question):
                    return None
                return question, self.line(node.start) + 1 - back
            if begin <= lower:
                return None
            end = begin - 1
        return None

    def answer(self, node: _Details, cuts: list[Span]) -> str:
        """The answer `node` holds, without the answers of the cards inside it; an answer that
        is only a button (`<details><summary>답변</summary>…`) is what the button hides."""
        low, high, holder = node.body, node.close if node.close >= 0 else len(self.text), node
        while len(holder.children) == 1:
            only = holder.children[0]
            button = only.close >= 0 and only.summary is not None
            if not (button and _REVEAL.match(_words(only.summary or ""))):
                break
            if self.text[low : only.start].strip() or self.text[only.end : high].strip():
                break
            low, high, holder = only.body, only.close, only
        parts: list[str] = []
        at = low
        for start, end in sorted(c for c in cuts if low <= c[0] and c[1] <= high):
            start, end = self._whole_lines(start, end)
            parts.append(self.text[at:start])
            at = max(at, end)
        parts.append(self.text[at:high])
        return dedent_block("".join(parts).split("\n"))

    def _whole_lines(self, start: int, end: int) -> Span:
        """A cut that leaves only spaces on its lines takes the lines whole."""
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        if self.text[line_start:start].strip() or self.text[end:line_end].strip():
            return start, end
        return line_start, min(line_end + 1, len(self.text))


def _prompt(question: str) -> bool:
    """A question or a short prompt (`Dynamic Programming 적용 조건`), not a sentence of text."""
    if only_asks([question]):
        return True
    return len(question.split()) <= _PROMPT_WORDS and not _SENTENCE_END.search(question)
