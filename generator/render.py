"""Stage 6: a card → the HTML fields of its Anki note.

Markdown is rendered with the same dialect it was parsed with: `$…$` math becomes Anki's
`\\(…\\)` MathJax and `$$…$$` becomes `\\[…\\]`, code is highlighted by Pygments at build
time, and every field passes the allow-list in sanitise.py.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from pathlib import PurePosixPath
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from .admonitions import as_quotes
from .attribute import more_sources
from .highlight import highlight_code, highlight_css
from .model import Card, SourceLink
from .parse import markdown, obsidian_alt
from .sanitise import ImageMap, sanitise, trusted

SECTION_SEPARATOR = " › "

_OBSIDIAN_EMBED = re.compile(r"!\[\[([^\[\]|#]+)(?:#[^\[\]|]*)?(?:\|([^\[\]]*))?\]\]")
_WIKILINK = re.compile(r"(?<!!)\[\[([^\[\]|#]*)(?:#([^\[\]|]*))?(?:\|([^\[\]]*))?\]\]")
# `> [!tip] Remember`, `> [!faq]- Why?`: an Obsidian callout's first line, shown as its title.
_CALLOUT = re.compile(r"^((?:[ \t]*>)+[ \t]*)\[!([A-Za-z][\w-]*)\][+-]?[ \t]*(.*)$", re.MULTILINE)

_NOTE_SUFFIXES = ("", ".md", ".markdown")


def _math_inline(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    tex = html.escape(tokens[idx].content, quote=False)
    return f'<span class="nd-math">\\({tex}\\)</span>'


def _math_display(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    tex = html.escape(tokens[idx].content.strip(), quote=False)
    return f'<span class="nd-math nd-math-display">\\[{tex}\\]</span>'


def _math_block(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    tex = html.escape(tokens[idx].content.strip(), quote=False)
    return f'<div class="nd-math nd-math-display">\\[{tex}\\]</div>\n'


def _fence(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    token = tokens[idx]
    return highlight_code(token.content, token.info if token.type == "fence" else "")


def _footnote_number(label: str, env: EnvType) -> str:
    """A footnote's number: the order in which the text cites it (`[^clt]` is shown as 1)."""
    refs = env.get("footnotes", {}).get("refs", {})
    number = refs.get(":" + label, -1) if isinstance(refs, dict) else -1
    return str(number + 1) if isinstance(number, int) and number >= 0 else html.escape(label)


def _footnote_ref(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """`grid[^1]`: a raised number. No link: a card is too short to jump around in, and Anki's
    reviewer would follow `#fn1` out of the card."""
    meta = tokens[idx].meta
    return f'<sup class="nd-fnref">{int(meta["id"]) + 1}</sup>'


def _footnote_open(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """`[^1]: …` where the card's answer ends: the note, under the same raised number."""
    number = _footnote_number(str(tokens[idx].meta.get("label", "")), env)
    return f'<div class="nd-footnote"><sup>{number}</sup><div>'


def _footnote_close(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "</div></div>\n"


# `![[x.png|300x200]]` reaches the renderer as `![](<x.png> "nd-size:300x200")`.
_SIZE_TITLE = re.compile(r"^nd-size:(\d+)(?:x(\d+))?$")


def _image(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    token = tokens[idx]
    size = _SIZE_TITLE.match(str(token.attrGet("title") or ""))
    if size is not None:
        token.attrs.pop("title", None)
        token.attrSet("width", size.group(1))
        if size.group(2):
            token.attrSet("height", size.group(2))
    return str(self.image(tokens, idx, options, env))


@cache
def _renderer() -> MarkdownIt:
    md = markdown()
    md.add_render_rule("image", _image)
    md.add_render_rule("math_inline", _math_inline)
    md.add_render_rule("math_inline_double", _math_display)
    for rule in ("math_block", "math_block_label"):
        md.add_render_rule(rule, _math_block)
    for rule in ("fence", "code_block"):
        md.add_render_rule(rule, _fence)
    md.add_render_rule("footnote_ref", _footnote_ref)
    md.add_render_rule("footnote_reference_open", _footnote_open)
    md.add_render_rule("footnote_reference_close", _footnote_close)
    return md


@cache
def card_css() -> str:
    """The note types' CSS: the card design plus the code colours for light and night."""
    base = resources.files("generator").joinpath("templates/card.css").read_text("utf-8")
    return base + "\n" + highlight_css()


def obsidian_to_markdown(text: str, image_src: ImageMap | None = None) -> str:
    """`![[x.png|alt]]` → `![alt](<x.png>)`, `![[x.png|300x200]]` → an image of that size;
    `[[Target|shown]]` and an embedded note `![[Target]]` (no image bundled) → `shown`/`Target`;
    a callout's `> [!tip] Title` → its title in bold."""

    def embed(match: re.Match[str]) -> str:
        target = match.group(1).strip().removesuffix("\\")  # `\|` in a table's cell
        alt, width, height = obsidian_alt(match.group(2) or "")
        if PurePosixPath(target).suffix.lower() in _NOTE_SUFFIXES and not (
            image_src is not None and image_src(target) not in ("", target)
        ):
            return alt or target  # a note, not a picture: its name, as a wikilink shows
        size = f' "nd-size:{width}{"x" + height if height else ""}"' if width else ""
        return f"![{alt}](<{target}>{size})"

    def link(match: re.Match[str]) -> str:
        target, heading, shown = match.groups()
        return (shown or target or heading or "").strip()  # `[[#Nested tags]]`: the heading

    def callout(match: re.Match[str]) -> str:
        quote, kind, title = match.groups()
        title = title.strip() or kind.replace("-", " ").capitalize()
        return f"{quote}**{title}**\n{quote.rstrip()}"  # the title a paragraph of its own

    text = _CALLOUT.sub(callout, _OBSIDIAN_EMBED.sub(embed, text))
    return _WIKILINK.sub(link, text)


# One line of text in which Markdown finds nothing to do and the sanitiser nothing to remove:
# no markup or escape character, no character the HTML serialiser writes as an entity, and
# nothing at the start that begins a block (list, heading, quote, indented code). Most
# definitions are such text, and rendering it is the text itself; the property test in
# tests/test_render_plain.py holds this shortcut to the full path.
_PLAIN = re.compile(
    r"(?=.)(?![\s\d#>+\-:=|*])[^\x00-\x1f\x7f-\xa0\u2028\u2029\ud800-\udfff"
    r"\\`*_\[\]<>&!~$=|{}]*(?<!\s)"
)


def plain_text(text: str) -> bool:
    """True when `text` renders, inline and as a paragraph, as itself."""
    return _PLAIN.fullmatch(text) is not None


def plain_list(text: str) -> list[str] | None:
    """The items of a one-level bullet list of plain text (one marker throughout), else None."""
    lines = text.split("\n")
    marker = lines[0][:2]
    if marker not in ("- ", "* ", "+ "):
        return None
    items = [line[2:] for line in lines if line[:2] == marker]
    return items if len(items) == len(lines) and all(map(plain_text, items)) else None


def markdown_html(text: str, image_src: ImageMap | None = None, allow_html: bool = False) -> str:
    if plain_text(text):
        return f"<p>{text}</p>"
    items = plain_list(text)
    if items is not None:
        return "<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>"
    return full_markdown_html(text, image_src, allow_html)


def full_markdown_html(
    text: str, image_src: ImageMap | None = None, allow_html: bool = False
) -> str:
    """`markdown_html` without its shortcut for plain text."""
    rendered = _renderer().render(as_quotes(obsidian_to_markdown(text, image_src))).strip()
    return trusted(rendered, image_src) if allow_html else sanitise(rendered, image_src)


def inline_html(text: str, allow_html: bool = False) -> str:
    """A term or alias: inline Markdown only (`code`, *emphasis*), no paragraphs."""
    if plain_text(text):
        return text
    return full_inline_html(text, allow_html)


def full_inline_html(text: str, allow_html: bool = False) -> str:
    """`inline_html` without its shortcut for plain text."""
    rendered = _renderer().renderInline(obsidian_to_markdown(text)).strip()
    return trusted(rendered, None) if allow_html else sanitise(rendered)


def source_html(title: str, card: Card, more: tuple[SourceLink, ...] = ()) -> str:
    """The Source field: note title › section path, then the card's own sources (its image
    credits and the links in its text), then the note's other sources, folded away."""
    return _source_html(title, card.section, card.sources, more_sources(card, more))


# The cards of one section share their Source field: made (and sanitised) once, and one
# string in memory for all of them.
@lru_cache(maxsize=256)
def _source_html(
    title: str,
    section: tuple[str, ...],
    own: tuple[SourceLink, ...],
    more: tuple[SourceLink, ...],
) -> str:
    path = SECTION_SEPARATOR.join(html.escape(p) for p in (title, *section) if p)
    parts = [f'<span class="nd-path">{path}</span>']
    links = [_link(s) for s in own]
    if links:
        parts.append('<span class="nd-links">' + " · ".join(links) + "</span>")
    extra = [f"<li>{_link(s)}</li>" for s in more]
    if extra:
        parts.append(
            '<details class="nd-more"><summary>More sources</summary>'
            f"<ul>{''.join(extra)}</ul></details>"
        )
    return sanitise("".join(parts))


def _link(source: SourceLink) -> str:
    title = html.escape(source.title)
    if not source.url:
        return title
    return f'<a href="{html.escape(source.url)}">{title}</a>'


def basic_fields(
    card: Card,
    title: str,
    image_src: ImageMap | None,
    more: tuple[SourceLink, ...] = (),
    allow_html: bool = False,
) -> dict[str, str]:
    """Field values for the frozen basic note type (see package.BASIC_FIELDS)."""
    return {
        "Term": inline_html(card.term, allow_html),
        "Definition": markdown_html(card.definition_md, image_src, allow_html),
        "Aliases": ", ".join(inline_html(a, allow_html) for a in card.aliases),
        **_context_fields(card, title, more),
        "Reverse": "",
    }


def cloze_fields(
    card: Card,
    title: str,
    image_src: ImageMap | None,
    more: tuple[SourceLink, ...] = (),
    allow_html: bool = False,
) -> dict[str, str]:
    """Field values for the frozen cloze note type (see package.CLOZE_FIELDS); the
    `{{cN::…}}` deletions pass through Markdown and sanitising untouched."""
    return {
        "Text": markdown_html(card.definition_md, image_src, allow_html),
        "Extra": "",
        **_context_fields(card, title, more),
    }


def _context_fields(card: Card, title: str, more: tuple[SourceLink, ...]) -> dict[str, str]:
    """Where a card comes from, the same on both note types."""
    return {
        "Section": SECTION_SEPARATOR.join(html.escape(s) for s in card.section),
        "Source": source_html(title, card, more),
    }
