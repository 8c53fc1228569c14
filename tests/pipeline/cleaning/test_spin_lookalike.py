"""Tier g: rare look-alike characters written for a common homophone (fixtures written for the
phenomenon, not copied from a page)."""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.cleaning.spinning import restore_spin

# A keyword farm's copy: 媔 (桌面), 佽 (一次), 噺 (最新), 噺 again (最新), all outside GB 2312.
FARM = (
    "据悉，当用户在桌媔客户端充值时将会获得现金奖励，每位用户只能享受一佽奖励。\n"
    "该公司在最噺的说明书中显示，发行价格区间为16至19美元，比最噺预期略高。\n"
)


def test_lookalike_characters_are_restored_with_their_evidence() -> None:
    step = restore_spin(FARM)
    assert "spun" in step.flags
    assert "桌面客户端" in step.text and "一次奖励" in step.text and "在最新的说明书" in step.text
    assert "比最新预期" in step.text
    notes = [e.note for e in step.edits]
    assert notes and all("第g层" in n and "GB2312" in n for n in notes)


def test_lookalikes_map_back_to_raw_offsets() -> None:
    result = clean(FARM, "text")
    i = result.text.index("桌面")
    a, b = result.offsets.to_source(i, i + 2)
    assert FARM[a:b] == "桌媔"


def test_rare_name_characters_are_left_alone() -> None:
    # 玥, 喆, 旻 are outside GB 2312 and no dictionary word uses them; in names they stay.
    text = (
        "陈玥明年将赴京参加比赛，王喆一次次刷新纪录。\n"
        "记者赵旻新近发表的报道中，教练张翀说，队员李婧一次训练就完成了目标。\n"
    )
    assert restore_spin(text).text == text
    assert clean(text, "text").text == text.strip()


def test_given_names_after_a_surname_or_followed_by_a_word_are_left_alone() -> None:
    # 恴 (outside GB 2312, in no word) sounds like 地/得/登: 李晓得 and 张明地表示 would be false
    # repairs. A character one after a surname is a given name's too, and a homophone must make a
    # word the text reads there (地表 is no word of 张明地|表示).
    from pipeline.cleaning.spin_density import in_proper_name
    from pipeline.cleaning.spin_lookalike import find_lookalikes
    from pipeline.cleaning.spinning import tokenizer

    freq = tokenizer().FREQ
    for text in ("记者李晓恴最新报道", "张明恴表示，今年投入", "由刘恴主持的会议上"):
        assert find_lookalikes(text, freq, in_proper_name) == []


def test_traditional_articles_keep_their_old_variants() -> None:
    # Old variant characters of a Traditional text (擧, 鬭) sound like 举, 斗 and would make 举行,
    # 战斗: they are the script's, not a farm's look-alikes.
    text = "該會於本月擧行年會，與會者回顧當年戰鬭的歷史，並擧辦展覽，紀念戰鬭中犧牲的人。\n"
    out = clean(text, "text")
    assert "擧" in out.text and "鬭" in out.text


def test_a_clean_simplified_text_with_common_characters_is_unchanged() -> None:
    text = "当用户在桌面客户端充值时将会获得奖励，每位用户只能享受一次，最新的说明书已发布。\n"
    assert restore_spin(text).text == text
