"""Counts held to what the gold counts (projects, companies, deals); amounts in New Taiwan dollars."""

from __future__ import annotations

from pipeline.extraction.amounts import counts_deals, find_amounts, find_counts


def deal_counts(text: str) -> list[int]:
    return [c.value for c in find_counts(text) if counts_deals(c)]


def test_people_places_and_events_are_not_deal_counts() -> None:
    assert deal_counts("共有40多名嘉宾和30多位企业家到场，访问三个城市，举办5场推介会。") == []


def test_projects_companies_and_bare_firm_counts_stay() -> None:
    assert deal_counts("签约项目12个，18家企业参会，另有20多家到场，签订合作协议3个。") == [12, 18, 20, 3]


def test_a_firm_count_after_bring_in_is_read() -> None:
    assert deal_counts("园区去年引进15家企业落户。") == [15]
    assert deal_counts("跻身全国前10家企业之列。") == []  # 前 still marks a rank


def test_associations_are_not_firm_counts() -> None:
    assert deal_counts("9家商会和12家企业出席。") == [12]


def test_an_amount_in_new_taiwan_dollars_and_its_restatement_carry_no_yuan() -> None:
    got = [(a.text, a.yuan) for a in find_amounts("投资金额逾新台币500亿元。至今投资已超过500亿元。")]
    assert got == [("新台币500亿元", None), ("500亿元", None)]


def test_a_page_counting_in_new_taiwan_dollars_has_no_yuan() -> None:
    got = [(a.text, a.yuan) for a in find_amounts("签约金额新台币80亿元，另一园区签约金额高达20亿元。")]
    assert got == [("新台币80亿元", None), ("20亿元", None)]


def test_a_renminbi_page_keeps_its_yuan() -> None:
    got = [(a.text, a.yuan) for a in find_amounts("签约金额高达20亿元，另有5亿元。")]
    assert got == [("高达20亿元", 2_000_000_000), ("5亿元", 500_000_000)]


def test_a_figure_written_in_parts_is_one_amount() -> None:
    ((text, yuan),) = [(a.text, a.yuan) for a in find_amounts("签约金额36亿5千元，")]
    assert (text, yuan) == ("36亿5千元", 3_600_005_000)
