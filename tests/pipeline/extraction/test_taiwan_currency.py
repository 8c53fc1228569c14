"""A text set in Taiwan counts its money in New Taiwan dollars even when it never says so."""

from __future__ import annotations

from pipeline.extraction.amounts import find_amounts

_TAIWAN = (
    "经济部21日举办台湾全球招商论坛，本次论坛掌握25家厂商投资意向，总金额约1,602亿元。"
    "日商计划5年内投资25亿元，在宜兰打造文化空间，在高雄兴建物流中心，台中与台南也有布局。"
)


def test_money_in_a_text_set_in_taiwan_has_no_yuan() -> None:
    got = [(a.text, a.yuan) for a in find_amounts(_TAIWAN)]
    assert got == [("1,602亿元", None), ("25亿元", None)]


def test_a_mainland_text_that_mentions_taiwan_keeps_its_yuan() -> None:
    text = (
        "厦门市与台湾企业签约，总投资25亿元，项目落户海沧区。福州、泉州、漳州的台资企业也参加，"
        "来自台北、高雄的客商出席。"
    )
    got = [(a.text, a.yuan) for a in find_amounts(text)]
    assert got == [("25亿元", 2_500_000_000)]


def test_a_taiwan_text_that_names_the_renminbi_keeps_its_yuan() -> None:
    got = [(a.text, a.yuan) for a in find_amounts(_TAIWAN + "另以人民币结算5亿元。")]
    assert ("25亿元", 2_500_000_000) in got


def test_renminbi_written_after_yuan_is_part_of_the_amount() -> None:
    got = [(a.text, a.yuan) for a in find_amounts("签约总金额128.5亿元人民币，其中5亿元为外资。")]
    assert got == [("128.5亿元人民币", 12_850_000_000), ("5亿元", 500_000_000)]


def test_renminbi_before_the_figure_stays_as_it_was() -> None:
    got = [(a.text, a.yuan) for a in find_amounts("投资人民币5亿元。")]
    assert [y for _, y in got] == [500_000_000]
