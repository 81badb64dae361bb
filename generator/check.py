"""`notedeck check`: lint notes without building a deck.

Reports, each tied to a line: headings that make no cards, terms defined twice in one section,
empty definitions, images that are missing or escape the notes root, source links that are not
URLs, and files that are not valid UTF-8. Each finding says how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from markdown_it.tree import SyntaxTreeNode

from .attribute import is_caption, is_sources_heading
from .extract import tail_sections, title_section
from .extract.assemble import TWICE
from .extract.filters import is_link_only
from .extract.headnames import path_name
from .extract.terms import looks_like_term
from .localpath import OUTSIDE_HINT, Found, NameFinder, locate
from .model import Diagnostic, ExtractedNote, Level, Loc, NotedeckError
from .notes import NoteFile, discover
from .options import BuildOptions
from .parse import ParsedNote, Section, first_paragraph, images_in_line, plain_text
from .read import read_note
from .workers import understand

_LINK = re.compile(r"(?<!!)\[([^\[\]]*)\]\(\s*<?([^)\s>\[]*)>?(?:\s+\"[^\"]*\")?\s*\)")


def check(paths: list[str], options: BuildOptions | None = None) -> list[Diagnostic]:
    """Every finding in the notes under `paths`, sorted by file and line."""
    options = options or BuildOptions()
    found: list[Diagnostic] = []
    finders: dict[Path, NameFinder] = {}  # one index of file names per notes root
    for file in discover(paths):
        finder = finders.setdefault(file.root, NameFinder(file.root))
        try:
            found.extend(check_note(file, options, finder))
        except NotedeckError as exc:
            found.append(Diagnostic(exc.loc or Loc(file.shown, 1), "error", exc.message, exc.hint))
    return sorted(found, key=lambda d: (d.loc.path if d.loc else "", d.loc.line if d.loc else 0))


def check_note(
    file: NoteFile, options: BuildOptions, finder: NameFinder | None = None
) -> list[Diagnostic]:
    source = read_note(file.file, file.shown)
    _, parsed, note = understand(file, source, options)
    found = [*source.diagnostics, *note.diagnostics]
    found.extend(_empty_headings(parsed, note, file.shown))
    found.extend(_twice(note))
    found.extend(_empty_definitions(parsed, file.shown))
    missing: Level = "error" if options.strict else "warning"  # `missing_images`, as in build
    found.extend(_images(parsed, file, finder or NameFinder(file.root), missing))
    found.extend(_source_links(parsed, file.shown))
    return found


def _diag(path: str, line: int, level: Level, message: str, hint: str) -> Diagnostic:
    return Diagnostic(Loc(path, line), level, message, hint)


def _sections(parsed: ParsedNote) -> Iterator[tuple[Section, tuple[str, ...]]]:
    """Every section below the title with its heading path, sources sections included."""
    title = title_section(parsed)
    start = title if title is not None else parsed.root

    def walk(section: Section, path: tuple[str, ...]) -> Iterator[tuple[Section, tuple[str, ...]]]:
        yield section, path
        for child in section.children:
            yield from walk(child, (*path, child.title))

    for child in [*start.children, *tail_sections(parsed, title)]:
        yield from walk(child, (child.title,))


def _content_sections(parsed: ParsedNote) -> Iterator[tuple[Section, tuple[str, ...]]]:
    for section, path in _sections(parsed):
        if not any(is_sources_heading(p) for p in path):
            yield section, path


def _empty_headings(parsed: ParsedNote, note: ExtractedNote, path: str) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    # `## Usage`, `## 정리`, `### 목표` under a task, a code listing: turned down by design
    designed = {r.loc.line for r in note.rejected if r.designed}
    for section, heading_path in _content_sections(parsed):
        shown = tuple(map(path_name, heading_path))  # as cards show it: `1-1. ` numbering off
        if any(card.section[: len(shown)] == shown for card in note.cards):
            continue
        if section.body and all(is_link_only(b) for b in section.body):
            continue  # a table of contents or navigation: never cards, by design
        if section.line in designed:
            continue  # `--explain` says why; writing a definition under it is not the fix
        found.append(
            _diag(
                path,
                section.line,
                "warning",
                f"heading `{section.title}` makes no cards",
                "write a definition under it in bullets or a paragraph, or remove the heading",
            )
        )
    return found


def _twice(note: ExtractedNote) -> list[Diagnostic]:
    """One term defined twice in one section: only the first becomes a card."""
    return [
        Diagnostic(
            r.loc,
            "warning",
            f"`{r.text}` is {r.reason}",
            "merge the two definitions; only the first becomes a card",
        )
        for r in note.rejected
        if r.reason.startswith(TWICE)
    ]


def _blocks(parsed: ParsedNote) -> Iterator[SyntaxTreeNode]:
    """The body blocks of every content section (and of the note's top)."""
    title = title_section(parsed)
    yield from parsed.root.body
    if title is not None:
        yield from title.body
    for section, _ in _content_sections(parsed):
        yield from section.body


def _empty_definitions(parsed: ParsedNote, path: str) -> list[Diagnostic]:
    """`- Term:` or `- Term ::` with nothing after it and nothing nested under it, followed by
    another item (a last item may introduce the block after the list: `- 예시:` + code)."""
    found: list[Diagnostic] = []
    for block in _blocks(parsed):
        for item in block.walk():
            if item.type != "list_item" or len(item.children) != 1 or item.next_sibling is None:
                continue
            paragraph = first_paragraph(item)
            if paragraph is None or not paragraph.map:
                continue
            text = plain_text(paragraph)
            term = text.rstrip(": ：")
            if text == term or not looks_like_term(term, max_words=8):
                continue
            found.append(
                _diag(
                    path,
                    paragraph.map[0] + 1,
                    "warning",
                    f"empty definition for `{term}`",
                    "write the meaning after the colon or in bullets under it",
                )
            )
    return found


def _images(
    parsed: ParsedNote, file: NoteFile, finder: NameFinder, missing: Level
) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for index, line in enumerate(parsed.lines):
        if index in parsed.code_lines:  # as the build reads them: code is never an image
            continue
        for src, _alt in images_in_line(line):
            problem = _image_problem(src, file, finder, missing)
            if problem is not None:
                level, message, hint = problem
                found.append(_diag(file.shown, index + 1, level, message, hint))
    return found


def _image_problem(
    src: str, file: NoteFile, finder: NameFinder, missing: Level
) -> tuple[Level, str, str] | None:
    """What `build` will make of a local image, found the way it finds it (`localpath.locate`)
    and worded as it words it: an image that cannot be found (no such file, or a web site's
    `/img/x.png`) is `missing`, a warning unless missing images are errors, as in the build; a
    path it never reads (one leading out of the notes root) an error."""
    scheme = urlparse(src).scheme.lower()
    if len(scheme) > 1 and scheme != "file":
        return None  # remote, data: and other URLs are not files to look for
    where = locate(src, file.file, file.root, finder)
    if isinstance(where, Found):
        return None
    if where.missing:
        return (missing, where.message, where.hint)
    if where.hint != OUTSIDE_HINT:  # too large, no file named, no scheme: locate says why
        return ("error", where.message, where.hint)
    return (
        "error",
        f"image `{src}` is outside the notes root and will not be bundled",
        "move the image into the notes folder and link it with a relative path",
    )


def _source_links(parsed: ParsedNote, path: str) -> list[Diagnostic]:
    """Links in Sources sections and image captions must be http(s) URLs."""
    found: list[Diagnostic] = []
    for section, heading_path in _sections(parsed):
        if not any(is_sources_heading(p) for p in heading_path):
            continue
        for block in section.body:
            for node in block.walk():
                href = str(node.attrs.get("href", ""))
                if node.type == "link" and not _is_url(href):
                    where = _line_of(block, parsed, href)
                    found.append(_not_url(path, where, plain_text(node), href))
    return found + _caption_links(parsed, path)


def _caption_links(parsed: ParsedNote, path: str) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    previous = ""
    for index, text in enumerate(parsed.lines):
        if is_caption(text, previous):
            for title, href in _LINK.findall(text):
                if not _is_url(href):
                    found.append(_not_url(path, index + 1, title, href))
        if text.strip():
            previous = text
    return found


def _not_url(path: str, line: int, title: str, href: str) -> Diagnostic:
    return _diag(
        path,
        line,
        "warning",
        f"source link `{title}` is not a URL: `{href}`",
        "write the full address, starting with https://",
    )


def _is_url(href: str) -> bool:
    parsed = urlparse(href)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _line_of(block: SyntaxTreeNode, parsed: ParsedNote, href: str) -> int:
    """The line a link is written on: the first line of its block that holds the target."""
    if not block.map:
        return 1
    for index in range(block.map[0], block.map[1]):
        if href and href in parsed.lines[index]:
            return index + 1
    return block.map[0] + 1
