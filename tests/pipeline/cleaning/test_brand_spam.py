"""Brand spam spliced into sentences is found by its features (a download word, no syntactic
role, a name the article never uses otherwise, a repeated sentence template); sentences that
name an app or platform with a role stay. Fixtures written for this test, one case each."""

from __future__ import annotations

from pipeline.cleaning.residue.spam import remove_inline_residue


def _clean(text: str) -> str:
    return remove_inline_residue(text).text


def test_a_brand_with_a_download_word_between_two_clauses_is_removed() -> None:
    text = "第30分钟，主队左路突破后传中星河体育下载，中路包抄的前锋头球攻门稍稍偏出。"
    out = _clean(text)
    assert "星河体育下载" not in out
    assert "主队左路突破后传中，中路包抄的前锋头球攻门稍稍偏出。" in out


def test_a_latin_wallet_brand_before_a_conjunction_is_removed() -> None:
    text = "当你用5倍杠杆买入股票，abcpay钱包安卓版下载如果价格下跌20%，账户就会被强制平仓。"
    out = _clean(text)
    assert "abcpay" not in out
    assert "买入股票，如果价格下跌20%" in out


def test_a_repeated_brand_sentence_template_is_removed() -> None:
    text = (
        "无数球迷已通过手机获取最新赛况。星河app官方版是当前备受关注的话题。"
        "月光彩票官网入口是当前备受关注的话题。据统计，体育资讯的移动端访问量增长了三倍。"
    )
    out = _clean(text)
    assert "当前备受关注的话题" not in out
    assert "获取最新赛况。据统计" in out


def test_a_lower_case_brand_before_the_headline_is_removed() -> None:
    text = "xyz:城市德比战主队险胜\n在昨晚结束的比赛中，主队以2比1险胜对手。"
    out = _clean(text)
    assert out.startswith("城市德比战主队险胜")


def test_a_brand_before_the_headline_spliced_again_into_the_story_is_removed() -> None:
    text = "qq电子模拟器:球队惨败引质疑\n在本赛季联赛的qq电子模拟器一场焦点战中，主队0比5落败。"
    out = _clean(text)
    assert "模拟器" not in out
    assert "在本赛季联赛的一场焦点战中" in out


def test_a_link_glued_to_a_paragraph_is_removed() -> None:
    text = "第一段讲风险。\nhttps://www.example-spam.com因此，投资者教育十分重要。"
    out = _clean(text)
    assert "example-spam" not in out
    assert "因此，投资者教育十分重要。" in out


def test_an_app_launched_by_a_company_stays() -> None:
    # Governed by 推出了: the app is the object of the sentence.
    text = "近日，市体育局推出了全民健身体育app。该应用可预约全市体育场馆。"
    assert _clean(text) == text


def test_an_app_the_story_is_about_stays() -> None:
    # The name recurs with a role: the article is about it.
    text = "记者注意到，城市通钱包下载量已超过百万，城市通钱包还支持公交乘车。"
    assert _clean(text) == text


def test_a_headline_naming_its_subject_before_a_colon_stays() -> None:
    # "vivo" continues in the story ("vivo发布"): the prefix is the headline's subject.
    text = "vivo:新一代折叠屏手机亮相\nvivo发布了新一代折叠屏手机，售价六千元起。"
    assert _clean(text) == text


def test_a_product_name_in_latin_stays() -> None:
    text = "不少在外务工人员通过WhatsApp，与家人保持联系。"
    assert _clean(text) == text


def test_two_sentences_sharing_a_short_ending_stay() -> None:
    text = "甲公司的官网已经上线。乙公司的app已经上线。"
    assert _clean(text) == text


def test_a_simplified_brand_in_a_traditional_text_is_removed() -> None:
    text = (
        "張純信:星河体育娱乐金融學院副院長\n"
        "利用區塊鏈技術可以有效提高自動預警信息系統的速度、透明度與靈敏度,與疫情相關的數據是分散在全國各地的。"
    )
    out = _clean(text)
    assert "星河体育娱乐" not in out and "張純信:金融學院副院長" in out


def test_sport_in_a_simplified_text_stays() -> None:
    text = "市体育局与某娱乐公司签约，共建全民健身中心。"
    assert _clean(text) == text
