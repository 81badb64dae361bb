"""Cards as Anki itself renders them (`card.answer()` from the real `anki` package), laid out
by chromium the way the Anki apps do: the body is `.card`, night mode adds `.nightMode`
(desktop, AnkiMobile) or `.night_mode` (AnkiDroid). Checks contrast, fit on a phone and the
Korean face, and keeps screenshots in `tests/.artifacts/`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from anki_helpers import cards, import_apkg, open_collection, text_of
from browser_helpers import chromium, contrast, is_serif, keep, platform_fonts, rgb
from sample import RICH

from generator.cli import main

BODIES = {
    "light": "card card1",
    "desktop-night": "card card1 nightMode",
    "ankidroid-night": "card card1 night_mode",
}


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path]:
    """Term → Anki's answer HTML, and the collection's media folder."""
    tmp = tmp_path_factory.mktemp("anki-cards")
    assert main(["build", str(RICH), "-o", str(tmp / "dist")]) == 0
    col = open_collection(tmp / "anki")
    try:
        import_apkg(col, next((tmp / "dist").glob("*.apkg")))
        rendered = {text_of(c.fields["Term"]): c.answer for c in cards(col)}
        return rendered, Path(col.media.dir())
    finally:
        col.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def _show(browser: Any, html: str, media: Path, body: str, width: int) -> Any:
    """The answer in a page like Anki's card view, with the media folder as its base."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    (media / "_card.html").write_text(
        f'<!doctype html><html><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
        f'<body class="{body}"><div id="qa">{html}</div></body></html>',
        "utf-8",
    )
    page.goto((media / "_card.html").as_uri())
    page.wait_for_load_state("load")
    return page


@pytest.mark.parametrize("mode", list(BODIES))
def test_anki_card_reads_well_in_every_mode(
    browser: Any, answers: tuple[dict[str, str], Path], mode: str, tmp_path: Path
) -> None:
    rendered, media = answers
    page = _show(browser, rendered["Process"], media, BODIES[mode], 1000)
    try:
        colours = page.evaluate(
            """() => ({bg: getComputedStyle(document.body).backgroundColor,
                       text: getComputedStyle(document.querySelector('li')).color,
                       muted: getComputedStyle(document.querySelector('.nd-source')).color})"""
        )
        assert contrast(colours["text"], colours["bg"]) >= 7, colours
        assert contrast(colours["muted"], colours["bg"]) >= 4.5, colours
        assert (sum(rgb(colours["bg"])) < 150) == ("night" in mode)
        width = page.evaluate("document.querySelector('img').naturalWidth")
        assert width == 240
        fonts = platform_fonts(page, ".nd-definition li")
        assert fonts and not any(is_serif(f) for f in fonts), fonts
        page.screenshot(path=str(tmp_path / f"card-{mode}.png"), full_page=True)
        keep(tmp_path, f"card-{mode}.png")
    finally:
        page.context.close()


def test_anki_card_fits_a_phone(browser: Any, answers: tuple[dict[str, str], Path]) -> None:
    rendered, media = answers
    for term in ("Round Robin", "Context Switch", "Process"):
        page = _show(browser, rendered[term], media, "card card1 night_mode", 360)
        try:
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, term
            body = page.evaluate("getComputedStyle(document.body).fontSize")
            assert body == "18px"  # the small-screen size
        finally:
            page.context.close()
