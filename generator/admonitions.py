"""Admonitions of documentation sites, shown as a quote under a bold title on the card.

MkDocs writes `!!! note "Title"` (or `??? tip`, folded) with its body indented four spaces
under it, and Docusaurus `:::warning Title` … `:::`. Plain Markdown reads the first as a line of
text over a code block and the second as three paragraphs, so a card showed `!!! note` and its
body as code. Only the card's rendering changes; a fenced code block that shows the syntax is
left as it is.
"""

from __future__ import annotations

import bisect
import re

from .htmlblocks import Fences

_MKDOCS = re.compile(r"^(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+\"([^\"\n]*)\")?[ \t]*$")
_DOCUSAURUS = re.compile(r"^:::[ \t]*([\w-]+)(?:\[([^\]\n]*)\]|[ \t]+(\S[^\n]*?))?[ \t]*$")
_CLOSE = re.compile(r"^:::[ \t]*$")
_INDENT = re.compile(r"^(?: {4}|\t)")


def as_quotes(text: str) -> str:
    """`text` with every admonition turned into `> **Title**` and its body quoted."""
    if "!!!" not in text and "???" not in text and ":::" not in text:
        return text
    out: list[str] = []
    lines = text.split("\n")
    closes = [i for i, line in enumerate(lines) if _CLOSE.match(line)]  # found once: linear
    fences = Fences()
    index = 0
    while index < len(lines):
        line = lines[index]
        fenced = fences.code(line)
        mkdocs = None if fenced else _MKDOCS.match(line)
        docusaurus = None if fenced or mkdocs else _DOCUSAURUS.match(line)
        if mkdocs:
            body, index = _indented(lines, index + 1)
            out.extend(_quote(mkdocs.group(2), mkdocs.group(1), body))
            continue
        if docusaurus:
            at = bisect.bisect_right(closes, index)
            end = closes[at] if at < len(closes) else None
            if end is not None:
                title = docusaurus.group(2) or docusaurus.group(3)
                out.extend(_quote(title, docusaurus.group(1), lines[index + 1 : end]))
                index = end + 1
                continue
        out.append(line)
        index += 1
    return "\n".join(out)


def _indented(lines: list[str], start: int) -> tuple[list[str], int]:
    """The body under a MkDocs admonition: its indented lines (blank ones between them), each
    one level less indented; and where the text after it starts."""
    body: list[str] = []
    index = start
    while index < len(lines):
        line = lines[index]
        if _INDENT.match(line):
            body.append(_INDENT.sub("", line, count=1))
        elif not line.strip() and index + 1 < len(lines) and _INDENT.match(lines[index + 1]):
            body.append("")
        else:
            break
        index += 1
    return body, index


def _quote(title: str | None, kind: str, body: list[str]) -> list[str]:
    shown = (title or "").strip() or kind.replace("-", " ").capitalize()
    quoted = [f"> {line}" if line.strip() else ">" for line in body]
    return [f"> **{shown}**", ">", *quoted, ""] if quoted else [f"> **{shown}**", ""]
