"""Page furniture by structure, inline residue, PDF wrap spaces: one phenomenon per fixture.

Every fixture is a few lines written for the test (never a copied page). The last group is
clean text of several kinds that must come out unchanged apart from whitespace.
"""

from __future__ import annotations

import pytest

from pipeline.cleaning import clean
from pipeline.cleaning.residue.boilerplate import line_key, remove_boilerplate

BODY = (
    "本报讯 近日，某市召开招商引资工作推进会，会议通报了前三季度的签约情况和项目进展。\n"
    "会议要求，各地要紧盯重点产业链，持续优化营商环境，推动签约项目尽快落地投产。\n"
    "据介绍，今年以来全市新签约亿元以上项目一百余个，协议总投资超过八百亿元。\n"
)


def squash(text: str) -> str:
    return "".join(text.split())


def removed(text: str, **kw: object) -> list[str]:
    step = remove_boilerplate(text, **kw)  # type: ignore[arg-type]
    return [text[e.start : e.end].strip() for e in step.edits]


# -- lines judged by structure ----------------------------------------------------------------


def test_breadcrumb_goes_and_the_title_stays() -> None:
    text = "当前位置: 首页 > 新闻中心 > 要闻 > 正文\n某市招商推进会召开\n" + BODY
    assert removed(text) == ["当前位置: 首页 > 新闻中心 > 要闻 > 正文"]


def test_page_info_fields_line_goes_even_behind_page_tools() -> None:
    line = "放大字体 缩小字体 发布日期:2020-01-02 10:00   来源:某某网  编辑:张三  浏览次数:123"
    assert removed(f"某市招商推进会召开\n{line}\n" + BODY) == [line]


def test_a_link_list_of_page_tools_goes() -> None:
    assert removed(BODY + "返回 下载 相关 举报\n") == ["返回 下载 相关 举报"]


def test_a_related_content_header_in_the_tail_ends_the_article() -> None:
    text = BODY + "相关新闻\n另一篇文章的标题\n再一篇文章的标题\n"
    assert removed(text) == ["相关新闻", "另一篇文章的标题", "再一篇文章的标题"]


def test_a_related_content_header_early_in_the_page_ends_nothing() -> None:
    text = "相关新闻\n" + BODY + BODY
    assert "另一篇" not in text and removed(text) in ([], ["相关新闻"])
    assert all(line in clean(text, "text").text for line in BODY.splitlines())


def test_a_heading_repeated_below_the_page_info_line_keeps_its_first_copy() -> None:
    text = "某市招商推进会召开\n发布时间:2020-01-02 浏览:12 来源:本站\n某市招商推进会召开\n" + BODY
    out = clean(text, "text")
    assert out.text.count("某市招商推进会召开") == 1
    assert out.metadata["repeated_heading"] == "某市招商推进会召开"  # a title signal for extraction


def test_a_weak_line_takes_its_neighbours_class() -> None:
    # A date alone between furniture lines is furniture; the same date line between paragraphs
    # of the story is left alone.
    head = "首页 | 新闻 | 政务 | 服务\n2020年1月2日\n打印本页 关闭窗口\n"
    assert "2020年1月2日" in removed(head + BODY)
    middle = BODY + "2020年1月2日\n" + BODY
    assert removed(middle) == []


def test_a_lone_heading_is_not_the_furniture_of_nothing() -> None:
    assert clean("iPhone 15 Pro 发布", "text").text == "iPhone 15 Pro 发布"


def test_short_lines_ending_the_page_with_a_furniture_word_go() -> None:
    assert removed(BODY + "关注我们的官方微信平台\n二维码\n") == ["关注我们的官方微信平台", "二维码"]


def test_a_signature_ending_a_notice_stays() -> None:
    assert removed(BODY + "某某市人民政府办公厅\n2017年10月9日\n") == []


def test_e_paper_page_labels_and_template_markup_go() -> None:
    text = "第A05版:要闻\n" + BODY + "2024-11-20 张三 1 1 某某日报 content_177806.html 1 3 /enpproperty-->\n"
    assert removed(text) == ["第A05版:要闻", text.splitlines()[-1]]


def test_document_site_page_numbers_go() -> None:
    text = "某某报告.doc_第1页\n第1页 / 共21页\n" + BODY
    assert removed(text) == ["某某报告.doc_第1页", "第1页 / 共21页"]


def test_a_line_the_site_repeats_goes_only_with_the_store_s_knowledge() -> None:
    text = "看家乡事 品故乡情\n" + BODY
    assert removed(text) == []
    assert removed(text, known_lines={line_key("看家乡事 品故乡情")}) == ["看家乡事 品故乡情"]
    # Content is never removed for being shared (a repost shares its paragraphs).
    first = BODY.splitlines()[0]
    assert removed(text, known_lines={line_key(first)}) == []


def test_line_key_ignores_spaces_width_and_counters() -> None:
    assert line_key("浏览次数:864") == line_key("浏览次数：1201")
    assert line_key("看家乡事 品故乡情") == line_key("看家乡事品故乡情")
    assert line_key("浏览次数:864") != line_key("点击数:864")


def test_a_reviewer_can_put_a_removed_line_back() -> None:
    line = "放大字体 缩小字体 发布日期:2020-01-02 10:00 来源:某某网 浏览次数:123"
    text = f"{line}\n" + BODY
    first = clean(text, "text")
    (change,) = [c for c in first.changes if c.kind == "boilerplate"]
    assert change.undoable and change.note == "page-info fields" and "浏览次数:123" in change.before
    again = clean(text, "text", skip_changes=frozenset({("boilerplate", change.raw_start, change.raw_end)}))
    assert again.text.startswith("放大字体 缩小字体")
    assert not [c for c in again.changes if c.kind == "boilerplate"]


# -- inline residue ------------------------------------------------------------------------------


def test_emoji_inside_words_go_and_an_emoji_after_a_sentence_stays() -> None:
    assert clean("阿里巴😘巴股价大涨，此前有消🔥息称。", "text").text == "阿里巴巴股价大涨，此前有消息称。"
    assert clean("谢谢大家。👍", "text").text == "谢谢大家。👍"


def test_a_watermark_token_repeated_at_paragraph_ends_goes() -> None:
    text = "第一段。xQeAbc\n第二段。xQeAbc\n第三段。xQeAbc\n"
    assert clean(text, "text").text == "第一段。\n第二段。\n第三段。"
    twice = "第一段。xQeAbc\n第二段。xQeAbc\n"
    assert "xQeAbc" in clean(twice, "text").text


def test_a_bracketed_contact_ad_goes() -> None:
    assert clean("有四个特点：【更多素材，微信：abc 123】", "text").text == "有四个特点："


def test_an_inline_publication_stamp_goes_into_metadata() -> None:
    out = clean("标题 更新时间:2011-3-19 10:29:36 3月14日，会议在京举行。", "text")
    assert "更新时间" not in out.text and out.metadata.get("published_at") == "2011-03-19"


def test_an_e_paper_jump_line_goes() -> None:
    assert clean("推进产业强市。”（下转2版）", "text").text == "推进产业强市。”"


def test_a_caption_run_into_a_paragraph_s_end_is_lifted() -> None:
    out = clean("工程预计明年完工。图为工地上来回穿梭的运输车。 王某某摄\n下一段。", "text")
    assert out.text == "工程预计明年完工。\n下一段。"
    assert [c.text for c in out.captions] == ["图为工地上来回穿梭的运输车。王某某摄"]


# -- PDF and e-paper -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("政府推動客運碼 頭的發展。", "政府推动客运码头的发展。"),  # Traditional, wrapped inside 碼頭
        ("嚴禁違反法 規的行為。", "严禁违反法规的行为。"),
        ("该项目涉及违反法 规的问题。", "该项目涉及违反法规的问题。"),  # Simplified
    ],
)
def test_a_space_inside_a_word_at_a_wrap_point_goes(raw: str, expected: str) -> None:
    assert clean(raw, "text").text == expected


@pytest.mark.parametrize("title", ["灌云开发区 打造生态都市园区", "完善配套设施 服务港口运营", "(记者 陈雨燕)"])
def test_a_space_between_words_stays(title: str) -> None:
    assert clean(title, "text").text == title


def test_a_spaced_out_number_on_a_spaced_out_line_is_joined() -> None:
    assert clean("統 計 年 報 2 0 1 1", "text").text == "统计年报2011"
    assert clean("房号 1 2 3 4", "text").text == "房号 1 2 3 4"


# -- clean text must come out unchanged --------------------------------------------------------------

CLEAN = {
    "news": "某市一季度招商引资开门红\n本网讯（记者 张三）3月13日，记者从区招商中心获悉，1至3月全区签约项目9个。\n"
    "与此同时，全区还策划储备了45个项目，其中上亿元项目20个。",
    "government": "某政办函〔2017〕103号\n关于促进开发区改革和\n创新发展实施方案的通知\n各区人民政府，各委、局：\n"
    "经市人民政府同意，现将实施方案印发给你们，请照此执行。\n某市人民政府办公厅\n2017年10月9日",
    "sport": "体育资讯3月7日讯 在联赛第1轮中，客队3-5负于主队。\n主教练表示：“从比分上说，这是一场精彩的比赛。”\n"
    "“我们回去好好总结，打好以后的比赛。”",
    "technology": "焦点观察 | AI大模型热潮涌动\n近来，AI大模型成为市场关注的焦点。\n国产AI大模型竞争格局初显\n"
    "同日，某公司推出了“日日新SenseNova”大模型体系，涵盖自然语言处理、内容生成等功能。",
    "list": "会议部署了三项工作：\n一、船舶进口岸申报\n（1）船舶上一港口检疫证明文件；\n（2）船员名单及其健康信息表；\n"
    "上述信息发生变化时，要立即报告。",
    "finance": "民生证券指出，ChatGPT 引领 AI 发展大潮， 算力是最基础和关键的支撑底座。\n"
    "建议重点关注 AI 芯片、 AI 服务器等领域。",
}


@pytest.mark.parametrize("kind", sorted(CLEAN))
def test_clean_text_comes_out_unchanged(kind: str) -> None:
    out = clean(CLEAN[kind], "text")
    assert squash(out.text) == squash(CLEAN[kind])
    assert not [c for c in out.changes if c.kind in ("boilerplate", "residue", "pdf_wrap_space")]


# -- found on held-out pages ---------------------------------------------------------------------


def test_a_closing_credit_above_related_links_stays() -> None:
    out = clean(BODY + "（记者 李四 王五）\n相关新闻\n更多>>\n", "text").text
    assert out.endswith("（记者 李四 王五）")


def test_a_site_name_inside_a_breadcrumb_block_goes() -> None:
    text = "您所在的位置:\n某某网\n>\n专题> 某某经济区全记录> 媒体协作\n> 正文\n某市招商推进会召开\n" + BODY
    out = clean(text, "text").text
    assert out.startswith("某市招商推进会召开\n")


def test_a_stamp_with_a_source_is_a_page_info_line() -> None:
    line = "www.example.com?2009-04-15 17:42? 记者 张三?来源:某某日报 我来说两句"
    assert removed("某市招商推进会召开\n" + line + "\n" + BODY) == [line]


def test_a_repost_notice_goes_and_a_question_about_reposting_stays() -> None:
    assert clean("一段话。\n本文为某站原创文章，转载请附上原文出处链接和本声明。", "text").text == "一段话。"
    assert clean("他问：转载请注明出处的规定合理吗？", "text").text == "他问：转载请注明出处的规定合理吗？"


def test_a_fold_link_ending_a_line_goes_and_the_phrase_in_prose_stays() -> None:
    assert clean("奋力打造新引擎。 展开详细", "text").text == "奋力打造新引擎。"
    assert clean("双方将展开更多合作。", "text").text == "双方将展开更多合作。"


def test_the_page_number_of_a_printed_document_goes() -> None:
    text = BODY + "— 2 —\n" + BODY
    assert removed(text) == ["— 2 —"]


def test_a_caption_used_under_two_photos_is_not_a_repeated_heading() -> None:
    assert removed(BODY + "签约仪式现场\n" + BODY + "签约仪式现场\n") == []


def test_photo_credit_does_not_start_the_story() -> None:
    # A credit line above a heading written twice: the caption is lifted out later, so the
    # repeat is judged as if it were gone, and cleaning again changes nothing.
    heading = "高新区全力推进招商引资工作，积"
    raw = f"市商务局副局长王某出席签约仪式。 市政府网 张三 摄\n{heading}\n{heading}"
    once = clean(raw, "text")
    assert once.text == heading
    assert clean(once.text, "text").text == once.text


def test_a_removed_stamp_line_keeps_its_date_for_extraction() -> None:
    from pipeline.cleaning import clean
    from pipeline.extraction import extract

    text = ("东山县招商推介会签约项目12个\n福建日报 2020-10-14 08:50\n"
            "第三季度，东山县共签约招商项目12个，计划总投资30亿元，涉及食品加工等领域。\n"
            "其中，5个项目日前举行了集中签约仪式，计划总投资20亿元。\n")
    result = clean(text, "text")
    assert "2020-10-14 08:50" not in result.text
    assert result.metadata.get("published_at") == "2020-10-14"
    assert [v.value for v in extract(result)["published_at"]] == ["2020-10-14"]
