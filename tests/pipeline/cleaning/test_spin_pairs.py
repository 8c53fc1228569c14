"""Tier p: a spinner's one-character swap proved by the article itself (邦 for 国 everywhere)."""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.cleaning.spin_pairs import find_swaps
from pipeline.cleaning.spinning import _jieba, restore_spin

# Written for this test: a short business paragraph as a 国→邦 spinner leaves it.
SPUN_GUO = (
    "今年以来，我邦对外贸易稳中有进。商务部表示，邦际市场需求回暖，本邦企业订单增加，"
    "中邦制造的竞争力进一步提升。专家认为，我邦经济长期向好的基本面没有改变。"
)

# Written for this test: clean news using words spinners also produce, and 邦 in real words.
CLEAN = (
    "在比赛的关键时刻，他手脚麻利地完成了救球。赛后他说，失利的缘故在于体能。"
    "这位男性球员此前效力于联邦德国的一家俱乐部，与友邦球队也交过手。"
)


def test_swap_is_found_from_distinct_contexts() -> None:
    swaps = find_swaps(SPUN_GUO, _jieba().FREQ)
    assert [(s.spun, s.original) for s in swaps] == [("邦", "国")]
    assert {"我国", "国际", "本国", "中国"} <= set(swaps[0].words)


def test_spun_paragraph_restored_with_tier_and_evidence() -> None:
    r = clean(SPUN_GUO, "text")
    assert "spun" in r.flags
    assert "我国对外贸易" in r.text and "国际市场" in r.text and "本国企业" in r.text
    assert "中国制造" in r.text and "邦" not in r.text
    notes = [c.note for c in r.changes if c.kind == "spin"]
    assert notes and all("第p层" in n and "修复" in n for n in notes)


def test_one_repair_alone_is_no_evidence() -> None:
    text = "他说，我邦的事情以后再谈。今天天气很好，大家都去公园散步了。"
    assert find_swaps(text, _jieba().FREQ) == []
    assert restore_spin(text).text == text


def test_clean_paragraph_untouched() -> None:
    assert find_swaps(CLEAN, _jieba().FREQ) == []
    r = clean(CLEAN, "text")
    assert r.text == CLEAN and "spun" not in r.flags
