"""Anki's card templates applied outside Anki: the subset notedeck's note types use.

`{{Field}}`, `{{#Field}}…{{/Field}}`, `{{^Field}}…{{/Field}}`, `{{FrontSide}}`, `{{cloze:Field}}`
and `{{text:Field}}`, with Anki's rules for what an empty field is and which cards a note
makes (a card exists when its front is not empty; a cloze note makes one card per number).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .extract.cloze import closed_part

_SECTION = re.compile(r"\{\{([#^])\s*([^}]+?)\s*\}\}(.*?)\{\{/\s*\2\s*\}\}", re.DOTALL)
_FIELD = re.compile(r"\{\{\s*([^#^/}][^}]*?)\s*\}\}")
# Anki's own test: only white space, <br> and <div> tags.
_EMPTY = re.compile(r"^(?:\s|</?(?:br|div)\s*/?>)*$", re.IGNORECASE)
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class Face:
    """One card of a note: its template's name and the question and answer HTML."""

    template: str
    question: str
    answer: str


def field_is_empty(value: str) -> bool:
    return bool(_EMPTY.match(value))


def _visible(fragment: str) -> bool:
    """Whether a rendered side shows anything (text or an image)."""
    return "<img" in fragment.lower() or bool(html.unescape(_TAG.sub("", fragment)).strip())


def cloze_numbers(text: str) -> list[int]:
    return sorted({int(m.group(1)) for m in _CLOZE.finditer(text, 0, closed_part(text))})


def _cloze(text: str, number: int, answer: bool) -> str:
    def one(match: re.Match[str]) -> str:
        if int(match.group(1)) != number:
            return match.group(2)
        if answer:
            return f'<span class="cloze">{match.group(2)}</span>'
        return f'<span class="cloze">[{match.group(3) or "..."}]</span>'

    cut = closed_part(text)  # nothing after the last `}}` can be a deletion
    return _CLOZE.sub(one, text[:cut]) + text[cut:]


def render(
    template: str, fields: dict[str, str], front: str = "", cloze: int = 0, answer: bool = False
) -> str:
    """One side of a card: sections first (innermost repeatedly), then the field references."""

    def section(match: re.Match[str]) -> str:
        shown = not field_is_empty(fields.get(match.group(2), ""))
        return match.group(3) if shown == (match.group(1) == "#") else ""

    previous = None
    while previous != template:
        previous, template = template, _SECTION.sub(section, template)

    def field(match: re.Match[str]) -> str:
        *filters, name = [part.strip() for part in match.group(1).split(":")]
        if name == "FrontSide":
            return front
        value = fields.get(name, "")
        if "cloze" in filters:
            return _cloze(value, cloze, answer)
        if "text" in filters:
            return html.unescape(_TAG.sub("", value))
        return value

    return _FIELD.sub(field, template)


def faces(templates: list[dict[str, str]], fields: dict[str, str], is_cloze: bool) -> list[Face]:
    """The cards Anki makes from one note, in template order."""
    out: list[Face] = []
    if is_cloze:
        template = templates[0]
        for number in cloze_numbers(" ".join(fields.values())):
            question = render(template["qfmt"], fields, cloze=number)
            answer = render(template["afmt"], fields, question, number, answer=True)
            out.append(Face(f"{template['name']} {number}", question, answer))
        return out
    for template in templates:
        question = render(template["qfmt"], fields)
        if _visible(question):
            out.append(Face(template["name"], question, render(template["afmt"], fields, question)))
    return out
