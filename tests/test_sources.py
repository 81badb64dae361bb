"""Source attributions: every card names its note and section, its images' credits and the
links in its own text; a note's Sources list is kept once (deck description, "More sources")
and never becomes cards. Checked on decks imported into the real `anki` package."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from anki_helpers import img_sources, text_of
from media_helpers import (
    assert_images_resolve,
    check_deck,
    imported,
    line_of,
    media_files,
    png,
    write_tree,
)
from sample import DOCKER as SAMPLE_DOCKER

from generator.attribute import caption_sources, is_caption, is_sources_heading, links_in_text
from generator.cli import main
from generator.model import SourceLink

DOCKER = SAMPLE_DOCKER
WHAT_IS_A_CONTAINER = "https://www.docker.com/resources/what-container"
DOCKER_IMAGES = [
    "https://www.docker.com/sites/default/files/d8/2018-11/"
    "docker-containerized-and-vm-transparent-bg.png",
    "https://docs.docker.com/engine/images/architecture.svg",
    "https://ouseful.files.wordpress.com/2015/08/imagelayers___a_docker_image_visualizer.png",
]


def _hrefs(fragment: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', fragment)


def _note_sources() -> list[str]:
    """Every link below the note's 출처 and 참고자료 headings, read straight from the file."""
    text = DOCKER.read_text("utf-8")
    tail = text[text.index("\n## 출처") :]
    return re.findall(r"\]\((https?://[^)]+)\)", tail)


def test_docker_deck_offline_warns_per_remote_image_and_credits_captions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dist"
    assert main(["build", str(DOCKER), "-o", str(out), "--offline"]) == 0
    err = capsys.readouterr().err.strip().split("\n")
    assert len(err) == len(DOCKER_IMAGES)
    for url, message in zip(DOCKER_IMAGES, err, strict=True):
        line = line_of(DOCKER, url)
        assert re.search(rf"docker-basics\.md:{line}: warning: remote image not bundled: ", message)
        assert url in message and "offline" in message
    assert not (out / ".notedeck-cache").exists()

    col, cards = imported(tmp_path, out / "Docker-기초.apkg")
    try:
        assert media_files(col) == {}
        seen = assert_images_resolve(col, remote_allowed=set(DOCKER_IMAGES))
        assert sorted(set(seen)) == sorted(DOCKER_IMAGES)
        by_term = {(c.fields["Term"], c.fields["Section"]): c for c in cards}
        # each image belongs to the card whose block contains it
        owners = {
            ("Hypervisor", "가상 머신과 Docker › Hypervisor"): [DOCKER_IMAGES[0]],
            ("Docker", "가상 머신과 Docker › Docker"): [DOCKER_IMAGES[1]],
            ("Image", "가상 머신과 Docker › Docker"): [DOCKER_IMAGES[2]],
        }
        for key, card in by_term.items():
            assert img_sources(card.answer) == owners.get(key, []), key
        hypervisor = by_term[("Hypervisor", "가상 머신과 Docker › Hypervisor")]
        source = hypervisor.fields["Source"]
        assert text_of(source).startswith("Docker 기초 › 가상 머신과 Docker › Hypervisor")
        own = source.split("<details", 1)[0]
        assert _hrefs(own) == [WHAT_IS_A_CONTAINER]
        assert "Docker 공식 사이트: What is a Container?" in text_of(own)
        assert f'<a href="{WHAT_IS_A_CONTAINER}"' in hypervisor.answer  # clickable on the back
        docker = by_term[("Docker", "가상 머신과 Docker › Docker")].fields["Source"]
        assert _hrefs(docker.split("<details", 1)[0]) == [
            "https://docs.docker.com/engine/docker-overview/"
        ]
        image = by_term[("Image", "가상 머신과 Docker › Docker")].fields["Source"]
        assert _hrefs(image.split("<details", 1)[0]) == [
            "https://blog.ouseful.info/2015/08/10/seven-graphical-interfaces-to-docker/"
        ]
        note_sources = _note_sources()
        assert len(note_sources) == 9
        for card in cards:
            src = card.fields["Source"]
            own_links = _hrefs(src.split("<details", 1)[0])
            more = _hrefs(src.split("<details", 1)[1]) if "<details" in src else []
            # each card gets the note's list once, without repeating its own credits
            assert more == [u for u in note_sources if u not in own_links]
        description = col.decks.by_name("Docker 기초")["desc"]  # type: ignore[index]
        assert _hrefs(description) == note_sources
    finally:
        col.close()


CAPTIONS = """# Captions

## Bulleted caption

- a thing explained
![one](img/one.png)
- Source: [Site One](https://one.example/page)

## Plain credit

- drawn by hand

![two](img/two.png)
*Image: drawn by the author*

## Own links

- see [the spec](https://spec.example/x), <https://auto.example/y> and https://bare.example/z.

## Not a caption

- Source: [Cited in text](https://cited.example) with no image above it

## References

- [Book site](https://book.example)
- 김철수, 『도커 교과서』, 2021
- Blog post https://blog.example/post
- [[Other note]]
"""


def test_captions_text_links_and_the_sources_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "notes"
    write_tree(root, {"c.md": CAPTIONS, "img/one.png": png(1, 2, 3), "img/two.png": png(3, 2, 1)})
    assert main(["list", str(root), "--json"]) == 0
    listed = {c["term"]: c for c in json.loads(capsys.readouterr().out)}
    assert list(listed) == ["Bulleted caption", "Plain credit", "Own links", "Not a caption"]
    assert listed["Bulleted caption"]["sources"] == ["https://one.example/page"]
    assert "Source:" not in listed["Bulleted caption"]["definition"]
    assert listed["Plain credit"]["sources"] == []
    assert "Image:" not in listed["Plain credit"]["definition"]
    assert listed["Own links"]["sources"] == [
        "https://spec.example/x",
        "https://auto.example/y",
        "https://bare.example/z",
    ]
    assert listed["Not a caption"]["sources"] == ["https://cited.example"]
    assert "Source:" in listed["Not a caption"]["definition"]

    out = tmp_path / "dist"
    assert main(["build", str(root), "-o", str(out)]) == 0
    col, cards = imported(tmp_path, out / "Captions.apkg")
    try:
        assert len(media_files(col)) == 2
        assert_images_resolve(col, remote_allowed=set())
        by_term = {c.fields["Term"]: c for c in cards}
        assert "drawn by the author" in text_of(by_term["Plain credit"].fields["Source"])
        more = by_term["Own links"].fields["Source"].split("<details", 1)[1]
        assert _hrefs(more) == ["https://book.example", "https://blog.example/post"]
        assert "김철수, 『도커 교과서』, 2021" in text_of(more)
        assert "Other note" not in more
        description = col.decks.by_name("Captions")["desc"]  # type: ignore[index]
        assert _hrefs(description) == ["https://book.example", "https://blog.example/post"]
        assert ">Blog post</a>" in description and "김철수" in description
    finally:
        col.close()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "*출처: [Docker 문서](https://docs.docker.com/x)*",
            [("Docker 문서", "https://docs.docker.com/x")],
        ),
        ("- Source: <https://a.example/b>", [("https://a.example/b", "https://a.example/b")]),
        ("> Image: https://c.example/d.", [("https://c.example/d", "https://c.example/d")]),
        ("**Credit**: Jane Doe", [("Jane Doe", "")]),
        ("_사진: 직접 촬영_", [("직접 촬영", "")]),
    ],
)
def test_caption_forms(line: str, expected: list[tuple[str, str]]) -> None:
    assert is_caption(line, "![x](y.png)")
    assert not is_caption(line, "just text")
    assert caption_sources(line) == [SourceLink(t, u) for t, u in expected]


def test_links_in_text_skips_images_and_local_links() -> None:
    text = (
        "![pic](https://img.example/p.png) [local](other.md) [web](https://w.example) "
        '<img src="https://img.example/q.png"> see https://x.example/a.'
    )
    assert links_in_text(text) == [
        SourceLink("web", "https://w.example"),
        SourceLink("https://x.example/a", "https://x.example/a"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "- Image: 컨테이너를 만드는 읽기 전용 템플릿",  # a definition, not a credit
        "Figure: the layout we use",
        "- 이미지: 실행 파일과 라이브러리의 묶음",
        "- Docker Hub: 이미지 저장소",
    ],
)
def test_definitions_under_an_image_are_not_captions(line: str) -> None:
    assert not is_caption(line, "![x](y.png)")


def test_a_definition_under_an_image_stays_on_its_card(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "notes"
    note = (
        "# D\n\n## Layers\n\n![layers](img/l.png)\n- Image: 읽기 전용 템플릿\n"
        "- 컨테이너는 그 위에 쓰기 레이어를 하나 더 얹는다\n"
    )
    write_tree(root, {"d.md": note, "img/l.png": png(7)})
    assert main(["list", str(root), "--json"]) == 0
    (card,) = json.loads(capsys.readouterr().out)
    assert "Image: 읽기 전용 템플릿" in card["definition"] and card["sources"] == []
    assert main(["build", str(root), "-o", str(tmp_path / "dist")]) == 0
    (imported_card,) = check_deck(tmp_path, tmp_path / "dist" / "D.apkg", [png(7)])
    assert "읽기 전용 템플릿" in text_of(imported_card.answer)


@pytest.mark.parametrize(
    ("title", "sources"),
    [
        ("📚 레퍼런스", True),
        ("🔗 References", True),
        ("3. 참고 자료", True),
        ("Sourcery", False),
        ("📚 책 소개", False),
    ],
)
def test_a_sources_heading_may_open_with_an_emoji(title: str, sources: bool) -> None:
    assert is_sources_heading(title) is sources
