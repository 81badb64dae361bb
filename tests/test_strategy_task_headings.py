"""A heading that names a task to carry out (`Heap 구현하기`, `그룹 쿼터 설정하기`) is a how-to
section, not a term; an operation named by one word (`쓰기`) and `… 보기` in a cheat sheet stay."""

from __future__ import annotations

from extract_helpers import reasons, terms

TASK = "a task to carry out (…하기), not a term"


def test_a_task_heading_is_no_card() -> None:
    md = """
        # 자료구조
        ## 힙
        완전 이진 트리로 된, 부모가 자식보다 크거나 작은 자료구조이다.

        ### 배열로 최대 힙 구현하기
        - 인덱스 i의 자식은 2i+1, 2i+2에 둔다.
        - 삽입한 뒤 부모와 비교하며 올린다.
        """
    assert terms(md) == ["힙"]
    assert reasons(md)["배열로 최대 힙 구현하기"] == TASK


def test_a_heading_about_trying_a_tool_is_no_card() -> None:
    md = """
        # 타입스크립트
        ## 타입스크립트 맛보기
        - `tsc main.ts`로 컴파일한다.
        - `node main.js`로 실행한다.
        """
    assert terms(md) == []
    assert reasons(md)["타입스크립트 맛보기"] == TASK


def test_one_word_operations_and_cheat_sheet_lookups_stay() -> None:
    md = """
        # 파일 입출력
        ## 쓰기
        파일에 데이터를 기록하는 연산이다.

        ## 컨테이너 목록 보기
        `docker ps`로 실행 중인 컨테이너를 본다.
        """
    assert terms(md) == ["쓰기", "컨테이너 목록 보기"]
