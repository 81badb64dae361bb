"""Reference-style images (`![alt][ref]`, `![alt][]`, `![ref]` with `[ref]: path "title"`
elsewhere in the note) written out as inline images.

A card's definition is a slice of the note's lines, rendered on its own: there the reference
definitions at the end of the note are out of reach and `![alt][ref]` would show as literal
text. So each such image is rewritten in place, on its own line, as the inline image it means
(`![alt](<href> "title")`); line numbers never change and every later stage (image collection,
captions, rendering) sees an ordinary image.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from markdown_it.common.utils import normalizeReference
from markdown_it.token import Token

# `![alt][label]`, `![alt][]` or `![label]`, never followed by `(` (an inline image) or `[`.
_REF_IMAGE = re.compile(r"!\[(?P<alt>[^\[\]]*)\](?:\[(?P<label>[^\[\]]*)\])?(?![\[(])")
_CODE_SPAN = re.compile(r"(`+[^`]*`+)")
_VERBATIM = frozenset({"fence", "code_block", "html_block", "math_block", "math_block_label"})


def inline_reference_images(text: str, tokens: list[Token], references: Mapping[str, Any]) -> str:
    """`text` with every reference-style image whose reference is defined written inline;
    code blocks, raw HTML blocks and code spans are left as written."""
    if not references or "![" not in text:
        return text
    verbatim = {i for t in tokens if t.type in _VERBATIM and t.map for i in range(*t.map)}
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if "![" in line and index not in verbatim:
            lines[index] = _inline_line(line, references)
    return "\n".join(lines)


def _inline_line(line: str, references: Mapping[str, Any]) -> str:
    parts = _CODE_SPAN.split(line)  # odd parts are code spans
    for index in range(0, len(parts), 2):
        parts[index] = _REF_IMAGE.sub(lambda m: _inline(m, references), parts[index])
    return "".join(parts)


def _inline(match: re.Match[str], references: Mapping[str, Any]) -> str:
    alt, label = match.group("alt"), match.group("label")
    found = references.get(normalizeReference(label or alt))
    if not isinstance(found, dict) or "href" not in found:
        return match.group(0)  # no such reference: the text stays as written
    title = str(found.get("title") or "")
    quoted = f' "{_escape_title(title)}"' if title else ""
    return f"![{alt}](<{found['href']}>{quoted})"


def _escape_title(title: str) -> str:
    return title.replace("&", "&amp;").replace('"', "&quot;")
