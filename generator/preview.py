"""Export: a static HTML preview of every deck, plus an index page.

Each page shows every card front and back (click or Enter/Space flips it), with a search box,
a deck and a tag filter and a night-mode switch. The cards carry the note types' own CSS and
templates, and the media files the deck bundles are copied next to the pages under the names
the cards use, so what the page shows is what Anki will show. One file per deck, no server,
no network: it works from `file://` and offline. The page's only script is its own (a
Content-Security-Policy pins it by hash).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import shutil
from collections import Counter
from functools import cache, partial
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from latex2mathml.converter import convert

from .cardview import Face, faces
from .fsutil import atomic_write
from .loaded import deck_file_name, load, render_decks
from .model import BuildReport, Deck, NotedeckError, RenderedCard
from .options import BuildOptions
from .package import card_css, card_templates
from .sanitise import sanitise

INDEX = "index.html"
# What render.py writes for `$…$` / `$$…$$`: Anki's MathJax renders it on a card; the preview
# page has no MathJax (no network), so the browser's own MathML shows it instead.
_MATH = re.compile(
    r'(<(span|div) class="nd-math(?: nd-math-display)?">)\\([(\[])(.*?)\\[)\]](</\2>)', re.DOTALL
)
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


@cache
def _asset(name: str) -> str:
    return resources.files("generator").joinpath(f"templates/{name}").read_text("utf-8")


def page_name(deck: str) -> str:
    return deck_file_name(deck).removesuffix(".apkg") + ".html"


def page_names(decks: list[Deck]) -> dict[str, str]:
    """Each deck's page. Decks whose names make the same page (`A B` and `A-B`) or the index's
    name get a suffix from their full name, so no page overwrites another."""
    plain = {deck.name: page_name(deck.name) for deck in decks}
    taken = Counter(name.casefold() for name in plain.values())
    taken[INDEX.casefold()] += 1
    return {
        deck: name
        if taken[name.casefold()] == 1
        else f"{name.removesuffix('.html')}-{hashlib.sha256(deck.encode()).hexdigest()[:8]}.html"
        for deck, name in plain.items()
    }


def preview(paths: list[str], options: BuildOptions | None = None) -> BuildReport:
    """Read the notes like `build` does and write the preview pages into `options.out`."""
    options = options or BuildOptions(out=Path("dist/preview"))
    loaded, diagnostics, _failed = load(paths, options)
    decks, media_diagnostics = render_decks(loaded, options)
    diagnostics.extend(media_diagnostics)
    try:
        outputs = write_preview(decks, options.out)
    except OSError as exc:
        raise NotedeckError(None, f"cannot write the preview: {exc.strerror or exc}") from None
    stats = {
        "decks": len(decks),
        "cards": sum(len(d.cards) for d in decks),
        "media": sum(len(d.media) for d in decks),
        "warnings": sum(1 for d in diagnostics if d.level == "warning"),
        "errors": sum(1 for d in diagnostics if d.level == "error"),
    }
    return BuildReport(tuple(decks), tuple(outputs), tuple(diagnostics), stats)


def write_preview(decks: list[Deck], out: Path) -> list[str]:
    """One page per deck and `index.html`; returns the paths written, index first."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    counts: dict[str, int] = {}
    names = page_names(decks)
    for deck in decks:
        _copy_media(deck, out)
        target = out / names[deck.name]
        page, counts[deck.name] = deck_page(deck)
        _write_text(target, page)
        written.append(str(target))
    index = out / INDEX
    _write_text(index, index_page(decks, counts, names))
    return [str(index), *written]


def _write_text(target: Path, text: str) -> None:
    atomic_write(target, lambda tmp: tmp.write_text(text, "utf-8"))


def _copy_media(deck: Deck, out: Path) -> None:
    """The deck's own media files, under the names its cards use. Names carry a content hash,
    so a file already there with the same size is the same file."""
    for media in deck.media:
        source, target = Path(media.path), out / media.name
        if target.is_file() and target.stat().st_size == source.stat().st_size:
            continue
        atomic_write(target, partial(shutil.copyfile, source))


@cache
def _templates(model: str) -> list[dict[str, str]]:
    return card_templates(model)


def _card_faces(card: RenderedCard) -> list[Face]:
    return faces(_templates(card.model), card.fields, card.model == "cloze")


def _mathml(match: re.Match[str]) -> str:
    opening, _tag, delimiter, tex, closing = match.groups()
    source = html.unescape(tex)
    if "\\href" in source:  # a link inside math is not shown as one
        return match.group(0)
    try:
        mathml = convert(source, display="block" if delimiter == "[" else "inline")
    except Exception:  # the converter's errors are not typed; TeX stays readable as TeX
        return match.group(0)
    return f"{opening}{mathml}{closing}"


def with_mathml(fragment: str) -> str:
    """Card HTML with its `\\(…\\)` / `\\[…\\]` math as MathML, for the preview only."""
    return _MATH.sub(_mathml, fragment)


def _item(card: RenderedCard, face: Face, number: int) -> str:
    deck, tags = html.escape(card.deck), html.escape(" ".join(card.tags))
    where = html.escape(f"{card.card.loc.path}:{card.card.loc.line}")
    meta = f'<span class="nd-meta-deck">{deck}</span>'
    meta += "".join(f'<span class="nd-tag">{html.escape(t)}</span>' for t in card.tags)
    return (
        f'<article class="nd-item" tabindex="0" role="button" aria-pressed="false" '
        f'data-deck="{deck}" data-tags="{tags}" data-template="{html.escape(face.template)}" '
        f'aria-label="Card {number}: show the answer">\n'
        f'<div class="nd-face nd-front card card1">{with_mathml(face.question)}</div>\n'
        f'<div class="nd-face nd-back card card1" hidden>{with_mathml(face.answer)}</div>\n'
        f'<footer class="nd-meta" title="{where}">{meta}</footer>\n</article>'
    )


def _options(values: list[str], everything: str) -> str:
    items = [f'<option value="">{everything}</option>']
    items += [f'<option value="{html.escape(v)}">{html.escape(v)}</option>' for v in values]
    return "".join(items)


def _decks_in(deck: Deck) -> list[str]:
    """Every deck and parent deck the cards live in (`A`, `A::B`, …), sorted."""
    names: set[str] = set()
    for card in deck.cards:
        parts = card.deck.split("::")
        names.update("::".join(parts[: i + 1]) for i in range(len(parts)))
    return sorted(names)


def deck_page(deck: Deck) -> tuple[str, int]:
    """The deck's page and how many cards it shows."""
    items: list[str] = []
    for card in sorted(deck.cards, key=lambda c: c.order):
        items.extend(_item(card, face, len(items) + 1) for face in _card_faces(card))
    tags = sorted({t for c in deck.cards for t in c.tags})
    controls = _asset("preview-controls.html").format(
        decks=_options(_decks_in(deck), "All decks"),
        tags=_options(tags, "All tags"),
        total=len(items),
    )
    body = (
        f'<header class="nd-header">\n<p class="nd-crumb"><a href="{INDEX}">All decks</a></p>\n'
        f"<h1>{html.escape(deck.name)}</h1>\n"
        f'<div class="nd-description">{sanitise(deck.description)}</div>\n{controls}</header>\n'
        f'<main id="nd-cards" class="nd-grid">\n{chr(10).join(items)}\n</main>\n'
        '<p id="nd-empty" class="nd-empty" hidden>No card matches.</p>'
    )
    return _page(deck.name, body, "".join(items)), len(items)


def index_page(
    decks: list[Deck], counts: dict[str, int], names: dict[str, str] | None = None
) -> str:
    rows: list[str] = []
    names = names or page_names(decks)
    for deck in sorted(decks, key=lambda d: d.name):
        count = counts[deck.name]
        href = html.escape(quote(names[deck.name]))
        rows.append(
            f'<li><a class="nd-deck-link" href="{href}">{html.escape(deck.name)}</a>'
            f' <span class="nd-count">{count} card(s), {len(deck.media)} media file(s)</span>'
            f'<div class="nd-description">{sanitise(deck.description)}</div></li>'
        )
    body = (
        '<header class="nd-header nd-narrow">\n<h1>Deck preview</h1>\n'
        '<div class="nd-controls"><button type="button" id="nd-night" aria-pressed="false">'
        "Night mode</button></div>\n</header>\n"
        f'<main><ul class="nd-decks">\n{chr(10).join(rows) or "<li>No decks.</li>"}\n</ul></main>'
    )
    return _page("Deck preview", body, " ".join(d.name for d in decks))


def _page(title: str, body: str, sample: str) -> str:
    script = _asset("preview.js")
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = (
        "default-src 'none'; img-src 'self' file: data: https: http:; "
        f"style-src 'unsafe-inline'; script-src 'sha256-{digest}'; base-uri 'none'; "
        "form-action 'none'"
    )
    lang = "ko" if _HANGUL.search(sample) else "en"
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)} — notedeck preview</title>\n"
        f"<style>\n{card_css()}</style>\n<style>\n{_asset('preview.css')}</style>\n"
        f'</head>\n<body class="nd-page">\n{body}\n<script>{script}</script>\n</body>\n</html>\n'
    )
