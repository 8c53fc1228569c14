"""Page furniture judged against the rest of the page: repetition inside the page, menus drawn
down it, lines that are only an address or an id, copyright notices, ad lines, a document
site's notice. One phenomenon per fixture, each written for the test (never a copied page);
the clean fixtures at the end must come out unchanged apart from whitespace.
"""

from __future__ import annotations

import pytest

from pipeline.cleaning import clean
from pipeline.cleaning.residue.boilerplate import remove_boilerplate
from pipeline.cleaning.residue.captions import lift_captions

BODY = (
    "本报讯 近日，某市召开招商引资工作推进会，会议通报了前三季度的签约情况和项目进展。\n"
    "会议要求，各地要紧盯重点产业链，持续优化营商环境，推动签约项目尽快落地投产。\n"
    "据介绍，今年以来全市新签约亿元以上项目一百余个，协议总投资超过八百亿元。\n"
)
HEADLINE = "某市举办产业园区发展论坛"


def removed(text: str) -> list[str]:
    step = remove_boilerplate(text)
    return [text[e.start : e.end].strip() for e in step.edits]


def squash(text: str) -> str:
    return "".join(text.split())


# -- repetition inside the page ------------------------------------------------------------------


MENU = "• 财经频道\n• 社会生活\n• 文体娱乐\n没有找到\n查看全部结果\n"


def test_a_menu_drawn_twice_goes_and_the_headline_under_it_stays() -> None:
    text = "某某传媒 | Example Media\n" + MENU + MENU + HEADLINE + "\n" + BODY
    gone = removed(text)
    assert set(MENU.split("\n")) - {""} <= set(gone)
    assert HEADLINE not in gone
    assert clean(text, "text").text.startswith(HEADLINE)


def test_a_menu_line_worded_like_a_caption_starts_no_caption_group() -> None:
    # "查看全部结果" reads like a caption's action phrase (查看…); it took every short line under
    # it as captions of the same photo, the headline and the byline among them.
    text = f"某某网\n查看全部结果\n{HEADLINE}\n某某新闻─李四/某市\n" + BODY
    step = lift_captions(text)
    assert HEADLINE in step.text and "李四" in step.text


def test_a_breadcrumb_without_separators_led_by_a_nav_word_goes() -> None:
    text = HEADLINE + "\nHome 新闻区 财经频道\n" + BODY
    assert removed(text) == ["Home 新闻区 财经频道"]


def test_a_line_repeated_between_paragraphs_goes() -> None:
    a, b, c = BODY.splitlines()
    ad = "我是广告 请继续往下阅读"
    assert removed(f"{a}\n{ad}\n{b}\n{ad}\n{c}\n") == [ad, ad]


def test_a_subheading_used_twice_in_the_story_stays() -> None:
    a, b, c = BODY.splitlines()
    assert removed(f"{a}\n创新改革\n{b}\n创新改革\n{c}\n") == []


def test_a_paragraph_printed_twice_keeps_its_first_copy() -> None:
    para = "2月21日，记者在河道整治工程现场看到，施工工地一派繁忙景象，主体工程将于3月底完工。"
    text = f"河道整治正酣\n{para}\n本报记者 张三 摄\n河道整治正酣\n{para}\n本报记者 张三 摄\n"
    out = clean(text, "text").text
    assert out.count(para[:20]) == 1


def test_the_window_title_with_the_site_name_goes_above_the_headline() -> None:
    text = f"{HEADLINE} - EXAMPLE\nA A A\n{HEADLINE}\n" + BODY
    assert removed(text) == [f"{HEADLINE} - EXAMPLE", "A A A"]


def test_an_epaper_headline_with_its_page_label_printed_above_the_plain_one_goes() -> None:
    text = f"{HEADLINE}(二版)\n{HEADLINE}\n" + BODY
    assert removed(text) == [f"{HEADLINE}(二版)"]


def test_a_headline_alone_with_a_page_label_stays() -> None:
    text = f"{HEADLINE}(二版)\n" + BODY
    assert removed(text) == []


# -- menus, addresses, ids, notices ------------------------------------------------------------


def test_a_menu_drawn_down_the_foot_of_the_page_goes() -> None:
    menu = ["最新推荐", "新闻", "文娱", "体育", "城市"]
    assert removed(BODY + "\n".join(menu) + "\n") == menu


@pytest.mark.parametrize("names", [["张三", "李四", "王五"], ["张三", "李四", "王五", "赵六"]])
def test_a_short_list_of_names_at_the_foot_stays(names: list[str]) -> None:
    assert removed(BODY + "\n".join(names) + "\n") == []


@pytest.mark.parametrize("line", ["(//www.example.com)", "0100702000100000000000000111000011290134"])
def test_a_line_that_is_only_an_address_or_an_id_goes_at_the_foot(line: str) -> None:
    assert removed(BODY + line + "\n") == [line]


def test_a_page_info_line_led_by_the_site_address_goes() -> None:
    line = "http://www.example.com 2019/7/8 某研究所 佚名"
    assert removed(f"{HEADLINE}\n{line}\n" + BODY) == [line]


def test_a_copyright_notice_at_the_foot_goes() -> None:
    line = "版权为某某日报社所有 未经同意不得复制或镜像"
    assert removed(BODY + line + "\n") == [line]


def test_an_ad_line_for_a_gambling_site_goes() -> None:
    assert removed(f"某某赌场官网\n{HEADLINE}\n" + BODY) == ["某某赌场官网"]


def test_a_headline_about_lottery_sales_stays() -> None:
    text = "福彩中心上线彩票销售平台\n本报讯 市福彩中心近日上线彩票销售平台，方便购彩者就近购买彩票。\n" + BODY
    assert removed(text) == []


def test_a_document_sites_notice_naming_the_document_twice_goes() -> None:
    notice = "《某规划要点.docx》由会员分享，可在线阅读，更多相关《某规划要点.docx(30页珍藏版)》请在某某网上搜索。"
    text = f"某规划要点.docx\n资源描述\n{notice}\n某规划要点\n" + BODY
    gone = removed(text)
    assert notice in gone and "资源描述" in gone


def test_a_masthead_date_with_an_english_weekday_goes() -> None:
    text = f"某某日报 2025年01月10日 Fri\n{HEADLINE}\n" + BODY
    step = remove_boilerplate(text)
    assert [text[e.start : e.end] for e in step.edits] == ["某某日报 2025年01月10日 Fri"]
    assert step.metadata["published_at"] == "2025-01-10"


# -- captions ----------------------------------------------------------------------------------


def test_a_caption_with_a_slashed_photo_credit_is_lifted() -> None:
    cap = "市长今天在现场宣示三大主轴。记者张三/摄影"
    out = clean(f"{HEADLINE}\n{cap}\n" + BODY, "text")
    assert cap not in out.text and any("张三/摄影" in c.text for c in out.captions)


def test_a_default_image_name_ending_an_alt_text_is_dropped() -> None:
    alt = f"{HEADLINE}_fororder_截图20230309080812"
    out = clean(f"{HEADLINE}\n{alt}\n" + BODY, "text")
    assert "截图2023" not in out.text and out.text.startswith(HEADLINE)


# -- clean text stays ----------------------------------------------------------------------------


CLEAN = [
    # A government notice signed at the foot.
    "各有关单位：\n现将《某市招商引资奖励办法》印发给你们，请认真贯彻执行。\n\n某市人民政府办公室\n2024年3月1日\n",
    # Copyright and gambling words inside prose.
    "会议强调，要加强版权保护，未经许可不得擅自使用他人作品。\n"
    "澳门特区政府表示，将推动博彩业以外的产业发展，打造综合旅游休闲中心。\n",
    # A sports report whose score line recurs in a quote.
    "北京队以96比77战胜对手，夺得总冠军。\n主教练赛后说：“这是全队努力的结果。”\n队员们表示，下赛季还要继续努力。\n",
    # A technology report with short section heads.
    "新一代处理器\n架构设计是关键之一，多核心技术大幅提升了性能。\n制造工艺\n先进工艺让元件更加紧密，能耗更低。\n",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_comes_out_unchanged(text: str) -> None:
    assert squash(clean(text, "text").text) == squash(text)


# -- rules the fourth held-out round showed ---------------------------------------------------


@pytest.mark.parametrize("line", ["跳转到正文内容", "登录名: 密码:", "文章搜索:"])
def test_skip_links_login_and_search_boxes_go(line: str) -> None:
    assert removed(f"{line}\n{HEADLINE}\n" + BODY) == [line]


def test_script_code_printed_into_the_page_goes() -> None:
    code = "\\n'; str += '<div>' + GetObj(\"artibody\").innerHTML; if(x){ return; }"
    assert removed(f"{code}\n{HEADLINE}\n" + BODY) == [code]


def test_an_english_paragraph_with_semicolons_stays() -> None:
    text = BODY + "The park hosts three sectors; logistics, retail and software; all of them grew.\n"
    assert removed(text) == []


def test_the_second_line_of_a_broken_breadcrumb_goes() -> None:
    assert removed(f"当前位置:首页\n> {HEADLINE}\n{HEADLINE}\n" + BODY) == ["当前位置:首页", f"> {HEADLINE}"]


def test_an_epaper_pointer_to_other_pages_goes() -> None:
    assert removed(BODY + "详见C03、C04版\n") == ["详见C03、C04版"]


def test_a_repost_disclaimer_with_an_address_goes_and_a_contact_line_stays() -> None:
    note = "注意:本站部分内容由网友投稿,如侵权请联系删除,联系邮箱:someone@example.com"
    assert removed(BODY + note + "\n") == [note]
    contact = "联系人：张三，联系电话：0123-4567890，邮箱：someone@example.gov.cn"
    assert removed(BODY + contact + "\n") == []


def test_an_epaper_masthead_with_its_serial_number_goes() -> None:
    line = "国内统一刊号:CN00-0000  http://www.example.com  E-mail:desk@example.com"
    assert removed(f"{line}\n{HEADLINE}\n" + BODY) == [line]


def test_an_archive_photo_caption_is_lifted() -> None:
    out = clean(BODY + "某报报史馆一角资料照片\n" + BODY, "text")
    assert "资料照片" not in out.text and any("资料照片" in c.text for c in out.captions)
