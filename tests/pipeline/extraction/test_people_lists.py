"""A list closed by 等 and a noun of people names people, not bodies (李家诚、李大壮、林建岳等香港企业界人士)."""

from __future__ import annotations

from pipeline.extraction.organizations import find_organizations
from pipeline.extraction.people import find_people

TEXT = "县府并邀请李家诚、李大壮、林建岳等香港企业界人士与参访团会面。"


def test_names_before_a_noun_of_people_are_people() -> None:
    assert {h.name: h.title for h in find_people(TEXT)} == {"李家诚": "", "李大壮": "", "林建岳": ""}


def test_names_before_a_noun_of_people_are_no_bodies() -> None:
    assert [h.value for h in find_organizations(TEXT)] == []


def test_a_list_of_bodies_stays_bodies() -> None:
    # Look-alikes: 等多家企业 closes a list of companies, and so does 等企业代表 (the companies' people).
    text = "华为、中兴和小米科技等多家企业参加。"
    assert [h.value for h in find_organizations(text)] == ["华为", "中兴", "小米科技"]
    assert [h.value for h in find_organizations("华为、中兴等企业代表出席")] == ["华为", "中兴"]
    assert find_people("华为、中兴等企业代表出席，企业、高校等单位代表座谈。") == []


def test_a_single_name_before_等_is_not_enough() -> None:
    # Look-alike: one item may be a company as well as a person; two or more names are needed.
    assert find_people("邀请王建国等企业代表座谈") == []
