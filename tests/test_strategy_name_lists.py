"""A name over a list of other names with nothing said about them (`- 네트워크` over
`- Amazon VPC`, `- AWS Site-to-Site VPN`) is a list to look at, not a term to recall; a
hyphenated compound (`Site-to-Site`, `end-to-end`) is still a bare name, not a phrase."""

from __future__ import annotations

from extract_helpers import reasons, terms

from generator.extract.headbody import only_names


def test_hyphenated_compounds_are_bare_names() -> None:
    assert only_names(["- AWS Site-to-Site VPN", "- Amazon VPC", "- AWS Direct Connect"])
    assert only_names(["- end-to-end test", "- unit test"])


def test_a_phrase_is_no_bare_name() -> None:
    assert not only_names(["- connects a VPC to on-premises", "- Amazon VPC"])
    assert not only_names(["- 트래픽을 나눈다", "- Amazon VPC"])


def test_a_group_of_services_is_no_card() -> None:
    md = """
        # AWS 공부 목록
        - 네트워크
          - Amazon VPC
          - AWS Site-to-Site VPN
          - AWS Direct Connect
        """
    assert terms(md) == []
    assert reasons(md)["네트워크"] == "it lists names with nothing said about them"
