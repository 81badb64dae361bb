"""Attribution: image captions, Sources/References/출처 sections and links → card sources.

Extraction asks this module what a caption or a sources heading is, so both stages agree on
which lines are credits rather than content.
"""

from __future__ import annotations

import re

from markdown_it.tree import SyntaxTreeNode

from .model import Card, SourceLink
from .parse import plain_text

_SOURCES_HEADING = re.compile(
    r"^\s*(?:\d+[.)]\s*)?(?:sources?|references?|bibliography|further reading|see also"
    r"|links?|external links|credits?|출처|참고|참고\s*자료|참고\s*문헌|참조|레퍼런스|관련\s*링크)"
    r"\s*(?:[(:（].*)?$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^\s*(?:[*_]{1,2}\s*)?(?:출처|source|image|photo|credit|credits|사진|그림|이미지|via)\s*[:：]",
    re.IGNORECASE,
)
# No `[` inside link text or image alt: the scan from one `[` stops at the next, so lines
# full of brackets stay linear.
_MD_LINK = re.compile(r"(?<!!)\[([^\[\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_BARE_URL = re.compile(r"(?<![(<\[\"'])\bhttps?://[^\s)<>\]]+")
_IMAGE_MD = re.compile(r"!\[[^\[\]]*\]\([^)\[]*\)|!\[\[[^\[\]]*\]\]|<img\b", re.IGNORECASE)


def is_sources_heading(title: str) -> bool:
    return bool(_SOURCES_HEADING.match(title))


def has_image(line: str) -> bool:
    return bool(_IMAGE_MD.search(line))


def is_caption(line: str, previous: str) -> bool:
    """A credit line right under an image: `*출처: [x](url)*`, `Source: …`, `Image: …`."""
    return bool(_CAPTION.match(line)) and has_image(previous)


def links_in_text(text: str) -> list[SourceLink]:
    """Markdown links and bare URLs in a piece of Markdown, in order, without images."""
    found: list[SourceLink] = []
    for match in _MD_LINK.finditer(text):
        url = match.group(2)
        if url.startswith(("http://", "https://")):
            found.append(SourceLink(" ".join(match.group(1).split()) or url, url))
    stripped = _MD_LINK.sub("", _IMAGE_MD.sub("", text))
    found.extend(SourceLink(url, url) for url in _BARE_URL.findall(stripped))
    return found


def links_in_nodes(nodes: list[SyntaxTreeNode]) -> list[SourceLink]:
    """Every http(s) link below some blocks (a Sources section's list), titled by its text."""
    found: list[SourceLink] = []
    for node in nodes:
        for sub in node.walk():
            if sub.type == "link":
                href = str(sub.attrs.get("href", ""))
                if href.startswith(("http://", "https://")):
                    found.append(SourceLink(plain_text(sub) or href, href))
    return found


def unique(links: list[SourceLink]) -> tuple[SourceLink, ...]:
    seen: set[str] = set()
    out: list[SourceLink] = []
    for link in links:
        key = link.url or link.title
        if key not in seen:
            seen.add(key)
            out.append(link)
    return tuple(out)


def attribute(card: Card, credits: list[SourceLink]) -> Card:
    """A card's sources: its image credits first, then links from its own text."""
    from dataclasses import replace

    return replace(card, sources=unique([*credits, *links_in_text(card.definition_md)]))
