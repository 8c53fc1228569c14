"""A firm written after its nationality (美商惠普, 日商伊藤忠, 歐商Bolt): the prefix is no part of the name."""

from __future__ import annotations

from pipeline.extraction.organizations import find_organizations


def orgs(text: str) -> list[str]:
    return [h.value for h in find_organizations(text)]


def test_a_list_of_prefixed_firms_is_read_item_by_item() -> None:
    text = "美商惠普、应材、英特格、荷商恩智浦、法商亚东工业气体、日商伊藤忠、日东电工等跨国企业均到场。"
    assert sorted(orgs(text)) == sorted(["惠普", "应材", "英特格", "恩智浦", "亚东工业气体", "伊藤忠", "日东电工"])


def test_a_prefixed_firm_without_a_list_ends_at_the_verb_or_bracket() -> None:
    text = (
        "签署廠商包括美商伊顿扩充电力系统产能；韩商高美可将设厂，欧商Bolt首次进军台湾；"
        "日商物语台湾(Monogatari)预计投资。"
    )
    assert sorted(orgs(text)) == sorted(["伊顿", "高美可", "Bolt", "物语台湾"])


def test_a_prefixed_firm_with_an_ending_drops_the_prefix() -> None:
    assert orgs("今天，美商应用材料公司宣布扩产。") == ["应用材料公司"]


def test_merchants_as_people_or_words_are_no_firm() -> None:
    # 台商 as the subject (台商也想, 台商回流), 商业/商人 as words, 香港商汤 (港 closes 香港).
    assert orgs("台商也想返乡，台商回流，澳商业配对洽谈会开幕，澳商人签约。") == []
    assert "商汤科技公司" not in orgs("香港商汤科技公司总部落户。")
    assert orgs("泉州台商投资区管委会") == ["泉州台商投资区管委会"]
    assert orgs("深化以商引商，台商界出类拔萃不容易。欧美、日商会高层出席。") == []


def test_a_list_ending_in_factories_names_firms() -> None:
    assert sorted(orgs("参展的有：昇佳电子、盟立、长联科技等6家台厂。")) == sorted(["昇佳电子", "盟立", "长联科技"])


def test_a_list_ending_in_workshops_names_no_firm() -> None:
    assert orgs("现场展示车间、仓库、宿舍等厂房。") == []
