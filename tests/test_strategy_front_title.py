"""The note's title: front matter's `title:` names the note; a level-1 heading on another
subject is then a section of its own, while one restating the title is still the title."""

from __future__ import annotations

from extract_helpers import cards, reasons


def test_a_level_one_heading_unlike_the_front_matter_title_is_a_section() -> None:
    got = cards("""
        ---
        title: Biology Unit 2
        ---
        # What is inside?

        The key words of the unit.

        ## Words

        **Osmosis:** the movement of water across a membrane toward more solute.

        **Diffusion:** the spread of particles from high to low concentration.
        """)
    assert [(c.section, c.term) for c in got] == [
        (("What is inside?", "Words"), "Osmosis"),
        (("What is inside?", "Words"), "Diffusion"),
    ]


def test_several_level_one_headings_under_a_front_matter_title_are_all_sections() -> None:
    got = cards("""
        ---
        title: Pharmacology
        ---
        # Absorption
        The passage of a drug from where it is given into the blood.

        ## Routes
        - Oral, intravenous, inhaled.

        # Excretion
        The removal of a drug from the body, mostly through the kidneys.
        """)
    assert ("Absorption",) in {c.section for c in got}
    assert [c.term for c in got if c.section == ("Excretion",)] == ["Excretion"]


def test_a_level_one_heading_restating_the_front_matter_title_is_the_title() -> None:
    md = """
        ---
        title: 스핀락
        ---
        # 스핀락 (Spin Lock)

        ## 동작
        - 락을 얻을 때까지 반복해서 확인한다.

        ## 바쁜 대기
        락을 기다리는 동안 CPU를 계속 쓰는 대기 방식이다.
        """
    assert reasons(md)["스핀락 (Spin Lock)"] == "the note's title"
    assert all(c.section[0] != "스핀락 (Spin Lock)" for c in cards(md))


def test_without_front_matter_the_single_level_one_heading_stays_the_title() -> None:
    md = """
        # What is inside?

        ## Words

        **Osmosis:** the movement of water across a membrane toward more solute.
        """
    assert [(c.section, c.term) for c in cards(md)] == [(("Words",), "Osmosis")]
    assert reasons(md)["What is inside?"] == "the note's title"


def test_a_heading_asking_what_the_note_holds_is_no_card() -> None:
    md = """
        ---
        title: Biology Unit 2
        ---
        # What does this contain?

        The key words of the unit.

        ## Words

        **Osmosis:** the movement of water across a membrane toward more solute.
        """
    assert "about the notes themselves" in reasons(md)["What does this contain?"]
    assert [c.term for c in cards(md)] == ["Osmosis"]


def test_a_lone_heading_worded_otherwise_than_the_front_matter_title_is_still_the_title() -> None:
    """A blog post's front matter often words the title in another language or shorter: a lone
    level-1 heading on the note's subject is its title, not a section of its own."""
    md = """
        ---
        title: "Rewinding World History"
        ---
        # [거꾸로 읽는 세계사](https://example.org/book)

        ## 드레퓌스 사건

        1894년 프랑스에서 유대인 장교 드레퓌스가 간첩 누명을 쓴 사건.
        """
    assert [(c.section, c.term) for c in cards(md)] == [(("드레퓌스 사건",), "드레퓌스 사건")]
    assert reasons(md)["거꾸로 읽는 세계사"] == "the note's title"


def test_a_lone_label_heading_under_a_front_matter_title_is_a_section() -> None:
    md = """
        ---
        title: 암호화 (Encryption)
        ---
        # 정의

        평문을 키를 이용해 제3자가 읽을 수 없는 암호문으로 바꾸는 것.

        ## 특징
        - 대칭키와 비대칭키 방식이 있다.
        """
    assert "the note's title" not in reasons(md).values()


def test_the_front_matter_title_is_read_as_yaml_reads_it() -> None:
    """A folded `title: >-` is the words below it, not `>-`: the heading restating it stays the
    note's title, with a lone remark after it."""
    md = """
        ---
        title: >-
          Pharmacology
        ---
        # Pharmacology

        ## Absorption

        The passage of a drug from where it is given into the blood.

        # Note: the exam covers absorption only
        """
    assert reasons(md)["Pharmacology"] == "the note's title"
    assert [(c.section, c.term) for c in cards(md)] == [(("Absorption",), "Absorption")]
