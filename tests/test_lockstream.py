"""The lock file read a line at a time (lockstream.py) gives exactly what parsing it whole gives;
any other layout is left to the whole-file parser, with its messages."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.lock import Entry, LockFile, TypeEntry, render_lock
from generator.lockread import read_lock
from generator.lockstream import _CHUNK, read_canonical
from generator.model import NotedeckError

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
entries = st.builds(
    Entry,
    file=text,
    note=text,
    deck=text,
    section=st.tuples(text, text) | st.tuples(),
    term=text,
    model=st.sampled_from(["basic", "cloze"]),
    hash=st.text("0123456789abcdef", min_size=64, max_size=64),
    mod=st.integers(0, 2**40),
    sketch=text,
    alias=st.sampled_from(["", "g-old"]),
    removed=st.booleans(),
)
types = st.dictionaries(text, st.builds(TypeEntry, text, st.integers(0, 2**40)), max_size=3)


def whole(path: Path) -> LockFile:
    """The lock file as the whole-file parser reads it."""
    data = json.loads(path.read_text("utf-8"))
    from generator.lock import entry_from

    cards = {g: entry_from(e) for g, e in data["cards"].items()}
    kinds = {n: TypeEntry(t["hash"], t["mod"]) for n, t in data["types"].items()}
    return LockFile(path, cards, kinds)


@settings(max_examples=150, deadline=None)
@given(cards=st.dictionaries(text, entries, max_size=6), kinds=types)
def test_a_lock_file_read_a_line_at_a_time_is_the_one_written(
    tmp_path_factory: pytest.TempPathFactory, cards: dict[str, Entry], kinds: dict[str, TypeEntry]
) -> None:
    path = tmp_path_factory.mktemp("lock") / "notedeck.lock"
    path.write_text(render_lock(cards, kinds), "utf-8")
    read = read_canonical(path)
    assert read is not None
    expected = whole(path)
    assert read.cards == expected.cards == cards
    assert read.note_types == expected.note_types == kinds
    assert read.digest == read_lock(path).digest != ""
    # The digest of the bytes as written, as the whole-file parser takes it (read_lock above
    # reads a line at a time too, so it alone would not tell).
    assert read.digest == hashlib.sha256(path.read_bytes()).hexdigest()


SAMPLE_CARDS = {
    "g1": Entry("a.md", "a.md", "Deck", ("Net", '"TCP"'), "TCP", "basic", "0" * 64, 5, "ab"),
    "g2": Entry("b.md", "b.md", "Deck", (), "줄\n바꿈", "cloze", "1" * 64, 6, "", "g0", True),
}
SAMPLE_TYPES = {"basic": TypeEntry("x", 1)}


@pytest.mark.parametrize(
    "change",
    [
        lambda t: json.dumps(json.loads(t), indent=4, ensure_ascii=False),  # reformatted
        lambda t: t.replace("\n", "\r\n"),  # Windows line ends
        lambda t: t + "\n",  # an extra blank line at the end
    ],
)
def test_any_other_layout_is_read_whole(tmp_path: Path, change: object) -> None:
    path = tmp_path / "notedeck.lock"
    path.write_text(change(render_lock(SAMPLE_CARDS, SAMPLE_TYPES)), "utf-8")  # type: ignore[operator]
    assert read_canonical(path) is None
    lock = read_lock(path)
    assert lock.cards == SAMPLE_CARDS and lock.note_types == SAMPLE_TYPES


def test_a_line_edited_by_hand_reads_as_its_json_says(tmp_path: Path) -> None:
    """Each line is JSON in its own right: other spacing inside one means the same."""
    path = tmp_path / "notedeck.lock"
    written = render_lock(SAMPLE_CARDS, SAMPLE_TYPES)
    path.write_text(written.replace('"version": 1', '"version":1').replace(", ", ","), "utf-8")
    read = read_canonical(path)
    assert read is not None and read.cards == SAMPLE_CARDS and read.note_types == SAMPLE_TYPES
    assert read.digest == read_lock(path).digest
    assert read.digest == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace('"version": 1', '"version": 9'), "unknown version 9"),
        (lambda t: t.replace('"mod": 5', '"mod": "five"'), "unexpected content"),
        (lambda t: t.replace('"term": "TCP", ', ""), "unexpected content"),
        (lambda t: t.replace('"TCP"', '"TCP'), "the lock file is broken"),
    ],
)
def test_a_broken_lock_file_gets_the_whole_file_parsers_message(
    tmp_path: Path, change: object, message: str
) -> None:
    path = tmp_path / "notedeck.lock"
    path.write_text(change(render_lock(SAMPLE_CARDS, SAMPLE_TYPES)), "utf-8")  # type: ignore[operator]
    assert read_canonical(path) is None
    with pytest.raises(NotedeckError, match=message):
        read_lock(path)


def test_merge_conflict_markers_are_left_to_the_merging_reader(tmp_path: Path) -> None:
    written = render_lock(SAMPLE_CARDS, SAMPLE_TYPES).splitlines(keepends=True)
    at = next(i for i, line in enumerate(written) if '"g2"' in line)
    theirs = written[at].replace('"mod": 6', '"mod": 9')
    conflicted = [*written[:at], "<<<<<<< ours\n", written[at], "=======\n", theirs]
    path = tmp_path / "notedeck.lock"
    path.write_text("".join([*conflicted, ">>>>>>> theirs\n", *written[at + 1 :]]), "utf-8")
    assert read_canonical(path) is None
    assert read_lock(path).cards["g2"].mod == 9


def _many(count: int) -> dict[str, Entry]:
    return {
        f"g{i:05}": Entry(f"n{i % 7}.md", f"n{i % 7}", "Deck", ("S",), f"T{i}", "basic", "0", i, "")
        for i in range(count)
    }


@pytest.mark.parametrize("count", [1, _CHUNK - 1, _CHUNK, _CHUNK + 1, 3 * _CHUNK + 5])
def test_card_lines_read_in_chunks_are_the_ones_written(tmp_path: Path, count: int) -> None:
    path = tmp_path / "notedeck.lock"
    path.write_text(render_lock(_many(count), SAMPLE_TYPES), "utf-8")
    read = read_canonical(path)
    assert read is not None and read.cards == whole(path).cards == _many(count)
    assert list(read.cards) == list(whole(path).cards)  # in the file's order


@pytest.mark.parametrize(
    "change",
    [
        # two cards on one line, and one card over two lines: as many members as lines
        lambda lines: [
            lines[0].removesuffix(",\n") + ", " + lines[1].lstrip(),
            lines[2][: lines[2].index(' "note"')] + "\n",
            "    " + lines[2][lines[2].index('"note"') :],
            *lines[3:],
        ],
        lambda lines: [lines[0], lines[0], *lines[2:]],  # one GUID twice
        lambda lines: [lines[0].replace("    ", "  ", 1), *lines[1:]],  # another indent
    ],
)
def test_card_lines_out_of_layout_are_read_whole(tmp_path: Path, change: object) -> None:
    """A chunk is parsed as one document, so its lines' layout is checked as a whole: lines
    that do not hold a member each are read whole, or (two on one line, one over two lines)
    as the chunk's JSON says, which is what reading it whole gives."""
    cards = _many(6)
    text = render_lock(cards, SAMPLE_TYPES)
    head, rest = text.split('  "cards": {\n')
    body, tail = rest.split("\n  }\n")
    lines = [line + ",\n" for line in body.split(",\n")]
    lines[-1] = lines[-1].removesuffix(",\n") + "\n"
    changed = change(lines)  # type: ignore[operator]
    path = tmp_path / "notedeck.lock"
    path.write_text(head + '  "cards": {\n' + "".join(changed) + "  }\n" + tail, "utf-8")
    read = read_canonical(path)
    assert read is None or read.cards == whole(path).cards
    assert read_lock(path).cards == whole(path).cards
