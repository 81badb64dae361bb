"""Reference-style images (`![alt][ref]`, `![alt][]`, `![ref]` with `[ref]: path "title"`
elsewhere in the note) written out as inline images.

A card's definition is a slice of the note's lines, rendered on its own: there the reference
definitions at the end of the note are out of reach and `![alt][ref]` would show as literal
text. So each such image is rewritten in place, on its own line, as the inline image it means
(`![alt](<href> "title")`); line numbers never change and every later stage (image collection,
captions, rendering) sees an ordinary image. An explicit reference that the note never defines
(`![alt][ref]`, `![alt][]`) stays as written and is reported, with its line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from markdown_it.common.normalize_url import normalizeLinkText
from markdown_it.common.utils import normalizeReference
from markdown_it.token import Token

# `![alt][label]`, `![alt][]` or `![label]`, never followed by `(` (an inline image) or `[`.
_REF_IMAGE = re.compile(r"!\[(?P<alt>[^\[\]]*)\](?:\[(?P<label>[^\[\]]*)\])?(?![\[(])")
_CODE_SPAN = re.compile(r"(`+[^`]*`+)")
_VERBATIM = frozenset({"fence", "code_block", "html_block", "math_block", "math_block_label"})


Undefined = tuple[int, str]  # (1-based line, the reference as written)


def inline_reference_images(
    text: str, tokens: list[Token], references: Mapping[str, Any]
) -> tuple[str, list[Undefined]]:
    """`text` with every reference-style image whose reference is defined written inline
    (code blocks, raw HTML blocks and code spans are left as written), and the explicit
    references that are not defined."""
    if "![" not in text or not _REF_IMAGE.search(text):
        return text, []
    verbatim = {i for t in tokens if t.type in _VERBATIM and t.map for i in range(*t.map)}
    lines = text.split("\n")
    undefined: list[Undefined] = []
    for index, line in enumerate(lines):
        if "![" in line and index not in verbatim:
            lines[index] = _inline_line(line, references, index + 1, undefined)
    return "\n".join(lines), undefined


def _inline_line(
    line: str, references: Mapping[str, Any], number: int, undefined: list[Undefined]
) -> str:
    def inline(match: re.Match[str]) -> str:
        written = _inline(match, references)
        if written is None:
            if match.group("label") is not None:  # `![ref]` alone may be prose: not reported
                undefined.append((number, match.group(0)))
            return match.group(0)
        return written

    parts = _CODE_SPAN.split(line)  # odd parts are code spans
    for index in range(0, len(parts), 2):
        parts[index] = _REF_IMAGE.sub(inline, parts[index])
    return "".join(parts)


def _inline(match: re.Match[str], references: Mapping[str, Any]) -> str | None:
    alt, label = match.group("alt"), match.group("label")
    found = references.get(normalizeReference(label or alt))
    if not isinstance(found, dict) or "href" not in found:
        return None
    title = str(found.get("title") or "")
    quoted = f' "{_escape_title(title)}"' if title else ""
    return f"![{alt}](<{_as_written(str(found['href']))}>{quoted})"


def _as_written(href: str) -> str:
    """A local path as the note spelled it (`다이어그램.png`, not `%EB%8B%A4…`), so warnings name
    the file the user knows; markdown-it encodes it again when it reads the inline image. A URL
    stays encoded, as it is requested."""
    if urlsplit(href).scheme:
        return href
    decoded = normalizeLinkText(href)
    return href if any(c in decoded for c in "<>\n") else decoded


def _escape_title(title: str) -> str:
    return title.replace("&", "&amp;").replace('"', "&quot;")
