"""Furniture of printed pages: e-paper heads, document-site page numbers, link runs, notices, ads."""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.cleaning.print_pages import (
    join_headline_space,
    join_page_numbers,
    remove_doc_notice,
    remove_empty_images,
    remove_link_runs,
    remove_repeated_ads,
    remove_running_heads,
    trim_epaper_head,
)

# A page of a written report: 220 characters without a stop, then the page ends mid-number.
_PAGE = "项目位于开发区东侧，规划用地约一百亩，" * 11


def test_document_page_numbers_go_and_a_broken_sentence_is_joined() -> None:
    text = f"1、{_PAGE}总投资的14.8\n2、9%。项目建成后年产值可观。"
    step = join_page_numbers(text)
    assert step.text == f"{_PAGE}总投资的14.89%。项目建成后年产值可观。"
    assert {e.kind for e in step.edits} == {"page_number"}


def test_a_numbered_list_of_long_items_stays() -> None:
    # Long list items end their sentences: the numbers are the list's own.
    item = _PAGE + "建成投产。"
    text = f"1、{item}\n2、{item}\n3、{item}"
    assert join_page_numbers(text).text == text
    # Short items never pass as pages, even without a stop.
    short = "1、加快项目建设\n2、优化营商环境\n3、强化要素保障"
    assert join_page_numbers(short).text == short


def test_numbers_out_of_step_are_no_page_numbers() -> None:
    text = f"1、{_PAGE}总投资的\n3、一半。"
    assert join_page_numbers(text).text == text


def test_a_run_of_download_links_goes_with_its_space() -> None:
    text = "项目评价 甲方评价表下载乙方评价表下载评价量规免费下载 一、概述"
    assert remove_link_runs(text).text == "项目评价 一、概述"


def test_download_said_in_prose_stays() -> None:
    for text in (
        "用户可在官网下载安装包，也可扫码下载。",
        "下载 安装 注册",
        "请下载附件后查看通知下载说明",  # twice in a token is not a run of links
    ):
        assert remove_link_runs(text).text == text


_EPAPER = (
    "某某日报数字报\n2023年05月12日\n第A03版:要闻\n银行卡广告标语\n"
    "城东新区签约十个重大项目\n记者 张三\n本报讯 昨天，城东新区集中签约十个重大项目。\n"
    "城东新区签约十个重大项目\n项目总投资一百亿元，涵盖智能制造、新材料等领域。"
)


def test_epaper_head_above_the_headline_goes() -> None:
    out = trim_epaper_head(_EPAPER).text
    # The masthead and the banner ad go; the date and the page label (page-info metadata) stay.
    assert out.startswith("2023年05月12日\n第A03版:要闻\n城东新区签约十个重大项目\n")


def test_epaper_headline_found_in_the_pages_list_of_headlines() -> None:
    text = (
        "某报电子版\n注册编号12345号\n要闻 城东新区签约十个重大项目  西区道路改造完工 南湖公园开放\n"
        "城东新区签约十个重大项目\n本报讯 昨天，城东新区集中签约十个重大项目，总投资一百亿元。\n"
        "项目涵盖智能制造、新材料等领域，预计明年全部开工。"
    )
    assert trim_epaper_head(text).text.startswith("城东新区签约十个重大项目\n本报讯")


def test_a_byline_drawn_twice_is_no_headline() -> None:
    text = (
        "第A01版:要闻 下一版\n2023年05月25日 星期四 上一期 下一期\n城东新区招商引资忙起来\n"
        "● 本报记者 张三\n● 本报记者 张三\n5月23日，城东新区举行推介会。\n专家认为，招商是稳增长的抓手。"
    )
    assert trim_epaper_head(text).text == text


def test_web_page_without_epaper_marks_is_left_alone() -> None:
    text = (
        "网站首页\n新闻中心\n城东新区签约十个重大项目\n本报讯 昨天，城东新区集中签约。\n"
        "城东新区签约十个重大项目\n项目总投资一百亿元。"
    )
    assert trim_epaper_head(text).text == text


def test_prose_above_a_repeated_line_stops_the_trim() -> None:
    text = "第3版\n今天我们开会。\n城东新区签约十个重大项目\n正文第一段。\n城东新区签约十个重大项目\n尾段。"
    assert trim_epaper_head(text).text == text


def test_document_site_notice_naming_the_file_twice_goes() -> None:
    text = (
        "《园区规划报告.docx》由会员分享，可在线阅读，更多相关《园区规划报告.docx(20页)》请在本站搜索。\n"
        "园区规划报告正文第一段。"
    )
    assert remove_doc_notice(text).text == "园区规划报告正文第一段。"
    once = "《园区规划报告.docx》已印发，请各单位对照《实施方案》执行。\n正文。"
    assert remove_doc_notice(once).text == once


def test_ad_line_printed_between_paragraphs_goes() -> None:
    ad = "写报告不求人 一键生成财务章节,点击免费用,轻松写报告"
    text = f"一、项目名称\n{ad}\n项目位于城东。\n{ad}\n二、建设内容\n建设厂房。"
    assert remove_repeated_ads(text).text == "一、项目名称\n项目位于城东。\n二、建设内容\n建设厂房。"


def test_repeated_headings_and_a_slogan_said_once_stay() -> None:
    text = (
        "智能制造项目\n一、项目名称\n智能制造项目\n二、建设性质\n建设性质：新建\n"
        "扫码关注，立即领取，免费试用\n三、建设内容\n建设厂房。"
    )
    assert remove_repeated_ads(text).text == text


def test_empty_image_markup_and_its_empty_row_go() -> None:
    text = "| 报纸 | ![]() |\n![]() |\n正文第一段。"
    assert remove_empty_images(text).text == "| 报纸 |  |\n\n正文第一段。"
    kept = "见图![示意图](a.png)。"
    assert remove_empty_images(kept).text == kept


CLEAN_TEXTS = (
    # A poem: short lines, no stops, a line repeated (a refrain) — and nothing marks an e-paper.
    "春天的歌\n春风吹绿了江南岸\n燕子飞回旧时家\n春风吹绿了江南岸\n桃花开在山那边",
    # A numbered list of short items.
    "工作要点\n1、加快重大项目建设\n2、优化营商环境\n3、强化要素保障\n4、抓好安全生产",
    # A table of figures.
    "指标 2022年 2023年\n地区生产总值 1200 1350\n固定资产投资 800 860\n进出口总额 300 320",
    # Traditional text with spaces between ASCII and Han.
    "香港 AI 產業論壇於 2023 年舉行，逾 500 家企業參與。\n論壇由 HKSTP 主辦，聚焦 5G 與雲端應用。",
    # An e-paper story already clean: date, page label, headline, body.
    "2023年05月12日\n第A03版:要闻\n城东新区签约十个重大项目\n本报讯 昨天，城东新区集中签约十个重大项目，"
    "总投资一百亿元。\n项目涵盖智能制造、新材料等领域。",
)


def test_clean_texts_that_look_like_the_damage_come_out_unchanged() -> None:
    for text in CLEAN_TEXTS:
        for fn in (
            join_page_numbers, remove_link_runs, trim_epaper_head, remove_doc_notice, remove_repeated_ads,
            remove_empty_images, remove_running_heads,
        ):
            assert fn(text).text == text, (fn.__name__, text)


def test_through_the_pipeline_every_cleaned_char_maps_back() -> None:
    text = f"1、{_PAGE}总投资的14.8\n2、9%。项目评价 甲方评价表下载乙方评价表下载评价量规免费下载 一、概述"
    result = clean(text, "text")
    assert "14.89%" in result.text and "下载" not in result.text
    assert len(result.offsets.to_source_many([(0, len(result.text))])) == 1
    again = clean(result.text, "text")
    assert again.text == result.text


# A government PDF: wrapped lines, the bulletin's name and a page number at each page's foot,
# and a sentence that runs over a page break.
_GOV_PDF = "\n".join(
    [
        "城东区人民政府关于加快推进重大项目建设的",
        "实施意见",
        "各街道办事处，区政府各部门：",
        "为贯彻落实市委、市政府关于扩大有效投资的决",
        "策部署，加快推进全区重大项目建设，进一步增",
        "强经济发展后劲，结合我区实际，现提出如下意",
        "见。",
        "一、总体要求",
        "坚持项目为王，围绕先进制造业和现代服务业两",
        "大领域，全年安排重大项目一百二十个，年度计",
        "划投资三百亿元，力争新开工项目四十个。",
        "城东区人民政府公报",
        "— 1 —",
        "二、重点任务",
        "（一）加快项目落地。对已签约项目实行专班推",
        "进，落实土地、能耗、资金等要素保障，推动签",
        "约项目尽快开工建设，对进展缓慢的项目，由督",
        "城东区人民政府公报",
        "— 2 —",
        "查室进行专项督查，并将结果纳入年度考核。",
        "三、保障措施",
        "各部门要加强协调配合，确保各项任务落到实处。",
        "城东区人民政府公报",
        "— 3 —",
    ]
)


def test_running_feet_and_page_numbers_go() -> None:
    out = remove_running_heads(_GOV_PDF).text
    assert "公报" not in out and "—" not in out
    assert "由督\n查室" in out


def test_a_gov_pdf_comes_out_as_paragraphs() -> None:
    out = clean(_GOV_PDF, "text").text.split("\n")
    assert out[0] == "城东区人民政府关于加快推进重大项目建设的实施意见"  # a headline wrapped after 的
    # An outline item that fills its column wraps like any line; the page break inside it is joined.
    assert (
        "（一）加快项目落地。对已签约项目实行专班推进，落实土地、能耗、资金等要素保障，推动签约项目尽快开工建设，"
        "对进展缓慢的项目，由督查室进行专项督查，并将结果纳入年度考核。"
    ) in out
    assert "一、总体要求" in out and "二、重点任务" in out
    assert not any("公报" in line for line in out)


def test_a_numbered_list_with_bare_numbers_keeps_them() -> None:
    text = "工作要点\n1\n加快项目建设\n2\n优化营商环境\n3\n强化要素保障"
    assert remove_running_heads(text).text == text


def test_a_title_repeated_on_one_page_is_no_running_head() -> None:
    # Only lines beside page numbers on two pages or more are running heads.
    page = ["正文第一行。", "正文第二行。", "正文第三行。", "正文第四行。"]
    text = "\n".join(["项目简介", *page, "— 1 —", "项目简介", *page, "正文。"])
    assert "项目简介" in remove_running_heads(text).text.split("\n")


def test_an_epaper_headline_set_on_two_lines_is_joined() -> None:
    text = "2024年11月20日\n第A05版:\n城东区召开 招商引资工作调度会\n本报讯 近日，城东区召开招商引资工作调度会。"
    assert "城东区召开招商引资工作调度会\n本报讯" in join_headline_space(text).text


def test_parallel_headline_halves_and_web_pages_keep_their_space() -> None:
    for head in ("如画江西 征象独好", "项目签约 开工建设", "全力拼经济 奋战开门红", "记者 张三"):
        text = f"第A01版:要闻\n{head}\n本报讯 昨天，城东区召开大会。"
        assert join_headline_space(text).text == text, head
    web = "城东区召开 招商引资工作调度会\n本报讯 近日，城东区召开招商引资工作调度会。"
    assert join_headline_space(web).text == web  # no e-paper mark: a web page's own spacing
