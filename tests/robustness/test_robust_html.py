"""Raw HTML read line by line (HTML blocks that end at headings, `<pre>` kept whole across blank
lines, headings over several lines, nested `<details>`): each line is read a fixed number of
times, so eight times the HTML takes about eight times as long, never sixty-four, and nesting
thousands deep is no crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from robust_helpers import processing_seconds

# Each shape is repeated; every one keeps a block open (or a tag unclosed) as long as it can.
SHAPES = {
    "headings between paragraphs": '<p>text of the answer</p>\n<h3 id="t">Term</h3>\n',
    "pre never closed": "<p>x</p><pre><code>a\n\n",
    "comments never closed": "<div>x <!-- a\n\n",
    "elements never closed": "<div><section><ul>\n",
    "headings never closed": "<h2>Title\n<h3>\n",
    "headings with tags after them": "<h3>T</h3><p>body</p>\n\n",
    "details never closed": "<details><summary>Q?</summary>\n",
    "details nested deep": "<details><summary>Q?</summary>A\n",  # closed once, at the end
    "summaries never closed": "<details><summary>Q?\n",
    "follow-ups": "<li>Why?<details><summary>답변</summary>Because.</details></li>\n",
    "stray closing tags": "</details></summary>\n",
    "empty answer buttons": "- Why?\n  <details><summary>답변</summary><p></p><!-- <summary>\n",
}


def _repeated(shape: str, times: int) -> str:
    text = shape * times
    return text + "</details>" * times if shape == SHAPES["details nested deep"] else text


@pytest.mark.parametrize("shape", SHAPES.values(), ids=list(SHAPES))
def test_html_takes_time_in_proportion(shape: str, tmp_path: Path) -> None:
    short = processing_seconds(tmp_path, _repeated(shape, 250))
    long = processing_seconds(tmp_path, _repeated(shape, 2_000))
    # Linear: about 8 times (less, with the note's fixed cost); quadratic: about 64 times.
    assert long < 20 * short + 0.05, (short, long)
