"""Lines and blocks that are never cards: dates, changelogs, link-only and image-only blocks."""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from ..attribute import is_caption
from ..parse import ATTRIBUTES, inline_of, plain_text
from .labels import is_navigation

_DATE = re.compile(
    r"^\s*(?:\d{4}[-./년]\s*\d{1,2}(?:[-./월]\s*\d{1,2}일?)?\.?|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}"
    r"|v?\d+\.\d+(?:\.\d+)?)(?:\s*\([^)]{1,6}\))?\s*(?:[:：\-–—)]|$)"
)


_WIKILINKS = re.compile(r"!?\[\[[^\[\]]*\]\]")
_URLS = re.compile(r"<?https?://\S+>?")
# Comments and spacers (`<br>`, `&nbsp;`) carry nothing a card should show.
_SPACER = re.compile(r"^(?:<!--.*|(?:<br\s*/?>|&nbsp;|<p>\s*</p>|\s)+)$", re.IGNORECASE | re.DOTALL)
_EDIT_NOTE = re.compile(
    r"^\W*(?:edit(?:ed)?|update[d]?|last (?:edit(?:ed)?|updated?|modified)|수정|업데이트|최종 수정"
    r"|마지막 수정|작성일|수정일)\b[^\n]{0,12}?\d{4}[-./년]\s*\d{1,2}",
    re.IGNORECASE,
)
# `📝 2024.02.10 작성 / 2024.02.12 수정`, `2024-05-20 updated`: the date first, then the edit.
_DATED_EDIT = re.compile(
    r"^\W*\d{4}[-./]\s*\d{1,2}[-./]\s*\d{1,2}\.?\s*(?:작성|수정|업데이트|created|updated|edited)",
    re.IGNORECASE,
)
# `TODO`, `TBD`, `(작성 예정)`: a body still to be written.
_PLACEHOLDER = re.compile(
    r"^\W*(?:(?:답변?|answer|내용|설명)\s*)?"
    r"(?:todo|tbd|tba|wip|coming soon|(?:작성|정리|공부)\s*(?:중|예정)|추가\s*예정"
    r"|(?:해당\s*)?없음|미정|nothing(?:\s+yet)?"  # `(없음)`: the writer says there is nothing
    r"|(?:will\s+|to\s+)be\s+(?:written|added|filled(?:\s+in)?|completed|continued|updated|done)"
    r"(?:\s+(?:later|soon))?"
    r"|(?:todo|tbd)\s*[:：-]\s*[^.!?\n]{0,60})\W*$",
    re.IGNORECASE,
)
_MARKER = re.compile(r"^\s*(?:\[\[?_?toc_?\]?\]|\$\{toc\}|%%.*%%)\s*$", re.IGNORECASE | re.DOTALL)
# `#tag #tag`, `[[MOC]] | #design-pattern`: a note's tags and links back to its index.
# Possessive: a run of spaces splits one way only (nested `\s*` was exponential).
_TAGS_ONLY = re.compile(r"^\s*+(?:(?:#[^\s#\[\]]++|\[\[[^\]]++\]\])\s*+[|·,/]?\s*+)++$")


def is_date_line(text: str) -> bool:
    """`2019.03.14: 첫 작성`, `2020-01-02 - fixed`, `v1.2: …` — changelog lines."""
    return bool(_DATE.match(text))


# `<a href="…">`, `</a>`: a link written in HTML.
_ANCHOR_OPEN = re.compile(r"<a\s[^>]*\bhref\s*=", re.IGNORECASE)
_ANCHOR_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)  # a line break written in HTML


def is_link_only(node: SyntaxTreeNode) -> bool:
    """A paragraph or list made only of links (navigation, tables of contents, link lists),
    written in Markdown or in HTML (`&nbsp;- <a href="…">1. 데이터 모델</a><br>`)."""
    inlines = [n for n in node.walk() if n.type == "inline"]
    if not inlines:
        return False
    words: list[str] = []  # `Refer to [[Counting]]`: a pointer's words around its links
    links = 0
    anchor = False  # inside `<a href>…</a>`: the words are the link's
    for inline in inlines:
        for child in inline.children:
            if child.type in ("softbreak", "hardbreak"):
                continue
            if child.type == "html_inline" and _ANCHOR_OPEN.match(child.content):
                links, anchor = links + 1, True
                continue
            if child.type == "html_inline" and _ANCHOR_CLOSE.match(child.content):
                anchor = False
                continue
            if child.type == "html_inline" and (anchor or BREAK_TAG.match(child.content)):
                continue  # a tag inside the link (`<span>`, `<i>`), or a line break
            if anchor and child.type == "text":
                continue
            bare = _URLS.sub("", _WIKILINKS.sub("", child.content))
            links += child.type == "link" or (child.type == "text" and bare != child.content)
            if child.type == "text" and not bare.strip(" \xa0-–—|·•,:\\"):
                continue
            if child.type == "text" and len(bare) < 30:
                words.append(bare)
                continue
            if child.type != "link":
                return False
    pointer = " ".join(words).strip(" -–—|·•,:.→")
    return not words or (links > 0 and (not pointer or bool(_POINTER.fullmatch(pointer))))


_POINTER = re.compile(
    r"(?:(?:please\s+)?(?:see|see also|refer to|refer|cf\.?|check|check out|more in|more at"
    r"|details in|read|go to)|(?:참고|참조|자세한 내용은|자세히)\s*[:：]?)"
    r"(?:\s+(?:the\s+)?(?:note|page)?)?",
    re.IGNORECASE,
)


# `{: .-two-column}`, `{:toc}`: a kramdown attribute list on a line of its own sets a class or
# an id on the block beside it. It is markup, like a comment: never shown, never content.
_ATTRIBUTE_LINE = re.compile(ATTRIBUTES)


def is_attribute_line(text: str) -> bool:
    """A line (quote marks and indentation already off) that is only a kramdown attribute list."""
    return _ATTRIBUTE_LINE.fullmatch(text.strip()) is not None


def attribute_lines(node: SyntaxTreeNode) -> list[int]:
    """0-based lines of a paragraph that are only attribute lists (`Intro text` then
    `{: .lead}` on the next line is one paragraph; the second line is markup)."""
    inline = inline_of(node) if node.type == "paragraph" and node.map else None
    if inline is None or "{" not in inline.content:
        return []
    assert node.map is not None
    parts = inline.content.split("\n")
    return [node.map[0] + i for i, part in enumerate(parts) if is_attribute_line(part)]


def only_attributes(node: SyntaxTreeNode) -> bool:
    """A paragraph made only of attribute lists: markup for the block above or below it."""
    if not node.map:
        return False
    found = attribute_lines(node)
    return bool(found) and len(found) == node.map[1] - node.map[0]


def is_decoration(node: SyntaxTreeNode, lines: list[str]) -> bool:
    """A block that carries no content of its own: rules, comments, images with their captions,
    kramdown attribute lists."""
    if node.type in ("hr", "footnote_reference"):  # a footnote goes with the card citing it
        return True
    if node.type == "html_block":
        return node.content.strip().startswith("<!--") or is_html_image(node.content)
    if node.type == "paragraph":
        inline = inline_of(node)
        if inline is None or only_attributes(node):
            return True
        if node.map and _FOOTNOTE.match(lines[node.map[0]]):
            return True  # `[^1]: Any questions? …`: a note on the text, not part of it
        if all(
            c.type in ("image", "softbreak", "hardbreak") or _blank(c) or _html_image_part(c)
            for c in inline.children
        ):
            return True
        if node.map:
            text = [ln for ln in lines[node.map[0] : node.map[1]] if ln.strip()]
            return all(
                "![" in ln or (i and is_caption(ln, text[i - 1])) for i, ln in enumerate(text)
            ) or ("![" in text[0] and all(_figure_note(ln) for ln in text[1:]))
    return False


_FOOTNOTE = re.compile(r"^\s{0,3}\[\^[^\]\s]+\]:")
# `<img src="…" style="zoom:33%;" />`, perhaps inside `<p align="center">` or `<div>`: an
# image written as HTML, which shows nothing a card could ask about.
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_IMAGE_WRAPPER = re.compile(
    r"</?(?:p|div|center|figure|picture|span|a)\b[^>]*>|<br\s*/?>|&nbsp;", re.IGNORECASE
)


def is_html_image(html: str) -> bool:
    """HTML that only shows images: `<img …>` tags and the tags wrapping them."""
    if not _HTML_IMAGE.search(html):
        return False
    return not _IMAGE_WRAPPER.sub("", _HTML_IMAGE.sub("", html)).strip()


def _html_image_part(node: SyntaxTreeNode) -> bool:
    return node.type == "html_inline" and bool(
        _HTML_IMAGE.fullmatch(node.content.strip())
        or _IMAGE_WRAPPER.fullmatch(node.content.strip())
    )


_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BARE_LINK = re.compile(r"^(?:https?://|www\.)\S+$")
_EM_CAPTION = re.compile(r"^[_*](?=\S)[^_*]{1,80}[_*]?$")


def _figure_note(line: str) -> bool:
    """Under an image in the same paragraph: `_세균 염색법<br>` (a blog theme's caption), its
    bare source URL, or a line of `<br>` spacers."""
    text = _BR.sub(" ", line).strip()
    if not text or _BARE_LINK.match(text):
        return True
    return bool(_EM_CAPTION.match(text)) and len(text.split()) <= 10


# `**Generators**`, `**Throughput:**`, `**Q1. What is a thread?**\`: a bold line, nothing else.
_BOLD_LINE = re.compile(r"^(\*\*|__)(?P<text>[^*_]*?[^*_\s])\s*+[:：]?\1\s*+[:：]?\\?$")


def bold_line(line: str) -> str | None:
    """The text of a line that is only bold (`**Generators**`), as written."""
    match = _BOLD_LINE.match(line.strip())
    return match.group("text") if match else None


def bold_question(line: str) -> str | None:
    """`**Q1. What is a thread?**` alone on its line: the question it asks."""
    text = bold_line(line)
    return text.strip() if text and text.rstrip().endswith(("?", "？")) else None


# `**What was the Stamp Act?** A tax on …`: a bold question, then its answer on the same line.
_INLINE_QUESTION = re.compile(
    r"^(?P<mark>\*\*|__)(?P<question>[^*_]{3,}?[?？])\s*(?P=mark)\s*[:：]?\s*(?P<answer>\S.*)$"
)


# `What is it?`, `When does it occur?`: a question about the term the line sits under, one
# of its fields, not a card of its own.
_ASKS_ABOUT_OWNER = re.compile(
    r"^(?:what|when|where|why|how|who|which)(?:\s+\w+)?\s+(?:it|its|this|they|these|those|them)\b",
    re.IGNORECASE,
)


def inline_question(line: str) -> tuple[str, str] | None:
    """A line opening with a bold question and going on with its answer: (question, answer)."""
    match = _INLINE_QUESTION.match(line.strip())
    if match is None or not re.search(r"[^\W\d_]", match.group("answer")):
        return None
    if _ASKS_ABOUT_OWNER.match(match.group("question")):
        return None
    return match.group("question").strip(), match.group("answer").strip()


def unanswered_question(source: str) -> bool:
    """`**Q3. What is a fiber?**` over `_To be updated_`: asked, and the answer left for later."""
    first, _, rest = source.partition("\n")
    return bold_question(first) is not None and is_placeholder(rest.strip().strip("*_`~ "))


def is_placeholder(text: str) -> bool:
    """`TODO`, `(답변 작성 예정)`, `(공부 중)`: an answer still to be written."""
    return bool(_PLACEHOLDER.match(text))


def is_unfinished(text: str) -> bool:
    """`- Caused by`, `- TODO`, `- 정의:`: a body the writer started and left, no answer."""
    words = text.split()
    if not words:
        return False  # no text at all (only markup): other rules judge it
    if is_placeholder(text.strip()):
        return True
    return len(words) <= 4 and (
        words[-1].casefold() in _DANGLING or text.rstrip().endswith((":", "：", "...", "…"))
    )


_DANGLING = frozenset(
    [
        "by",
        "of",
        "to",
        "the",
        "a",
        "an",
        "and",
        "or",
        "with",
        "for",
        "in",
        "on",
        "at",
        "is",
        "are",
        "from",
        "as",
        "that",
        "which",
        "because",
    ]
)


def noise_lines(nodes: list[SyntaxTreeNode]) -> set[int]:
    """0-based lines no definition shows where they are written: HTML comments, rules,
    navigation and anchor links, edit notes, `[TOC]` markers, `#tag` lines, changelog entries,
    kramdown attribute lists and footnotes (a cited one is added to the card citing it)."""
    out: set[int] = set()
    for top in nodes:
        for node in top.walk():
            kind = node.type
            if not node.map or kind not in _NOISY:
                continue
            if _is_noise(node, kind):
                out.update(range(*node.map))
            elif kind == "paragraph":
                out.update(attribute_lines(node))
    return out | _footer(nodes)


_DIVIDER_CELL = re.compile(r":?-+:?")


def is_divider(cells: list[str]) -> bool:
    """`| --- | :---: |` inside a table's body (cheat sheets split a table into parts with one):
    a divider drawn as a row, holding nothing."""
    filled = [c.strip() for c in cells if c.strip()]
    return bool(filled) and all(_DIVIDER_CELL.fullmatch(c) for c in filled)


def is_markup_row(row: SyntaxTreeNode) -> bool:
    """A table row that shows nothing: a kramdown attribute list read as a row (`{: .table}`
    under a table) or a divider (kramdown's break between parts of a table)."""
    cells = [" ".join(c.content.split()) for c in row.walk() if c.type == "inline"]
    filled = [c for c in cells if c]
    if len(filled) == 1 and is_attribute_line(filled[0]):
        return True
    return is_divider(filled)


def _footer(nodes: list[SyntaxTreeNode]) -> set[int]:
    """`---` then `*틀린 내용이 있으면 알려주세요!*` at the very end: a remark on the whole
    note, not part of the last card."""
    mapped = sorted((n for n in nodes if n.map), key=lambda n: n.map[0] if n.map else 0)
    if len(mapped) < 2 or mapped[-2].type != "hr":
        return set()
    last = mapped[-1]
    assert last.map is not None
    inline = inline_of(last) if last.type == "paragraph" else None
    if inline is None or last.map[1] - last.map[0] != 1 or not inline.children:
        return set()
    wrapped = len(inline.children) == 1 and inline.children[0].type == "em"
    return set(range(*last.map)) if wrapped else set()


_NOISY = frozenset({"hr", "html_block", "paragraph", "list_item", "tr", "footnote_reference"})


def _is_noise(node: SyntaxTreeNode, kind: str) -> bool:
    if kind in ("hr", "footnote_reference"):  # footnotes: see footnotes.py
        return True
    if kind == "tr":
        return is_markup_row(node)
    if kind == "html_block":
        return bool(_SPACER.match(node.content.strip()))
    if kind == "list_item":
        return len(node.children) == 1 and is_date_line(_text(node))  # a changelog entry
    text = _text(node)
    if (
        _EDIT_NOTE.match(text)
        or _DATED_EDIT.match(text)
        or _MARKER.match(text)
        or _TAGS_ONLY.match(text)
        or _PLACEHOLDER.match(text)
        or (node.type == "paragraph" and unanswered_question(node.children[0].content))
    ):
        return True
    return _is_navigation(node) and _short_rest(node)


def _text(node: SyntaxTreeNode) -> str:
    return (
        plain_text(node.children[0])
        if node.type == "list_item" and node.children
        else plain_text(node)
    )


def _short_rest(node: SyntaxTreeNode) -> bool:
    """Only links, or links and a few words (`Thanks for reading! [Back to top](#top)`)."""
    text = len(plain_text(node))
    links = sum(len(plain_text(n)) for n in node.walk() if n.type == "link")
    return text - links < 40


def _is_navigation(node: SyntaxTreeNode) -> bool:
    links = [n for n in node.walk() if n.type == "link"]
    return bool(links) and all(
        str(n.attrs.get("href", "")).startswith("#") or is_navigation(plain_text(n)) for n in links
    )


def _blank(node: SyntaxTreeNode) -> bool:
    return node.type == "text" and not node.content.strip()
