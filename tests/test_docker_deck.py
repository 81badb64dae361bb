"""The user's own note, end to end: the exact cards, through the CLI and into real Anki."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from anki_helpers import cards, img_sources, import_apkg, open_collection, text_of
from sample import DOCKER as SAMPLE_DOCKER

from generator.cli import main

DOCKER = SAMPLE_DOCKER
VM_SECTION = ["가상 머신과 Docker", "Virtual Machine(VM, 가상 머신)"]
DOCKER_SECTION = ["가상 머신과 Docker", "Docker"]
EXPECTED = [
    ("Virtual Machine", ["VM", "가상 머신"], VM_SECTION),
    ("시스템 가상 머신", ["하드웨어 가상 머신"], VM_SECTION),
    ("프로세스 가상 머신", [], VM_SECTION),
    ("Hypervisor", ["Virtual Machine Monitor", "VMM"], ["가상 머신과 Docker", "Hypervisor"]),
    ("Container", ["Operating-system-level virtualization"], ["가상 머신과 Docker", "Container"]),
    ("Docker", [], DOCKER_SECTION),
    ("Image", [], DOCKER_SECTION),
    ("Container", [], DOCKER_SECTION),
]


@pytest.fixture
def listed(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert main(["list", str(DOCKER), "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_exactly_the_eight_cards(listed: list[dict[str, object]]) -> None:
    got = [(c["term"], c["aliases"], c["section"]) for c in listed]
    assert got == EXPECTED


def test_list_json_has_every_documented_key(listed: list[dict[str, object]]) -> None:
    keys = {"term", "aliases", "section", "definition", "images", "sources", "file", "line",
            "guid", "deck", "tags", "kind"}  # fmt: skip
    for card in listed:
        assert keys <= card.keys()
        assert card["deck"] == "Docker 기초"
        assert card["kind"] == "basic"
        assert isinstance(card["line"], int) and card["line"] > 0
    assert len({c["guid"] for c in listed}) == 8


def test_traps_stay_out_and_properties_stay_in(listed: list[dict[str, object]]) -> None:
    terms = [c["term"] for c in listed]
    for never in ("Docker 기초", "가상 머신과 Docker", "출처", "참고자료(개념 잡기 공부용)"):
        assert never not in terms
    assert not any("2019" in str(t) or "출처" in str(t) for t in terms)
    system_vm = listed[1]
    assert "물리 컴퓨터 다중화: 한 컴퓨터에 여러 OS 사용 가능" in str(system_vm["definition"])
    assert "이라고도 함" not in str(system_vm["definition"])
    # A parent names its children; the children's bodies live on their own cards.
    vm = str(listed[0]["definition"])
    assert "**시스템 가상 머신**" in vm and "물리 컴퓨터 다중화" not in vm
    docker = str(listed[5]["definition"])
    assert "**Image**" in docker and "이미지를 실제 실행한 상태" not in docker
    # Captions are credits, not content.
    assert all("*출처" not in str(c["definition"]) for c in listed)


def test_captions_become_sources_of_their_card(listed: list[dict[str, object]]) -> None:
    by_line = {c["term"] + str(c["line"]): c for c in listed}
    hypervisor = next(c for c in listed if c["term"] == "Hypervisor")
    assert hypervisor["sources"] == ["https://www.docker.com/resources/what-container"]
    assert len(hypervisor["images"]) == 1  # type: ignore[arg-type]
    assert by_line


def test_lines_point_at_the_term(listed: list[dict[str, object]]) -> None:
    lines = DOCKER.read_text("utf-8").split("\n")
    for card in listed:
        assert str(card["term"]).split()[0] in lines[int(card["line"]) - 1]  # type: ignore[call-overload]


def test_deck_imports_into_real_anki(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "dist"
    assert main(["build", str(DOCKER), "-o", str(out), "--offline"]) == 0
    summary = capsys.readouterr().out
    assert "1 deck(s), 8 card(s)" in summary
    apkgs = list(out.glob("*.apkg"))
    assert [p.name for p in apkgs] == ["Docker-기초.apkg"]

    col = open_collection(tmp_path / "anki")
    try:
        import_apkg(col, apkgs[0])
        assert col.note_count() == 8
        assert col.card_count() == 8
        imported = cards(col)
        assert [(c.fields["Term"], c.fields["Section"].split(" › ")) for c in imported] == [
            (term, section) for term, _, section in EXPECTED
        ]
        for card, (term, aliases, section) in zip(imported, EXPECTED, strict=True):
            question = text_of(card.question)
            assert term in question and section[-1] in question
            answer = text_of(card.answer)
            assert answer.startswith(question)
            for alias in aliases:
                assert alias in answer
            assert "Docker 기초 › " + " › ".join(section) in answer
            assert card.deck == "Docker 기초"
        hypervisor = imported[3]
        assert "What is a Container?" in hypervisor.answer
        assert img_sources(hypervisor.answer) == [
            "https://www.docker.com/sites/default/files/d8/2018-11/"
            "docker-containerized-and-vm-transparent-bg.png"
        ]
        # Re-importing the same package changes nothing: no duplicates.
        import_apkg(col, apkgs[0])
        assert col.note_count() == 8
    finally:
        col.close()
