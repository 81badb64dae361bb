"""Raw HTML in notes, read the way the person who wrote it sees it rendered.

Notes exported from blogs (Velog, Tistory) are HTML written line by line: `<h3>` headings,
`<p>` paragraphs and `<pre><code>` blocks with no blank line between them. CommonMark ends an
HTML block of the `<p>`/`<div>` kind only at a blank line, so such a block swallowed every
heading below it (`### switch문` was text inside the card above) and a blank line inside its
`<pre>` cut the code in two (the rest was read as Markdown). Here, such a block also ends before
a heading written where no element of the block is still open, and a blank line inside
`<pre>`, `<script>`, `<style>`, `<textarea>` or a comment does not end it. Each line is read
once, so the cost stays linear in the note.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.html_block import HTML_SEQUENCES

BlockRule = Callable[[StateBlock, int, int, bool], bool]

# `[^<>]` keeps every match attempt from running past the next tag on a line of unclosed `<`.
_TAG = re.compile(r"<!--|-->|<(/?)([A-Za-z][A-Za-z0-9-]*)(?![A-Za-z0-9-])[^<>]*>")
# Their content is text: a blank line or a tag inside them is part of it.
_RAW = frozenset({"pre", "script", "style", "textarea"})
# Elements that need no end tag (or close themselves): they leave nothing open.
_UNCLOSED = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr", "param", "p", "li", "td", "th", "tr", "dt", "dd", "option"}
)  # fmt: skip
_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")
_COMMENT = "--"


def html_blocks_as_rendered(md: MarkdownIt) -> None:
    """Replace markdown-it's HTML block rule by one that ends `<p>`/`<div>`-kind blocks where a
    reader sees them end (the other kinds keep their own end markers)."""
    rule = next(r for r in md.block.ruler.__rules__ if r.name == "html_block")
    md.block.ruler.at("html_block", _html_block(rule.fn), {"alt": list(rule.alt)})


def _html_block(original: BlockRule) -> BlockRule:
    def html_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if silent or not _ends_at_blank_line(state, start):
            return original(state, start, end, silent)
        stop = _end_line(state, start, end)
        state.line = stop
        token = state.push("html_block", "", 0)
        token.map = [start, stop]
        token.content = state.getLines(start, stop, state.blkIndent, True)
        return True

    return html_block


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _ends_at_blank_line(state: StateBlock, line: int) -> bool:
    """Whether an HTML block of the kinds that CommonMark ends at a blank line (its types 6 and
    7: `<div>`, `<p>`, `<details>`, any lone tag) opens on this line."""
    if state.is_code_block(line) or not state.md.options.get("html"):
        return False
    text = _line(state, line)
    if not text.startswith("<"):
        return False
    kind = next((seq for seq in HTML_SEQUENCES if seq[0].search(text)), None)
    return kind is not None and bool(kind[1].search(""))


def _end_line(state: StateBlock, start: int, end: int) -> int:
    """The line after the block opening at `start`: at a blank or outdented line, as in
    CommonMark, unless inside a `<pre>` or a comment; or at a heading written after every
    element the block opened was closed (a heading inside `<details>` stays in it)."""
    raw, depth = scan_tags(_line(state, start), "", 0)
    line = start + 1
    while line < end:
        empty = state.isEmpty(line)
        if state.sCount[line] < state.blkIndent and not (raw and empty):
            break
        text = _line(state, line)
        if not raw and (empty or (depth == 0 and _heading(state, line, text))):
            break
        raw, depth = scan_tags(text, raw, depth)
        line += 1
    return line


def _heading(state: StateBlock, line: int, text: str) -> bool:
    return state.sCount[line] - state.blkIndent < 4 and _ATX.match(text) is not None


def scan_tags(text: str, raw: str, depth: int) -> tuple[str, int]:
    """Read the tags of one line: `raw` names the element whose content is text that the line
    starts inside (`pre`, or `--` for a comment), `depth` counts the elements still open.
    Returns both as they are at the end of the line."""
    for match in _TAG.finditer(text):
        tag = match.group(0)
        if raw == _COMMENT:
            raw = "" if tag == "-->" else raw
            continue
        name = (match.group(2) or "").lower()
        closing = bool(match.group(1))
        if raw:
            raw = "" if closing and name == raw else raw
        elif tag == "<!--":
            raw = _COMMENT
        elif name in _RAW and not closing:
            raw = name
        elif name and name not in _UNCLOSED and not tag.endswith("/>"):
            depth = max(depth - 1, 0) if closing else depth + 1
    return raw, depth


_HEADING_OPEN = re.compile(r"^ {0,3}<h([1-6])(?:\s[^<>]*)?>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]*>")
# A code fence opening or closing a line (the marker is group 1); `parse` reads fences by it too.
FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


class Fences:
    """Code fences followed line by line, for the passes that read a note's lines before
    markdown does: a fence closes only with its own character (a ``` inside a ~~~ block is
    code)."""

    __slots__ = ("_open",)

    def __init__(self) -> None:
        self._open = ""

    def code(self, line: str) -> bool:
        """Is `line` a fence's opening or closing line, or code inside one?"""
        match = FENCE.match(line)
        if match is None:
            return bool(self._open)
        marker = match.group(1)
        if not self._open:
            self._open = marker[0] * 3
        elif marker.startswith(self._open):
            self._open = ""
        return True


_IMAGE = re.compile(r"<img\b", re.IGNORECASE)
# `<h2>` then the title, then `</h2>` a line or two further down: no longer than this.
_HEADING_LINES = 4


def html_heading(lines: list[str], index: int) -> tuple[str, int, str] | None:
    """An HTML heading opening line `index` → (`## Title`, the index of the line where it
    closes, what follows the closing tag on that line); None when the line opens none, or the
    heading is empty or does not close within a few lines (a blank line or a fence first).
    The inner tags are dropped, as rendered."""
    match = _HEADING_OPEN.match(lines[index])
    if match is None:
        return None
    close = re.compile(rf"</h{match.group(1)}\s*>", re.IGNORECASE)
    parts: list[str] = []
    text = lines[index][match.end() :]
    for last in range(index, min(index + _HEADING_LINES, len(lines))):
        if last > index:
            text = lines[last]
            if not text.strip() or FENCE.match(text):
                return None
        found = close.search(text)
        if found is None:
            parts.append(text)
            continue
        parts.append(text[: found.start()])
        title = " ".join(_ANY_TAG.sub("", " ".join(parts)).split())
        if not title:
            return None
        return f"{'#' * int(match.group(1))} {title}", last, text[found.end() :].strip()
    return None


def place_after_heading(lines: list[str], last: int, rest: str) -> bool:
    """Make room for what follows an HTML heading's closing tag (`<h3>T</h3><p>…</p>`): line
    numbers never change, so it goes on the next line when that one is blank or HTML too.
    Tags that show nothing (`<a name="x"></a>`, `<br>`) are dropped. False: no room."""
    if not _ANY_TAG.sub("", rest).strip() and not _IMAGE.search(rest):
        return True
    after = last + 1
    if after >= len(lines):
        return False
    following = lines[after]
    if not following.strip():
        lines[after] = rest
        return True
    body = following.lstrip()
    if not body.startswith("<") or _HEADING_OPEN.match(following):
        return False
    lines[after] = following[: len(following) - len(body)] + rest + body
    return True
