"""A note's cards → their HTML fields, wherever that runs: in a worker process right after the
note is extracted (so rendering uses both cores too), or in the build's own process.

A worker resolves the note's local images by itself; the fields it renders are used only when
the build, which sees every note's images, resolves them to the same bundled names (see
build.py). They are cached under a key of the note's own key and those names.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .decks import wants_reverse
from .media import MediaSet, NoteImages, finish_html, is_remote
from .model import ExtractedNote
from .options import BuildOptions
from .render import basic_fields, cloze_fields

Fields = tuple[dict[str, str], ...]


@dataclass(frozen=True, slots=True)
class Rendered:
    """A note's fields and the image names they were rendered with (src → bundled name)."""

    fields: Fields
    resolved: dict[str, str]


def resolved_images(note: ExtractedNote, image_src: Callable[[str], str]) -> dict[str, str]:
    return {i.src: image_src(i.src) for card in note.cards for i in card.images}


def fields_key(note_key: str, resolved: dict[str, str]) -> str:
    """What a note's fields are cached under: the note's key and its images' bundled names."""
    text = note_key + json.dumps(resolved, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def note_fields(
    note: ExtractedNote, options: BuildOptions, image_src: Callable[[str], str]
) -> Fields:
    """Every card's HTML fields, with the note's own options."""
    reverse = wants_reverse(note.info, options)
    rendered: list[dict[str, str]] = []
    for card in note.cards:
        make_fields = cloze_fields if card.kind == "cloze" else basic_fields
        fields = make_fields(card, note.info.title, image_src, note.sources, options.allow_html)
        fields = {name: finish_html(value) for name, value in fields.items()}
        rendered.append(options_fields(fields, options, reverse and card.kind == "basic"))
    return tuple(rendered)


def options_fields(fields: dict[str, str], options: BuildOptions, reverse: bool) -> dict[str, str]:
    """`reverse` fills the field that switches the reverse card on; `language` marks the
    term and definition with `lang`, so CJK text is drawn with the right glyphs."""
    if reverse:  # the frozen basic type's switch for its reverse card
        fields = {**fields, "Reverse": "y"}
    lang = options.language
    if lang != "auto":
        fields = {
            **fields,
            "Term": f'<span lang="{lang}">{fields["Term"]}</span>',
            "Definition": f'<div lang="{lang}">{fields["Definition"]}</div>',
        }
    return fields


@dataclass(slots=True)
class LocalImages:
    """Local image lookups shared by the notes one worker renders: one index of file names per
    notes root, one hash per image file."""

    media: MediaSet = field(default_factory=MediaSet)


def render_early(
    note: ExtractedNote, file: Path, root: Path, options: BuildOptions, images: LocalImages
) -> Rendered | None:
    """The note's fields with its local images resolved here; None when it has remote images
    (they are fetched, a few at a time, by the build itself)."""
    refs = tuple(image for card in note.cards for image in card.images)
    if any(is_remote(image.src) for image in refs):
        return None
    media = images.media
    note_images = NoteImages(file, root, refs)
    for image in refs:
        media.add_local(image, note_images)
    # A bundled name is the first name its bytes were seen under, and this worker sees only
    # some notes: the build checks these names against its own before using the fields.
    image_src = media.image_map(file)
    return Rendered(note_fields(note, options, image_src), resolved_images(note, image_src))
