"""A note with no title heading and no front-matter title is named only by its file. When its
`## 개요` (Overview) section opens by defining something (`Inotropics는 … 약물입니다`), the
overview's card is named after that thing, not after the file."""

from __future__ import annotations

from extract_helpers import terms


def test_an_untitled_notes_overview_is_named_by_its_first_definition() -> None:
    md = """
        ## 개요
        - Inotropics는 심근 수축력을 조절하는 약물입니다.
        - 심부전과 쇼크의 치료에 사용됩니다.

        ## 종류

        ### Positive Inotropics
        - **Dobutamine**: β1 수용체를 자극해 심박출량을 늘린다.
        - **Milrinone**: PDE3를 억제해 수축력을 높인다.
        """
    assert terms(md)[0] == "Inotropics"


def test_an_essays_opening_topic_sentence_does_not_name_the_note() -> None:
    md = """
        # **Introduction**

        Cancer is a complex and heterogeneous disease that might be initiated in many ways.

        # **Mechanisms**

        miRNAs can silence tumour suppressor genes.
        """
    assert "Cancer" not in terms(md)


def test_a_titled_note_keeps_its_title_as_the_overviews_subject() -> None:
    md = """
        # 이뇨제
        ## 개요
        - 푸로세미드는 대표적인 고리 이뇨제이다.
        - 소변으로 나가는 나트륨과 물을 늘린다.
        """
    assert terms(md)[0] == "이뇨제"
