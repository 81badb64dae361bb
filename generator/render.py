"""Stage 6: a card → the HTML fields of its Anki note.

Markdown is rendered with the same dialect it was parsed with: `$…$` math becomes Anki's
`\\(…\\)` MathJax and `$$…$$` becomes `\\[…\\]`, code is highlighted by Pygments at build
time, and every field is sanitised with an allow-list: decks are shared and Anki runs card
JavaScript, so nothing active from a note may reach a card (unless `--allow-html` says the
notes are trusted).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache, partial
from importlib import resources
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlparse

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from .attribute import more_sources
from .highlight import highlight_code, highlight_css
from .model import Card, SourceLink
from .parse import markdown, obsidian_alt

SECTION_SEPARATOR = " › "

_TAGS = set(nh3.ALLOWED_TAGS) | {
    "span", "div", "img", "table", "thead", "tbody", "tr", "th", "td", "pre", "code",
    "sup", "sub", "mark", "del", "s", "details", "summary", "dl", "dt", "dd", "br", "hr",
}  # fmt: skip
# Never allowed, whatever nh3's defaults become: active content, frames, external styles.
_FORBIDDEN = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "link",
              "meta", "base", "form", "input", "button", "textarea", "select", "svg", "math",
              "template", "noscript", "applet", "audio", "video", "source", "track"}  # fmt: skip
_TAGS -= _FORBIDDEN
# Their text goes too (a script's source is not content).
_DROP_WITH_CONTENT = {"script", "style", "template", "noscript", "svg", "iframe", "object"}
_ATTRS: dict[str, set[str]] = {
    "*": {"class", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "style"},
    "ol": {"start"},
}
# The only inline style kept: table column alignment as Markdown writes it.
_ALIGN_STYLE = re.compile(r"^\s*text-align\s*:\s*(left|right|center)\s*;?\s*$", re.IGNORECASE)
_URL_SCHEMES = {"http", "https", "mailto"}
_IMG_SRC = re.compile(r"(<img\b[^>]*?\bsrc\s*=\s*)([\"'])(.*?)\2", re.IGNORECASE | re.DOTALL)
# nh3 writes attributes double-quoted, so an image it left without `src` is easy to spot.
_SRCLESS_IMG = re.compile(r"<img\b(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
_OBSIDIAN_EMBED = re.compile(r"!\[\[([^\[\]|#]+)(?:#[^\[\]|]*)?(?:\|([^\[\]]*))?\]\]")
_WIKILINK = re.compile(r"(?<!!)\[\[([^\[\]|#]+)(?:#[^\[\]|]*)?(?:\|([^\[\]]*))?\]\]")

ImageMap = Callable[[str], str]
_NOTE_SUFFIXES = ("", ".md", ".markdown")

MAX_HTML_DEPTH = 256
_TAG_EDGE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_ANY_TAG = re.compile(r"<[^<>]*>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr", "param", "p", "li", "td", "th", "tr", "dt", "dd", "option"}  # fmt: skip


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
    return md


@cache
def card_css() -> str:
    """The note types' CSS: the card design plus the code colours for light and night."""
    base = resources.files("generator").joinpath("templates/card.css").read_text("utf-8")
    return base + "\n" + highlight_css()


def obsidian_to_markdown(text: str, image_src: ImageMap | None = None) -> str:
    """`![[x.png|alt]]` → `![alt](<x.png>)`, `![[x.png|300x200]]` → an image of that size;
    `[[Target|shown]]` and an embedded note `![[Target]]` (no image bundled) → `shown`/`Target`."""

    def embed(match: re.Match[str]) -> str:
        target = match.group(1).strip()
        alt, width, height = obsidian_alt(match.group(2) or "")
        if PurePosixPath(target).suffix.lower() in _NOTE_SUFFIXES and not (
            image_src is not None and image_src(target) not in ("", target)
        ):
            return alt or target  # a note, not a picture: its name, as a wikilink shows
        size = f' "nd-size:{width}{"x" + height if height else ""}"' if width else ""
        return f"![{alt}](<{target}>{size})"

    text = _OBSIDIAN_EMBED.sub(embed, text)
    return _WIKILINK.sub(lambda m: (m.group(2) or m.group(1)).strip(), text)


def _is_remote(src: str) -> bool:
    return urlparse(src.strip()).scheme.lower() in ("http", "https")


def _bundled_or_remote(src: str, image_src: ImageMap | None) -> str | None:
    """An image's `src` on a card: the bundled media name, else the remote URL the note gave.
    A local file that was not bundled (missing, outside the notes root) is dropped, so a card
    never points at a file its deck does not carry."""
    mapped = image_src(src) if image_src is not None else src
    if mapped != src:
        return mapped
    return src if _is_remote(src) else None


def sanitise(fragment: str, image_src: ImageMap | None = None) -> str:
    """Allow-listed HTML only; `img src` is rewritten to the bundled media name when known."""

    if _too_deep(fragment):
        # html5ever's work grows with the square of the nesting depth; no real note nests
        # hundreds of elements, so such a fragment is shown as its text only.
        return html.escape(_ANY_TAG.sub(" ", fragment), quote=False)
    _IMAGE_MAP[0] = image_src
    try:
        cleaned = _cleaner()(fragment)
    finally:
        _IMAGE_MAP[0] = None
    # An image whose file is not in the deck shows its alt text instead of a broken box.
    from .media import missing_image  # media imports the HTTP client: only when needed here

    return _SRCLESS_IMG.sub(lambda m: missing_image(m.group(0)), cleaned)


# The image map of the fragment being cleaned: one cleaner, built once, serves every fragment
# (building one per fragment cost a quarter of the time spent sanitising).
_IMAGE_MAP: list[ImageMap | None] = [None]


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if tag == "img" and attr == "src":
        return _bundled_or_remote(value, _IMAGE_MAP[0])
    if attr == "style":
        return value if _ALIGN_STYLE.match(value) else None
    return value


@cache
def _cleaner() -> Callable[[str], str]:
    settings: dict[str, Any] = {
        "tags": _TAGS,
        "clean_content_tags": _DROP_WITH_CONTENT,
        "attributes": _ATTRS,
        "url_schemes": _URL_SCHEMES,
        "attribute_filter": _attribute_filter,
        "link_rel": "noopener noreferrer",
    }
    if hasattr(nh3, "Cleaner"):  # nh3 0.3
        cleaner: Callable[[str], str] = nh3.Cleaner(**settings).clean
        return cleaner
    return partial(nh3.clean, **settings)


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


def _trusted(fragment: str, image_src: ImageMap | None) -> str:
    """`--allow-html`: the note's HTML as written; only image paths become media names."""

    def swap(match: re.Match[str]) -> str:
        src = html.unescape(match.group(3))
        new = _bundled_or_remote(src, image_src)
        shown = src if new is None else new  # "": not bundled, replaced by finish_html
        return match.group(1) + match.group(2) + html.escape(shown) + match.group(2)

    return _IMG_SRC.sub(swap, fragment)


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
    rendered = _renderer().render(obsidian_to_markdown(text, image_src)).strip()
    return _trusted(rendered, image_src) if allow_html else sanitise(rendered, image_src)


def inline_html(text: str, allow_html: bool = False) -> str:
    """A term or alias: inline Markdown only (`code`, *emphasis*), no paragraphs."""
    if plain_text(text):
        return text
    return full_inline_html(text, allow_html)


def full_inline_html(text: str, allow_html: bool = False) -> str:
    """`inline_html` without its shortcut for plain text."""
    rendered = _renderer().renderInline(obsidian_to_markdown(text)).strip()
    return _trusted(rendered, None) if allow_html else sanitise(rendered)


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
