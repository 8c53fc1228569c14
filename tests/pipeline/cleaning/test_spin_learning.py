"""Learning spinner substitutions from a repost and its original (issue 11, item 4).

The texts are short fixtures written for these tests: one original story, its spun repost
(common words swapped for rarer synonyms), and an unrelated story.
"""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.cleaning.spin_learning import (
    Substitution,
    anchor_pairs,
    anchors,
    harvest,
    orient,
    signature,
    substitutions,
)

ORIGINAL = (
    "3月12日，全市推动城市高质量发展大会召开。会议指出，要持续推进城市更新，计划改造老旧小区5万个。"
    "市长表示，城市生命线安全工程建设是今年的重点任务。会议要求各部门加强组织协调，确保按期完成。"
    "据介绍，全年计划投资320亿元，建设项目46个。"
)
SPUN = (
    "3月12日，全市促进都市高质料生长大会召开。会议指出，要络续推进都市更新，盘算改造老旧小区5万个。"
    "市长表示，都市性命线安宁工程修造是今年的重点任务。会议要求各部门加强结构协调，确保按期完成。"
    "据介绍，全年盘算投资320亿元，修造项目46个。"
)
UNRELATED = (
    "本报讯 春节假期，全省接待游客人次同比增长。各地景区推出灯会、庙会等活动，吸引市民出游。"
    "交通部门加开列车，保障旅客平安返程。气象部门提醒，节后将有一次降温过程。"
)


def test_a_swap_is_widened_to_whole_words() -> None:
    share, subs = substitutions("推动城市高质料发展", "推动城市高质量发展")
    assert share == 1.0 and subs == [Substitution("高质料", "高质量")]  # jieba: 高质量 is one word


def test_the_spun_side_is_the_one_with_the_rarer_words() -> None:
    for a, b in ((SPUN, ORIGINAL), (ORIGINAL, SPUN)):
        oriented = orient(a, b)
        assert oriented is not None and oriented[0] is SPUN and oriented[1] is ORIGINAL


def test_different_stories_give_nothing() -> None:
    assert orient(ORIGINAL, UNRELATED) is None
    assert not [p for p in harvest([(1, ORIGINAL), (2, UNRELATED)])]


def test_harvest_finds_the_pair_and_counts_the_swaps() -> None:
    pairs = {(p.spun, p.original): p for p in harvest([(7, UNRELATED), (8, SPUN), (9, ORIGINAL)])}
    assert pairs[("都市", "城市")].count >= 2 and pairs[("都市", "城市")].articles == [8]
    assert ("盘算", "计划") in pairs and ("修造", "建设") in pairs
    assert all(p.articles == [8] for p in pairs.values())


def test_figures_bring_partial_reposts_together() -> None:
    assert anchors(ORIGINAL) >= {"3月12日", "5万个", "320亿元", "46个"}
    assert anchor_pairs({1: anchors(ORIGINAL), 2: anchors(SPUN), 3: anchors(UNRELATED)}) == {(1, 2)}
    assert len(signature(ORIGINAL)) == len(signature(SPUN)) > 0


def test_confirmed_pairs_restore_a_spun_article_and_leave_clean_text_alone() -> None:
    learned = {"都市": "城市", "盘算": "计划", "修造": "建设", "高质料": "高质量", "性命线": "生命线", "络续": "持续"}
    r = clean(SPUN, "text", learned_spin=learned)
    assert "spun" in r.flags
    assert "都市" not in r.text and "盘算" not in r.text and "城市生命线" in r.text
    notes = [c.note for c in r.changes if c.kind == "spin" and c.before == "都市"]
    assert notes and all("第l层" in n for n in notes)
    # 都市 is a real word: in a clean article the learned pair is no evidence and changes nothing.
    clean_text = "这座都市的夜晚灯火通明，游客在老城区漫步。" * 4
    assert clean(clean_text, "text", learned_spin=learned).text == clean_text
