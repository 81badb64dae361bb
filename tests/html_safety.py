"""What counts as active content in card HTML, judged by parsing it as a browser would."""

from __future__ import annotations

import re
from html.parser import HTMLParser

ACTIVE_TAGS = {"script", "svg", "math", "iframe", "frame", "object", "embed", "style", "link",
               "meta", "base", "form", "input", "button", "textarea", "applet", "audio",
               "video", "template"}  # fmt: skip
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "srcset", "background", "poster"}
SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")  # as a browser's URL parser reads it


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ACTIVE_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"{tag} {name}=")
            if name in URL_ATTRS and value is not None:
                scheme = _SCHEME.match("".join(value.split()).lower())
                if scheme and scheme.group(1) not in SAFE_SCHEMES:
                    self.found.append(f"{tag} {name}={value[:40]}")


def active_content(html: str) -> list[str]:
    """Every active element, event handler or non-http(s) URL in `html` (empty when safe)."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


_CARD_STYLE = re.compile(r"\A\s*<style>[^<]*</style>")


def card_active_content(html: str) -> list[str]:
    """Like `active_content`, for a card Anki rendered: the note type's own CSS, which
    Anki puts first, is not the note's content."""
    return active_content(_CARD_STYLE.sub("", html))
