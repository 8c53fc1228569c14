"""Emoji, dingbat and box runs sprinkled inside sentences (fixtures written for the phenomenon)."""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.cleaning.residue.symbol_noise import MIN_RUNS, remove_symbol_noise

GLYPHS = (
    "会议由市商务局主任✿✿◈★ღ、开发区管委会副主任✿✿◈★ღ共同主持。\n\n"
    "推介会上✿✿◈★ღ，六个项目现场签约✿✿◈★ღ，总投资约45亿元。\n"
)
EMOJI_TRAD = "據官方統計數據🍻，今年簽約項目已擴散至全省🤌，涵蓋製造業📢、物流業與現代農業👩🏻\u200d🦽\u200d➡️。\n"


def test_glyph_runs_inside_sentences_go() -> None:
    out = remove_symbol_noise(GLYPHS).text
    assert "✿" not in out and "ღ" not in out
    assert "市商务局主任、开发区管委会副主任共同主持。" in out


def test_emoji_with_modifiers_and_joiners_go_whole_in_traditional_text() -> None:
    result = clean(EMOJI_TRAD, "text")
    assert "\u200d" not in result.text and "➡" not in result.text and "🍻" not in result.text
    assert "涵盖制造业、物流业与现代农业。" in result.text
    # Every cleaned character still maps back to the raw text.
    i = result.text.index("物流业")
    a, b = result.offsets.to_source(i, i + 3)
    assert EMOJI_TRAD[a:b] == "物流業"


def test_boxes_glued_to_clauses_go() -> None:
    text = "这本书中□□□□□，展示了产业历史的深度□□，还有讲故事的技巧□□□。作者□□，也是投资人□□□□。"
    assert "□" not in remove_symbol_noise(text).text


def test_a_few_symbols_are_left_alone() -> None:
    text = "投资者反响热烈👍，项目已签约🎉，下周开工💪。"
    assert text.count("👍") == 1 and MIN_RUNS > 3
    assert remove_symbol_noise(text).text == text


def test_units_marks_bullets_and_line_ends_are_not_noise() -> None:
    text = (
        "★ 重点项目\n□记者 王明 报道\n"
        "当天气温28℃，签约金额50亿元©，品牌®已注册™，纬度30°。\n"
        "好消息🎉\n欢迎来投资🎉\n项目落地🎉\n合作共赢🎉\n"
    )
    assert remove_symbol_noise(text).text == text


# U+1F25B, U+1F2BC and U+1F1DC are unassigned code points of the symbol planes (tofu boxes on
# screen); farms mix them into runs with assigned emoji, regional indicators and alchemical signs.
UNASSIGNED = "\U0001f25b\U0001f1fd\U0001f784"
TOFU = (
    f"就在几天前，\U0001f2bc\U0001f56b盛传已久的互联网游戏{UNASSIGNED}公司终于被证实。\n"
    "九城将\U0001f40b\u2677\U0001f346收购一家足球队，引得无\u26e1\U0001f6fa\u2679数人关注。\n"
    "大投资\U0001f2b8、大回报\U0001f1dc，都能赚钱。\n"
)


def test_runs_with_unassigned_symbol_plane_code_points_go_whole() -> None:
    out = remove_symbol_noise(TOFU).text
    assert "就在几天前，盛传已久的互联网游戏公司终于被证实。" in out
    assert "大投资、大回报，都能赚钱。" in out
    assert not any(0x1F000 <= ord(c) <= 0x1FAFF for c in out)


def test_supplementary_plane_ideographs_are_letters_not_noise() -> None:
    # Ext. B–G ideographs (𠮷 U+20BB7, 𨭎 U+28B4E, 𪚥 U+2A6A5, 𰻞 U+30EDE) inside words and names:
    # letters, so the article is left as it is (and its two emoji are too few to be a template).
    text = "𠮷野家的店长𨭎先生说，𪚥字很少见👍，𰻞𰻞面很好吃🎉，店里坐满了人。\n"
    assert remove_symbol_noise(text).text == text
