"""The preview pages as files: what `notedeck preview` writes, and Anki's template rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sample import DOCKER as SAMPLE_DOCKER
from sample import RICH

from generator.cardview import cloze_numbers, faces, field_is_empty, render
from generator.cli import main
from generator.package import card_css, card_templates
from generator.preview import with_mathml

DOCKER = SAMPLE_DOCKER


@pytest.fixture
def pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "preview"
    assert main(["preview", str(RICH), str(DOCKER), "-o", str(out)]) == 0
    summary = capsys.readouterr().out
    assert "Previewed 2 deck(s), 13 card(s), 1 media file(s)" in summary
    assert str(out / "index.html") in summary
    return out


def test_one_page_per_deck_an_index_and_the_media(pages: Path) -> None:
    names = sorted(p.name for p in pages.iterdir())
    media = [n for n in names if n.endswith(".png")]
    assert names == sorted(["index.html", "Docker-기초.html", "운영체제-핵심-정리.html", *media])
    [png] = media
    assert (pages / png).read_bytes() == (RICH / "images" / "layers.png").read_bytes()
    index = (pages / "index.html").read_text("utf-8")
    assert 'href="Docker-%EA%B8%B0%EC%B4%88.html"' in index
    assert "8 card(s)" in index and "5 card(s), 1 media file(s)" in index


def test_every_card_appears_front_and_back(pages: Path) -> None:
    page = (pages / "Docker-기초.html").read_text("utf-8")
    assert page.count('class="nd-item"') == 8
    assert page.count('class="nd-face nd-front card card1"') == 8
    assert page.count('class="nd-face nd-back card card1" hidden') == 8
    # The back repeats the front, as Anki's {{FrontSide}} does.
    first = page.split('class="nd-item"')[1]
    front = re.search(r'nd-front card card1">(.*?)</div>\n<div class="nd-face', first, re.S)
    assert front and front.group(1) in first.split("nd-back")[1]


def test_the_page_is_self_contained(pages: Path) -> None:
    page = (pages / "운영체제-핵심-정리.html").read_text("utf-8")
    assert card_css() in page
    assert "<link" not in page and "@import" not in page and "@font-face" not in page
    assert re.findall(r"<script[^>]*>", page) == ["<script>"]  # inline, no src
    srcs = re.findall(r'<img[^>]*\ssrc="([^"]*)"', page)
    assert srcs and all((pages / src).is_file() for src in srcs)
    policy = re.search(r'Content-Security-Policy" content="([^"]*)"', page)
    assert policy and "script-src 'sha256-" in policy.group(1)
    assert '<html lang="ko">' in page


def test_math_shows_as_mathml_in_the_preview(pages: Path) -> None:
    page = (pages / "운영체제-핵심-정리.html").read_text("utf-8")
    assert page.count('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"') >= 1
    assert "\\[" not in page.split("<main")[1]
    out = with_mathml('<span class="nd-math">\\(x &lt; \\href{javascript:1}{y}\\)</span>')
    assert "<math" not in out  # a link inside math stays TeX


def test_deck_and_tag_filters_list_what_the_cards_have(pages: Path) -> None:
    page = (pages / "운영체제-핵심-정리.html").read_text("utf-8")
    assert _options(page, "nd-deck") == ["운영체제 핵심 정리", "운영체제 핵심 정리::메모리"]
    tags = _options(page, "nd-tag")
    assert tags == sorted(set(tags))
    # The note's own tags, and the section-path tags every card also carries.
    assert {"memory", "os", "시험"} <= set(tags)
    assert any(tag.startswith("메모리_관리::") for tag in tags)


def _options(page: str, select: str) -> list[str]:
    inside = page.split(f'id="{select}"')[1].split("</select")[0]
    return re.findall(r'<option value="([^"]+)">', inside)


def test_anki_template_rules() -> None:
    fields = {"Term": "T", "Section": "", "Aliases": "<br>", "Definition": "<img src=a.png>"}
    assert field_is_empty("<br> <div></div>") and not field_is_empty("<img src=a.png>")
    assert render("{{#Section}}S{{/Section}}[{{Term}}]", fields) == "[T]"
    assert render("{{^Aliases}}none{{/Aliases}}", fields) == "none"
    assert render("{{FrontSide}}|{{text:Definition}}", fields, front="F") == "F|"
    basic = card_templates("basic")
    made = faces(basic, {**fields, "Reverse": ""}, False)
    assert [f.template for f in made] == ["Card 1"]
    both = faces(basic, {**fields, "Reverse": "y"}, False)
    assert [f.template for f in both] == ["Card 1", "Card 2 (reverse)"]
    assert both[0].answer.startswith(both[0].question)


def test_cloze_cards_one_per_number() -> None:
    text = "{{c1::Seoul}} is the capital of {{c2::Korea::country}}"
    assert cloze_numbers(text) == [1, 2]
    made = faces(card_templates("cloze"), {"Text": text, "Section": "Geo"}, True)
    assert [f.template for f in made] == ["Cloze 1", "Cloze 2"]
    assert '<span class="cloze">[...]</span> is the capital of Korea' in made[0].question
    assert 'Seoul is the capital of <span class="cloze">[country]</span>' in made[1].question
    assert '<span class="cloze">Korea</span>' in made[1].answer


def test_the_deck_description_is_shown_as_html_not_as_markup(pages: Path) -> None:
    page = (pages / "운영체제-핵심-정리.html").read_text("utf-8")
    header = page.split("</header>")[0]
    assert "&lt;p&gt;" not in header and '<div class="nd-description"><p>' in header
