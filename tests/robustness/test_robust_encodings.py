"""Encodings and broken files: every note either builds or gets a message with file:line,
and one bad note never stops the others."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from robust_helpers import imported, write

NOTE = (
    "# 도커 기초\n\n## 이미지\n\n- 컨테이너를 만드는 틀\n- 읽기 전용 계층\n\n"
    "## Container\n\n- 이미지를 실행한 상태\n"
)
GOOD = "# Good\n\n## Latency\n\n- the time a request waits\n"


def _encoded(kind: str) -> bytes:
    crlf = NOTE.replace("\n", "\r\n")
    return {
        "utf-8": NOTE.encode("utf-8"),
        "utf-8-bom": codecs.BOM_UTF8 + NOTE.encode("utf-8"),
        "utf-16-le-bom": codecs.BOM_UTF16_LE + crlf.encode("utf-16-le"),
        "utf-16-be-bom": codecs.BOM_UTF16_BE + NOTE.encode("utf-16-be"),
        "utf-32-bom": NOTE.encode("utf-32"),
        "crlf": crlf.encode("utf-8"),
        "cr": NOTE.replace("\n", "\r").encode("utf-8"),
        "bom-crlf": codecs.BOM_UTF8 + crlf.encode("utf-8"),
    }[kind]


@pytest.mark.parametrize(
    "kind",
    [
        "utf-8",
        "utf-8-bom",
        "utf-16-le-bom",
        "utf-16-be-bom",
        "utf-32-bom",
        "crlf",
        "cr",
        "bom-crlf",
    ],
)
def test_every_unicode_encoding_and_line_ending_gives_the_same_deck(
    kind: str, tmp_path: Path, cli
) -> None:
    write(tmp_path / "notes" / "docker.md", _encoded(kind))
    run = cli("build", str(tmp_path / "notes"), "-o", str(tmp_path / "out"))
    assert (run.code, run.lines) == (0, [])
    got = imported(tmp_path / "out" / "도커-기초.apkg", tmp_path / "anki")
    assert [c.fields["Term"] for c in got] == ["이미지", "Container"]
    assert "컨테이너를 만드는 틀" in got[0].fields["Definition"]
    assert "\r" not in got[0].fields["Definition"]
    assert got[0].deck == "도커 기초"


@pytest.mark.parametrize("codec", ["cp949", "euc-kr"])
def test_korean_legacy_encoding_is_decoded_with_a_warning(codec: str, tmp_path: Path, cli) -> None:
    write(tmp_path / "notes" / "docker.md", NOTE.replace("\n", "\r\n").encode(codec))
    run = cli("build", str(tmp_path / "notes"), "-o", str(tmp_path / "out"))
    assert run.code == 0
    assert len(run.lines) == 1
    assert run.lines[0] == (
        f"{tmp_path}/notes/docker.md:1: warning: not UTF-8; decoded as Korean CP949/EUC-KR "
        "(save it as UTF-8)"
    )
    got = imported(tmp_path / "out" / "도커-기초.apkg", tmp_path / "anki")
    assert [c.fields["Term"] for c in got] == ["이미지", "Container"]
    assert "읽기 전용 계층" in got[0].fields["Definition"]


def test_undecodable_bytes_name_file_and_line_and_other_notes_still_build(
    tmp_path: Path, cli
) -> None:
    notes = tmp_path / "notes"
    write(notes / "good.md", GOOD)
    write(notes / "bad.md", b"# Bad\n\n## Latency\n\n- caf\xe9 au lait\n")
    out = tmp_path / "out"
    write(out / "Bad.apkg", b"the previous deck")
    run = cli("build", str(notes), "-o", str(out))
    assert run.code == 1
    assert len(run.lines) == 1
    assert run.lines[0].endswith(
        "bad.md:5: error: cannot decode: byte 0xe9 is neither UTF-8 nor CP949/EUC-KR "
        "(save the note as UTF-8)"
    )
    assert (out / "Bad.apkg").read_bytes() == b"the previous deck"
    got = imported(out / "Good.apkg", tmp_path / "anki")
    assert [(c.fields["Term"], c.deck) for c in got] == [("Latency", "Good")]


def test_undecodable_utf16_names_its_line(tmp_path: Path, cli) -> None:
    data = codecs.BOM_UTF16_LE + "# T\n\n## a\n\nx\n".encode("utf-16-le") + b"\x00\xd8\n\x00"
    write(tmp_path / "n" / "u16.md", data)
    run = cli("list", str(tmp_path / "n"))
    assert run.code == 1
    assert run.lines[0].endswith(
        "u16.md:6: error: cannot decode: invalid UTF-16 data (save the note as UTF-8)"
    )


@pytest.mark.parametrize(
    "data",
    [
        b"# Note\n\nsome\x00text\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
        bytes(range(1, 32)) * 40,
    ],
    ids=["nul-byte", "png-named-md", "control-characters"],
)
def test_binary_file_with_a_note_name_is_skipped_with_a_warning(
    data: bytes, tmp_path: Path, cli
) -> None:
    notes = tmp_path / "notes"
    write(notes / "good.md", GOOD)
    write(notes / "image.md", data)
    run = cli("build", str(notes), "-o", str(tmp_path / "out"))
    assert run.code == 0
    assert len(run.lines) == 1
    assert run.lines[0].endswith(
        "image.md:1: warning: skipped: binary data, not a Markdown note "
        "(save the note as UTF-8 text)"
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["Good.apkg"]
    got = imported(tmp_path / "out" / "Good.apkg", tmp_path / "anki")
    assert [c.fields["Term"] for c in got] == ["Latency"]


@pytest.mark.parametrize(
    "text",
    ["", "\n\n  \n", "---\ntitle: Only front matter\ntags: [a, b]\n---\n", "---\n---\n"],
    ids=["empty", "blank-lines", "only-front-matter", "empty-front-matter"],
)
def test_empty_notes_build_nothing_without_complaint(text: str, tmp_path: Path, cli) -> None:
    notes = tmp_path / "notes"
    write(notes / "empty.md", text)
    write(notes / "good.md", GOOD)
    run = cli("build", str(notes), "-o", str(tmp_path / "out"))
    assert (run.code, run.lines) == (0, [])
    assert "Built 1 deck(s), 1 card(s)" in run.out
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["Good.apkg"]
    assert [c.fields["Term"] for c in imported(tmp_path / "out" / "Good.apkg", tmp_path / "a")] == [
        "Latency"
    ]


BROKEN_FRONT_MATTER = [
    ("---\ntitle: ok\ntags: [a, b\ndeck: x\n---\n# T\n", 4,
     "broken front matter: expected ',' or ']', but got ':'"),
    ("---\ntitle: a\n  bad: indent\n---\n", 3,
     "broken front matter: mapping values are not allowed here"),
    ("---\ntitle: x\n\n# Heading\n\nbody\n", 1,
     "front matter is never closed (end it with a line of ---)"),
    ("---\n- a\n- b\n---\n", 2, "front matter must be a mapping of `key: value` lines"),
    ("---\ndate: 2024-13-45\n---\n", 2, "broken front matter: month must be in 1..12"),
    ("---\nx: !!python/object/apply:os.system [echo hacked]\n---\n", 2,
     "broken front matter: could not determine a constructor for the tag"),
    ("---\nx: " + "[" * 1500 + "]" * 1500 + "\n---\n", 2, "broken front matter: nested too deeply"),
    ("---\nx: " + "{a: " * 60 + "}" * 60 + "\n---\n", 2, "broken front matter: nested too deeply"),
    ('---\nx: "' + "a" * 70_000 + '"\n---\n', 2, "front matter is too large (keep it under 64 KB)"),
    ("---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
     "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
     "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "tags: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n", 2,
     "front matter is too large (YAML aliases?)"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "line", "message"), BROKEN_FRONT_MATTER)
def test_broken_front_matter_is_an_error_at_its_line(
    text: str, line: int, message: str, tmp_path: Path, cli
) -> None:
    notes = tmp_path / "notes"
    write(notes / "broken.md", text)
    write(notes / "good.md", GOOD)
    out = tmp_path / "out"
    run = cli("build", str(notes), "-o", str(out))
    assert run.code == 1
    assert len(run.lines) == 1
    assert f"broken.md:{line}: error: {message}" in run.lines[0]
    assert [p.name for p in out.iterdir()] == ["Good.apkg"]
    assert [c.fields["Term"] for c in imported(out / "Good.apkg", tmp_path / "a")] == ["Latency"]
    # `list` reports the same problem and fails too.
    listed = cli("list", str(notes), "--json")
    assert listed.code == 1
    assert f"broken.md:{line}: error: {message}" in listed.lines[0]


def test_too_large_note_is_refused_without_reading_it_all(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import read

    monkeypatch.setattr(read, "MAX_NOTE_BYTES", 2 * 1024 * 1024)
    notes = tmp_path / "notes"
    write(notes / "huge.md", "# Huge\n\n## a\n\n" + "x" * (2 * 1024 * 1024) + "\n")
    write(notes / "good.md", GOOD)
    run = cli("build", str(notes), "-o", str(tmp_path / "out"))
    assert run.code == 1
    assert run.lines[0].endswith(
        "huge.md:1: error: note is larger than 2 MB (split it into several notes)"
    )
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["Good.apkg"]
    assert [c.fields["Term"] for c in imported(tmp_path / "out" / "Good.apkg", tmp_path / "a")] == [
        "Latency"
    ]


def test_a_deck_with_a_broken_note_is_not_rewritten(tmp_path: Path, cli) -> None:
    """Rewriting it would drop the broken note's cards from the .apkg; keep the last good one."""
    notes = tmp_path / "notes"
    write(notes / "a.md", "---\ndeck: Shared\n---\n# A\n\n## Alpha\n\n- first\n")
    write(notes / "b.md", b"---\ndeck: Shared\n---\n# B\n\n## Beta\n\n- caf\xe9\n")
    write(notes / "c.md", "---\ntitle: Broken\ntags: [x\n---\n# C\n\n## Gamma\n\n- third\n")
    write(notes / "good.md", GOOD)
    out = tmp_path / "out"
    write(out / "Shared.apkg", b"last good Shared")
    write(out / "Broken.apkg", b"last good Broken")
    run = cli("build", str(notes), "-o", str(out))
    assert run.code == 1
    assert run.lines == [
        f"{notes}/b.md:8: error: cannot decode: byte 0xe9 is neither UTF-8 nor CP949/EUC-KR "
        "(save the note as UTF-8)",
        f"{notes}/c.md:4: error: broken front matter: expected ',' or ']', but got '<stream end>' "
        "(check the YAML between the ---)",
        f"warning: {out}/Shared.apkg not written: a note of deck 'Shared' has errors "
        "(the previous file, if any, is unchanged)",
    ]
    assert (out / "Shared.apkg").read_bytes() == b"last good Shared"
    assert (out / "Broken.apkg").read_bytes() == b"last good Broken"
    assert sorted(p.name for p in out.iterdir()) == ["Broken.apkg", "Good.apkg", "Shared.apkg"]
    assert [c.fields["Term"] for c in imported(out / "Good.apkg", tmp_path / "a")] == ["Latency"]


def test_front_matter_values_of_any_shape(tmp_path: Path, cli) -> None:
    notes = tmp_path / "notes"
    write(
        notes / "spaces.md",
        "---\ntags: [machine learning, 한국 어, 3]\n---\n"
        "# S\n\n## Latency\n\n- the time a request waits\n",
    )
    write(
        notes / "long.md",
        "---\ndeck: "
        + "가" * 200
        + "\n---\n# L\n\n## Throughput\n\n- requests served per second\n",
    )
    write(
        notes / "dict.md", "---\ntags: {a: 1}\n---\n# D\n\n## Jitter\n\n- how much latency varies\n"
    )
    write(
        notes / "escape.md",
        "---\ndeck: ../../escape\n---\n# E\n\n## Bandwidth\n\n- how much data a link carries\n",
    )
    out = tmp_path / "out"
    run = cli("build", str(notes), "-o", str(out))
    assert run.code == 0  # front matter is shared with other tools: their values cost no deck
    assert run.lines == [
        f"{notes}/dict.md:2: warning: notedeck ignores front matter `tags`: expected a word or a "
        "list of words, got dict {'a': 1} (the note is built without it; if it is meant for "
        "notedeck, write e.g. `tags: [network, exam]`)"
    ]
    long_name = "가" * 66 + ".apkg"  # 200 bytes of UTF-8 at most, whole characters only
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["D.apkg", "S.apkg", "_.._escape.apkg", long_name]
    )
    got = imported(out / "S.apkg", tmp_path / "a")
    assert [(c.fields["Term"], sorted(c.tags)) for c in got] == [
        ("Latency", ["3", "S::Latency", "machine_learning", "한국_어"])
    ]
    assert [c.deck for c in imported(out / long_name, tmp_path / "b")] == ["가" * 200]
