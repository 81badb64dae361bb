"""Stage 2: text → markdown-it tokens → a section tree whose blocks keep their line maps.

The note is parsed exactly once; later stages slice the original lines by the blocks' maps,
so a card's definition is the user's own Markdown.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode, _NesterTokens
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from .cjkemphasis import cjk_friendly_emphasis
from .htmlblocks import Fences, html_blocks_as_rendered, html_heading, place_after_heading
from .linklabel import linear_link_labels
from .model import ImageRef, Loc
from .refimages import inline_reference_images

# markdown-it stops reading at this depth (CommonMark's preset says 20: ten levels of
# bullets, which real outlines reach). 100 stays far inside Python's recursion limit. It counts
# markdown-it's levels: a list costs two (the list and its item), a `>` quote one, so about 49
# levels of bullets or 99 of quotes are read.
MAX_NESTING = 100
_TOO_DEEP = "notedeck_too_deep"  # the env key under which _Blocks records what it skipped


class _Blocks(ParserBlock):
    """markdown-it's block parser, but where nesting reaches MAX_NESTING it skips only the
    lines of the container that is too deep: those indented at least as far as its content.
    markdown-it itself skips to the end of the range it was asked to read, which for a list
    item is the rest of the note, so every heading after a too-deep outline was lost. Each skip
    is recorded in the parse's env as (first line, end line, open lists, open quotes)."""

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        if state.level < state.md.options.maxNesting:
            super().tokenize(state, startLine, endLine)
            return
        line = min(startLine + 1, endLine)  # the container's own first line, at least
        while line < endLine and (state.isEmpty(line) or state.sCount[line] >= state.blkIndent):
            line += 1
        state.line = line
        if line == startLine:
            return  # an empty range: nothing is lost
        skipped: list[tuple[int, int, int, int]] = state.env.setdefault(_TOO_DEEP, [])
        # What is open is counted once, for the message: a list of many deep items stays linear.
        lists, quotes = _open_containers(state.tokens) if not skipped else (0, 0)
        skipped.append((startLine, line, lists, quotes))


_LISTS = frozenset({"bullet_list", "ordered_list", "dl"})
_QUOTES = frozenset({"blockquote", "alert"})


def _open_containers(tokens: list[Token]) -> tuple[int, int]:
    """The lists and quotes open at the end of `tokens`."""
    lists = quotes = 0
    for token in tokens:
        kind = token.type.rpartition("_")[0]
        if token.nesting and kind in _LISTS:
            lists += token.nesting
        elif token.nesting and kind in _QUOTES:
            quotes += token.nesting
    return lists, quotes


@cache
def markdown() -> MarkdownIt:
    """The one Markdown dialect notedeck reads: CommonMark + tables, strikethrough,
    front matter, definition lists, `$…$` math (kept intact, never mangled as emphasis) and
    footnotes (`text[^1]` and `[^1]: a note on it`), with emphasis that closes before a Korean
    particle (cjkemphasis.py). A footnote's definition stays where it is written, with its
    lines, so the extractor can leave it out of the answer it stands in and attach it to the
    card that cites it."""
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
    blocks = _Blocks()
    blocks.ruler = md.block.ruler
    md.block = blocks
    md.enable(["table", "strikethrough"])
    cjk_friendly_emphasis(md)
    md.use(front_matter_plugin).use(deflist_plugin).use(dollarmath_plugin, double_inline=True)
    md.use(footnote_plugin, inline=False, move_to_end=False)
    _front_matter_only_on_dashes(md)
    linear_link_labels(md)
    html_blocks_as_rendered(md)
    md.core.ruler.before("inline", "heading_attributes", _heading_attributes)
    return md


# An attribute list, markup for an id or a class: `{: .lead}` (kramdown), `{#intro .note}`,
# `{ .block-language-dataview}` (Pandoc, Hugo, MkDocs, Obsidian exports).
ATTRIBUTES = r"\{(?::[^{}\n]*|\s*[.#][\w-][^{}\n]*)\}"
# `## Spanish Alphabet {#spanish-alphabet}`, `### Usage {: .note}`: one closing a heading.
_HEADING_ATTRIBUTES = re.compile(rf"(?<=\S)\s+{ATTRIBUTES}\s*$")


def without_attributes(heading: str) -> str:
    """A heading's text without its trailing attribute list."""
    return _HEADING_ATTRIBUTES.sub("", heading) if "{" in heading else heading


def _heading_attributes(state: StateCore) -> None:
    """Drop a heading's trailing attribute list from its text, so the term and the section
    path are the heading's words."""
    tokens = state.tokens
    for opening, inline in pairwise(tokens):
        if opening.type == "heading_open" and inline.type == "inline":
            inline.content = without_attributes(inline.content)


def _front_matter_only_on_dashes(md: MarkdownIt) -> None:
    """mdit-py-plugins 0.7's front matter rule checks only that the document's first character
    is `-`, then counts the `---` from the second character of the block it is asked about: a
    text opening with a list item such as `- a--b` read that item as the start of front
    matter and lost it. The rule now runs only on a block that itself starts with `-`."""
    rule = next(r for r in md.block.ruler.__rules__ if r.name == "front_matter")
    original = rule.fn

    def front_matter(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if start != 0:  # front matter opens the document (the rule is tried at every block)
            return False
        first = state.bMarks[start] + state.tShift[start]
        return state.src[first : first + 1] == "-" and bool(original(state, start, end, silent))

    md.block.ruler.at("front_matter", front_matter, {"alt": list(rule.alt)})


class Node(SyntaxTreeNode):
    """A syntax tree node whose `type` and `map` are set once, when `syntax_tree` makes it: the
    extractor asks for them millions of times in a large vault, and each ask was a chain of
    property calls. Nothing changes a node's tokens after the tree is built."""

    # Plain class attributes shadow the base class's properties, so the values set on each
    # node are read straight from it (the root keeps `map` None).
    type = ""
    map: tuple[int, int] | None = None
    plain: str | None = None  # its visible text, once `plain_text` has been asked for it


def syntax_tree(tokens: Sequence[Token]) -> Node:
    """The tree markdown-it-py's `SyntaxTreeNode(tokens)` makes, made in one pass over the
    tokens: the base class copies the tokens of each container once per level it is nested
    in, and builds every node through its full constructor (a tenth of a large vault's parse
    time)."""
    root = _node(None, None)
    root.type = "root"
    _add_children(root, tokens)
    return root


def _node(parent: Node | None, token: Token | None) -> Node:
    """A node for `token` (an unnested one, or the opening of a pair) under `parent`, with the
    attributes SyntaxTreeNode.__init__ would set."""
    node = Node.__new__(Node)
    node.token = None
    node.nester_tokens = None
    node._parent = parent
    node._children = []
    if token is not None:
        node.type = token.type.removesuffix("_open") if token.nesting == 1 else token.type
        node.map = (token.map[0], token.map[1]) if token.map else None
    if parent is not None:
        parent._children.append(node)
    return node


def _add_children(parent: Node, tokens: Sequence[Token]) -> None:
    opened: list[tuple[Node, Token]] = []
    for token in tokens:
        if token.nesting == 1:
            parent = _node(parent, token)
            opened.append((parent, token))
        elif token.nesting == -1:
            if not opened:
                raise ValueError("Invalid token nesting")
            node, opening = opened.pop()
            node.nester_tokens = _NesterTokens(opening, token)
            parent = node._parent
        else:
            node = _node(parent, token)
            node.token = token
            if token.children:
                _add_children(node, token.children)
    if opened:
        raise ValueError(f"unclosed tokens starting {opened[0][1]}")


@dataclass(slots=True)
class Section:
    """A heading and what belongs to it: its own body blocks, then its sub-sections."""

    title: str
    level: int
    line: int  # 1-based line of the heading (0 for the document root)
    heading: SyntaxTreeNode | None
    body: list[SyntaxTreeNode] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)


def all_sections(section: Section) -> list[Section]:
    """A section and every section below it, in document order."""
    out = [section]
    for child in section.children:
        out.extend(all_sections(child))
    return out


@dataclass(slots=True)
class ParsedNote:
    lines: list[str]
    root: Section
    # Where nesting reached MAX_NESTING: the 1-based first line not read (0: it never did), the
    # levels read, of what ("lists", "quotes", "lists and quotes"), and how many lines were not
    # read, there and wherever else it did
    nesting_cut: int = 0
    nesting_read: int = 0
    nesting_kind: str = ""
    nesting_skipped: int = 0
    plain_from: int = 0  # 1-based line of the first block whose inline markup became plain text
    undefined_images: tuple[tuple[int, str], ...] = ()  # (line, `![alt][ref]`) with no `[ref]:`
    front_title: str = ""  # the front matter's `title:`, as read.py parsed it
    # 0-based lines inside code blocks: what looks like an image there is code, never an image
    code_lines: frozenset[int] = frozenset()


def parse(text: str, front_title: str = "") -> ParsedNote:
    """Parse a note once. `##Title` (no space) is read as the heading it was meant to be, and a
    heading written as a list item (`- #### 외부 인터럽트`) opens a section like any other.
    `front_title`: the `title:` of the note's front matter (kept with the parse, which the
    note's title depends on)."""
    text = repair_site_links(repair_lazy_tables(repair_headings(text)))
    env: dict[str, Any] = {}
    tokens = markdown().parse(text, env)
    references = env.get("references")
    inlined, undefined = inline_reference_images(
        text, tokens, references if isinstance(references, dict) else {}
    )
    if inlined != text:  # `![alt][ref]`: rare, so such a note is parsed twice
        env = {}
        text, tokens = inlined, markdown().parse(inlined, env)
    flattened = _flatten_deep_inline(tokens)
    tree: SyntaxTreeNode = syntax_tree(tokens)
    root = Section(title="", level=0, line=0, heading=None)
    stack = [root]
    in_items: set[int] = set()
    outer = 0  # level of the last heading written outside a list
    for node in _flatten_item_headings(tree.children, in_items):
        if node.type == "front_matter":
            continue
        if node.type == "heading":
            level = int(node.tag[1])
            if id(node) in in_items:  # `### 01. 빈 스코프` then `- ### 범위`: a sub-section
                level = max(level, outer + 1)
            else:
                outer = level
            while stack[-1].level >= level:
                stack.pop()
            section = Section(plain_text(node), level, start_line(node), node)
            stack[-1].children.append(section)
            stack.append(section)
        else:
            stack[-1].body.append(node)
    lines = text.split("\n")
    plain = flattened.map[0] + 1 if flattened is not None and flattened.map else 0
    code = frozenset(
        i for t in tokens if t.type in _CODE_BLOCKS and t.map for i in range(t.map[0], t.map[1])
    )
    parsed = ParsedNote(
        lines,
        root,
        plain_from=plain,
        undefined_images=tuple(undefined),
        front_title=front_title,
        code_lines=code,
    )
    skipped = env.get(_TOO_DEEP)
    if skipped:
        first, _, lists, quotes = skipped[0]
        parsed.nesting_cut = first + 1
        parsed.nesting_read = lists + quotes - 1  # the innermost one's content is not read
        parsed.nesting_kind = " and ".join(
            kind for kind, count in (("lists", lists), ("quotes", quotes)) if count
        )
        parsed.nesting_skipped = sum(
            1 for start, end, _, _ in skipped for i in range(start, end) if lines[i].strip()
        )
    return parsed


_CODE_BLOCKS = ("fence", "code_block")


def _flatten_deep_inline(tokens: list[Token]) -> Token | None:
    """Inline markup nested past MAX_NESTING (`[[[[…`, `***…`) becomes its plain text, so the
    syntax tree — built recursively — stays shallow; returns the first block so flattened."""
    first: Token | None = None
    for token in tokens:
        children = token.children or []
        if token.type == "inline" and any(c.level >= MAX_NESTING for c in children):
            text = Token("text", "", 0)
            text.content = token.content
            token.children = [text]
            first = first or token
    return first


_TIGHT_HEADING = re.compile(r"^(#{2,6})(?=[^\s#\d])(\S.*)$")
_TIGHT_TITLE = re.compile(r"^(#)(?=[^\s#\d])([^#]*\s[^#]*)$")


def repair_headings(text: str) -> str:
    """`##Title` → `## Title` outside code fences and front matter; `#Title words` only as the
    note's first line (a lone `#word` elsewhere is an Obsidian tag); `<h2>Title</h2>` opening a
    line (`<h3 id="x">`, a title over several lines, tags after it) → `## Title`. Line numbers
    never change."""
    lines = text.split("\n")
    fences = Fences()
    seen_content = False
    body_from = _front_matter_end(lines)
    for index in range(body_from, len(lines)):
        line = lines[index]
        if fences.code(line):
            seen_content = True
            continue
        if not line.strip():
            continue
        tight = _TIGHT_HEADING.match(line) or (
            _TIGHT_TITLE.match(line) if not seen_content else None
        )
        if tight:
            lines[index] = f"{tight.group(1)} {tight.group(2)}"
        _repair_html_heading(lines, index)
        seen_content = True
    return "\n".join(lines)


def _repair_html_heading(lines: list[str], index: int) -> None:
    """`<h2>Title</h2>` → `## Title` (raw HTML headings are headings to whoever reads the
    rendered note); the lines it spanned beyond the first are left blank."""
    found = html_heading(lines, index)
    if found is None:
        return
    heading, last, rest = found
    if not place_after_heading(lines, last, rest):
        return
    lines[index] = heading
    for spanned in range(index + 1, last + 1):
        lines[spanned] = ""


_ITEM = re.compile(r"^(\s*(?:[-*+]|\d{1,9}[.)])[ \t]+)\S")
_ROW = re.compile(r"^\s*\|.*\|\s*$")
_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")


def repair_lazy_tables(text: str) -> str:
    """A table written on the line right after a list item (`- intro` then `| a | b |`) would
    be read as more words of the item; it is indented into the item so it stays a table.
    Code fences are left alone. Line numbers never change."""
    lines = text.split("\n")
    fences = Fences()
    pad = ""  # the indentation of the table being moved into its item
    for index, line in enumerate(lines):
        if fences.code(line):
            pad = ""
            continue
        if pad and (_ROW.match(line) or _DELIMITER.match(line)):
            lines[index] = pad + line.lstrip()
            continue
        pad = ""
        item = _ITEM.match(lines[index - 1]) if index else None
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if item and _ROW.match(line) and _DELIMITER.match(following):
            width = len(item.group(1))
            if len(line) - len(line.lstrip()) < width:
                pad = " " * width
                lines[index] = pad + line.lstrip()
    return "\n".join(lines)


# `![x]({{ site.baseurl }}/assets/x.png)`, `<img src="{{ site.url }}/x.png">`,
# `![x]({{ "/assets/x.png" | relative_url }})`: a Jekyll site's root, written in its template
# language; what it names is the path from that root.
_SITE_ROOT = re.compile(
    r"(?:(?<=\]\()|(?<=src=[\"']))\s*(?:\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\}){1,2}(?=/)"
)
_SITE_FILTER = re.compile(
    r"(?<=\]\()\s*\{\{-?\s*[\"'](/[^\"'{}\n]*)[\"']\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}"
)


def repair_site_links(text: str) -> str:
    """A Jekyll link or image from the site's root (`({{ site.baseurl }}/assets/x.png)`) →
    `(/assets/x.png)`, outside code fences: markdown reads no destination with spaces, so the
    card showed the template text. Line numbers never change."""
    if "{{" not in text:
        return text
    lines = text.split("\n")
    fences = Fences()
    for index, line in enumerate(lines):
        if fences.code(line) or "{{" not in line:
            continue
        lines[index] = _SITE_FILTER.sub(r"\1", _SITE_ROOT.sub("", line))
    return "\n".join(lines)


def _front_matter_end(lines: list[str]) -> int:
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return index + 1
    return 0


def _flatten_item_headings(nodes: list[SyntaxTreeNode], in_items: set[int]) -> list[SyntaxTreeNode]:
    """A list whose items open with headings becomes those headings, each followed by the rest
    of its item; the other items of that list stay as bare list items in the body. The list
    sits in the section above it, so its headings (ids collected in `in_items`) are read as
    that section's sub-sections whatever their `#` count."""
    out: list[SyntaxTreeNode] = []
    for node in nodes:
        items = node.children if node.type in ("bullet_list", "ordered_list") else []
        if not any(item.children and item.children[0].type == "heading" for item in items):
            out.append(node)
            continue
        for item in items:
            if item.children and item.children[0].type == "heading":
                in_items.add(id(item.children[0]))
                out.append(item.children[0])
                out.extend(_flatten_item_headings(item.children[1:], in_items))
            else:
                out.append(item)
    return out


def start_line(node: SyntaxTreeNode) -> int:
    """1-based first line of a block."""
    return node.map[0] + 1 if node.map else 0


def plain_text(node: SyntaxTreeNode) -> str:
    """The visible text of a block or inline node: markup dropped, line breaks as spaces."""
    if not isinstance(node, Node):
        return _plain_text(node)
    if node.plain is None:  # the rules ask for one node's text several times over
        node.plain = _plain_text(node)
    return node.plain


def _plain_text(node: SyntaxTreeNode) -> str:
    parts: list[str] = []
    _collect_text(node, parts)
    return " ".join("".join(parts).split())


_TYPE_PARAMS = re.compile(r"^<[A-Z]\w{0,20}(?:\s*,\s*[A-Z]\w{0,20})*>$")


def _collect_text(node: SyntaxTreeNode, parts: list[str]) -> None:
    if node.type in ("text", "code_inline", "math_inline", "math_inline_double"):
        parts.append(node.content)
    elif node.type in ("softbreak", "hardbreak"):
        parts.append(" ")
    elif node.type == "image":
        return
    elif node.type == "html_inline":
        if _TYPE_PARAMS.match(node.content):
            parts.append(node.content)  # `Partial<T>`: type parameters, not an HTML tag
        return
    for child in node.children:
        _collect_text(child, parts)


def inline_of(node: SyntaxTreeNode) -> SyntaxTreeNode | None:
    """The inline child of a heading or paragraph."""
    for child in node.children:
        if child.type == "inline":
            return child
    return None


def first_paragraph(item: SyntaxTreeNode) -> SyntaxTreeNode | None:
    """A list item's leading paragraph (markdown-it hides it in tight lists, but keeps it)."""
    if item.children and item.children[0].type == "paragraph":
        return item.children[0]
    return None


# No `[` where a scan could run on: each match attempt stops before the next `![`, so a
# line full of image syntax is matched in linear time.
_TITLE = r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?"
_IMAGE_PATTERNS = (
    re.compile(
        r"!\[(?P<alt>[^\[\]]*)\]\(\s*(?:<(?P<angled>[^<>\[\n]+)>|(?P<src>[^)\s<>\[]+))"
        + _TITLE
        + r"\s*\)"
    ),
    re.compile(r"!\[\[(?P<src>[^\[\]|#]+)(?:#[^\[\]|]*)?(?:\|(?P<alt>[^\[\]]*))?\]\]"),
    re.compile(r"<img\b[^<>]*?\bsrc\s*=\s*[\"'](?P<src>[^\"'<]+)[\"'][^<>]*>", re.IGNORECASE),
)
_WIKI = 1  # the index of the Obsidian pattern
# `![[x.png|300]]`, `![[x.png|300x200]]`: Obsidian's image sizes, not alt text.
_SIZE = re.compile(r"^\s*(\d{1,5})(?:\s*x\s*(\d{1,5}))?\s*$")


def obsidian_alt(text: str) -> tuple[str, str, str]:
    """What follows `|` in `![[x.png|…]]` → (alt, width, height): a last part `300` or
    `300x200` is a size, the rest is alt text."""
    alt, bar, last = (text or "").rpartition("|")
    size = _SIZE.match(last)
    if size is None:
        return text or "", "", ""
    return (alt.strip() if bar else ""), size.group(1), size.group(2) or ""


def _found_in_line(line: str) -> list[tuple[int, str, str, bool]]:
    found: list[tuple[int, str, str, bool]] = []
    code = code_spans(line) if "`" in line else []
    for number, pattern in enumerate(_IMAGE_PATTERNS):
        for match in pattern.finditer(line):
            if code and _inside(match.start(), code):
                continue  # `![alt](x.png)` in inline code shows the syntax, not an image
            groups = match.groupdict()
            src = groups.get("angled") or match.group("src")
            alt = groups.get("alt") or ""
            if number == _WIKI:  # in a table, `![[x.png\|200]]` escapes the pipe
                alt, src = obsidian_alt(alt)[0], src.removesuffix("\\")
            found.append((match.start(), src.strip(), alt, number == _WIKI))
    return sorted(found)


_TICKS = re.compile(r"`+")


def code_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each inline code span on a line: a run of backticks up to the next run
    of as many (CommonMark). A run with no closing run is literal text; a run after a
    backslash opens nothing. Each run is looked at once, so a line of many unmatched runs
    costs time in proportion to its length."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(line)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        after = bisect.bisect_right(same, index)
        if _escaped(line, start) or after == len(same):
            index += 1
            continue
        closing = same[after]
        spans.append((start, runs[closing][1]))
        index = closing + 1
    return spans


def _escaped(line: str, position: int) -> bool:
    """Is the character at `position` escaped: after an odd number of backslashes?"""
    before = position
    while before > 0 and line[before - 1] == "\\":
        before -= 1
    return (position - before) % 2 == 1


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    at = bisect.bisect_right(spans, position, key=lambda span: span[0]) - 1
    return at >= 0 and position < spans[at][1]


def images_in_line(line: str) -> list[tuple[str, str]]:
    """(src, alt) of every image written on a line: Markdown, Obsidian `![[x]]` and `<img>`;
    none inside inline code. Lines of code blocks are the caller's to leave out
    (`ParsedNote.code_lines`)."""
    return [(src, alt) for _, src, alt, _wiki in _found_in_line(line)]


def image_refs(line: str, path: str, line_number: int) -> list[ImageRef]:
    """The images of one line of a note, as records the media stage resolves."""
    loc = Loc(path, line_number)
    return [ImageRef(src, alt, loc, wiki) for _, src, alt, wiki in _found_in_line(line)]
