"""Page residue: navigation, page-info lines, fold markers, spam, captions."""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.cleaning.residue import extract_page_info, lift_captions, remove_inline_residue, remove_navigation


def test_navigation_lines() -> None:
    text = "中文 | EN\n首页 > 新闻中心 > 正文\n标题\n正文。\n【打印】【关闭】"
    assert remove_navigation(text).text.strip("\n").split("\n") == ["标题", "正文。"]


def test_page_info_moves_to_metadata() -> None:
    text = "标题\n发布者:科沃高新\u00a0\u00a0发布时间:2018.11.19\u00a0\u00a0点击率:4040\n正文。\n责任编辑：王五"
    r = clean(text, "text")
    assert r.text == "标题\n正文。"
    assert r.metadata["click_count"] == 4040
    assert r.metadata["published_at"] == "2018-11-19"
    assert r.metadata["publisher"] == "科沃高新" and r.metadata["editor"] == "王五"


def test_prose_with_a_colon_is_not_page_info() -> None:
    text = "来源：据统计，今年以来全市共签约项目120个，总投资超过300亿元。"
    assert extract_page_info(text).text == text


def test_fold_marker_and_spam_removed() -> None:
    text = "经贸活动体育游戏app平台,也是首场。\n展开剩余85%自2002年以来,开云体育官网登录入口江西省已成功举办。"
    step = remove_inline_residue(text)
    assert step.text == "经贸活动,也是首场。\n自2002年以来,江西省已成功举办。"
    assert "spam_removed" in step.flags


def test_ordinary_platform_words_are_not_spam() -> None:
    text = "搭建体育产业发展平台，建设数字政务服务平台官网，完善游戏产业。"
    assert remove_inline_residue(text).text == text


def test_captions_kept_not_deleted() -> None:
    text = (
        "市长出席会议并讲话。\n"
        "▲ 全面封顶的航空孵化园\n"
        "新闻发布会现场。 澎湃新闻记者 郑问 摄\n"
        "正文继续。\n"
        "photo_123.jpg\n"
        "参观规划展览馆\n"
        "考察新材料产业园\n"
        "下午，代表团前往眉山考察。"
    )
    step = lift_captions(text)
    assert [c.text for c in step.captions] == [
        "全面封顶的航空孵化园",
        "新闻发布会现场。 澎湃新闻记者 郑问 摄",
        "参观规划展览馆",
        "考察新材料产业园",
    ]
    body = [ln for ln in step.text.split("\n") if ln]
    assert body == ["市长出席会议并讲话。", "正文继续。", "下午，代表团前往眉山考察。"]


def test_caption_with_a_speech_is_the_only_source_and_stays_available() -> None:
    text = "标题行\n正文第一段。\n10月17日推介会分会-陶振华董事长作“新材料平台”演讲\n正文第二段。"
    r = clean(text, "text")
    assert "演讲" not in r.text
    (cap,) = r.captions
    assert cap.text == "10月17日推介会分会-陶振华董事长作“新材料平台”演讲"
    assert text[cap.raw_start : cap.raw_end] == cap.text


def test_person_caption_repeating_the_introduction() -> None:
    text = "标题\n王春雷介绍，会议将在深圳举办。\n江西省商务厅副厅长王春雷。\n江西省商务厅副厅长王春雷表示，欢迎企业。"
    r = clean(text, "text")
    assert [c.text for c in r.captions] == ["江西省商务厅副厅长王春雷。"]
    assert "江西省商务厅副厅长王春雷表示" in r.text


def test_headings_are_not_captions() -> None:
    text = "为港澳游客定制“引客入赣”大礼包\n正文一段。\n“老区”与“湾区”合作的探索样本\n正文二段。"
    r = clean(text, "text")
    assert r.text == text and not r.captions


def test_short_repeated_paragraph_is_not_a_caption() -> None:
    text = "标题\n发展才是硬道理的道理。\n会上他再次强调了这一点。\n发展才是硬道理的道理。"
    r = clean(text, "text")
    assert r.text == text and not r.captions


def test_government_site_scrape_unseen_layout() -> None:
    text = (
        "首页 > 新闻中心 > 工作动态\n"
        "江西省与广东省签署产业合作协议\n"
        "来源：江西省商务厅 发布时间：2024-03-24 10:20 浏览次数：1234\n"
        "【字体：大 中 小】 【打印】 【关闭】\n"
        "\u3000\u3000新华社南昌3月24日电（记者 张三、李四）3月23日，两省在南昌签署产业合作框架协议。\n"
        "\u3000\u3000签约仪式现场。（记者 王五 摄）\n"
        "分享到：\n"
        "责任编辑：赵六\n"
        "返回搜狐，查看更多\n"
    )
    r = clean(text, "text")
    assert r.text == (
        "江西省与广东省签署产业合作协议\n"
        "新华社南昌3月24日电（记者 张三、李四）3月23日，两省在南昌签署产业合作框架协议。"
    )
    assert r.metadata["source"] == "江西省商务厅" and r.metadata["author"] == "张三、李四"
    assert r.metadata["published_at"] == "2024-03-24" and r.metadata["click_count"] == 1234
    assert r.metadata["editor"] == "赵六" and "title" not in r.metadata  # extraction owns the title
    assert [c.text for c in r.captions] == ["签约仪式现场。（记者 王五 摄）"]


def test_html_page_chrome_skipped() -> None:
    raw = (
        "<html><head><title>页</title></head><body><nav>首页 | 关于</nav><h1>招商大会开幕</h1>"
        "<p>第一段&nbsp;文字，<a href='x'>链接</a>。</p><figure><img src='a.jpg' alt='a.jpg'>"
        "<figcaption>▲ 项目开工现场</figcaption></figure><footer>版权所有</footer></body></html>"
    )
    r = clean(raw, "html")
    assert r.text == "招商大会开幕\n第一段 文字，链接。"
    assert [c.text for c in r.captions] == ["项目开工现场"]
    assert r.metadata["html_title"] == "页" and r.metadata["images"] == ["a.jpg"]


def test_event_time_line_inside_the_story_stays() -> None:
    body = "\n".join(f"第{i}段正文内容，介绍了有关情况。" for i in range(20))
    text = f"标题\n发布时间：2024-01-02\n{body}\n时间：5月20日 地点：南昌\n{body}"
    r = clean(text, "text")
    assert "时间：5月20日 地点：南昌" in r.text
    assert "发布时间" not in r.text and r.metadata["published_at"] == "2024-01-02"


def test_chronology_and_subject_lines_are_not_captions() -> None:
    text = (
        "标题\n全年重点工作如下。\n3月5日 召开招商推进会\n4月8日 赴深圳考察对接\n5月9日 举行项目签约仪式\n"
        "考察团一行来我区调研\n正文继续。"
    )
    r = clean(text, "text")
    assert not r.captions and r.text == text


def test_site_menu_and_footer_lines_are_removed_but_prose_stays() -> None:
    from pipeline.cleaning.residue.navigation import remove_navigation

    text = (
        "首页 | 新闻中心 | 政务公开 | 招商引资\n"
        "某市代表团赴深圳开展招商活动\n"
        "会上，双方就新能源、新材料等产业合作深入交流。\n"
        "主办单位：某市人民政府，承办单位为市商务局。\n"  # a sentence in the story, not a footer
        "甲 | 乙\n"  # two items are not a menu
        "版权所有：某市人民政府办公室 鄂ICP备05003312号\n"
        "主办单位：某市人民政府办公室\n"
    )
    out = remove_navigation(text).text
    assert "新闻中心" not in out and "ICP" not in out and "办公室" not in out
    assert "某市代表团赴深圳开展招商活动" in out
    assert "会上，双方就新能源" in out
    assert "承办单位为市商务局" in out
    assert "甲 | 乙" in out


def test_page_tools_on_the_info_line_stay_out_of_the_source() -> None:
    from pipeline.cleaning.residue.page_info import extract_page_info

    step = extract_page_info("标题\n发布时间：2022-09-02 17:45   来源：某市投资促进中心   字号：[大 中 小]\n正文。")
    assert step.metadata["source"] == "某市投资促进中心"
    assert step.metadata["published_at"] == "2022-09-02"
    assert "字号" not in step.text


def test_a_byline_under_an_opening_image_ends_the_caption_group() -> None:
    # The page opens with an image placeholder; the byline and headline below it are no captions.
    text = "image\n20230808文/王妙琴\n\n云林工业区招商 反应热烈\n\n县政府8月7日上午办理招商说明会，多家企业参加。\n"
    out = clean(text, "txt").text
    assert "云林工业区招商 反应热烈" in out and "王妙琴" in out


def test_a_dated_lead_in_half_width_punctuation_is_no_caption() -> None:
    # Written for this test: a content farm's lead paragraph set in half-width commas, opening
    # with its dateline and naming an event (会议), as a dated photo caption would.
    lead = "6月9日讯 据新华社报道,6月8日下午,某省体育局举办线上招商大会,局长出席会议并讲话,现场签约额约3.3亿元"
    text = f"某省体育产业招商签约额超3亿\n{lead}\n为帮助体育企业尽快摆脱疫情影响,省体育局举办了这次大会。\n"
    step = lift_captions(text)
    assert lead in step.text and not step.captions
    # A dated caption without any clause mark is still lifted.
    assert lift_captions("某省体育产业招商签约\n6月8日签约仪式现场\n正文第一段写了什么。\n").captions
