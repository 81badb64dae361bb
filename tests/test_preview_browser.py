"""The preview page in a real browser: headless Debian chromium, driven by playwright.

The pages are opened from `file://` with nothing else reachable; the tests check that cards
render, flip, filter and show their images, that night mode keeps its contrast and that
Korean text is drawn with a sans face. Screenshots go to the test's temp folder and to
`tests/.artifacts/` (git-ignored) so a person can look at them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import chromium, contrast, is_serif, keep, platform_fonts, rgb
from sample import RICH

from generator.cli import main

TESTS = Path(__file__).resolve().parent
DECK = "운영체제 핵심 정리"
PAGE = "운영체제-핵심-정리.html"
TERMS = ["Paging", "TLB", "Process", "Context Switch", "Round Robin"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "preview"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
        assert main(["preview", str(RICH), "-o", str(out)]) == 0
    return out


class Opened:
    """A page plus everything it asked the network for and every error it reported."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))

    def visible_terms(self) -> list[str]:
        return list(
            self.page.eval_on_selector_all(
                ".nd-item:not([hidden]) .nd-front .nd-term", "els => els.map(e => e.innerText)"
            )
        )


@pytest.fixture
def opened(browser: Any, site: Path) -> Iterator[Opened]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    try:
        result = Opened(context.new_page())
        result.page.goto((site / PAGE).as_uri())
        yield result
        assert result.errors == []
        assert all(u.startswith(("file://", "data:")) for u in result.requests), result.requests
    finally:
        context.close()


def test_cards_render_front_first(opened: Opened) -> None:
    page = opened.page
    assert opened.visible_terms() == TERMS
    assert page.locator(".nd-front:visible").count() == 5
    assert page.locator(".nd-back:visible").count() == 0
    box = page.locator(".nd-item").first.bounding_box()
    assert box and box["height"] > 80 and box["width"] > 300
    assert page.locator("#nd-count").inner_text() == "5 / 5"


def test_click_and_keys_flip_a_card(opened: Opened) -> None:
    page = opened.page
    card = page.locator(".nd-item").nth(2)
    card.click()
    assert card.locator(".nd-back").is_visible() and not card.locator(".nd-front").is_visible()
    assert "실행 중인 프로그램" in card.inner_text()
    assert card.get_attribute("aria-pressed") == "true"
    card.click()
    assert card.locator(".nd-front").is_visible()
    card.focus()
    page.keyboard.press("Enter")
    assert card.locator(".nd-back").is_visible()
    page.keyboard.press(" ")
    assert card.locator(".nd-front").is_visible()
    # Clicking a source link does not flip the card back.
    card.click()
    link = card.locator(".nd-source a")
    assert link.get_attribute("href") == "https://example.org/os/process"
    # The test keeps the browser from following it: nothing leaves the machine.
    page.evaluate("document.addEventListener('click', e => e.preventDefault())")
    link.click()
    assert card.locator(".nd-back").is_visible()


def test_search_filters_on_both_sides(opened: Opened) -> None:
    page = opened.page
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "nd-search"
    page.keyboard.type("스케줄러")  # only on the back of Context Switch
    assert opened.visible_terms() == ["Context Switch"]
    page.fill("#nd-search", "PAGING")
    assert opened.visible_terms() == ["Paging"]
    page.fill("#nd-search", "no such words")
    assert opened.visible_terms() == []
    assert page.locator("#nd-empty").is_visible()
    assert page.locator("#nd-count").inner_text() == "0 / 5"
    page.fill("#nd-search", "")
    assert opened.visible_terms() == TERMS


def test_deck_and_tag_filters(opened: Opened) -> None:
    page = opened.page
    page.select_option("#nd-deck", f"{DECK}::메모리")
    assert opened.visible_terms() == ["Paging", "TLB"]
    page.select_option("#nd-deck", DECK)  # a deck includes its sub-decks
    assert opened.visible_terms() == TERMS
    page.select_option("#nd-tag", "시험")
    assert opened.visible_terms() == ["Process", "Context Switch", "Round Robin"]
    page.select_option("#nd-deck", f"{DECK}::메모리")
    assert opened.visible_terms() == []
    page.select_option("#nd-deck", "")
    page.select_option("#nd-tag", "memory")
    assert opened.visible_terms() == ["Paging", "TLB"]


def test_images_math_and_code_show(opened: Opened) -> None:
    page = opened.page
    page.click("#nd-flip-all")
    page.wait_for_load_state("load")
    images = page.eval_on_selector_all(
        ".nd-back img",
        "els => els.map(e => ({src: e.getAttribute('src'), ok: e.complete, w: e.naturalWidth}))",
    )
    assert images and all(i["ok"] and i["w"] > 0 for i in images), images
    assert [i["w"] for i in images] == [240]
    shown = page.locator(".nd-back img").first.bounding_box()
    assert shown and shown["width"] > 100
    formulas = page.locator(".nd-back math")
    assert formulas.count() == 5
    assert all((formulas.nth(i).bounding_box() or {"width": 0})["width"] > 5 for i in range(5))
    keyword = page.locator(".nd-back .nd-code .k").first
    assert keyword.inner_text() == "def"
    colour = keyword.evaluate("e => getComputedStyle(e).color")
    plain = page.locator(".nd-back .nd-code pre").first.evaluate("e => getComputedStyle(e).color")
    assert colour != plain
    table = page.locator(".nd-back table th").nth(2)
    assert table.evaluate("e => getComputedStyle(e).textAlign") == "right"


def _colours(page: Any) -> dict[str, str]:
    return dict(
        page.evaluate(
            """() => {
            const back = document.querySelectorAll('.nd-back')[2];
            const style = s => getComputedStyle(back.querySelector(s));
            return {bg: getComputedStyle(back).backgroundColor, text: style('li').color,
                    muted: style('.nd-source').color};
        }"""
        )
    )


def test_night_mode_keeps_contrast_and_screenshots(opened: Opened, tmp_path: Path) -> None:
    page = opened.page
    page.click("#nd-flip-all")
    light = _colours(page)
    assert contrast(light["text"], light["bg"]) >= 7
    assert contrast(light["muted"], light["bg"]) >= 4.5
    page.screenshot(path=str(tmp_path / "preview-light.png"), full_page=True)
    page.click("#nd-night")
    classes = page.evaluate("document.body.className").split()
    assert classes == ["nd-page", "nightMode", "night_mode"]
    night = _colours(page)
    assert sum(rgb(night["bg"])) < 150  # dark
    assert contrast(night["text"], night["bg"]) >= 7
    assert contrast(night["muted"], night["bg"]) >= 4.5
    page.screenshot(path=str(tmp_path / "preview-night.png"), full_page=True)
    # Night mode is remembered when the page is opened again.
    page.reload()
    assert "nightMode" in page.evaluate("document.body.className")
    keep(tmp_path, "preview-light.png", "preview-night.png")


@pytest.mark.parametrize("night", [False, True])
def test_highlighted_code_is_readable(opened: Opened, night: bool) -> None:
    page = opened.page
    page.click("#nd-flip-all")
    if night:
        page.click("#nd-night")
    switch = page.locator(".nd-back").nth(3)
    bg = switch.locator("pre").evaluate("e => getComputedStyle(e).backgroundColor")
    tokens = switch.locator(".nd-code span[class]").evaluate_all(
        "els => els.map(e => [e.className, getComputedStyle(e).color])"
    )
    assert {"k", "nf", "n", "c1", "p"} <= {name for name, _ in tokens}
    for name, colour in tokens:
        if name == "w":  # white space: nothing drawn
            continue
        assert contrast(colour, bg) >= 4.5, (name, colour, bg)


def test_korean_text_uses_a_sans_face(opened: Opened) -> None:
    page = opened.page
    page.click("#nd-flip-all")
    korean = platform_fonts(page, "#nd-cards > article:nth-of-type(3) .nd-back li")
    assert korean, "no font was used: is the text laid out?"
    assert not any(is_serif(f) for f in korean), korean
    assert any(re.search(r"CJK|KR|Nanum|Gothic", f) for f in korean), (
        f"no Korean face among {korean}: install fonts-noto-cjk (or fonts-nanum)"
    )
    term = platform_fonts(page, "#nd-cards > article:nth-of-type(3) .nd-back .nd-term")
    assert term and not any(is_serif(f) for f in term)


def test_phone_width_fits_without_sideways_scrolling(browser: Any, site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        page.goto((site / PAGE).as_uri())
        page.click("#nd-flip-all")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390
        for box in page.eval_on_selector_all(
            ".nd-back img, .nd-back pre, .nd-back table",
            "els => els.map(e => e.getBoundingClientRect().right)",
        ):
            assert box <= 390
        page.screenshot(path=str(site / "preview-phone.png"), full_page=True)
        keep(site, "preview-phone.png")
    finally:
        context.close()


def test_index_links_to_each_deck(opened: Opened, site: Path) -> None:
    page = opened.page
    page.goto((site / "index.html").as_uri())
    link = page.locator(".nd-deck-link")
    assert link.all_inner_texts() == [DECK]
    link.click()
    page.wait_for_load_state("load")
    assert page.url == (site / PAGE).as_uri()
    assert page.title() == f"{DECK} — notedeck preview"
    assert opened.visible_terms() == TERMS
