"""Stage 6: a card → the HTML fields of its Anki note.

Markdown is rendered with the same dialect it was parsed with, `$…$` math becomes Anki's
`\\(…\\)` MathJax, and every field is sanitised with an allow-list: decks are shared and Anki
runs card JavaScript, so nothing active from a note may reach a card.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from .model import Card, SourceLink
from .parse import markdown

SECTION_SEPARATOR = " › "

_TAGS = set(nh3.ALLOWED_TAGS) | {
    "span", "div", "img", "table", "thead", "tbody", "tr", "th", "td", "pre", "code",
    "sup", "sub", "mark", "del", "s", "details", "summary", "dl", "dt", "dd", "br", "hr",
}  # fmt: skip
_ATTRS: dict[str, set[str]] = {
    "*": {"class", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "ol": {"start"},
}
_OBSIDIAN_EMBED = re.compile(r"!\[\[([^\[\]|#]+)(?:#[^\[\]|]*)?(?:\|([^\[\]]*))?\]\]")
_WIKILINK = re.compile(r"(?<!!)\[\[([^\[\]|#]+)(?:#[^\[\]|]*)?(?:\|([^\[\]]*))?\]\]")

ImageMap = Callable[[str], str]

MAX_HTML_DEPTH = 256
_TAG_EDGE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_ANY_TAG = re.compile(r"<[^<>]*>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr", "param", "p", "li", "td", "th", "tr", "dt", "dd", "option"}  # fmt: skip


def _math_inline(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "\\(" + html.escape(tokens[idx].content, quote=False) + "\\)"


def _math_block(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "<p>\\[" + html.escape(tokens[idx].content.strip(), quote=False) + "\\]</p>\n"


@cache
def _renderer() -> MarkdownIt:
    md = markdown()
    for rule in ("math_inline", "math_inline_double"):
        md.add_render_rule(rule, _math_inline)
    for rule in ("math_block", "math_block_label"):
        md.add_render_rule(rule, _math_block)
    return md


def obsidian_to_markdown(text: str) -> str:
    """`![[x.png|alt]]` → `![alt](<x.png>)`; `[[Target|shown]]` → `shown`."""
    text = _OBSIDIAN_EMBED.sub(lambda m: f"![{m.group(2) or ''}](<{m.group(1).strip()}>)", text)
    return _WIKILINK.sub(lambda m: (m.group(2) or m.group(1)).strip(), text)


def sanitise(fragment: str, image_src: ImageMap | None = None) -> str:
    """Allow-listed HTML only; `img src` is rewritten to the bundled media name when known."""

    if _too_deep(fragment):
        # html5ever's work grows with the square of the nesting depth; no real note nests
        # hundreds of elements, so such a fragment is shown as its text only.
        return html.escape(_ANY_TAG.sub(" ", fragment), quote=False)

    def attribute_filter(tag: str, attr: str, value: str) -> str | None:
        if tag == "img" and attr == "src" and image_src is not None:
            return image_src(value)
        return value

    return nh3.clean(
        fragment,
        tags=_TAGS,
        attributes=_ATTRS,
        url_schemes={"http", "https", "mailto"},
        attribute_filter=attribute_filter,
        link_rel="noopener noreferrer",
    )


def _too_deep(fragment: str) -> bool:
    if fragment.count("<") <= MAX_HTML_DEPTH:
        return False
    depth = 0
    for match in _TAG_EDGE.finditer(fragment):
        closing, name = match.group(1), match.group(2).lower()
        if closing:
            depth = max(depth - 1, 0)
        elif name not in _VOID:
            depth += 1
            if depth > MAX_HTML_DEPTH:
                return True
    return False


def markdown_html(text: str, image_src: ImageMap | None = None) -> str:
    return sanitise(_renderer().render(obsidian_to_markdown(text)).strip(), image_src)


def inline_html(text: str) -> str:
    """A term or alias: inline Markdown only (`code`, *emphasis*), no paragraphs."""
    return sanitise(_renderer().renderInline(obsidian_to_markdown(text)).strip())


def source_html(title: str, card: Card, more: tuple[SourceLink, ...] = ()) -> str:
    path = SECTION_SEPARATOR.join(html.escape(p) for p in (title, *card.section) if p)
    parts = [f'<span class="nd-path">{path}</span>']
    links = [_link(s) for s in card.sources]
    if links:
        parts.append('<span class="nd-links">' + " · ".join(links) + "</span>")
    if more:
        extra = " · ".join(_link(s) for s in more)
        parts.append(f'<details class="nd-more"><summary>More sources</summary>{extra}</details>')
    return sanitise("".join(parts))


def _link(source: SourceLink) -> str:
    title = html.escape(source.title)
    if not source.url:
        return title
    return f'<a href="{html.escape(source.url)}">{title}</a>'


def basic_fields(
    card: Card, title: str, image_src: ImageMap | None, more: tuple[SourceLink, ...] = ()
) -> dict[str, str]:
    """Field values for the frozen basic note type (see package.BASIC_FIELDS)."""
    return {
        "Term": inline_html(card.term),
        "Definition": markdown_html(card.definition_md, image_src),
        "Aliases": ", ".join(inline_html(a) for a in card.aliases),
        "Section": SECTION_SEPARATOR.join(html.escape(s) for s in card.section),
        "Source": source_html(title, card, more),
        "Reverse": "",
    }
