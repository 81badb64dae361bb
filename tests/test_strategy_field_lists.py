"""A list that fills in the fields of one thing (`- Definition: …`, `- Formula: …`,
`- Interpretation: …`) makes no card of any of its lines; a glossary with one label-looking
name among real terms keeps that name as a term."""

from __future__ import annotations

from extract_helpers import cards, reasons, terms


def test_a_list_of_mostly_label_fields_makes_no_card_of_its_lines() -> None:
    md = """
        # Statistics

        ## Recall
        - **Definition**: the share of actual positives a model finds
        - **Formula**: TP / (TP + FN)
        - **Interpretation**: high recall means few misses
        - **Typical Use**: screening, where a miss costs most
        - **Example**: 90 of 100 sick patients flagged gives 0.9
        """
    got = cards(md)
    assert [(c.term, c.strategy) for c in got] == [("Recall", "heading")]
    assert "Interpretation" in got[0].definition_md
    why = reasons(md)
    assert why["Interpretation"].startswith("a field of Recall")
    assert why["Typical Use"].startswith("a field of Recall")


def test_korean_field_lists_are_fields_too() -> None:
    md = """
        # 자료구조

        ## 스택
        - 정의: 마지막에 넣은 것을 먼저 꺼내는 자료구조
        - 특징: 한쪽 끝에서만 넣고 뺀다
        - 활용: 함수 호출, 되돌리기
        - 구현 방식: 배열이나 연결 리스트
        """
    assert terms(md) == ["스택"]


def test_one_label_name_among_terms_is_still_a_term() -> None:
    md = """
        # Git flow

        ## Branches
        - **main**: what is released
        - **develop**: where features meet before a release
        - **feature**: one change in progress, branched from develop
        - **release**: a release being prepared
        """
    assert terms(md)[-4:] == ["main", "develop", "feature", "release"]


def test_two_labels_among_more_terms_leave_the_terms_alone() -> None:
    md = """
        # Networking

        ## Terms
        - **Latency**: the time one message takes to arrive
        - **Bandwidth**: how much data a link carries per second
        - **Jitter**: how much the latency varies
        - **Example**: a video call stutters when jitter is high
        - **Note**: all three are measured end to end
        """
    assert terms(md) == ["Latency", "Bandwidth", "Jitter"]


def test_a_glossary_whose_names_look_like_labels_is_still_a_glossary() -> None:
    md = """
        # Git

        ## Objects
        - **tag**: a name fixed to one commit
        - **status**: what changed since the last commit
        - **commit**: a snapshot of the tracked files
        """
    assert "commit" in terms(md)
    assert not reasons(md)["tag"].startswith("a field of")
