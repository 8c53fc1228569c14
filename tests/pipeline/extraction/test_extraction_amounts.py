from __future__ import annotations

import pytest

from pipeline.extraction.amounts import find_amounts, find_counts
from pipeline.extraction.normalize import make_view
from pipeline.extraction.numbers import parse_chinese_int, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("三十", 30), ("两千五百", 2500), ("十一", 11), ("一百零五", 105), ("三万", 30000), ("两", 2)],
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert parse_chinese_int(text) == value


def test_parse_number_forms() -> None:
    assert parse_number("1,200") == 1200
    assert parse_number("395.049") == pytest.approx(395.049)
    assert parse_number("三点五") == pytest.approx(3.5)
    assert parse_number("abc") is None


@pytest.mark.parametrize(
    ("text", "written", "yuan", "approx"),
    [
        ("合同总投资额395.049亿元。", "395.049亿元", 39_504_900_000, False),
        ("实现营业收入1.16万亿元，", "1.16万亿元", 1_160_000_000_000, False),
        ("投资总额近140亿元。", "近140亿元", 14_000_000_000, True),
        ("投资总额超千亿元；", "超千亿元", 100_000_000_000, True),
        ("收入1200亿元以上，", "1200亿元以上", 120_000_000_000, True),
        ("总投资约50亿元人民币", "约50亿元人民币", 5_000_000_000, True),  # GOLD.md: an attached 人民币 kept
        ("投资三十亿元建设", "三十亿元", 3_000_000_000, False),
        ("共计12,500万元", "12,500万元", 125_000_000, False),
    ],
)
def test_amounts(text: str, written: str, yuan: int, approx: bool) -> None:
    (a,) = find_amounts(text)
    assert (a.text, a.yuan, a.approximate) == (written, yuan, approx)
    assert text[a.start : a.end] == a.text


def test_other_currency_keeps_text_without_yuan() -> None:
    (a,) = find_amounts("协议总金额约3.2亿美元。")
    # matched by its text, which GOLD.md writes without 约/超/逾 (approximate keeps the word's sense)
    assert a.text == "3.2亿美元" and a.yuan is None and a.approximate


def test_spaced_amount_through_the_view() -> None:
    text = "人才基金投入 5000 万元，使科技创新有新作为"
    view = make_view(text)
    (a,) = find_amounts(view.text)
    assert a.yuan == 50_000_000
    start, end = view.to_source(a.start, a.end)
    assert text[start:end] == "5000 万元"


def test_size_classes_are_not_amounts() -> None:
    assert find_amounts("亿元项目50个以上，百亿产业基金") == []


@pytest.mark.parametrize(
    ("text", "value", "what", "approx"),
    [
        ("成功签约项目143个，合同总投资", 143, "项目", False),
        ("12家龙头企业代表参加推介会", 12, "龙头企业", False),
        ("组织30多家企业来梧考察", 30, "企业", True),
        ("70余条入境游奖补措施", 70, "入境游奖补措施", True),
        ("推出四条精品线路。", 4, "精品线路", False),
        ("吸引1200余名客商参会", 1200, "客商", True),
    ],
)
def test_counts(text: str, value: int, what: str, approx: bool) -> None:
    (c,) = find_counts(text)
    assert (c.value, c.what, c.approximate) == (value, what, approx)


@pytest.mark.parametrize(
    "text",
    ["省委十一届三次全会要求", "进入全国前10位", "用了3个月时间", "做到“两个维护”", "第5家门店", "提高5个百分点"],
)
def test_not_counts(text: str) -> None:
    assert find_counts(text) == []


def test_bare_figures_in_a_money_context() -> None:
    (a,) = find_amounts("签约项目总投资超300亿，")
    assert (a.text, a.yuan, a.approximate) == ("超300亿", 30_000_000_000, True)
    assert find_amounts("全省人口4500万，产量达100万吨") == []


def test_approximate_word_glued_to_another_word() -> None:
    (c,) = find_counts("赣州与深圳签约15个重大项目")
    assert (c.text, c.approximate) == ("15个重大项目", False)


def test_a_count_in_ten_thousands_keeps_its_decimals() -> None:
    # Written for this test: 7.5万家 was read as 5万家 (the decimal point cut the number).
    counts = find_counts("全市共有经营主体7.5万家，其中企业2.3万家，去年新增1.2万余家企业。")
    expected = [("7.5万家", 75_000), ("企业2.3万家", 23_000), ("1.2万余家企业", 12_000)]
    assert [(c.text, c.value) for c in counts] == expected
    # A decimal without 万/亿 counts nothing, and no tail of a number is read alone.
    assert find_counts("评分2.5家") == [] and find_counts("版本号3.15个") == []
