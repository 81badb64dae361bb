"""Inputs found by attacking the CLI: each once gave a traceback, a hang or minutes of work
on a small note. Each now gives a clear message (or a deck) quickly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from robust_helpers import imported, write

GOOD = "# Good\n\n## Latency\n\n- the time a request waits\n"
NOT_UTF8 = "error: skipped: the name is not valid UTF-8 (rename it)"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_file_and_folder_names_that_are_not_utf8(tmp_path: Path, cli) -> None:
    """A card id, the lock file and messages are UTF-8: such a name once crashed `list` and
    `build` with UnicodeEncodeError; now the file is refused by name and the rest builds."""
    notes = tmp_path / "notes"
    write(notes / "good.md", GOOD)
    bad = notes / os.fsdecode(b"bad\xff.md")
    write(bad, "# Bad\n\n## Jitter\n\n- how much latency varies\n")
    write(notes / os.fsdecode(b"dir\xfe") / "inner.md", "# Inner\n\n## Skew\n\n- clock drift\n")
    expected = [
        f"{notes}/bad\\xff.md: {NOT_UTF8}",
        f"{notes}/dir\\xfe: {NOT_UTF8}",
    ]
    listed = cli("list", str(notes), "--json")
    assert (listed.code, listed.lines) == (1, expected)
    assert '"term": "Latency"' in listed.out and "Jitter" not in listed.out
    run = cli("build", str(notes), "-o", str(tmp_path / "out"))
    assert (run.code, run.lines) == (1, expected)
    got = imported(tmp_path / "out" / "Good.apkg", tmp_path / "anki")
    assert [c.fields["Term"] for c in got] == ["Latency"]
    direct = cli("list", str(bad))
    assert (direct.code, direct.lines) == (1, [f"{bad.parent}/bad\\xff.md: {NOT_UTF8}"])


BROKEN = "the lock file is broken"
KEEP = (
    "(restore it from version control; deleting it keeps card identities but the next import "
    "may overwrite edits made in Anki)"
)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("[" * 9_000 + "]" * 9_000), f"{BROKEN}: nested too deeply {KEEP}"),
        (lambda p: os.mkfifo(p), "cannot read the lock file: not a regular file"),
        (lambda p: p.mkdir(), "cannot read the lock file: Is a directory"),
    ],
    ids=["nested-json", "fifo", "folder"],
)
def test_a_hostile_lock_file_is_an_error_not_a_traceback_or_a_hang(
    make, message: str, tmp_path: Path, cli
) -> None:
    """`[[[[…` once raised RecursionError; a FIFO named notedeck.lock blocked for ever."""
    notes = tmp_path / "notes"
    write(notes / "good.md", GOOD)
    out = write(tmp_path / "out" / "Good.apkg", b"the previous deck").parent
    make(notes / "notedeck.lock")
    run = cli("build", str(notes), "-o", str(out))
    assert (run.code, run.lines) == (1, [f"{notes}/notedeck.lock: error: {message}"])
    assert (out / "Good.apkg").read_bytes() == b"the previous deck"


def test_a_config_nested_too_deeply_is_a_config_error(tmp_path: Path, cli) -> None:
    """tomllib recursed once per `[`: a 5,000-deep array raised RecursionError."""
    notes = tmp_path / "notes"
    write(notes / "good.md", GOOD)
    write(notes / "notedeck.toml", "tags = " + "[" * 5000 + "]" * 5000 + "\n")
    for command in ("build", "list"):
        run = cli(command, str(notes))
        assert run.code == 2
        assert run.lines == [f"{notes}/notedeck.toml:1: error: broken TOML: nested too deeply"]


@pytest.mark.parametrize("template", ["{title:>99999999}", "{folder!r}::{title}", "{stem:x<50}"])
def test_deck_template_placeholders_take_no_format(template: str, tmp_path: Path, cli) -> None:
    """`{title:>99999999}` once built a 100 MB deck name (a gigabyte with one more digit)."""
    notes = tmp_path / "notes"
    write(notes / "good.md", GOOD)
    write(notes / "notedeck.toml", f'deck = "{template}"\n')
    run = cli("build", str(notes), "-o", str(tmp_path / "out"))
    name = template.split("::")[0].split(":")[0].split("!")[0].strip("{")
    assert run.code == 2
    assert run.lines == [
        f"{notes}/notedeck.toml:1: error: bad value for `deck`: a placeholder takes no format "
        f"or conversion; write {{{name}}}"
    ]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("tool", ["tool = 3", 'tool = "notedeck"', "tool = [1]"])
def test_a_pyproject_whose_tool_is_not_a_table_is_not_a_config(
    tool: str, tmp_path: Path, cli
) -> None:
    """`"notedeck" in 3` raised TypeError while looking for the config file."""
    write(tmp_path / "pyproject.toml", tool + "\n")
    write(tmp_path / "notes" / "good.md", GOOD)
    run = cli("build", str(tmp_path / "notes"), "-o", str(tmp_path / "out"))
    assert (run.code, run.lines) == (0, [])
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["Good.apkg"]


BRACKET_RUNS = ["[", "![", "[a", "[[]", "![a", "[a](", "[[", "[[a|", "[x]("]


@pytest.mark.parametrize("unit", BRACKET_RUNS)
def test_a_line_of_unclosed_brackets_is_scanned_once(unit: str, monkeypatch) -> None:
    """markdown-it walked from every `[` to the end of the paragraph looking for its `]`:
    `[` × 100,000 took minutes. Each token is now skipped about once per character, and the
    tokens are exactly those of markdown-it's own scan."""
    from markdown_it.parser_inline import ParserInline

    from generator.parse import markdown

    calls = 0
    real = ParserInline.skipToken

    def counting(self: ParserInline, state: object) -> None:
        nonlocal calls
        calls += 1
        real(self, state)  # type: ignore[arg-type]

    monkeypatch.setattr(ParserInline, "skipToken", counting)
    text = unit * (4000 // len(unit))
    ours = markdown().parse(text)
    assert calls <= 3 * len(text)  # markdown-it's own scan: 100 to 200 per character
    monkeypatch.undo()
    assert _tokens(ours) == _tokens(_stock().parse(text))


def _stock():  # type: ignore[no-untyped-def]
    """The parser notedeck configures, with markdown-it's own link-label scan."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    from generator.parse import MAX_NESTING

    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
    md.enable(["table", "strikethrough"])
    md.use(front_matter_plugin).use(deflist_plugin).use(dollarmath_plugin, double_inline=True)
    return md


def _tokens(tokens: list) -> list:  # type: ignore[type-arg]
    return [
        (t.type, t.content, t.map, [(c.type, c.content, c.attrs) for c in t.children or []])
        for t in tokens
    ]


def test_link_label_scan_gives_markdown_its_own_tokens() -> None:
    """Nested, closed, unclosed and mixed brackets: the same tokens as markdown-it's scan."""
    import random

    from generator.parse import markdown

    pieces = ["[", "[", "![", "]", "(", ")", "a", " ", "`", "\\", "\n", "*", "<a href='x'>", "</a>",
              "[a]", "](u)", "[x]: /u\n", "[[", "]]", "[^1]", "<", ">", '"']  # fmt: skip
    rng = random.Random(9)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 300))) for _ in range(400)]
    texts += ["[" * 150 + "a" + "]" * 150 + "(u)", "[a [b [c](u) d](v) e](w)", "![a ![b](c)](d)"]
    texts += ["[x][y] [[x]] [x][] [x](<u v>) [x](u 'title') ![x][y]\n\n[y]: /z\n"]
    for text in texts:
        assert _tokens(markdown().parse(text)) == _tokens(_stock().parse(text)), text


@pytest.mark.parametrize("unit", BRACKET_RUNS)
def test_notedecks_own_link_patterns_are_linear(unit: str) -> None:
    """Patterns that let `[` inside a link's text or URL tried each `[` to the end of the
    line: a 100,000-character line took tens of seconds in each."""
    import time

    from generator import attribute, check
    from generator.extract import colon, filters, terms

    line = unit * (100_000 // len(unit))
    for name, scan in [
        ("terms.show_wikilinks", terms.show_wikilinks),
        ("attribute.links_in_text", attribute.links_in_text),
        ("filters._WIKILINKS", filters._WIKILINKS.findall),
        ("colon._LINKS", colon._LINKS.findall),
        ("check._LINK", check._LINK.findall),
    ]:
        started = time.perf_counter()
        scan(line)
        assert time.perf_counter() - started < 1.0, name  # linear: milliseconds


@pytest.mark.parametrize("storm", ["{{c1::", "{{c1::a}", "x {{c2::y}} " + "{{c1::" * 3])
def test_unclosed_cloze_deletions_are_linear(storm: str) -> None:
    """`{{c1::` × 10,000 with no `}}`: each try of the cloze pattern ran to the end of the line
    over every later `::` (cubic); a 60 KB line took minutes. Deletions are found as before."""
    import time

    from generator import cardview
    from generator.extract import cloze

    line = "Text {{c1::kept}} then " + storm * (60_000 // len(storm))
    started = time.perf_counter()
    assert cloze.has_cloze(line)
    answer = cloze.answer_text(line)
    numbers = cardview.cloze_numbers(line)
    shown = cardview._cloze(line, 1, answer=False)
    assert time.perf_counter() - started < 2.0  # linear: milliseconds
    assert answer.startswith("Text kept then ")
    assert numbers == ([1, 2] if "c2" in storm else [1])
    assert shown.startswith('Text <span class="cloze">[...]</span> then ')
    # Short enough for the whole-line pattern: the same deletions either way.
    small = line[:500]
    whole = " ".join(cloze._CLOZE.sub(lambda m: m.group(2), small).split())
    assert cloze.answer_text(small) == whole
    assert cardview.cloze_numbers(small) == sorted({int(n) for n, _ in cloze._CLOZE.findall(small)})


def test_decks_whose_file_names_clash_are_not_written(tmp_path: Path, cli) -> None:
    """`A B` and `A-B` both make A-B.apkg (and `Alpha`/`alpha` clash on case-insensitive disks
    and in Anki): the second deck silently replaced the first. Now neither is written."""
    notes = tmp_path / "notes"
    body = "# {0}\n\n## {0} term\n\n- the time a request waits\n"
    write(notes / "a.md", "---\ndeck: A B\n---\n" + body.format("One"))
    write(notes / "b.md", "---\ndeck: A-B\n---\n" + body.format("Two"))
    write(notes / "c.md", "---\ndeck: Alpha\n---\n" + body.format("Three"))
    write(notes / "d.md", "---\ndeck: alpha\n---\n" + body.format("Four"))
    write(notes / "good.md", GOOD)
    out = tmp_path / "out"
    write(out / "A-B.apkg", b"the previous deck")
    run = cli("build", str(notes), "-o", str(out))
    kept = "(rename one of the decks; the previous file, if any, is unchanged)"
    assert run.code == 1
    assert run.lines == [
        f"{notes}/b.md:6: error: decks 'A B' and 'A-B' would be written to the same file, "
        f"{out}/A-B.apkg {kept}",
        f"{notes}/d.md:6: error: decks 'Alpha' and 'alpha' would be written to the same file, "
        f"{out}/Alpha.apkg {kept}",
    ]
    assert sorted(p.name for p in out.iterdir()) == ["A-B.apkg", "Good.apkg"]
    assert (out / "A-B.apkg").read_bytes() == b"the previous deck"
    assert [c.fields["Term"] for c in imported(out / "Good.apkg", tmp_path / "anki")] == ["Latency"]


def test_a_huge_local_image_is_refused_before_it_is_read(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch, opened
) -> None:
    """A 120 MB file with an image name was read whole into memory (twice) and bundled."""
    from generator import localpath

    monkeypatch.setattr(localpath, "MAX_IMAGE_BYTES", 2 * 1024 * 1024)
    notes = tmp_path / "notes"
    write(notes / "img" / "big.png", b"\x89PNG" + bytes(3 * 1024 * 1024))
    write(notes / "img" / "ok.png", b"\x89PNG-small")
    write(notes / "n.md", GOOD + "- ![big](img/big.png) ![ok](img/ok.png)\n")
    opened.paths.clear()  # what the test itself wrote
    run = cli("build", str(notes), "-o", str(tmp_path / "out"))
    assert (run.code, run.lines) == (
        0,
        [
            f"{notes}/n.md:6: warning: image 'img/big.png' is larger than 2 MB; not bundled "
            "(make it smaller)"
        ],
    )
    assert str(notes / "img" / "big.png") not in opened.paths
    got = imported(tmp_path / "out" / "Good.apkg", tmp_path / "anki")
    assert len(got) == 1 and "big.png" not in got[0].fields["Definition"]
    assert 'src="' in got[0].fields["Definition"]  # the small image is still bundled


def test_fifos_in_the_build_cache_are_misses_not_a_hang(tmp_path: Path) -> None:
    """The cache lives in the notes folder, which may come from someone else: a FIFO in place
    of an entry blocked the build for ever."""
    from cli_helpers import run

    notes = tmp_path / "notes"
    write(notes / "good.md", GOOD)
    out = tmp_path / "out"
    first = run(["build", str(notes), "-o", str(out)], tmp_path)
    assert first.returncode == 0, first.stderr
    before = (out / "Good.apkg").read_bytes()
    entries = [p for p in (notes / ".notedeck-cache").rglob("*.bin") if p.is_file()]
    assert len(entries) >= 3  # the note, its fields and the output folder's deck record
    for entry in entries:
        entry.unlink()
        os.mkfifo(entry)
    again = run(["build", str(notes), "-o", str(out)], tmp_path, timeout=60)
    assert (again.returncode, again.stderr) == (0, "")
    assert (out / "Good.apkg").read_bytes() == before


def test_a_paragraph_of_thousands_of_deletions_is_no_cloze_card(tmp_path: Path, cli) -> None:
    """`==a` × 20,000 made one cloze note of 10,000 deletions: 10,000 cards in Anki, and a
    preview that never finished. Such a paragraph is turned down (see `list --explain`)."""
    notes = tmp_path / "notes"
    storm = "==a" * 20_000
    ok = " ".join(f"{{{{c{i}::w{i}}}}}" for i in range(1, 101))
    write(notes / "n.md", GOOD + f"- {storm}\n\n## Many\n\n{ok}\n")
    run = cli("build", str(notes), "-o", str(tmp_path / "out"))
    assert (run.code, run.lines) == (0, [])
    got = imported(tmp_path / "out" / "Good.apkg", tmp_path / "anki")
    assert len(got) == 101  # Latency, and one card per deletion of the 100-deletion note
    assert {c.fields["Term"] for c in got if "Term" in c.fields} == {"Latency"}
    explained = cli("list", str(notes), "--explain")
    assert "more than 100 cloze deletions" in explained.out
    preview = cli("preview", str(notes), "-o", str(tmp_path / "preview"))
    assert preview.code == 0


def test_preview_pages_never_overwrite_each_other_or_the_index(tmp_path: Path, cli) -> None:
    """A deck called `index` was overwritten by the index page, and `A B` by `A-B`."""
    import re

    notes = tmp_path / "notes"
    decks = {"index": "Latency", "A B": "Jitter", "A-B": "Skew", "Good": "Lag"}
    for i, (deck, term) in enumerate(decks.items()):
        text = f"---\ndeck: {deck}\n---\n# N{i}\n\n## {term}\n\n- the meaning of {term}\n"
        write(notes / f"n{i}.md", text)
    out = tmp_path / "preview"
    run = cli("preview", str(notes), "-o", str(out))
    assert run.code == 0
    index = (out / "index.html").read_text("utf-8")
    links = re.findall(r'class="nd-deck-link" href="([^"]+)">([^<]+)</a>', index)
    assert sorted(deck for _, deck in links) == sorted(decks)
    assert ("Good.html", "Good") in links  # a page whose name is its own keeps it
    assert len({page for page, _ in links}) == 4
    for page, deck in links:
        assert f"the meaning of {decks[deck]}" in (out / page).read_text("utf-8")


def test_output_paths_that_cannot_be_folders_say_so(tmp_path: Path, cli) -> None:
    """`-o notes/good.md` said "File exists"; and a FIFO given as the notes said "no such
    file or folder"."""
    notes = tmp_path / "notes"
    note = write(notes / "good.md", GOOD)
    run = cli("build", str(notes), "-o", str(note))
    assert (run.code, run.lines) == (
        1,
        [
            f"notedeck: error: cannot write {note}/Good.apkg: Not a directory "
            "(the previous file, if any, is unchanged)"
        ],
    )
    assert note.read_text() == GOOD
    os.mkfifo(notes / "pipe.md")
    listed = cli("list", str(notes / "pipe.md"))
    assert (listed.code, listed.lines) == (
        1,
        [f"{notes}/pipe.md: error: not a note file or folder (check the path)"],
    )


def test_invisible_format_characters_leave_deck_file_names(tmp_path: Path, cli) -> None:
    """A right-to-left override in a title named the file `‮gnp.exe.apkg`, shown reversed."""
    notes = tmp_path / "notes"
    write(notes / "n.md", "# \u202egnp.exe\u200b\n\n## Latency\n\n- the time a request waits\n")
    run = cli("build", str(notes), "-o", str(tmp_path / "out"))
    assert (run.code, run.lines) == (0, [])
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["gnp.exe.apkg"]
    got = imported(tmp_path / "out" / "gnp.exe.apkg", tmp_path / "anki")
    assert [c.fields["Term"] for c in got] == ["Latency"]


def test_genankis_quadratic_html_check_is_not_run(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """genanki checks each field for unescaped `<` with a pattern that rescans the rest of the
    line at every tag: a line of 30,000 `$x$` (each a math span) spent 15 s there. Fields are
    sanitised HTML, so the check is skipped."""
    import genanki

    def quadratic(field: str) -> list[str]:
        raise AssertionError("genanki's HTML check ran")

    monkeypatch.setattr(genanki.Note, "_find_invalid_html_tags_in_field", quadratic)
    write(tmp_path / "notes" / "n.md", GOOD + "- " + "$x$ " * 2000 + "\n")
    run = cli("build", str(tmp_path / "notes"), "-o", str(tmp_path / "out"))
    assert (run.code, run.lines) == (0, [])
    monkeypatch.undo()
    got = imported(tmp_path / "out" / "Good.apkg", tmp_path / "anki")
    assert got[0].fields["Definition"].count("\\(x\\)") == 2000
