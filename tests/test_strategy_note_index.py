"""A list whose every item opens with a link to another note is an index of those notes:
no card; a glossary linking its terms to web pages, or mixing linked and written-out items,
still makes its cards."""

from __future__ import annotations

from extract_helpers import reasons, terms


def test_a_list_of_wiki_links_with_taglines_is_an_index() -> None:
    md = """
        # Attacks on models

        The attacks covered in this course:

        - [[Evasion Attack]] - integrity of the model
        - [[Poisoning Attack]] - integrity of the data
        - [[Membership Inference]] - confidentiality of the data
        """
    assert terms(md) == []
    assert reasons(md)["[[Evasion Attack]] - integrity of the model"].startswith(
        "an index of other notes"
    )


def test_a_list_of_links_to_markdown_notes_is_an_index() -> None:
    md = """
        # 언어학

        ## 기본 단위
        - [음소](./phoneme.md) - 소리의 원자
        - [단어](./word.md) - 의미의 원자
        - [[sentence|문장]] - 완전한 생각
        """
    assert terms(md) == []


def test_terms_linked_to_web_pages_are_still_a_glossary() -> None:
    md = """
        # Concurrency

        ## Terms
        - [Mutex](https://en.wikipedia.org/wiki/Mutex): a lock owned by one thread at a time
        - [Semaphore](https://en.wikipedia.org/wiki/Semaphore): a counter of permits
        """
    assert terms(md)[-2:] == ["Mutex", "Semaphore"]


def test_a_glossary_with_some_linked_items_keeps_all_its_cards() -> None:
    md = """
        # Unit 4

        ## Economy
        - mercantilism -- maximise exports and hoard bullion
        - [[joint stock companies]] -- firms owned by shareholders who share the risk
        - [[columbian exchange]] -- the transfer of plants, animals and disease across the Atlantic
        """
    assert terms(md)[-3:] == ["mercantilism", "joint stock companies", "columbian exchange"]


def test_linked_items_with_notes_nested_under_them_are_not_an_index() -> None:
    md = """
        # Data structures

        ## Linear
        - [[Stack]]: last in, first out
          - push and pop at one end
        - [[Queue]]: first in, first out
          - enqueue at the back, dequeue at the front
        """
    assert terms(md)[-2:] == ["Stack", "Queue"]


def test_a_vault_glossary_with_every_term_linked_is_still_a_glossary() -> None:
    md = """
        ## Terms
        - [[Mutex|뮤텍스]]: 한 스레드만 소유하는 락
        - [[Semaphore]]: 카운터
        """
    assert terms(md) == ["뮤텍스", "Semaphore"]


def test_one_link_to_a_markdown_file_is_navigation_but_one_wiki_link_is_not() -> None:
    md = """
        # AWS

        ## 질문 파일
        - [qna-aws.md](./qna-aws.md) - AWS 면접 질문 모음

        ## 용어
        - [[EC2]] - 가상 서버를 빌려 쓰는 서비스
        """
    assert terms(md) == ["EC2"]


def test_an_index_with_links_nested_under_links_is_an_index_throughout() -> None:
    # `- [[A* search]]` over `- [[A* tree search]]`: only the nested lists were read as an
    # index; the items over them made no card and no `--explain` line.
    md = """
        # Search problems

        Common algorithms:
        - [[Uniform cost search]]
        - [[Breadth-first search]]
            - [[Greedy best-first search]]
        - [[A* search]]
            - [[A* tree search]]
            - [[A* graph search]]
        """
    assert terms(md) == []
    why = reasons(md)
    for name in ("Uniform cost search", "Breadth-first search", "A* search", "A* tree search"):
        assert why[f"[[{name}]]"].startswith("an index of other notes"), name


def test_a_link_over_notes_of_its_own_is_no_index() -> None:
    md = """
        # Search problems

        - [[Breadth-first search]]
            - explores the shallowest nodes first
        - [[Depth-first search]]
            - explores the deepest nodes first
        """
    assert not any(r.startswith("an index of other notes") for r in reasons(md).values())
