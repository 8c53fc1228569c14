"""Synonym spinning: detection, phrase-level restoration, undo, and no effect on clean text."""

from __future__ import annotations

import pytest

from pipeline.cleaning import clean
from pipeline.cleaning.spinning import is_spun, lexicon, restore_spin, spin_score

from .conftest import cleaned_seed, seed_text

SPUN = (
    "江西全场地“融湾”,又将迈出遑急一步。江西省商务厅副厅长王春雷先容,这次经贸手脚周将举办系列手脚。"
    "东谈主缘相亲,商缘深厚。他默示将抓续推动合作。倾盆新闻记者获悉。"
)


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_clean_seeds_unchanged_by_spin_step(prefix: str) -> None:
    r = cleaned_seed(prefix)
    assert "spun" not in r.flags and r.spin_score == 0.0
    assert not [c for c in r.changes if c.kind == "spin"]
    step = restore_spin(r.text)
    assert step.text == r.text and not step.edits


def test_seed_001_detected() -> None:
    score, hits = spin_score(seed_text("001"))
    assert is_spun(score, hits) and score > 10


def test_restoration_is_phrase_level() -> None:
    r = clean(SPUN, "text")
    assert "spun" in r.flags
    assert "全方位" in r.text and "重要一步" in r.text and "经贸活动周" in r.text and "系列活动" in r.text
    assert "人缘相亲" in r.text and "表示将持续推动" in r.text and "澎湃新闻记者" in r.text
    assert all(c.undoable for c in r.changes if c.kind == "spin")


def test_bare_real_words_are_not_restored_but_reported() -> None:
    text = SPUN + "他手脚麻利,口头答应了秘书。"
    r = clean(text, "text")
    assert "他手脚麻利,口头答应了秘书。" in r.text
    suspects = r.metadata["spin_suspects"]
    assert isinstance(suspects, list)
    forms = {str(s["text"]).split("→")[0] for s in suspects}
    assert {"手脚", "口头", "秘书"} <= forms


def test_protected_phrases_win() -> None:
    r = clean(SPUN + "市委副秘书长出席,党工委秘书傅正华致辞。", "text")
    assert "市委副秘书长出席" in r.text and "党工委书记傅正华" in r.text


def test_normal_article_with_real_words_is_not_spun() -> None:
    text = "他手脚麻利,口头答应。秘书处开发了新产品,经营结束后商场关门。" * 5
    r = clean(text, "text")
    assert "spun" not in r.flags and r.text == text.strip()


def test_reviewer_undo_is_honoured() -> None:
    r = clean(SPUN, "text")
    first = next(c for c in r.changes if c.kind == "spin" and c.before == "遑急")
    again = clean(SPUN, "text", skip_changes=frozenset({("spin", first.raw_start, first.raw_end)}))
    assert "遑急一步" in again.text
    assert "全方位" in again.text  # the other restorations still apply
    assert not any(c.kind == "spin" and c.raw_start == first.raw_start for c in again.changes)


def test_lexicon_has_no_bare_ambiguous_restorations() -> None:
    lex = lexicon()
    for word in ("手脚", "口头", "秘书", "开发", "产品", "经营", "结束", "活动", "人"):
        assert word not in lex.restore, word


def test_markers_inside_protected_phrases_do_not_count_or_change() -> None:
    text = "不好意思，反之亦然。" * 20
    assert spin_score(text) == (0.0, 0)
    r = clean(SPUN + text, "text")
    assert "不好意思，反之亦然。" in r.text


# -- issue 11: tiers from general sources (词林 + jieba frequencies, OpenCC variants) -----------------

CLEAN_WITH_SPINNER_WORDS = (
    "在关键时刻，列车时刻表临时调整，原因是暴雨。出于安全的缘故，必要的检查不能少；"
    "遇到这种情形，他手脚麻利地帮忙。男性选手沉着应战，口头承诺的课题也已立项。"
)


def test_clean_text_with_spinner_words_is_untouched() -> None:
    text = CLEAN_WITH_SPINNER_WORDS * 3
    r = clean(text, "text")
    assert r.text == text and "spun" not in r.flags and r.spin_score == 0.0
    assert not [c for c in r.changes if c.kind == "spin"]


def test_compound_evidence_restores_a_spun_word_and_says_why() -> None:
    r = clean(SPUN + "推进中国式今世化建设。", "text")
    assert "中国式现代化建设" in r.text
    change = next(c for c in r.changes if c.kind == "spin" and c.before == "今世")
    assert change.after == "现代" and "第b层" in change.note and "现代化" in change.note and change.undoable


def test_compound_evidence_counts_toward_the_score_without_markers() -> None:
    # No marker of the 东谈主 family: the rebuilt compounds alone judge the article spun.
    text = "推进中国式今世化。今世化建设提速，今世化产业体系成形。"
    score, hits = spin_score(text)
    assert hits == 3 and is_spun(score, hits)
    assert clean(text, "text").text.count("现代化") == 3


def test_a_compound_across_a_word_edge_is_no_evidence() -> None:
    # 从中|长远: the 中 belongs to 从中, so 中长期 is not there to rebuild.
    assert spin_score("从中长远感受到变化。") == (0.0, 0)


def test_a_lone_real_word_is_only_a_suspect() -> None:
    r = clean(SPUN + "这是他离开的缘故。", "text")
    assert "离开的缘故" in r.text
    suspects = r.metadata["spin_suspects"]
    assert isinstance(suspects, list) and any(str(s["text"]).startswith("缘故→") for s in suspects)


def test_variant_characters_are_restored_in_a_spun_article_only() -> None:
    spun = clean(SPUN + "其馀的人留下。", "text")
    change = next(c for c in spun.changes if c.kind == "spin" and c.before == "馀")
    assert change.after == "余" and "第a层" in change.note
    assert clean("其馀的人留下。" * 5, "text").text == ("其馀的人留下。" * 5)


def test_a_real_word_with_its_compound_is_restored_only_in_a_spun_article() -> None:
    # 要紧 is a common word (tier c): 至关要紧 rebuilds 至关重要, but judges nothing by itself.
    alone = "这一点至关要紧。" * 3
    assert spin_score(alone) == (0.0, 0) and clean(alone, "text").text == alone
    r = clean(SPUN + "这一点至关要紧。", "text")
    change = next(c for c in r.changes if c.kind == "spin" and c.before == "要紧")
    assert change.after == "重要" and "第c层" in change.note and "至关重要" in r.text


def test_cleaning_a_restored_text_again_changes_nothing() -> None:
    # Found by Hypothesis: a restoration (东谈主 -> 人) left "文 人", which a second cleaning joined.
    from pipeline.cleaning import clean

    text = "他说 东谈主 们都来了。这是先容。东谈主们很遑急，说念理也遑急。作念事情要抓续。\n文 东谈主\n好"
    once = clean(text, "text").text
    assert "东谈主" not in once
    assert clean(once, "text").text == once


def test_a_pair_of_two_common_words_is_restored_only_with_its_compound_in_a_spun_article() -> None:
    # 看法 and 意见 are both common words of one 词林 group (spin_word_compounds.tsv): 看法书 is no
    # word and 意见书 is one, so in a spun article the compound decides; elsewhere 看法 stays.
    tail = "律师出具了看法书。他的看法很明确。"
    r = clean(SPUN + tail, "text")
    change = next(c for c in r.changes if c.kind == "spin" and c.before == "看法")
    assert change.after == "意见" and "第c层" in change.note and "意见书" in change.note
    assert "出具了意见书。他的看法很明确。" in r.text
    # Not judged spun: the same compound changes nothing, and counts as no evidence.
    alone = "律师出具了看法书。" * 4 + "他的看法很明确，公司打算明年上市。"
    assert spin_score(alone) == (0.0, 0) and clean(alone, "text").text == alone


def test_real_word_pairs_leave_near_equal_words_and_ambiguous_places_alone() -> None:
    # 基础/基本 are about as common (基础上 is a phrase, not a spun 基本上), and at 如何样 two
    # synonyms of 如何 rebuild two words (怎么样, 什么样): a spun article keeps both as they are.
    tail = "在此基础上再上调价格。他问如何样了。"
    r = clean(SPUN + tail, "text")
    assert "在此基础上再上调价格。他问如何样了。" in r.text
