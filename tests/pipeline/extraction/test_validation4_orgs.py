"""Organization edges validation4 showed wrong: a verb, a kind of firm or a conjunction's half glued on."""

from __future__ import annotations

from pipeline.extraction.organizations import find_organizations


def orgs(text: str) -> set[str]:
    return {h.value for h in find_organizations(text)}


def test_a_verb_opening_the_head_is_not_part_of_the_name() -> None:
    assert orgs("两家公司将落脚北山科学园区，") == {"北山科学园区"}


def test_a_verb_completed_by_the_boundary_character_is_cut() -> None:
    assert orgs("代表团了解东方电子技术有限公司的发展。") == {"东方电子技术有限公司"}


def test_a_name_that_opens_with_a_verb_keeps_it_when_the_rest_names_nothing() -> None:
    assert orgs("联想控股有限公司出席。") == {"联想控股有限公司"}


def test_a_kind_of_firm_before_the_name_is_an_apposition() -> None:
    assert orgs("芯片大厂华星光电科技股份有限公司宣布扩产。") == {"华星光电科技股份有限公司"}


def test_a_kind_word_inside_a_body_name_stays() -> None:
    assert orgs("江西企业联合会主办。") == {"江西企业联合会"}


def test_a_two_character_conjunction_before_a_list_item_is_not_in_it() -> None:
    got = orgs("南昌市商务局以及东方集团、西山控股等企业出席。")
    assert not any(o.endswith("以") for o in got)


def test_a_zone_counted_inside_the_county_is_no_named_zone() -> None:
    assert orgs("市内有三处工业区，县内工业区不缺地。") == set()


def test_a_place_opening_with_nei_still_names_its_zone() -> None:
    assert orgs("内江高新区举行签约。") == {"内江高新区"}


def test_a_more_news_link_is_no_outlet() -> None:
    assert orgs("相关报道\n更多新闻\n") == set()


def test_a_named_news_outlet_is_still_one() -> None:
    assert orgs("东方新闻记者报道。") == {"东方新闻"}
