"""The allow-list every card field passes: decks are shared and Anki runs card JavaScript, so
nothing active from a note may reach a card (unless `--allow-html` says the notes are trusted,
when only image paths are rewritten)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import cache, partial
from typing import Any
from urllib.parse import urlparse

import nh3

from .interrupt import deferred

ImageMap = Callable[[str], str]

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
MAX_HTML_DEPTH = 256
_TAG_EDGE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_ANY_TAG = re.compile(r"<[^<>]*>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr", "param", "p", "li", "td", "th", "tr", "dt", "dd", "option"}  # fmt: skip


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
        # nh3 ignores an exception from the attribute filter and drops the attribute: a Ctrl-C
        # raised there was lost, and the card was built and cached without it.
        with deferred:
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


def trusted(fragment: str, image_src: ImageMap | None) -> str:
    """`--allow-html`: the note's HTML as written; only image paths become media names."""

    def swap(match: re.Match[str]) -> str:
        src = html.unescape(match.group(3))
        new = _bundled_or_remote(src, image_src)
        shown = src if new is None else new  # "": not bundled, replaced by finish_html
        return match.group(1) + match.group(2) + html.escape(shown) + match.group(2)

    return _IMG_SRC.sub(swap, fragment)
