"""What a heading's own body is made of, when that makes it no card: code under a code label,
diagrams, questions still to be answered."""

from __future__ import annotations

import html
import re

from markdown_it.tree import SyntaxTreeNode

from ..parse import plain_text
from .filters import is_link_only
from .terms import SENTENCE_BREAK

# `store/module_moduleName.js`, `docker-compose.yml`: a file of the note's code, not a term
# (`Node.js`, `ASP.NET` are names).
FILE_NAME = re.compile(
    r"^(?:[\w.@~-]+/)+[\w.@~-]+\.\w{1,6}$|^[a-z][\w.@~-]*\.(?:json|ya?ml|py|java|tsx?|jsx|js|html"
    r"|s?css|md|xml|sh|gradle|toml|txt|sql|go|rs|kt|rb|php|c|cpp|h|ini|conf|env|properties)$"
)


# `… on the midterm? (ask TA)`, `… 설명해주세요.`, `… 말해보세요. (꼬리 질문)`: asked, not answered.
_ASKED = re.compile(
    r"(?:[?？]|(?:(?:설명|말|비교|서술|정리)\s*(?:해\s*)?|들어\s*)(?:주세요|보세요|하세요|하시오)[.]?"
    r"|알려\s*주세요[.]?)\s*(?:\([^()]*\))?\s*$"
)


# `⭐`, `[answer](q1.md)`, `(Kakao, Naver)` after an interview question: marks, not an answer.
_TRAILING_MARKS = re.compile(
    r"(?:\s*(?:[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\uFE0F]|\[[^\]]*\]\([^)]*\)))+\s*$"
)


def _undecorated(text: str) -> str:
    return _TRAILING_MARKS.sub("", text.strip())


def only_asks(lines: list[str]) -> bool:
    """Lines that are all questions (`<li> PCB가 무엇인가요?</li>`, `- Why?`): follow-ups to
    ask, with no answer among them."""
    texts = [_undecorated(x) for x in lines if x.strip()]
    return bool(texts) and all(_ASKED.search(x) for x in texts)


def open_questions(block: SyntaxTreeNode) -> bool:
    """A list of one-line questions with nothing under them, or a paragraph that only asks:
    things still to find out."""
    if block.type == "paragraph":  # every sentence asks: `A is a lock. When is it used?` tells
        return only_asks(SENTENCE_BREAK.split(plain_text(block)))
    if block.type not in ("bullet_list", "ordered_list"):
        return False
    return open_question_items(block.children)


def open_question_items(items: list[SyntaxTreeNode]) -> bool:
    """List items that are, most of them, one-line questions with nothing under them."""
    asked = sum(bool(_ASKED.search(_undecorated(plain_text(item)))) for item in items)
    return bool(items) and all(map(_nothing_under, items)) and asked * 2 >= len(items)


def _nothing_under(item: SyntaxTreeNode) -> bool:
    """A list item with nothing nested under its line, or only HTML that shows nothing (an
    answer button over an answer never written)."""
    rest = item.children[1:]
    return all(b.type == "html_block" and shows_nothing(b.content) for b in rest)


_TASK = re.compile(r"^\[[ xX]?\](?:\s|$)")


def to_do_list(block: SyntaxTreeNode) -> bool:
    """A task list (`- [ ] Read the theory`) or a list of blank items: a plan or a template's
    slots, with nothing to recall."""
    if block.type not in ("bullet_list", "ordered_list"):
        return False
    return to_do_items(block.children)


def to_do_items(items: list[SyntaxTreeNode]) -> bool:
    """Whether every one of these list items is a task (`[ ] …`, `[x] …`) or left blank."""
    return bool(items) and all(not i.children or _TASK.match(plain_text(i).strip()) for i in items)


def link_list(block: SyntaxTreeNode) -> bool:
    """A list of links to other notes, a few with a word or two beside them (`- [[Division
    Algorithm]] w/ Theorem`): an index of where the topics are explained, not an answer."""
    if block.type not in ("bullet_list", "ordered_list"):
        return False
    items = block.children
    links = sum(is_link_only(i) for i in items)
    return len(items) >= 3 and links * 4 >= len(items) * 3


_CODE_HEADS = frozenset({"code", "코드", "구현", "implementation", "소스", "source"})


def code_section(title: str, content: list[SyntaxTreeNode]) -> bool:
    """`Spring 코드`, `Python implementation` over a code block: the note's code, shown under a
    label (`Hamming code` explained in words stays a term)."""
    words = title.casefold().split()
    return len(words) > 1 and words[-1] in _CODE_HEADS and has_code(content)


def has_code(content: list[SyntaxTreeNode]) -> bool:
    return any(n.type in ("fence", "code_block") for b in content for n in b.walk())


_DIAGRAMS = frozenset(
    {"mermaid", "plantuml", "puml", "dot", "graphviz", "ditaa", "svgbob", "d2", "flowchart"}
)


def is_diagram(block: SyntaxTreeNode) -> bool:
    """A fenced mermaid/PlantUML/Graphviz block: a picture drawn in text, nothing to recall."""
    words = block.info.split() if block.type == "fence" else []  # "```   ": no language
    info = words[0].casefold() if words else ""
    return info.strip("{}.") in _DIAGRAMS


def is_diagram_title(block: SyntaxTreeNode) -> bool:
    """`Dengue severity classification` between two diagrams: a title for the next one."""
    if block.type != "paragraph" or not block.map or block.map[1] - block.map[0] != 1:
        return False
    text = plain_text(block)
    return len(text.split()) <= 6 and not re.search(r"[.!?:。]$", text)


def only_diagrams(content: list[SyntaxTreeNode]) -> bool:
    """Diagrams, perhaps with a one-line title each, and nothing else."""
    return any(is_diagram(b) for b in content) and all(
        is_diagram(b) or is_diagram_title(b) for b in content
    )


# `**English common law:** law that …`, `**Law of Total Probability:** …`: a paragraph that
# opens by marking a term in bold and defining it.
_BOLD_LEAD = re.compile(
    r"^(?:\*\*|__)(?P<term>[^*_\n]{1,60}?)\s*(?:[:：](?:\*\*|__)|(?:\*\*|__)\s*[:：])"
)


def bold_lead_term(block: SyntaxTreeNode) -> str:
    """The term a paragraph opens by defining in bold (`**bylaw:** …`), or ""."""
    if block.type != "paragraph" or not block.children:
        return ""
    match = _BOLD_LEAD.match(block.children[0].content.lstrip())
    return match.group("term").strip() if match else ""


# `### [Statistics/Math](./answers/1-statistics-math.md)`: an entry of an index of notes.
_AWAY = re.compile(r"^(?![a-z][a-z0-9+.-]*:|#)\S", re.IGNORECASE)


def links_away(heading: SyntaxTreeNode | None) -> bool:
    """A heading that is wholly a link to another note or page of the same site: the note it
    points to holds the content, so the heading is navigation. A link to a web page
    (`[IANA](https://…)`) only credits where the name comes from."""
    inline = heading.children[0] if heading is not None and heading.children else None
    if inline is None or inline.type != "inline":
        return False
    links = [c for c in inline.children if c.type == "link"]
    rest = [c for c in inline.children if c.type != "link" and c.content.strip()]
    href = str(links[0].attrs.get("href", "")) if len(links) == 1 else ""
    return not rest and bool(_AWAY.match(href))


# `① ls -l /tmp`, `❷ ls -ld /tmp` (the filled number marks the right choice).
_CHOICE_LINE = re.compile(r"^\s*(?:[-*+]\s+)?[①-⑳❶-❿➀-➓]")
_CIRCLED = re.compile(r"[①-⑳❶-❿➀-➓]")
_FILLED = re.compile(r"[❶-❿➊-➓]")
_LETTER_CHOICE = re.compile(r"^\s*(?:[-*+]\s+)?(?:\([a-eA-E]\)|[a-eA-E][.)])\s+\S")
# `다음 중 … 알맞은 것은?`, `Which of the following …`, `Choose the …`: an exam problem's wording.
_EXAM = re.compile(
    r"다음\s*(?:중|은|의)|(?:알맞은|옳은|옳지\s*않은|틀린|맞는|적절한|적절하지\s*않은|먼)\s*것|고르"
    r"|\bwhich\s+(?:of\s+the\s+following|one|option|statement)\b|\b(?:choose|select)\s+the\b",
    re.IGNORECASE,
)


def is_quiz(question: str, answer: list[str]) -> bool:
    """A question followed by its answer choices (`① … ② … ③ … ④ …`, or short options under
    `Which of the following …`): an exam problem to solve, not a fact to recall. A question
    answered by steps (`① SYN ② SYN-ACK ③ ACK`) is told apart by an exam's wording or by a
    filled number marking the chosen answer; lettered choices (`(a) …`, `B. …`) and unmarked
    short options count only under an exam's wording, as answers use letters and lists too."""
    lines = [line for line in answer if line.strip()]
    choices = [line for line in lines if _CHOICE_LINE.match(line)]
    marks = sum(len(_CIRCLED.findall(line)) for line in choices)
    exam = bool(_EXAM.search(question))
    if exam and marks < 3:
        marks = sum(bool(_LETTER_CHOICE.match(line)) for line in lines)
        if marks < 3 and len(lines) >= 3 and all(len(line.split()) <= 8 for line in lines):
            return True  # short options under `Which of the following …`
    if marks < 3:
        return False
    return exam or any(_FILLED.search(line) for line in choices)


_ITEM_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# A word that ends in a particle or a verb ending (`리소스를 조회`, `저절로 움직임`), a colon,
# an arrow or a sentence's end (`。`: Chinese and Japanese write a sentence with no space in
# it): the item says something, it does not only name.
_SAYS = re.compile(
    r"[가-힣](?:을|를|이|가|은|는|에|에서|으로|로|와|과|도|만|하는|한|된|인|함|임|됨|음|다)(?:\s|$)"
    r"|[:：=→↑↓$.!?;。！？，、；]|(?<![\w-])(?:a|an|the|is|are|of|to|for|with)(?![\w-])",
    re.IGNORECASE,
)


def only_names(lines: list[str]) -> bool:
    """`- 조토 디 본도네` over `- 성전정화`, `- 애도`: a name over a list of other names (works,
    people, examples) with nothing said about any of them — a list to look at, not a
    definition to recall."""
    items = [_ITEM_MARK.sub("", line).strip(" *_`") for line in lines if line.strip()]
    if len(items) < 2 or not all(_ITEM_MARK.match(line) for line in lines if line.strip()):
        return False
    return all(0 < len(item.split()) <= 3 and not _SAYS.search(item) for item in items)


# `… 잘 알아야 함. → 그렇다면 … 이유는?`, `First case giving is higher. Why?`, `ex) … 불안도?`,
# `그렇다면 … 구분하는 것인가?`: a reader thinking aloud, following a line of argument.
_MUSING = re.compile(
    r"(?:→|->|[.!。]\s+\S)|^(?:ex\)|예\)|e\.g\.|그렇다면|그러면|그럼|그래서)",
    re.IGNORECASE,
)


def is_musing(question: str) -> bool:
    """A question asked in passing inside notes: it follows a statement or an example (or
    continues an argument with `그렇다면`), so it is a step of reasoning, not a question a
    learner would be asked on its own."""
    return bool(_MUSING.search(_QUESTION_NUMBER.sub("", question.strip())))


_QUESTION_NUMBER = re.compile(r"^(?:\(?\d+(?:\.\d+)*[.)]|Q\s*\d*\s*[.:)]|[①-⑳])\s*", re.IGNORECASE)


EXAM_PROBLEM = "an exam problem with numbered choices, not a term"
CONTENTS = "its body is a table of contents"

# `… 용어를 고르시오.`, `… 세 가지 이상 작성하시오`, `… 의 해를 구하라.`: the imperative an exam or
# homework sheet puts to the solver.
_SOLVER = re.compile(r"(?:시오|(?:구|쓰|풀|답|증명|설명|서술|작성|계산)하?라)\s*[.?)]?\s*$")


def sets_exercise(content: list[SyntaxTreeNode]) -> bool:
    """A heading whose body opens by telling the reader what to solve (`> 아래의 보기에서 …
    고르시오`): the heading names an exercise, and its body is the worked answer."""
    first = content[0] if content else None
    if first is None or first.type not in ("paragraph", "blockquote"):
        return False
    opening = next((n for n in first.walk() if n.type == "paragraph"), None)
    lines = plain_text(opening).splitlines() if opening is not None else []
    return any(_SOLVER.search(line) for line in lines[:3])


# `- 3.4.1 The Optimal Page Replacement Algorithm`: a book's numbered section, as a contents
# page lists it; `3 MEMORY MANAGEMENT`, `5.2 Directories`: a numbered chapter over them.
# A title after the number (`0.5 mg twice a day` is a dose, not a section).
# Only a title: `- 1.1 Mutex: a lock …` defines a term, numbered as it may be.
_SECTION_ENTRY = re.compile(r"^\s*(?:[-*+]\s+)?\d+(?:\.\d+)+\.?\s+[A-Z가-힣][^:：—–=]*$")
_CHAPTER_ENTRY = re.compile(r"^\d+(?:\.\d+)*\.?\s+\S")


def lists_sections(term: str, lines: list[str]) -> bool:
    """Lines that are all numbered sections (`3.4`, `3.4.1 …`), three or more, or two under a
    numbered chapter: a table of contents, which says where things are, not what they are."""
    entries = [line for line in lines if line.strip()]
    enough = len(entries) >= (2 if _CHAPTER_ENTRY.match(term) else 3)
    short = all(len(line.split()) <= 14 for line in entries)
    return enough and short and all(_SECTION_ENTRY.match(line) for line in entries)


# What shows on a card: everything but tags, comments and the label of a `<details>` widget.
_PIECE = re.compile(r"<!--|-->|<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>")


def shows_nothing(answer: str) -> bool:
    """An answer of HTML that shows nothing once rendered (`<details><summary>답변</summary>
    <p></p></details>`: a button over an answer never written): no text outside tags,
    comments and summaries, and no image. One pass over its tags."""
    if "<" not in answer:
        return False
    hidden = ""  # inside a comment (`--`) or a `summary`
    shown: list[str] = []
    at = 0
    for match in _PIECE.finditer(answer):
        if not hidden:
            shown.append(answer[at : match.start()])
        at = match.end()
        tag, name = match.group(0), (match.group(2) or "").lower()
        if hidden == "--":
            hidden = "" if tag == "-->" else hidden
        elif hidden:
            hidden = "" if name == "summary" and match.group(1) else hidden
        elif tag == "<!--":
            hidden = "--"
        elif name == "img":
            return False
        elif name == "summary" and not match.group(1):
            hidden = "summary"
    if not hidden:
        shown.append(answer[at:])
    return not html.unescape("".join(shown)).strip()


_DETAILS = re.compile(r"<details\b", re.IGNORECASE)
EMPTY_DETAILS = "its `<details>` answer is empty: nothing is written under its summary"
EMPTY_HTML = "its answer is only HTML tags, with no text"


def empty_reason(answer: str) -> str:
    """Why an answer that shows nothing is no card ("" when it shows something)."""
    if not shows_nothing(answer):
        return ""
    return EMPTY_DETAILS if _DETAILS.search(answer) else EMPTY_HTML


def answer_reason(strategy: str, term: str, answer: list[str], children: bool) -> str:
    """Why a card's answer makes it no card: nothing that shows, an exam problem, names with
    nothing said, or a table of contents."""
    empty = empty_reason("\n".join(answer))
    if empty:
        return empty
    if strategy in ("question", "question-item") and is_quiz(term, answer):
        return EXAM_PROBLEM
    if strategy == "list-term" and not children and only_names(answer):
        return "it lists names with nothing said about them"
    return contents_reason(strategy, term, answer)


def contents_reason(strategy: str, term: str, answer: list[str]) -> str:
    """`- 3 MEMORY MANAGEMENT` over `- 3.4 …`, `- 3.4.1 …`: a table of contents. Written with a
    colon (`- 13 THE ABSTRACTION: ADDRESS SPACES`), the chapter's own line comes first."""
    if strategy in ("list-term", "heading") and lists_sections(term, answer):
        return CONTENTS
    if strategy == "colon" and _CHAPTER_ENTRY.match(term) and lists_sections(term, answer[1:]):
        return CONTENTS
    return ""
