"""The spin judgement from general evidence, two-for-one swaps, and what a judged-spun article may change."""

from __future__ import annotations

from pipeline.cleaning import clean, residue
from pipeline.cleaning import pipeline as cleaning_pipeline
from pipeline.cleaning.spin_pairs import find_split_swaps
from pipeline.cleaning.spinning import _jieba, _window_tokens, restore_spin

# Written for this test: a campus notice as the classic 伪原创 spinner leaves it (大 → 年夜, 观 → 不雅,
# 活动 → 勾当).
SPUN_DA = (
    "本校年夜学生艺术团成立于2005年，是学校范围最年夜的学生社团之一。"
    "艺术团每年承办多项年夜型勾当，吸引了众多年夜学生参加，不雅众反响热烈。"
    "今年的迎新年夜会将于下月举行。"
)

# Written for this test: clean text with the words the spinner's forms hide in (大年夜, 年夜饭, 不雅)
# and 勾当 as the real word it is.
CLEAN_DA = (
    "大年夜的晚上，一家人围坐在一起吃年夜饭，年夜饭的菜有十几样。"
    "警方表示，这伙人长期从事不法勾当，举止不雅，已被依法拘留。"
    "除夕年夜饭的习俗，在大学生中也很流行。"
)

# Written for this test: a paragraph judged spun by its marker forms, with words that read as two
# common words (每天|都会, 特别|是) which a spun-form table also lists.
SPUN_MARKERS_WITH_COMMON_PARTS = (
    "江西全场地推进合作，又将迈出遑急一步。副厅长先容，东谈主缘相亲，他默示将抓续推动。"
    "今后每天都会有新项目签约，特别是电子信息产业。节目已经过多个平台播出。"
)


def test_two_for_one_swap_is_proved_by_distinct_contexts() -> None:
    swaps = find_split_swaps(SPUN_DA, _jieba().FREQ, _window_tokens)
    assert [(s.spun, s.original) for s in swaps] == [("年夜", "大")]
    assert {"大学", "最大", "大型"} <= set(swaps[0].words)


def test_two_for_one_paragraph_judged_spun_and_restored() -> None:
    r = clean(SPUN_DA, "text")
    assert "spun" in r.flags
    assert "年夜" not in r.text
    assert "大学生艺术团" in r.text and "规模最大" not in r.text  # 范围 is a real word: left as it is
    assert "范围最大" in r.text and "多项大型" in r.text and "迎新大会" in r.text
    assert "观众反响" in r.text
    notes = [c.note for c in r.changes if c.kind == "spin" and c.before == "年夜"]
    assert notes and all("第p层" in n and "大年夜" in n for n in notes)


def test_clean_paragraph_with_the_hidden_words_unchanged() -> None:
    assert find_split_swaps(CLEAN_DA, _jieba().FREQ, _window_tokens) == []
    r = clean(CLEAN_DA, "text")
    assert r.text == CLEAN_DA and "spun" not in r.flags


# Written for this test: a list of projects where 亿的 repeats before words that 一 would also
# start (一年, 一大, 一生, 一世): 一 makes a word with almost anything.
PROJECTS = (
    "会上签约的项目有：总投资26亿的年产十万吨新材料项目、总投资10亿的大蒜深加工项目、"
    "总投资12亿的生态农业园项目、总投资8亿的世纪商贸城项目。"
)


def test_a_character_that_joins_anything_is_no_proved_swap() -> None:
    assert find_split_swaps(PROJECTS, _jieba().FREQ, _window_tokens) == []
    assert clean(PROJECTS, "text").text == PROJECTS


def test_words_that_read_as_two_common_words_stay_in_a_spun_article() -> None:
    step = restore_spin(SPUN_MARKERS_WITH_COMMON_PARTS)
    assert "spun" in step.flags
    assert "重要一步" in step.text  # the markers are restored
    assert "每天都会有" in step.text and "特别是电子" in step.text
    assert "已经过多个平台" in step.text  # 过|多个: no 过多 to swap for 无数 (无数个)


def test_spam_in_the_same_article_supports_a_single_marker() -> None:
    text = "这篇文章先容了大模型的训练方法和应用场景，以及行业里的最新进展。"
    assert restore_spin(text).text == text  # one marker alone is no judgement
    step = restore_spin(text, spam=True)
    assert "spun" in step.flags and "介绍了大模型" in step.text


def test_spam_alone_judges_nothing() -> None:
    text = "他每天都会来这里散步，特别是天气好的时候。"
    step = restore_spin(text, spam=True)
    assert step.text == text and "spun" not in step.flags


# Written for this test: one marker (先容) in a paragraph full of a spinner's near-non-words
# (存眷, 揭橥, 餍饫, 黉舍, 泉币, 墟市). Since the spinner's whole table is tier t, 眷注 and 餍足 are
# evidence of their own, so the paragraph uses forms it does not name.
DENSE = (
    "部长在音信揭橥厅先容了民生存眷的几件事。他说，回应要餍饫大众的期待，"
    "黉舍周边的墟市要整顿，泉币兑换要规范。"
)


def test_near_non_word_density_supports_a_single_marker_but_judges_nothing_alone() -> None:
    step = restore_spin(DENSE)
    assert "spun" in step.flags and "近非词密度" in str(step.metadata["spin_judgement"])
    assert "介绍了民生" in step.text
    # Without evidence the density judges nothing (黉舍 is evidence too since the spinner's own table,
    # tier t, names it: both go).
    alone = DENSE.replace("先容", "介绍").replace("黉舍", "学校")
    assert restore_spin(alone).text == alone


def test_a_spam_line_removed_by_the_cleaner_supports_the_judgement() -> None:
    # Written for this test: two paragraphs, one marker (先容), and a brand line between them.
    para1 = "这篇文章先容了大模型的训练方法和应用场景，以及行业里的最新进展和发展方向。"
    para2 = "研究人员认为，数据质量决定了模型效果，下一步要把更多行业知识注入到模型中去。"
    plain = clean(f"{para1}\n\n{para2}", "text")
    assert "先容" in plain.text and "spun" not in plain.flags
    r = clean(f"{para1}\n\n星河娱乐-科技点亮生活，让娱乐更精彩。\n\n{para2}", "text")
    assert "星河娱乐" not in r.text and "spun" in r.flags
    assert "介绍了大模型" in r.text


def test_guan_written_as_bu_ya_is_proved_and_real_bu_ya_is_not() -> None:
    # Written for this test: 观 → 不雅 (参不雅, 不雅众, 客不雅, 不雅察); then clean text where 不雅 is the
    # real word (举止不雅) and 雅 stands on its own.
    spun = "展览开幕当天，不雅众排起长队参不雅。专家客不雅地评价了展品，并仔细不雅察了细节。不少不雅众表示收获很大。"
    swaps = find_split_swaps(spun, _jieba().FREQ, _window_tokens)
    assert [(s.spun, s.original) for s in swaps] == [("不雅", "观")]
    assert {"参观", "客观", "观众", "观察"} <= set(swaps[0].words)
    clean_text = "他举止不雅，言语不雅，穿着也不雅，被主持人当场提醒。雅致的会场里，观众们都笑了。"
    assert find_split_swaps(clean_text, _jieba().FREQ, _window_tokens) == []
    assert clean(clean_text, "text").text == clean_text


# Written for this test: a clean company story on a site whose breadcrumb carries a gambling brand,
# with a phrase a synonym table lists (多年来 → 近年来) used twice.
CLEAN_ON_SPAMMY_SITE = (
    "凯发k8官方首页 > 新闻中心\n"
    "集团在港成功举办春茗活动\n"
    "集团董事长在致辞中表示，多年来集团坚持服务香港、服务国家，业务规模稳步扩大。\n"
    "多年来，集团与各界朋友携手合作，共同见证了香港的繁荣发展，今后将继续深化合作。\n"
)

# The same brand spliced into a sentence of a spun story: that is a content farm's insertion.
SPUN_WITH_INSERTED_BRAND = (
    "集团董事长在致辞中表示，多年来凯发k8官方集团坚持服务香港、服务国家，业务规模稳步扩大。\n"
    "多年来，集团与各界朋友携手合作，共同见证了香港的繁荣发展，今后将继续深化合作。\n"
)


def test_spam_in_the_page_chrome_does_not_make_a_clean_story_spun() -> None:
    r = clean(CLEAN_ON_SPAMMY_SITE, "text")
    assert "spun" not in r.flags
    assert r.text.count("多年来") == 2


def test_spam_spliced_into_a_sentence_still_supports_the_judgement() -> None:
    chain = cleaning_pipeline._Chain.start(SPUN_WITH_INSERTED_BRAND)
    chain.run(residue.remove_inline_residue)
    assert cleaning_pipeline._spam_in_story(chain)
    chrome = cleaning_pipeline._Chain.start(CLEAN_ON_SPAMMY_SITE)
    chrome.run(residue.remove_inline_residue)
    assert not cleaning_pipeline._spam_in_story(chrome)
