"""`parse.syntax_tree` makes, in one pass, the tree markdown-it-py's own `SyntaxTreeNode` makes
from the same tokens: every node, its tokens, type, map and parent, on every fixture note and on
generated Markdown-ish text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.tree import SyntaxTreeNode

from generator.parse import markdown, syntax_tree

FIXTURES = Path(__file__).parent / "fixtures"
NOTES = sorted(FIXTURES.glob("*.md"))


def assert_same_tree(ours: SyntaxTreeNode, theirs: SyntaxTreeNode, where: str = "root") -> None:
    assert ours.type == theirs.type, where
    assert ours.token is theirs.token, where
    if theirs.nester_tokens is None:
        assert ours.nester_tokens is None, where
    else:
        assert ours.nester_tokens is not None, where
        assert ours.nester_tokens.opening is theirs.nester_tokens.opening, where
        assert ours.nester_tokens.closing is theirs.nester_tokens.closing, where
    if not theirs.is_root:
        assert ours.map == theirs.map, where
        assert (ours.content, ours.info, ours.markup, ours.attrs, ours.tag) == (
            theirs.content,
            theirs.info,
            theirs.markup,
            theirs.attrs,
            theirs.tag,
        ), where
    assert len(ours.children) == len(theirs.children), where
    for i, (mine, other) in enumerate(zip(ours.children, theirs.children, strict=True)):
        assert mine.parent is ours, f"{where} > {i}"
        assert_same_tree(mine, other, f"{where} > {i}:{other.type}")


@pytest.mark.parametrize("note", NOTES, ids=[n.name for n in NOTES])
def test_fixture_notes_give_the_tree_markdown_it_gives(note: Path) -> None:
    tokens = markdown().parse(note.read_text(encoding="utf-8"))
    assert_same_tree(syntax_tree(tokens), SyntaxTreeNode(tokens))


def test_there_are_fixture_notes() -> None:
    assert len(NOTES) > 100


PREFIXES = [
    "", "# ", "## ", "- ", "  - ", "    - ", "1. ", "> ", "> - ", "| a | b |", "|---|---|",
    ": ", "```", "    ", "<div>", "---", "Term\n: ", "$$", "- [ ] ",
]  # fmt: skip
LINE = st.builds(
    lambda prefix, text: prefix + text,
    st.sampled_from(PREFIXES),
    st.text(alphabet=st.sampled_from(list("ab가나 *_`[]()!<>|$=~:#\\")), max_size=20),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, max_size=25))
def test_any_markdown_gives_the_tree_markdown_it_gives(lines: list[str]) -> None:
    tokens = markdown().parse("\n".join(lines))
    assert_same_tree(syntax_tree(tokens), SyntaxTreeNode(tokens))


def test_unbalanced_tokens_are_refused() -> None:
    tokens = markdown().parse("- a\n- b\n")
    with pytest.raises(ValueError, match="unclosed"):
        syntax_tree(tokens[:-1])
    with pytest.raises(ValueError, match="nesting"):
        syntax_tree(tokens[1:])
