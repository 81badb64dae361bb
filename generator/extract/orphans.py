"""Images no card took: a figure written in the body of a grouping heading (one whose
sub-headings are the cards) would otherwise vanish from the deck. It goes to a card of that
section: the last one written above it, or else the first one below it (its first sub-card).
An image no card can take is reported, so `--explain` shows where it went."""

from __future__ import annotations

from dataclasses import replace

from ..attribute import caption_sources, is_caption, unique
from ..model import Card, SourceLink
from ..parse import Section, image_refs, images_in_line
from .candidate import Context, strip_prefix
from .headnames import path_name

Path = tuple[str, ...]


def adopt_images(cards: tuple[Card, ...], start: Section, ctx: Context) -> tuple[Card, ...]:
    """Every card, with the stray images of card-less headings added to the nearest card."""
    used = {image.loc.line for card in cards for image in card.images}
    out = list(cards)
    for index in _image_lines(start, ctx):  # under the title: the whole note's picture
        if index + 1 not in used:
            _report(index, ctx, "an image under the title, shown on no card")
    for path, section in _paths(start, ()):
        for index in _image_lines(section, ctx):
            if index + 1 in used:
                continue
            target = _target(out, path, index + 1) if section.children else None
            if target is None:
                _report(index, ctx, "an image in a section that made no card")
                continue
            out[target] = _with_image(out[target], index, ctx)
            used.add(index + 1)
    return tuple(out)


def _report(index: int, ctx: Context, reason: str) -> None:
    ctx.reject(index + 1, images_in_line(ctx.parsed.lines[index])[0][0], reason)


def _paths(section: Section, path: Path) -> list[tuple[Path, Section]]:
    found: list[tuple[Path, Section]] = []
    for child in section.children:
        child_path = (*path, path_name(child.title))
        found.append((child_path, child))
        found.extend(_paths(child, child_path))
    return found


def _image_lines(section: Section, ctx: Context) -> list[int]:
    """0-based lines of the section's own body that show an image (not inside code)."""
    lines = ctx.parsed.lines
    return [
        i
        for block in section.body
        if block.map
        for i in range(*block.map)
        if i not in ctx.figures and images_in_line(lines[i])
    ]


def _target(cards: list[Card], path: Path, line: int) -> int | None:
    """Only a heading with no card of its own gives its images away, and only to its own
    sub-cards: the last one above the image, else the first one below it."""
    if any(card.section == path and card.strategy in _HEADINGS for card in cards):
        return None
    inside = [i for i, card in enumerate(cards) if card.section[: len(path)] == path]
    above = [i for i in inside if cards[i].loc.line < line]
    below = [i for i in inside if cards[i].loc.line > line]
    if above:
        return above[-1]
    return below[0] if below else None


_HEADINGS = frozenset({"heading", "question"})


def _with_image(card: Card, index: int, ctx: Context) -> Card:
    lines = ctx.parsed.lines
    line = lines[index]
    refs = tuple(image_refs(line, ctx.info.path, index + 1))
    credits: list[SourceLink] = []
    after = index + 1
    if after < len(lines) and is_caption(lines[after], line):
        credits = caption_sources(lines[after])
    definition = f"{card.definition_md.rstrip()}\n\n{strip_prefix(line).strip()}"
    return replace(
        card,
        definition_md=definition,
        images=(*card.images, *refs),
        sources=unique([*card.sources, *credits]),
    )


__all__ = ["adopt_images"]
