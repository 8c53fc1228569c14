"""Marks of a page's layout or a lost encoding left on the story's lines, and a template's header
(issue 11, eighth round): one phenomenon per fixture, each written for the test, and a clean
look-alike beside each rule that must come out unchanged."""

from __future__ import annotations

from pipeline.cleaning import clean

HEADLINE = "某市与某集团签约共建体育产业园"
P1 = "本报讯 近日，某市人民政府与某集团签署战略合作框架协议，双方将共建体育产业园。"
P2 = "根据协议，双方将围绕赛事运营、场馆建设和体育用品制造开展合作，项目总投资约五十亿元。"
P3 = "市领导表示，将持续优化营商环境，为项目落地提供全程服务，推动项目早日建成投产。"
BODY = f"{P1}\n{P2}\n{P3}\n"


def squash(text: str) -> str:
    return "".join(text.split())


def cleaned(text: str) -> str:
    return clean(text, "text").text


def unchanged(text: str) -> bool:
    return squash(cleaned(text)) == squash(text)


# -- table bars around the paragraphs ------------------------------------------------------------


def test_bars_framing_every_paragraph_go() -> None:
    out = cleaned(f"{HEADLINE}\n| {P1} |\n| {P2} |\n| {P3} |\n")
    assert "|" not in out and P2 in out


def test_bars_alone_around_a_repost_go() -> None:
    out = cleaned(f"{HEADLINE}\n|\n{P1}\n{P2} |\n|\n{P3}\n")
    assert "|" not in out and P1 in out and P2 in out


def test_a_table_of_several_cells_stays() -> None:
    table = "| 项目 | 金额 |\n| 体育产业园 | 五十亿元 |\n"
    assert unchanged(f"{HEADLINE}\n{P1}\n{table}{P2}\n{P3}\n")


def test_a_lone_bar_without_framed_prose_stays() -> None:
    text = f"{HEADLINE}\n{P1}\n|\n{P2}\n{P3}\n"
    assert "|" in cleaned(text)


def test_a_title_joined_to_a_name_by_a_bar_is_not_a_frame() -> None:
    assert "某市与某集团签约 |" in cleaned(f"某市与某集团签约 |\n{BODY}") or unchanged(f"某市与某集团签约 |\n{BODY}")


# -- indentation lost to a wrong encoding ------------------------------------------------------


def test_question_marks_opening_each_paragraph_go() -> None:
    out = cleaned(f"{HEADLINE}\n????{P1}\n????{P2}\n????{P3}\n")
    assert "?" not in out and P1 in out and P3 in out


def test_question_marks_where_paragraph_breaks_were_split_the_line() -> None:
    out = cleaned(f"{HEADLINE}\n{P1}??? {P2}??? {P3}\n")
    assert "?" not in out
    assert P2 in out.splitlines()


def test_a_reader_question_with_marks_stays() -> None:
    text = f"{HEADLINE}\n{P1}\n记者问：项目什么时候开工???市领导说，年内就开工。\n{P3}\n"
    assert "???" in cleaned(text)


def test_one_run_inside_a_line_alone_stays() -> None:
    text = f"{HEADLINE}\n{P1}??? {P2}\n{P3}\n"
    assert "???" in cleaned(text)


# -- a database's abstract marker ----------------------------------------------------------------


def test_the_abstract_marker_goes() -> None:
    out = cleaned(f"摘要\n<正>{P1}\n{P2}\n")
    assert "<正>" not in out and "摘要" in out and P1.replace("本报讯 ", "") in out.replace("本报讯 ", "")


def test_the_marker_after_the_label_goes_and_the_label_stays() -> None:
    out = cleaned(f"摘要：<正>{P2}\n{P3}\n")
    assert "<正>" not in out and out.startswith("摘要：")


def test_a_bracketed_zheng_in_prose_stays() -> None:
    text = f"{HEADLINE}\n{P1}\n书中把“正”写作<正>以示区别，这一写法沿用至今。\n{P3}\n"
    assert "<正>" in cleaned(text)


# -- a stitched story's separator --------------------------------------------------------------


def test_asterisks_glued_to_a_headline_go() -> None:
    out = cleaned(f"{HEADLINE}******\n{BODY}")
    assert "*" not in out and HEADLINE in out


def test_a_masked_number_keeps_its_asterisks() -> None:
    text = f"{HEADLINE}\n{P1}\n举报电话：138******\n{P3}\n"
    assert "138******" in cleaned(text)


# -- a headline run into its page-info fields ------------------------------------------------------


def test_the_headline_stays_when_its_fields_run_on() -> None:
    out = cleaned(f"{HEADLINE} 2014-04-01 17:10 来源:某某新闻网 编辑:张三 0\n{BODY}")
    assert out.splitlines()[0] == HEADLINE
    assert "来源" not in out and "2014-04-01" not in out


def test_a_page_info_line_alone_still_goes() -> None:
    out = cleaned(f"{HEADLINE}\n2014-04-01 17:10 来源:某某新闻网 编辑:张三\n{BODY}")
    assert "来源" not in out and HEADLINE in out


# -- a template's header: ISO stamp, bilingual label, a widget's item ----------------------------


def test_a_template_header_goes_and_the_headline_stays() -> None:
    out = cleaned(f"新闻中心NEWS\n{HEADLINE}\n2025-12-18T15:33:38+08:00\n{BODY}")
    assert "NEWS" not in out and "2025-12-18T" not in out
    assert out.splitlines()[0] == HEADLINE


def test_a_widget_item_under_the_headline_goes() -> None:
    out = cleaned(f"{HEADLINE}\n• 传媒中国\n{BODY}")
    assert "传媒中国" not in out and HEADLINE in out


def test_bullets_in_the_story_and_names_with_latin_stay() -> None:
    text = f"{HEADLINE}\n{P1}\n• 赛事运营\n• 场馆建设\n{P2}\n华为Mate 60 发布会在京举行，多家媒体到场。\n{P3}\n"
    assert unchanged(text)


def test_a_related_header_ending_the_page_goes() -> None:
    out = cleaned(f"{HEADLINE}\n{BODY}\n图文推荐\n")
    assert "图文推荐" not in out


def test_a_bilingual_letterhead_in_ordinary_case_stays() -> None:
    assert unchanged(f"立法会 Legislative Council\n{HEADLINE}\n{BODY}")


def test_the_machine_stamp_still_dates_the_page() -> None:
    result = clean(f"{HEADLINE}\n2025-12-18T15:33:38+08:00\n{BODY}", "text")
    assert result.metadata.get("published_at") == "2025-12-18"


# -- a document site's notice, item label and editor intro ----------------------------------------


def test_a_document_sites_copyright_notice_goes() -> None:
    # Traditional, as a mirror serves it: the repost-footer pattern of the inline step runs on
    # the text before script conversion and misses it; the line judgement sees it converted.
    notice = "版權說明:本文檔由用戶提供並上傳,收益歸屬內容提供方,若內容存在侵權,請進行舉報或認領"
    head = "某市與某集團簽約共建體育產業園"
    body = "根據協議，雙方將圍繞賽事運營、場館建設和體育用品製造開展合作，項目總投資約五十億元。"
    out = cleaned(f"{notice}\n{head}\n{body}\n{body}\n")
    assert "版权说明" not in out and "版權說明" not in out and "体育产业园" in out


def test_a_headline_about_infringement_stays() -> None:
    assert unchanged(f"商家若存在侵权行为将被依法严惩\n{BODY}")


def test_the_first_items_label_under_contents_goes() -> None:
    out = cleaned(f"- 目录\n第1篇 在全市招商引资工作会议上的讲话\n同志们：{P2}\n{P3}\n")
    assert "第1篇" not in out and "在全市招商引资工作会议上的讲话" in out


def test_a_books_part_heading_stays() -> None:
    text = f"第一篇 总论\n{P2}\n{P3}\n"
    assert "第一篇" in cleaned(text)


def test_a_template_sites_editor_intro_goes() -> None:
    intro = "下面是某某范文网小编整理的购销合同5篇，供大家参阅。"
    out = cleaned(f"{intro}\n购销合同1\n甲方：\n第一条：{P2}\n第二条：{P3}\n")
    assert "小编" not in out and "甲方" in out


def test_a_news_lead_offering_a_list_stays() -> None:
    lead = "记者整理了近期出台的5篇政策文件，供大家参考。"
    assert unchanged(f"{HEADLINE}\n{lead}\n{P2}\n{P3}\n")


# -- the page's author field again at the end -----------------------------------------------------


def test_the_author_field_named_in_the_header_goes_from_the_end() -> None:
    text = f"{HEADLINE} 2014-04-01 17:10 来源:某某新闻网 编辑:张晓明 0\n{P1}\n{P2}\n{P3}(李强) (作者:张晓明)\n"
    out = cleaned(text)
    assert "作者" not in out and out.rstrip().endswith("(李强)")


def test_a_closing_author_credit_without_a_header_stays() -> None:
    assert unchanged(f"{HEADLINE}\n{P1}\n{P2}\n{P3}(作者:张晓明)\n")


# -- a channel's name above the headline ----------------------------------------------------------

LONG_HEADLINE = "某市发展和改革局关于印发某市促进氢能产业发展办法实施细则的通知"


def test_a_channel_name_above_a_stamped_headline_goes() -> None:
    out = cleaned(f"政策超市\n{LONG_HEADLINE}\n  2020-04-30  \n{BODY}")
    assert "政策超市" not in out and LONG_HEADLINE in out


def test_a_short_title_over_its_story_stays() -> None:
    assert unchanged(f"政策超市\n{LONG_HEADLINE}\n{BODY}")


def test_a_kicker_above_the_headline_stays() -> None:
    text = f"聚焦全市重点项目建设\n{LONG_HEADLINE}\n  2020-04-30  \n{BODY}"
    assert "聚焦全市重点项目建设" in cleaned(text)


# -- a page link run into the first paragraph ------------------------------------------------------


def test_a_back_to_list_link_glued_to_the_first_paragraph_goes() -> None:
    out = cleaned(f"{HEADLINE}\n返回列表 {P1}\n{P2}\n{P3}\n")
    assert "返回列表" not in out and P1 in out


def test_a_paragraph_opening_with_an_ordinary_word_and_a_space_stays() -> None:
    assert unchanged(f"{HEADLINE}\n{P1}\n{P2}\n{P3}\n")
    assert unchanged(f"{HEADLINE}\n无障碍设施 建设提速，全市新建改建无障碍坡道一百二十处，方便群众出行。\n{P2}\n{P3}\n")
