"""Document-sharing and e-paper damage found by structure: preview chunk numbers cutting a
sentence, a notice naming a file, runs of glued download links, an image a conversion left
empty, an ad line printed twice, a brand line atop the page. Fixtures written for this test,
one phenomenon each; the clean cases (a numbered list, a cited plan) must stay."""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.cleaning.residue.boilerplate import remove_boilerplate

LONG = "项目建设地点位于某市经济开发区，" * 10  # a chunk body of some length without a sentence end


def removed(text: str) -> list[str]:
    return [text[e.start : e.end].strip() for e in remove_boilerplate(text).edits]


def cleaned(text: str) -> str:
    """The whole cleaner's output: these kinds are handled by ``print_pages`` (doc-site page
    numbers, link runs, repeated ads), before the line judgement."""
    return clean(text, "text").text


def test_preview_chunk_numbers_are_dropped_and_the_cut_sentence_joined() -> None:
    # A preview page is page-long (print_pages.PAGE_CHARS): a list item of this length has a stop.
    text = f"1、{LONG}{LONG[:48]}流动资金占项目总投资的14.8\n2、9%。项目正常运营每年营业收入六亿元。"
    out = cleaned(text)
    assert "流动资金占项目总投资的14.89%。项目正常运营每年营业收入六亿元。" in out
    assert "1、" not in out and "2、" not in out


def test_a_numbered_list_of_the_text_stays() -> None:
    text = f"1、{LONG}确保项目按期投产。\n2、{LONG}做好要素保障。\n3、加强督查考核。"
    assert cleaned(text) == text


def test_a_document_sites_notice_naming_a_file_is_removed() -> None:
    notice = (
        "《某项目投资申请报告.docx》由会员分享，可在线阅读，更多相关《某项目投资申请报告.docx(26页珍藏版)》"
        "请在某文库上搜索。"
    )
    body = "项目总投资三亿元，建设期两年，主要建设标准厂房和研发中心，达产后年产值十亿元。" * 2
    assert removed(f"{notice}\n{body}\n{body[:30]}。\n") == [notice]


def test_a_story_citing_a_plan_twice_stays() -> None:
    line = "《某市产业发展规划》提出，到2025年建成三个千亿级产业集群，《某市产业发展规划》同时要求优化营商环境。"
    body = "会议强调，各地要持续优化营商环境，推动签约项目尽快落地投产，确保全年目标任务顺利完成。"
    assert removed(f"{line}\n{body}\n{body}\n") == []


def test_a_run_of_glued_download_links_is_removed() -> None:
    text = "某港可行性研究 评价 LEC评价法下载评价量规免费下载学院评价表文档下载 一、概述 该港的地理位置优越。"
    out = cleaned(text)
    assert "下载" not in out and "一、概述 该港的地理位置优越。" in out


def test_two_download_words_in_a_sentence_stay() -> None:
    text = "用户可在应用商店下载，也可在官网下载。"
    assert cleaned(text) == text


def test_an_empty_markdown_image_is_removed() -> None:
    para = "4月20日，观众正在园区参观，本场试运行将重点检验园区内各项运营活动和运营保障准备情况。"
    text = f"上海世博园迎来首场试运行\n![]() |\n{para}\n"
    assert removed(text) == ["![]() |"]


def test_an_ad_line_printed_twice_between_paragraphs_is_removed() -> None:
    p = "项目占地面积20亩，总建筑面积1.2万平方米，主要建设研发中心、实验室及自动化车间，配备智能控制系统。"
    q = "当前印刷后处理领域对精准度、效率及灵活性的需求日益增长，本项目聚焦智能化印刷后处理设备的研发制造。"
    ad = "AI帮您写可研 30分钟完成财务章节，一键导出报告文本，点击免费用，轻松写报告"
    text = f"{p}\n{ad}\n一、项目名称\n{q}\n{ad}\n二、项目背景\n{p[:20]}{q[20:]}\n"
    out = cleaned(text)
    assert "点击免费用" not in out and q in out and "二、项目背景" in out


def test_a_brand_line_atop_the_page_is_removed() -> None:
    p = "注：上述财务指标，若无特别说明，均以合并口径计算，计算各期每股指标时股数均取各期期末股本数。"
    assert removed(f"某某官网app\n{p}\n{p}\n") == ["某某官网app"]


def test_an_app_named_in_the_story_keeps_its_title_line() -> None:
    p = "某某官网app近日完成改版，某某的用户可在首页直接查询办事进度，平台还新增了适老化模式。"
    assert removed(f"某某官网app\n{p}\n{p}\n") == []


def test_clean_numbered_report_is_unchanged_by_the_whole_cleaner() -> None:
    text = f"关于某项目的报告\n1、{LONG}确保项目按期投产。\n2、{LONG}做好要素保障。\n"
    assert "".join(clean(text, "text").text.split()) == "".join(text.split())
