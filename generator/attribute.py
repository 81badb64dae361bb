"""Attribution: image captions, Sources/References/출처 sections and links → card sources.

Extraction asks this module what a caption or a sources heading is, so both stages agree on
which lines are credits rather than content. A card's own sources are the credits of the
images it contains and the links in its own text; a note's Sources list is kept once per
note (the deck description, and a "More sources" list on each card).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import replace

from markdown_it.tree import SyntaxTreeNode

from .model import Card, SourceLink
from .parse import plain_text

_SOURCES_HEADING = re.compile(
    # `📚 레퍼런스`, `## 3. References`: an emoji or a number may come first
    r"^\s*(?:[^\w\s(\[]{1,3}\s*)?(?:\d+[.)]\s*)?"
    r"(?:sources?|references?|bibliography|further reading|see also|links?|external links"
    r"|credits?|출처|참고|참고\s*자료|참고\s*문헌|참조|레퍼런스|관련\s*링크)"
    r"\s*(?:[(:（].*)?$",
    re.IGNORECASE,
)
_CREDIT_LABELS = "출처|source|sources|credit|credits|via|저작권|copyright"
# These also name things a note defines (`- Image: 컨테이너의 템플릿` is a definition): as a
# caption they need emphasis or a link.
_FIGURE_LABELS = "image|photo|picture|figure|사진|그림|이미지|자료"
# An italic, bold, bulleted or quoted label line: `*출처: …*`, `- Source: …`, `> Image: …`.
_CAPTION = re.compile(
    rf"^\s*+(?:[-+*]\s++|>\s*+)?(?P<em>[*_]{{0,2}})\s*+(?:(?:{_FIGURE_LABELS})\s*+(?=출처|source|credit))?"
    rf"(?P<label>{_CREDIT_LABELS}|{_FIGURE_LABELS})"
    r"\s*+[*_]{0,2}\s*+[:：]",
    re.IGNORECASE,
)
_FIGURE = re.compile(rf"^(?:{_FIGURE_LABELS})$", re.IGNORECASE)
# No `[` inside link text, URL or image alt: the scan from one `[` stops at the next, so lines
# full of brackets stay linear.
_MD_LINK = re.compile(r"(?<!!)\[([^\[\]]*)\]\(\s*<?([^)\s>\[]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
_BARE_URL = re.compile(r"(?<![(<\[\"'])\bhttps?://[^\s)<>\]]+")
_IMAGE_MD = re.compile(r"!\[[^\[\]]*\]\([^)\[]*\)|!\[\[[^\[\]]*\]\]|<img\b[^>]*+>?", re.IGNORECASE)
_WIKILINK = re.compile(r"\[\[[^\[\]]*\]\]")
_TRAILING = ".,;:!?'\"*_"


def is_sources_heading(title: str) -> bool:
    return bool(_SOURCES_HEADING.match(title))


def has_image(line: str) -> bool:
    return bool(_IMAGE_MD.search(line))


def is_caption(line: str, previous: str) -> bool:
    """A credit line right under an image: `*출처: [x](url)*`, `- Source: …`, `Image: …`."""
    match = _CAPTION.match(line)
    if match is None or not has_image(previous):
        return False
    if _FIGURE.match(match.group("label")) and not match.group("em"):
        return bool(links_in_text(line))
    return True


def _is_http(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def links_in_text(text: str) -> list[SourceLink]:
    """Markdown links, `<autolinks>` and bare URLs in some Markdown, in order; images and
    links to local files are not sources."""
    text = _IMAGE_MD.sub("", text)
    found: list[tuple[int, SourceLink]] = []
    for match in _MD_LINK.finditer(text):
        url = match.group(2)
        if _is_http(url):
            title = " ".join(match.group(1).replace("`", "").split()) or url
            found.append((match.start(), SourceLink(title, url)))
    for match in _AUTOLINK.finditer(text):
        found.append((match.start(), SourceLink(match.group(1), match.group(1))))
    stripped = _AUTOLINK.sub(lambda m: " " * len(m.group(0)), text)
    stripped = _MD_LINK.sub(lambda m: " " * len(m.group(0)), stripped)
    for match in _BARE_URL.finditer(stripped):
        url = match.group(0).rstrip(_TRAILING)
        found.append((match.start(), SourceLink(url, url)))
    return [link for _, link in sorted(found, key=lambda pair: pair[0])]


def caption_sources(line: str) -> list[SourceLink]:
    """What a caption credits: its links, or its text when it has none (`출처: 직접 그림`)."""
    links = links_in_text(line)
    if links:
        return links
    text = _CAPTION.sub("", line, count=1).strip().strip("*_").strip()
    label = _CAPTION.match(line)
    if not text or label is None:
        return []
    return [SourceLink(" ".join(text.split()))]


def links_in_nodes(nodes: list[SyntaxTreeNode]) -> list[SourceLink]:
    """The entries of a Sources section: each list item's links (titled by their text), its
    bare URL, or — for a book or a person — its plain text."""
    found: list[SourceLink] = []
    for node in nodes:
        entries = [n for n in node.walk() if n.type == "paragraph"]
        for entry in entries:
            found.extend(_entry_sources(entry))
    return found


def _entry_sources(paragraph: SyntaxTreeNode) -> list[SourceLink]:
    links = [n for n in paragraph.walk() if n.type == "link"]
    http = [n for n in links if _is_http(str(n.attrs.get("href", "")))]
    if http:
        return [
            SourceLink(plain_text(n) or str(n.attrs["href"]), str(n.attrs["href"])) for n in http
        ]
    text = plain_text(paragraph)
    bare = _BARE_URL.search(text)
    if bare is not None:
        url = bare.group(0).rstrip(_TRAILING)
        title = " ".join(text.replace(bare.group(0), " ").split()).strip(" -–—:|·")
        return [SourceLink(title or url, url)]
    if links or not _WIKILINK.sub("", text).strip(" ,;·-–—"):
        return []  # only links to other notes or local files: not sources to cite
    return [SourceLink(text)]


def _key(link: SourceLink) -> str:
    return (link.url.rstrip("/") or link.title).casefold()


def unique(links: Sequence[SourceLink]) -> tuple[SourceLink, ...]:
    seen: set[str] = set()
    out: list[SourceLink] = []
    for link in links:
        key = _key(link)
        if key not in seen:
            seen.add(key)
            out.append(link)
    return tuple(out)


def more_sources(card: Card, note_sources: Sequence[SourceLink]) -> tuple[SourceLink, ...]:
    """The note's sources a card does not already cite itself."""
    own = {_key(s) for s in card.sources}
    return tuple(s for s in unique(note_sources) if _key(s) not in own)


def attribute(card: Card, credits: list[SourceLink]) -> Card:
    """A card's sources: its image credits first, then links from its own text."""
    return replace(card, sources=unique([*credits, *links_in_text(card.definition_md)]))


def link_html(source: SourceLink) -> str:
    title = html.escape(source.title)
    if not _is_http(source.url):
        return title
    return f'<a href="{html.escape(source.url)}">{title}</a>'


def deck_description(notes: Sequence[tuple[str, Sequence[SourceLink]]]) -> str:
    """The deck description (HTML, shown on Anki's deck overview): the notes it was built
    from, each with its Sources list, kept once per note."""
    titles = ", ".join(html.escape(title) for title, _ in notes)
    parts = [f"<p>Built by notedeck from: {titles}</p>"]
    for title, sources in notes:
        links = unique(sources)
        if links:
            items = "".join(f"<li>{link_html(s)}</li>" for s in links)
            parts.append(f"<p>Sources of <b>{html.escape(title)}</b>:</p><ul>{items}</ul>")
    return "\n".join(parts)
