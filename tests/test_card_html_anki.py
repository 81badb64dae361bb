"""Every card of the fixture decks, rendered by the real `anki` package: safe, and showing what
the note wrote (code, math, tables, images, sources)."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from anki_helpers import ImportedCard, cards, img_sources, import_apkg, open_collection, text_of
from sample import CARDS, HOSTILE, RICH

from generator.cli import main

TESTS = Path(__file__).resolve().parent
NOTES = [CARDS, RICH, HOSTILE]
ACTIVE = re.compile(
    r"<\s*(script|iframe|frame|object|embed|link|svg|math|form|input|button|meta|base|template)\b"
    r"|\son[a-z]+\s*=|=\s*[\"']?\s*(?:javascript|vbscript|data):|@import|url\(",
    re.IGNORECASE,
)


class Built:
    def __init__(
        self, cards: list[ImportedCard], media: dict[str, bytes], listed: list[dict[str, Any]]
    ) -> None:
        self.cards = cards
        self.media = media
        self.listed = {str(c["guid"]): c for c in listed}

    def by_term(self, term: str) -> ImportedCard:
        return next(c for c in self.cards if text_of(c.fields["Term"]) == term)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    tmp = tmp_path_factory.mktemp("anki-html")
    paths = [str(p) for p in NOTES]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
        assert main(["build", *paths, "-o", str(tmp / "dist")]) == 0
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        assert main(["list", *paths, "--json"]) == 0
    listed = json.loads(buffer.getvalue())
    col = open_collection(tmp / "anki")
    try:
        apkgs = sorted((tmp / "dist").glob("*.apkg"))
        assert len(apkgs) == 3
        for apkg in apkgs:
            import_apkg(col, apkg)
        media_dir = Path(col.media.dir())
        media = {p.name: p.read_bytes() for p in media_dir.iterdir() if p.is_file()}
        yield Built(cards(col), media, listed)
    finally:
        col.close()


def test_every_card_is_rendered(built: Built) -> None:
    assert len(built.cards) == len(built.listed) == 8 + 5 + 6


def test_no_card_carries_anything_active(built: Built) -> None:
    for card in built.cards:
        for side in (card.question, card.answer):
            found = ACTIVE.search(side)
            assert found is None, f"{card.fields['Term']}: {found and found.group(0)}"
            for href in re.findall(r"\shref=\"([^\"]*)\"", side):
                assert href.startswith(("https://", "http://", "mailto:")), href


def test_every_image_is_bundled_media_or_the_remote_url_the_note_gave(built: Built) -> None:
    seen_local = seen_remote = 0
    for card in built.cards:
        remote = {src for src in built.listed[card.guid]["images"] if src.startswith("http")}
        for src in img_sources(card.question) + img_sources(card.answer):
            if src in built.media:
                seen_local += 1
            else:
                assert src in remote, f"{card.fields['Term']}: {src}"
                seen_remote += 1
    assert seen_local >= 2 and seen_remote >= 3


def test_bundled_images_are_the_note_files(built: Built) -> None:
    process = built.by_term("Process")
    [src] = img_sources(process.answer)
    png = (TESTS / "fixtures" / "rich" / "images" / "layers.png").read_bytes()
    assert built.media[src] == png  # identical bytes are stored once, under the first name


def test_hostile_note_keeps_its_text_and_only_safe_images(built: Built) -> None:
    pointers = built.by_term("Pointers")
    local, remote = img_sources(pointers.answer)
    ok_png = (TESTS / "fixtures" / "hostile" / "img" / "ok.png").read_bytes()
    # Identical bytes are stored once, so the name may be another note's copy of the file.
    assert built.media[local] == ok_png
    assert remote == "https://example.org/remote.png"
    answer = text_of(pointers.answer)
    assert "handlers" in answer and "outside the notes root" in answer
    styles = text_of(built.by_term("Styles").answer)
    assert "tracked" in styles and "overlay" in styles and "display: none" not in styles
    assert "alert" not in built.by_term("Script tag").answer


def test_code_math_and_tables_reach_the_card(built: Built) -> None:
    switch = built.by_term("Context Switch").answer
    assert '<div class="nd-code"><pre>' in switch
    assert '<span class="k">def</span>' in switch and "레지스터 저장" in switch
    assert "\\(T = t_{save} + t_{load}\\)" in switch
    robin = built.by_term("Round Robin").answer
    assert "\\[W = \\frac{1}{n}\\sum_{i=1}^{n} w_i\\]" in robin
    assert '<th style="text-align:left">알고리즘</th>' in robin
    assert '<td style="text-align:right">없음</td>' in robin
    assert ".nightMode .nd-code .k" in robin  # the note type's CSS colours the code


def test_front_names_the_section_and_back_adds_aliases_definition_and_sources(
    built: Built,
) -> None:
    process = built.by_term("Process")
    question = text_of(process.question)
    assert question.endswith("프로세스와 스레드 › Process(프로세스) Process")
    answer = text_of(process.answer)
    assert answer.startswith(question)
    after = answer[len(question) :]
    assert after.index("프로세스") < after.index("실행 중인 프로그램")
    assert '<a href="https://example.org/os/process"' in process.answer
    # The two "Container" cards of the Docker note are told apart on the front.
    containers = [c for c in built.cards if text_of(c.fields["Term"]) == "Container"]
    assert len({text_of(c.question) for c in containers}) == 2


def test_allow_html_is_an_explicit_opt_out(tmp_path: Path) -> None:
    """The same hostile note with `--allow-html`: the raw HTML reaches the card (so the checks
    above can see it when it is there), and images still point at bundled media."""
    hostile = HOSTILE
    assert main(["build", str(hostile), "-o", str(tmp_path / "dist"), "--allow-html"]) == 0
    col = open_collection(tmp_path / "anki")
    try:
        import_apkg(col, next((tmp_path / "dist").glob("*.apkg")))
        by_term = {text_of(c.fields["Term"]): c for c in cards(col)}
        media = set(Path(p).name for p in Path(col.media.dir()).iterdir())
    finally:
        col.close()
    assert ACTIVE.search(by_term["Script tag"].answer)
    assert "onerror=" in by_term["Script tag"].answer
    [src] = img_sources(by_term["Script tag"].answer)
    assert src in media and src.endswith("-ok.png")


def test_a_card_without_a_section_shows_no_empty_section_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "top.md").write_text("# 제목\n\n- **Foo**\n  - bar 설명\n  - 더 있음\n", "utf-8")
    assert main(["build", str(notes), "-o", str(tmp_path / "dist")]) == 0
    col = open_collection(tmp_path / "anki")
    try:
        import_apkg(col, next((tmp_path / "dist").glob("*.apkg")))
        [card] = cards(col)
    finally:
        col.close()
    assert card.fields["Section"] == ""
    assert 'class="nd-section"' not in card.question
    assert '<div class="nd-term">Foo</div>' in card.question
    assert "bar 설명" in card.answer and "제목" in text_of(card.answer)


def test_an_html_export_shows_each_heading_and_its_code_intact(tmp_path: Path) -> None:
    """A blog's HTML export (`<h3>` then `<p>`/`<pre>` lines, no blank lines between them), as
    Anki renders it: one card per heading, and a blank line inside `<pre>` stays in the code."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "flow.md").write_text(
        '<h3 id="switch문">switch문</h3>\n'
        "<p><strong>switch문의 제약조건</strong></p>\n"
        "<pre><code>switch(result){\n case 1:\n\n case 2: *x*\n}</code></pre>\n"
        '<h3 id="break문">break문</h3>\n'
        "<p>가장 가까운 반복문을 벗어난다.</p>\n",
        "utf-8",
    )
    by_term = _built_by_term(notes, tmp_path)
    assert list(by_term) == ["switch문", "break문"]
    switch = by_term["switch문"].answer
    assert "<pre><code>switch(result){\n case 1:\n\n case 2: *x*\n}</code></pre>" in switch
    assert "break" not in text_of(switch) and "###" not in switch
    assert "가장 가까운 반복문을 벗어난다." in by_term["break문"].answer


def test_nested_details_become_one_card_per_question_with_whole_html(tmp_path: Path) -> None:
    """An interview note's `<details>` Q&A whose answer holds follow-up questions, each answered
    behind a button of its own, as Anki renders it: every question is a card, and no answer is
    cut at an inner `</details>` (nothing left open, no stray closing tag)."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "jvm.md").write_text(
        "## Java\n\n<details>\n  <summary><h3>1. JVM이 무엇인가요?</h3></summary>\n"
        "  <details>\n    <summary>답변</summary>\n    <p>자바 실행 환경입니다.</p>\n"
        "    <details>\n      <summary>꼬리 질문</summary>\n      <ul>\n"
        "      <li> GC는 무엇인가요?\n        <details>\n          <summary>답변</summary>\n"
        "          <p>쓰지 않는 메모리를 회수합니다.</p>\n        </details>\n      </li>\n"
        "      <li> JIT는 무엇인가요?\n        <details>\n          <summary>답변</summary>\n"
        "          <p>자주 쓰는 코드를 기계어로 바꿉니다.</p>\n        </details>\n      </li>\n"
        "      </ul>\n    </details>\n  </details>\n</details>\n",
        "utf-8",
    )
    by_term = _built_by_term(notes, tmp_path)
    assert list(by_term) == ["1. JVM이 무엇인가요?", "GC는 무엇인가요?", "JIT는 무엇인가요?"]
    for card in by_term.values():
        definition = card.fields["Definition"]
        assert definition.count("<details") == definition.count("</details>")
        assert not definition.lstrip().startswith("</")
    jvm = by_term["1. JVM이 무엇인가요?"].answer
    assert "자바 실행 환경입니다." in jvm and "GC는 무엇인가요?" in jvm
    assert "쓰지 않는 메모리" not in jvm  # the follow-up's answer is on its own card
    assert "쓰지 않는 메모리를 회수합니다." in by_term["GC는 무엇인가요?"].answer
    assert "기계어" in by_term["JIT는 무엇인가요?"].answer


def _built_by_term(notes: Path, tmp_path: Path) -> dict[str, ImportedCard]:
    """The cards of the one deck `notes` builds, imported into a fresh collection, by term."""
    assert main(["build", str(notes), "-o", str(tmp_path / "dist")]) == 0
    col = open_collection(tmp_path / "anki")
    try:
        import_apkg(col, next((tmp_path / "dist").glob("*.apkg")))
        return {text_of(c.fields["Term"]): c for c in cards(col)}
    finally:
        col.close()
