"""Hostile structure: deep nesting, huge lines and notes, thousands of headings, broken HTML,
unclosed fences, wide tables. Each build finishes, says nothing alarming, and gives a deck
real Anki imports (the tests assert outcomes, not timings)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from anki_helpers import text_of
from html_safety import active_content, card_active_content
from robust_helpers import imported, write


def _build(tmp_path: Path, cli, text: str, warnings: tuple[str, ...] = ()) -> list:  # type: ignore[type-arg]
    write(tmp_path / "notes" / "note.md", text)
    run = cli("build", str(tmp_path / "notes"), "-o", str(tmp_path / "out"))
    assert (run.code, run.lines) == (0, [f"{tmp_path}/notes/note.md:{w}" for w in warnings])
    apkgs = sorted((tmp_path / "out").glob("*.apkg"))
    assert len(apkgs) == 1
    got = imported(apkgs[0], tmp_path / "anki")
    for card in got:
        assert card.fields["Term"].strip() and card.fields["Definition"].strip()
        assert card_active_content(card.answer) == []
        assert [active_content(value) for value in card.fields.values()] == [[]] * len(card.fields)
    return got


NESTINGS = {
    "bullet-list": lambda n: "".join("  " * i + f"- **term {i}**\n" for i in range(n)),
    "ordered-list": lambda n: "".join("   " * i + f"1. item {i}\n" for i in range(n)),
    "blockquote": lambda n: "".join(">" * i + f" quoted {i}\n" for i in range(1, n)),
    "one-line-quotes": lambda n: ">" * n + " bottom\n",
    "one-line-lists": lambda n: "- " * n + "bottom\n",
    "quote-and-list": lambda n: "> - " * n + "bottom\n",
}


DEEP = "line(s) nested deeper are not read; the rest of the note is (flatten it)"
NESTING_OUTCOMES = [  # shape, the warning: the first line not read, the levels read, the lines
    ("bullet-list", f"56: warning: lists nested more than 49 levels deep: 551 {DEEP}"),
    ("ordered-list", f"56: warning: lists nested more than 49 levels deep: 551 {DEEP}"),
    ("blockquote", f"106: warning: quotes nested more than 99 levels deep: 500 {DEEP}"),
    ("one-line-quotes", f"7: warning: quotes nested more than 99 levels deep: 1 {DEEP}"),
    ("one-line-lists", f"7: warning: lists nested more than 49 levels deep: 1 {DEEP}"),
    ("quote-and-list", f"7: warning: lists and quotes nested more than 66 levels deep: 1 {DEEP}"),
]


@pytest.mark.parametrize(("shape", "warning"), NESTING_OUTCOMES)
def test_hundreds_of_nesting_levels_never_hit_the_recursion_limit(
    shape: str, warning: str, tmp_path: Path, cli
) -> None:
    """Only the lines nested too deep are left out: the heading after them is read (markdown-it
    itself gave up on the rest of the note after a too-deep list), and the warning counts the
    levels as the note writes them (a list level is two of markdown-it's)."""
    body = NESTINGS[shape](600)
    text = f"# Deep\n\n## Nest\n\nintro\n\n{body}\n## After\n\nstill read\n"
    got = _build(tmp_path, cli, text, (warning,))
    terms = [c.fields["Term"] for c in got]
    assert terms[0] == "Nest"
    assert terms[-1] == "After" and "still read" in got[-1].fields["Definition"]
    assert "intro" in got[0].fields["Definition"]


def test_a_deep_outline_loses_only_its_deeper_lines(tmp_path: Path, cli) -> None:
    """55 levels of `- **TermN**: meaning N`, a sibling at the deepest level read, then a
    section: every level read is a card, and so is the section after the outline."""
    outline = "".join("  " * i + f"- **Term{i}**: meaning {i}\n" for i in range(55))
    sibling = "  " * 48 + "- **Sibling**: read, at level 49\n"
    text = f"# Deep list\n\n{outline}{sibling}\n## Mutex\n\nA lock one thread holds.\n"
    got = _build(
        tmp_path, cli, text, (f"52: warning: lists nested more than 49 levels deep: 6 {DEEP}",)
    )
    terms = [c.fields["Term"] for c in got]
    assert terms == [f"Term{i}" for i in range(49)] + ["Sibling", "Mutex"]


@pytest.mark.parametrize("shape", NESTINGS)
def test_thirty_levels_of_nesting_are_read_in_full(shape: str, tmp_path: Path, cli) -> None:
    body = NESTINGS[shape](30)
    text = f"# Deep\n\n## Nest\n\nintro\n\n{body}\n## After\n\nstill read\n"
    got = _build(tmp_path, cli, text)
    assert [c.fields["Term"] for c in got][-1] == "After"
    assert "still read" in got[-1].fields["Definition"]
    deepest = "bottom" if shape.startswith(("one-line", "quote-and")) else "29"
    assert any(deepest in c.fields["Definition"] for c in got)


def test_a_one_megabyte_line_is_kept_whole(tmp_path: Path, cli) -> None:
    line = " ".join(f"word{i}" for i in range(150_000))
    got = _build(tmp_path, cli, f"# Long\n\n## Line\n\n{line}\n")
    assert len(line) > 1_000_000
    assert [c.fields["Term"] for c in got] == ["Line"]
    assert line in got[0].fields["Definition"]


PATHOLOGICAL = ["[", "![", "[[", "![[", "<img ", "*a", "_a", "![a](", "x[a]", "`", "<", "](", "\\"]


def test_pathological_long_lines_finish(tmp_path: Path, cli) -> None:
    """Lines made of one repeated piece of syntax: once quadratic in several of notedeck's
    own patterns, now linear."""
    sections = [
        f"## Bracket run {i}\n\n- a line of one repeated piece of syntax follows\n\n"
        f"{unit * (10_000 // len(unit))}\n"
        for i, unit in enumerate(PATHOLOGICAL)
    ]
    got = _build(tmp_path, cli, "# Pathological\n\n" + "\n".join(sections))
    # Which of these lines of bare syntax make a card is extraction's business; here each
    # section finishes, and what cards there are come whole from their own section.
    names = {f"Bracket run {i}": unit for i, unit in enumerate(PATHOLOGICAL)}
    terms = [c.fields["Term"] for c in got]
    assert terms == [name for name in names if name in terms] and len(terms) >= 10
    for card in got:
        assert card.fields["Definition"].strip()


def test_a_ten_megabyte_note_builds(tmp_path: Path, cli) -> None:
    paragraph = "컨테이너는 이미지를 실행한 상태이며 격리된 프로세스다. " * 160
    sections = [f"## 용어 {i}\n\n- **개념 {i}**\n  - {paragraph}\n" for i in range(850)]
    text = "# Big\n\n" + "\n".join(sections)
    assert len(text.encode("utf-8")) > 10 * 1024 * 1024
    got = _build(tmp_path, cli, text)
    # Each heading only names its bold term, so the term is the card (one per section).
    assert len(got) == 850
    assert [c.fields["Term"] for c in got[:2]] == ["개념 0", "개념 1"]
    assert paragraph.strip() in got[0].fields["Definition"]


def test_thousands_of_headings(tmp_path: Path, cli) -> None:
    text = "# Many\n\n" + "".join(f"## Heading {i}\n\nbody {i}\n\n" for i in range(4000))
    got = _build(tmp_path, cli, text)
    assert [c.fields["Term"] for c in got] == [f"Heading {i}" for i in range(4000)]
    assert got[3999].fields["Definition"] == "<p>body 3999</p>"


@pytest.mark.parametrize(
    ("html", "terms"),
    [
        ("<div><span><b>open tags never closed", ["Broken", "Next"]),
        ("</div></span></table> closing tags never opened", ["Broken", "Next"]),
        ("<table><tr><td>half a table", ["Broken", "Next"]),
        ("<div>" * 5000 + "deeply nested", ["Broken", "Next"]),
        ("<ul><li>" * 3000 + "deep list", ["Broken", "Next"]),
        # CommonMark: an HTML comment block runs to `-->` or the end of the note.
        ("<!-- a comment never closed\n\nmore", ["Broken"]),
        ("<details><summary>never closed", ["Broken", "Next"]),
    ],
    ids=["unclosed", "unopened", "half-table", "5000-divs", "3000-lists", "comment", "details"],
)
def test_unbalanced_html_stays_inside_its_card(
    html: str, terms: list[str], tmp_path: Path, cli
) -> None:
    got = _build(tmp_path, cli, f"# HTML\n\n## Broken\n\nbefore\n\n{html}\n\n## Next\n\nafter\n")
    assert [c.fields["Term"] for c in got] == terms
    assert "before" in got[0].fields["Definition"]
    if len(got) > 1:
        assert text_of(got[1].fields["Definition"]) == "after"
    # The card's own HTML is balanced: what it opens, it closes.
    definition = got[0].fields["Definition"]
    for tag in ("div", "span", "table", "details", "ul"):
        opened = len(re.findall(rf"<{tag}\b", definition))
        assert opened == len(re.findall(rf"</{tag}>", definition))


def test_unclosed_code_fence_runs_to_the_end_as_code(tmp_path: Path, cli) -> None:
    text = (
        "# Code\n\n## Fork\n\n- creates a process\n\n"
        "## Exec\n\n- replaces the process image\n\n```python\nprint(1)\n## not a heading\n"
    )
    got = _build(tmp_path, cli, text)
    assert [c.fields["Term"] for c in got] == ["Fork", "Exec"]
    assert "## not a heading" in got[1].fields["Definition"]
    assert "<code" in got[1].fields["Definition"]


def test_a_table_with_a_thousand_columns(tmp_path: Path, cli) -> None:
    header = "| " + " | ".join(f"c{i}" for i in range(1000)) + " |"
    rule = "|" + "---|" * 1000
    row = "| " + " | ".join(f"v{i}" for i in range(1000)) + " |"
    got = _build(
        tmp_path,
        cli,
        f"# Wide\n\n## Sensor log\n\n- one reading per column\n\n{header}\n{rule}\n{row}\n",
    )
    assert [c.fields["Term"] for c in got] == ["Sensor log"]
    definition = got[0].fields["Definition"]
    assert definition.count("<th>") == 1000 and definition.count("<td>") == 1000
    assert "v999" in definition


def test_a_long_line_of_almost_tags_finishes(tmp_path: Path, cli) -> None:
    """`#a  #b  … x`: a line that looks like a tag footer until its last word once took
    exponential time (found by benchmarks/fuzz.py)."""
    line = "#tag  " * 40 + "and then a word"
    got = _build(tmp_path, cli, f"# Tags\n\n## Latency\n\n- the time a request waits\n\n{line}\n")
    assert [c.fields["Term"] for c in got] == ["Latency"]
    assert "and then a word" in got[0].fields["Definition"]


def test_emphasis_nested_hundreds_deep_builds(tmp_path: Path, cli) -> None:
    """`*x *x *x … y***…`: inline markup 300 levels deep once overflowed the recursive syntax
    tree (found by benchmarks/fuzz.py); such a line is kept as plain text, with a warning."""
    deep = "*x " * 300 + "y" + "*" * 300
    text = f"# Deep\n\n## Latency\n\n- the time a request waits\n- {deep}\n"
    got = _build(
        tmp_path,
        cli,
        text,
        warnings=(
            "6: warning: inline markup nested more than 100 levels deep: its text is kept as "
            "plain text, without its formatting (flatten it)",
        ),
    )
    assert [c.fields["Term"] for c in got] == ["Latency"]
    # What the warning says: the line's words are all there, as plain text (no emphasis).
    definition = got[0].fields["Definition"]
    assert definition.split().count("x") == 300 and "y" in definition.split()
    assert "<em>" not in definition


def test_a_fence_opened_with_trailing_spaces_builds(tmp_path: Path, cli) -> None:
    # "``` " gives markdown-it an info string of one space: no language, not a crash
    got = _build(
        tmp_path,
        cli,
        "# Git\n\n## Undo\n\n``` \ngit reset --hard\n```\n\n## Stash\n- Shelve changes for later\n",
    )
    assert [c.fields["Term"] for c in got] == ["Undo", "Stash"]


def test_a_fault_on_one_note_is_that_notes_error_not_a_traceback(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.workers as workers

    real = workers.extract

    def faulty(parsed, info, *rest):  # type: ignore[no-untyped-def]
        if info.path.endswith("bad.md"):
            return [][0]
        return real(parsed, info, *rest)

    monkeypatch.setattr(workers, "extract", faulty)
    write(tmp_path / "notes" / "a" / "good.md", "# Good\n\n## Mutex\n- A lock one thread owns\n")
    write(tmp_path / "notes" / "b" / "bad.md", "# Bad\n\n## Semaphore\n- A counter\n")
    run = cli("build", str(tmp_path / "notes"), "-o", str(tmp_path / "out"))
    assert run.code == 1
    (line,) = [x for x in run.lines if "bad.md" in x]
    assert line.startswith(f"{tmp_path}/notes/b/bad.md:1: error: notedeck failed on this note")
    assert "IndexError: list index out of range, at test_robust_structure.py:" in line
    assert "please report it" in line
    assert "Traceback" not in "\n".join(run.lines)
    (apkg,) = (tmp_path / "out").glob("*.apkg")  # the other note's deck is built
    assert [c.fields["Term"] for c in imported(apkg, tmp_path / "anki")] == ["Mutex"]
