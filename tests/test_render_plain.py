"""The plain-text shortcut in render.py: text it takes renders exactly as the full Markdown +
sanitiser path renders it, and text with any markup still goes the full way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.render import (
    full_inline_html,
    full_markdown_html,
    inline_html,
    markdown_html,
    plain_list,
    plain_text,
)

FIXTURES = Path(__file__).parent / "fixtures"

# Letters of several scripts, digits, spaces (ASCII, no-break, ideographic) and every ASCII
# punctuation mark, so generated text hits block starts, markup and entities alike.
_ALPHABET = st.sampled_from(
    [*"abcXYZ 가나다한글 日本語 ", *map(chr, range(0x21, 0x7F)), *"\u00a0\u3000\t\n"]
)
# Text the shortcut mostly takes: letters, digits, spaces and the punctuation it allows.
_PLAINISH = st.sampled_from(list("abcXYZ 가나다 日本 0123456789 '\"%/?,;.()@^#:+-"))


def _same(text: str) -> None:
    assert markdown_html(text) == full_markdown_html(text)
    assert inline_html(text) == full_inline_html(text)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.text(_ALPHABET, max_size=40), st.text(_PLAINISH, max_size=40)))
@example("C# and F# are languages (since 2000), 1. not a list")
@example("뮤텍스: 한 스레드만 소유하는 락 - 예: pthread_mutex")
@example("a 'quoted' word, 50% off; e.g. x/y")
def test_shortcut_matches_full_path(text: str) -> None:
    _same(text)


_LIST_LINE = st.tuples(
    st.sampled_from(["- ", "* ", "+ ", "-", "1. ", "  - ", ""]),
    st.one_of(st.text(_PLAINISH, max_size=20), st.text(_ALPHABET, max_size=6)),
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_LIST_LINE, min_size=1, max_size=5))
@example([("- ", "a"), ("- ", "b c")])
@example([("- ", "a"), ("* ", "b")])
@example([("- ", "a"), ("  - ", "b")])
@example([("- ", ";--"), ("- ", ";")])  # the front matter rule once ate this first item
def test_list_shortcut_matches_full_path(lines: list[tuple[str, str]]) -> None:
    _same("\n".join(marker + text for marker, text in lines))


def test_every_fixture_definition_matches_full_path() -> None:
    seen = 0
    for expected in FIXTURES.glob("*.cards.json"):
        for card in json.loads(expected.read_text("utf-8")):
            for text in (card.get("definition", ""), card["term"], *card.get("aliases", [])):
                _same(text)
                seen += plain_text(text)
    assert seen > 500  # the shortcut is taken often enough to be worth its test


@pytest.mark.parametrize(
    "text",
    [
        "- a list",
        "1. a list",
        "# heading",
        "> quote",
        "    code",
        "**bold** term",
        "`code`",
        "a & b",
        "x < y",
        "[[Link]]",
        "==mark==",
        "$x$",
        "a\nb",
        " leading",
        "trailing ",
        "no\u00a0break",
    ],
)
def test_markup_takes_the_full_path(text: str) -> None:
    assert not plain_text(text)


def test_plain_text_is_its_own_html() -> None:
    assert markdown_html("해시 테이블: 키로 값을 찾는 표 (O(1))") == (
        "<p>해시 테이블: 키로 값을 찾는 표 (O(1))</p>"
    )
    assert inline_html("Mutex") == "Mutex"
    assert plain_list("- one\n- two (2)") == ["one", "two (2)"]
    assert plain_list("- one\n* two") is None
    assert plain_list("- one\n  - nested") is None


def test_a_first_item_with_dashes_is_not_front_matter() -> None:
    """A text opening with `- a--b` is a list, not the start of front matter."""
    assert full_markdown_html("- a--b\n- c") == "<ul>\n<li>a--b</li>\n<li>c</li>\n</ul>"
    assert full_markdown_html("- x---\n  more\n- y").startswith("<ul>\n<li>x---\nmore</li>")
