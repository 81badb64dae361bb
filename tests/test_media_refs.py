"""Images written the less common ways: reference-style (`![alt][ref]`, `![alt][]`, `![ref]`),
files saved without an extension, and Obsidian embeds with a size (`![[x.png|300]]`) — built,
imported into a fresh collection with the real `anki` package and checked there."""

from __future__ import annotations

from pathlib import Path

import pytest
from anki_helpers import img_sources, text_of
from media_helpers import check_deck, line_of, png, write_tree

from generator.build import build
from generator.options import BuildOptions
from generator.parse import images_in_line, parse
from generator.sniff import image_extension

RED, BLUE, GREEN, LAYERS, SECRET = png(255), png(0, 0, 255), png(0, 255, 0), png(7, 7, 7), png(1)
# `BM`, file size, four reserved zero bytes, pixel offset, then the info header.
BMP = b"BM" + b"\x3a\x00\x00\x00" + b"\x00" * 4 + b"\x36\x00\x00\x00" + b"\x28" + b"\x00" * 15
STACK = b'<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'

NOTE = """# Figures

## Reference image

- shown by a reference
![the red diagram][red]

## Collapsed reference

- the alt text is the label
![Blue][]

## Shortcut reference

- the shortcut form
![green]

## Reference in code

- code such as `![the red diagram][red]` stays as written

## Reference outside

- a reference may not leak a file either
![secret][out]

## Reference missing

- the picture was never saved
![lost][gone]

## Undefined reference

- a reference the note never defines
![typo][nowhere]

## Extensionless html

- raw HTML naming a file saved without an extension
<img src="img/layers" alt="layers">

## Extensionless markdown

- Markdown naming an SVG saved without an extension
![stack](img/stack)

## Not an image

- a text file without an extension
<img src="img/readme" alt="readme">

## Missing extensionless

- a file without an extension that was never saved
<img src="img/nothing" alt="nothing">

## Embedded note

- an Obsidian note embed is not an image
![[Other note]]

## Sized

- an Obsidian embed with a width
![[img/red.png|300]]

## Sized box

- an Obsidian embed with alt text, width and height
![[img/red.png|Red box|300x200]]

[red]: img/red.png "Red title"
[BLUE]: <img/blue one.png>
[green]: img/초록.png
[out]: ../secret.png
[gone]: img/사라진.png
"""


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    (tmp_path / "secret.png").write_bytes(SECRET)
    root = tmp_path / "notes"
    write_tree(
        root,
        {
            "figures.md": NOTE,
            "img/red.png": RED,
            "img/blue one.png": BLUE,
            "img/초록.png": GREEN,
            "img/layers": LAYERS,
            "img/stack": STACK,
            "img/readme": "just some text, not a picture\n",
            "Other note.md": "# Other\n",
        },
    )
    return root


def test_reference_extensionless_and_sized_images_in_anki(notes: Path, tmp_path: Path) -> None:
    report = build([str(notes / "figures.md")], BuildOptions(out=tmp_path / "dist"))
    note = notes / "figures.md"
    got = {(d.loc.line if d.loc else 0, d.level, d.message) for d in report.diagnostics}
    expected = {
        line_of(note, "![secret][out]"): "image '../secret.png' is outside the notes root",
        line_of(note, "![lost][gone]"): "image not found: img/사라진.png",  # as the note spells it
        line_of(note, 'src="img/readme"'): "image img/readme has no extension and is not a PNG",
        line_of(note, 'src="img/nothing"'): "image not found: img/nothing",
        line_of(note, "![typo][nowhere]"): "image reference ![typo][nowhere] names no reference",
    }
    assert len(got) == len(expected), got
    for line, message in expected.items():
        assert any(ln == line and msg.startswith(message) for ln, _, msg in got), (line, got)
    assert {level for _, level, _ in got} == {"warning"}

    cards = check_deck(tmp_path, Path(report.outputs[0]), [RED, BLUE, GREEN, LAYERS, STACK])
    by_term = {c.fields["Term"]: c for c in cards}
    assert len(by_term) == 14
    undefined = by_term["Undefined reference"].answer
    assert "![typo][nowhere]" in text_of(undefined) and "<img" not in undefined

    def only_image(term: str) -> str:
        (src,) = img_sources(by_term[term].answer)
        return src

    assert only_image("Reference image").endswith("-red.png")
    assert 'title="Red title"' in by_term["Reference image"].answer
    assert 'alt="the red diagram"' in by_term["Reference image"].answer
    assert only_image("Collapsed reference").endswith("-blue one.png")
    assert only_image("Shortcut reference").endswith("-초록.png")
    assert only_image("Extensionless html").endswith("-layers.png")
    assert only_image("Extensionless markdown").endswith("-stack.svg")
    code = by_term["Reference in code"].answer
    assert "<code>![the red diagram][red]</code>" in code and "<img" not in code
    for term, alt in [
        ("Reference outside", "secret"),
        ("Reference missing", "lost"),
        ("Not an image", "readme"),
        ("Missing extensionless", "nothing"),
    ]:
        answer = by_term[term].answer
        assert "<img" not in answer
        assert f'<span class="nd-image-missing">[image: {alt}]</span>' in answer
    assert "<img" not in by_term["Embedded note"].answer
    assert "[image" not in by_term["Embedded note"].answer
    assert "Other note" in text_of(by_term["Embedded note"].answer)  # its name, as a link shows

    sized = by_term["Sized"].answer
    assert only_image("Sized") == only_image("Reference image")  # one file, stored once
    assert 'width="300"' in sized and "height=" not in sized and 'alt=""' in sized
    assert "300" not in text_of(sized)
    box = by_term["Sized box"].answer
    assert 'width="300"' in box and 'height="200"' in box and 'alt="Red box"' in box


def test_reference_definitions_make_no_cards_and_references_keep_line_numbers() -> None:
    parsed = parse(NOTE)
    original = NOTE.split("\n")
    assert len(parsed.lines) == len(original)
    changed = [i for i, line in enumerate(original) if parsed.lines[i] != line]
    assert [original[i] for i in changed] == [
        "![the red diagram][red]",
        "![Blue][]",
        "![green]",
        "![secret][out]",
        "![lost][gone]",
    ]
    found = [images_in_line(parsed.lines[i]) for i in changed]
    assert found == [
        [("img/red.png", "the red diagram")],
        [("img/blue one.png", "Blue")],  # as written, not percent-encoded
        [("img/초록.png", "green")],
        [("../secret.png", "secret")],
        [("img/사라진.png", "lost")],
    ]


def test_undefined_references_and_code_are_left_as_written() -> None:
    text = "# T\n\n![a][nowhere] and ![b][] or ![c]\n\n```\n![c][ref]\n```\n\n[ref]: c.png\n"
    parsed = parse(text)
    assert parsed.lines == text.split("\n")
    # A lone `![c]` may be prose; the explicit forms are reported. The code is not read.
    assert parsed.undefined_images == ((3, "![a][nowhere]"), (3, "![b][]"))
    assert parse("# T\n\n![a](x.png) ![[y.png]]\n").undefined_images == ()


@pytest.mark.parametrize(
    ("head", "extension"),
    [
        (png(1), ".png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", ".jpg"),
        (b"GIF89a\x01\x00\x01\x00", ".gif"),
        (b"GIF87a\x01\x00\x01\x00", ".gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", ".webp"),
        (BMP, ".bmp"),
        (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00", ".avif"),
        (b"\xef\xbb\xbf  <svg width='1'></svg>", ".svg"),
        (b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "x"><svg/>', ".svg"),
        (b"just text", None),
        (b"BMW is a car maker, not a bitmap", None),
        (b"<html><svg></svg></html>", None),
        (b"", None),
    ],
)
def test_image_kinds_are_known_by_their_first_bytes(head: bytes, extension: str | None) -> None:
    assert image_extension(head) == extension


CODE_NOTE = """# Images

## Resizing

Escape the pipe when resizing an image in a table:

```md
![[og-image.png\\|200]] | Obsidian
```

An older note wrote it indented:

    ![old](img/z.png)

## Markdown images

- the syntax `![alt](img/x.png)`, or ``<img src="img/y.png">`` in HTML

## Missing

- this one is an image, and it is missing
![lost](img/lost.png)
"""


def test_code_is_never_an_image_to_build_or_to_check(tmp_path: Path) -> None:
    """Build and check agree: image syntax in a fenced or indented code block or in inline code
    is code, so neither looks for its file; the image outside code is reported by both."""
    from generator.check import check

    note = tmp_path / "notes" / "images.md"
    write_tree(note.parent, {"images.md": CODE_NOTE})
    report = build([str(note.parent)], BuildOptions(out=tmp_path / "out"))
    lost = line_of(note, "![lost]")
    built = [(d.loc.line if d.loc else 0, d.message) for d in report.diagnostics]
    assert built == [(lost, "image not found: img/lost.png")]
    checked = [
        d.loc.line if d.loc else 0
        for d in check([str(note.parent)])
        if d.message.startswith("image")
    ]
    assert checked == [lost]
    cards = {card.card.term: card for deck in report.decks for card in deck.cards}
    assert [image.src for image in cards["Missing"].card.images] == ["img/lost.png"]
    assert cards["Resizing"].card.images == () and cards["Markdown images"].card.images == ()
    assert "og-image.png" in text_of(cards["Resizing"].fields["Definition"])


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("`![a](x.png)` then ![b](y.png)", [("y.png", "b")]),
        ('``<img src="x.png">`` and ![[y.png]]', [("y.png", "")]),
        ("`` a ` ![a](x.png) ``", []),  # a shorter run inside does not close the span
        ("` unclosed ![a](x.png)", [("x.png", "a")]),  # a run with no closing one is text
        ("\\`![a](x.png)`", [("x.png", "a")]),  # an escaped backtick opens no span
    ],
)
def test_images_in_inline_code_are_not_images(line: str, found: list[tuple[str, str]]) -> None:
    assert images_in_line(line) == found
