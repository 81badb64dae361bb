"""A heading that makes no card of its own must not take its figure out of the deck."""

from __future__ import annotations

from extract_helpers import by_term, reasons, run, terms


def test_grouping_heading_gives_its_image_to_its_first_sub_card() -> None:
    md = """
        # OS
        ## Processes and threads
        ![process vs thread](process-thread.png)
        *Source: [OSTEP](https://ostep.org)*
        ### Process
        - A program in execution
        ### Thread
        - A unit of execution inside a process
        """
    found = by_term(md)
    assert list(found) == ["Process", "Thread"]
    process = found["Process"]
    assert [image.src for image in process.images] == ["process-thread.png"]
    assert "![process vs thread](process-thread.png)" in process.definition_md
    assert [s.url for s in process.sources] == ["https://ostep.org"]
    assert not found["Thread"].images
    assert "grouping" in reasons(md)["Processes and threads"]


def test_image_below_inline_children_goes_to_the_card_above_it() -> None:
    md = """
        # Notes
        ## Storage
        - SSD: storage on flash memory
        ![disk](disk.png)
        ### RAID
        - Several disks used as one
        """
    found = by_term(md)
    assert [image.src for image in found["SSD"].images] == ["disk.png"]
    assert not found["RAID"].images


def test_parent_that_shows_a_figure_keeps_its_card() -> None:
    md = """
        # Biology
        ## Stages
        1. **Glycolysis** — splits glucose into two pyruvate
        2. **Krebs cycle** — produces NADH and FADH2

        ![stages](stages.png)
        """
    found = by_term(md)
    assert list(found) == ["Stages", "Glycolysis", "Krebs cycle"]
    stages = found["Stages"]
    assert [image.src for image in stages.images] == ["stages.png"]
    assert "Glycolysis" in stages.definition_md
    assert "pyruvate" not in stages.definition_md


def test_parent_naming_only_its_children_answers_with_their_names() -> None:
    md = """
        # Biology
        ## Stages
        1. **Glycolysis** — splits glucose into two pyruvate
        2. **Krebs cycle** — produces NADH and FADH2
        """
    found = by_term(md)
    assert list(found) == ["Stages", "Glycolysis", "Krebs cycle"]
    assert "pyruvate" not in found["Stages"].definition_md
    assert "Krebs cycle" in found["Stages"].definition_md


def test_label_naming_only_its_children_still_has_no_card() -> None:
    md = """
        # Biology
        ## Key terms
        1. **Glycolysis** — splits glucose into two pyruvate
        2. **Krebs cycle** — produces NADH and FADH2
        """
    assert terms(md) == ["Glycolysis", "Krebs cycle"]


def test_an_image_no_card_can_take_is_reported() -> None:
    md = """
        # HTTP
        ## 2024-03-02

        ![me](selfie.png)
        """
    note = run(md)
    assert not note.cards
    assert {r.text: r.reason for r in note.rejected}["selfie.png"] == (
        "an image in a section that made no card"
    )


def test_images_in_code_are_not_figures() -> None:
    md = """
        # Markdown
        ## Syntax
        ```md
        ![alt](pic.png)
        ```
        ### Image tag
        - An HTML element that shows a picture
        """
    found = by_term(md)
    assert not found["Image tag"].images
    assert "pic.png" not in reasons(md)


def test_image_source_caption_credits_the_card() -> None:
    md = """
        # K8s
        ## Service
        Pod 집합에 고정된 접근 지점을 제공하는 오브젝트를 서비스라고 한다.

        ![k8s service](service.png)
        > 이미지 출처: [kubernetes.io](https://kubernetes.io)
        """
    card = by_term(md)["Service"]
    assert "출처" not in card.definition_md
    assert [s.url for s in card.sources] == ["https://kubernetes.io"]


def test_a_dated_edit_line_is_not_part_of_the_last_card() -> None:
    md = """
        # 보안
        ## XSS
        웹 페이지에 악성 스크립트를 삽입하는 공격.

        📝 2024.02.10 작성 / 2024.02.12 수정
        """
    assert by_term(md)["XSS"].definition_md == "웹 페이지에 악성 스크립트를 삽입하는 공격."


def test_a_footer_of_index_links_and_tags_is_not_part_of_the_last_card() -> None:
    md = """
        # 디자인 패턴
        ## 옵저버 패턴
        상태가 바뀌면 의존하는 객체들에게 자동으로 알리는 패턴.

        ---
        [[디자인 패턴 MOC]] | #design-pattern
        """
    assert (
        by_term(md)["옵저버 패턴"].definition_md
        == "상태가 바뀌면 의존하는 객체들에게 자동으로 알리는 패턴."
    )


def test_an_italic_remark_after_the_last_rule_is_the_notes_footer() -> None:
    md = """
        # IP
        ## 서브넷 마스크
        - IP 주소에서 네트워크 부분과 호스트 부분을 구분하는 값

        ---
        *틀린 내용이 있으면 이슈 남겨주세요!*
        """
    card = by_term(md)["서브넷 마스크"]
    assert card.definition_md == "- IP 주소에서 네트워크 부분과 호스트 부분을 구분하는 값"


def test_an_italic_paragraph_without_a_rule_stays_in_the_card() -> None:
    md = """
        # IP
        ## 서브넷 마스크
        - IP 주소에서 네트워크 부분과 호스트 부분을 구분하는 값

        *예: 255.255.255.0*
        """
    assert "255.255.255.0" in by_term(md)["서브넷 마스크"].definition_md


def test_an_image_under_the_title_is_reported() -> None:
    md = """
        # 메모리 구조

        ![memory layout](memory.png)

        ## 스택 영역
        - 함수 호출 시 지역 변수가 저장되는 영역
        """
    note = run(md)
    assert [c.term for c in note.cards] == ["스택 영역"]
    why = {r.text: r.reason for r in note.rejected}
    assert why["memory.png"] == "an image under the title, shown on no card"
