"""Property: whatever Markdown-ish text (Korean included) reaches the reader, parser and
extractor, they raise nothing but NotedeckError, and every card has a term and a definition.
Bounded examples so it runs in seconds; benchmarks/fuzz.py runs the long version."""

from __future__ import annotations

from pathlib import Path

from html_safety import active_content
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.model import NotedeckError, NoteFault
from generator.notes import NoteFile
from generator.options import BuildOptions
from generator.read import read_text
from generator.render import basic_fields
from generator.workers import understand

KOREAN_AND_MARKUP = [
    "Docker", "이미지", "컨테이너", "가상 머신", "VM", "정의", "출처", "Sources", "Q", "A",
    "이라고도 함", "also called", "2019.03.14", "{{c1::답}}", "==강조==", "$x$", "😀",
]  # fmt: skip
WORD = st.one_of(
    st.sampled_from(KOREAN_AND_MARKUP),
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
            st.sampled_from(list("abcXYZ019 []()!*_`<>#|:-=~$\\/&;\"'\t")),
            st.characters(blacklist_categories=("Cs",)),
        ),
        max_size=30,
    ),
)
PREFIX = st.sampled_from(
    ["", "# ", "## ", "### ", "- ", "  - ", "    - ", "* ", "1. ", "> ", "> - ", "| ", ": ",
     "```", "``` ", "    ", "<div>", "<h2>", "---", "- **", "Q: ", "A: "]
)  # fmt: skip
SEPARATOR = st.sampled_from(["", ": ", " - ", " :: ", "**: ", " | ", "(", ")", " ", "\\"])
LINE = st.builds(lambda p, a, s, b: p + a + s + b, PREFIX, WORD, SEPARATOR, WORD)
NOTE = st.lists(LINE, max_size=25).map("\n".join)
ENCODING = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp949"])


def _cards(data: bytes) -> None:
    try:
        source = read_text(data, "prop.md")
        note = NoteFile(Path("/notes/prop.md"), Path("/notes"), "prop.md")
        _, parsed, extracted = understand(note, source, BuildOptions())
    except NotedeckError as exc:
        assert not isinstance(exc, NoteFault), exc.__cause__  # a crash, caught for the user
        assert exc.loc is not None and exc.loc.path == "prop.md" and exc.loc.line >= 0
        return
    for card in extracted.cards:
        assert card.term.strip(), card
        assert card.definition_md.strip(), card
        assert 1 <= card.loc.line <= len(parsed.lines)
        for value in basic_fields(card, extracted.info.title, None).values():
            assert active_content(value) == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NOTE, ENCODING)
def test_markdownish_text_gives_cards_or_a_notedeck_error(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    _cards(data)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_cards_or_a_notedeck_error(data: bytes) -> None:
    _cards(data)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_gives_cards_or_a_notedeck_error(text: str) -> None:
    _cards(text.encode("utf-8", "surrogatepass"))
