"""What a site's app, widgets and document templates print around the story (issue 11, seventh
held-out round): one phenomenon per fixture, each written for the test, and a clean look-alike
beside each rule that must come out unchanged."""

from __future__ import annotations

import pytest

from pipeline.cleaning import clean
from pipeline.cleaning.pdf import join_spaced_chars
from pipeline.cleaning.print_pages import remove_link_runs
from pipeline.cleaning.residue.boilerplate import remove_boilerplate

HEADLINE = "某市与某集团签约共建体育产业园"
BODY = (
    "本报讯 近日，某市人民政府与某集团签署战略合作框架协议，双方将共建体育产业园。\n"
    "根据协议，双方将围绕赛事运营、场馆建设和体育用品制造开展合作，项目总投资约五十亿元。\n"
    "市领导表示，将持续优化营商环境，为项目落地提供全程服务，推动项目早日建成投产。\n"
)


def squash(text: str) -> str:
    return "".join(text.split())


def removed(text: str) -> list[str]:
    step = remove_boilerplate(text)
    return [text[e.start : e.end].strip() for e in step.edits]


def unchanged(text: str) -> bool:
    return squash(clean(text, "text").text) == squash(text)


# -- single lines -------------------------------------------------------------------------------


def test_a_bare_unix_timestamp_under_the_headline_goes() -> None:
    assert removed(f"{HEADLINE}\n1632808380\n" + BODY) == ["1632808380"]


def test_a_phone_number_or_a_count_alone_is_no_timestamp() -> None:
    text = f"{HEADLINE}\n" + BODY + "咨询电话\n13812345678\n"
    assert "1632808380" not in removed(text) and "13812345678" not in removed(text)


@pytest.mark.parametrize("line", ["相关:张三 某集团 体育产业", "标签：签约 体育产业园", "#体育产业# #招商引资#"])
def test_a_tag_line_below_the_story_goes(line: str) -> None:
    assert removed(f"{HEADLINE}\n" + BODY + f"{line}\n") == [line]


def test_a_sentence_about_related_parties_stays() -> None:
    text = f"{HEADLINE}\n" + BODY + "相关：各部门要密切配合，确保项目按期完成。\n"
    assert unchanged(text)


def test_a_hashed_image_file_name_goes() -> None:
    out = clean(f"{HEADLINE}\n" + BODY + "8A0SB{%()7O)7%J}]MA_AYP_tmb.jpg\n", "text")
    assert "tmb.jpg" not in out.text and "市领导表示" in out.text


# -- dialogs ----------------------------------------------------------------------------------------


def test_a_popup_atop_the_page_goes() -> None:
    text = f"这已经是最后一期了哦!\n我知道了\n{HEADLINE}\n" + BODY
    assert removed(text) == ["这已经是最后一期了哦!", "我知道了"]


def test_a_browser_upgrade_notice_ending_the_page_goes() -> None:
    notice = ["您当前使用的浏览器版本过低,可能导致部分功能不能正常使用。", "现在升级 稍后再说"]
    assert removed(f"{HEADLINE}\n" + BODY + "\n".join(notice) + "\n") == notice


def test_a_story_ending_with_a_quote_about_cancelling_stays() -> None:
    text = f"{HEADLINE}\n" + BODY + "他说：“您放心，活动不会取消。”\n"
    assert unchanged(text)


# -- a digest's greeting and the site's notices ------------------------------------------------


def test_a_digest_greeting_with_todays_date_goes() -> None:
    greeting = "读者朋友们,早上好!今天是2024年5月23日,星期四,让我们一起来关注新闻。"
    assert removed(f"{HEADLINE}\n{greeting}\n" + BODY) == [greeting]


def test_a_lead_saying_good_morning_stays() -> None:
    lead = "“早上好！”5月22日一早，志愿者们在体育产业园门口迎接前来参观的市民，活动持续到中午。"
    assert unchanged(f"{HEADLINE}\n{lead}\n" + BODY)


@pytest.mark.parametrize(
    "tail",
    [
        ["声明:本报力求信息真实、准确,文章提及内容仅供参考,不构成投资建议,据此操作风险自担"],
        ["版权免责声明:本公众号部分图文转载自互联网,如有侵权,请联系删除。"],
        ["① 凡本站注明来源为本站的稿件,版权均属本站所有。", "② 本站转载稿件出于传递信息之目的,不代表本站观点。"],
        [
            "声明:本报力求信息真实、准确,文章提及内容仅供参考,不构成投资建议,据此操作风险自担",
            "下载“某某新闻”官方APP,或关注官方微信公众号,即可随时了解最新动态。",
        ],
        ["更多新闻资讯欢迎关注“某某经济”公众号,祝您一天好心情!"],
    ],
)
def test_the_sites_notices_below_the_story_go(tail: list[str]) -> None:
    assert removed(f"{HEADLINE}\n" + BODY + "\n".join(tail) + "\n") == tail


def test_a_notice_telling_residents_where_to_apply_stays() -> None:
    text = f"{HEADLINE}\n" + BODY + "市民可下载“某某通”APP或关注“某某发布”微信公众号在线办理。\n"
    assert unchanged(text)


def test_a_companys_statement_quoted_at_the_end_stays() -> None:
    text = f"{HEADLINE}\n" + BODY + "声明：某集团从未授权任何个人以公司名义收取费用。\n"
    assert unchanged(text)


# -- document sites ---------------------------------------------------------------------------


def test_a_collections_decorated_headings_go() -> None:
    title = "股权投资合作协议书"
    text = f"{title}\n2024-08-04\n{title}(精选13篇)\n1.{title} 篇一\n" + BODY
    assert removed(text) == ["2024-08-04", f"{title}(精选13篇)", f"1.{title} 篇一"]


def test_a_heading_repeated_with_a_real_subtitle_stays() -> None:
    title = "股权投资合作协议书"
    text = f"{title}\n{title}（第一部分）总则\n" + BODY
    assert f"{title}（第一部分）总则" not in removed(text)


def test_download_labels_behind_a_forms_name_go() -> None:
    text = "1. 行政许可事项申请书(空白文本下载)(示范文本下载);\n"
    assert remove_link_runs(text).text == "1. 行政许可事项申请书;\n"


def test_one_bracketed_remark_about_downloading_stays() -> None:
    text = "申请表可在官网下载(下载后请打印)并签字。\n"
    assert remove_link_runs(text).text == text


# -- spaced PDF prose -------------------------------------------------------------------------------


def test_every_han_space_goes_in_a_line_of_spaced_prose() -> None:
    line = "公 司 宣布 将于 今 年 9 月 30 日推出首款产品,它是服务机器人的 技术升级。\n"
    assert join_spaced_chars(line).text == "公司宣布将于今年9月30日推出首款产品,它是服务机器人的技术升级。\n"


def test_a_reporters_name_after_a_space_stays_in_clean_prose() -> None:
    line = "本报讯（记者 张三 通讯员 李四）近日，某市召开招商引资工作会议。\n"
    assert join_spaced_chars(line).text == line


def test_a_bare_greeting_above_the_digests_date_line_goes() -> None:
    lines = ["早安!", "今天是1月23日星期一,欢迎收听新闻早餐。"]
    assert removed("\n".join(lines) + "\n" + BODY) == lines


def test_a_lead_telling_today_without_greeting_or_welcome_stays() -> None:
    lead = "今天是3月3日，全国政协十三届一次会议将于下午开幕，委员们已陆续抵达北京。"
    assert unchanged(f"{HEADLINE}\n{lead}\n" + BODY)


def test_a_papers_keywords_above_its_body_stay() -> None:
    text = "摘要：本文构建了科学城创新能力评价的指标体系。\n关键词：科学城 指标体系 创新能力\n" + BODY
    assert unchanged(text)


# -- an app's header around the headline ------------------------------------------------------


def test_an_apps_header_and_channel_label_around_the_headline_go() -> None:
    text = f"slogon\n打开\n{HEADLINE}\n某某原创\n1632808380\n" + BODY
    assert removed(text) == ["slogon", "打开", "某某原创", "1632808380"]


def test_a_channels_tags_above_the_headline_go() -> None:
    text = f"湾区 建言\n{HEADLINE}\n2018-03-05 某某网\n" + BODY
    assert removed(text)[0] == "湾区 建言"


def test_a_short_title_above_its_subtitle_and_a_first_heading_above_the_text_stay() -> None:
    text = f"春运首日\n{HEADLINE}\n发布时间:2024-01-26 10:00\n前言\n" + BODY
    out = clean(text, "text").text
    assert out.startswith("春运首日") and "前言" in out


def test_a_headline_between_a_label_and_the_stamp_stays() -> None:
    text = f"某某币交易所广告位招租\n时事\n{HEADLINE} 今年将办6场\n某某网记者张三 2010-02-24 11:07\n" + BODY
    assert f"{HEADLINE} 今年将办6场" in clean(text, "text").text


# -- a document site's collection --------------------------------------------------------------

CONTRACT = (
    "甲方自愿向乙方借款人民币__________元整，由乙方通过银行转账的方式支付给甲方。\n"
    "借款期限为_____年，自________年____月____日起至________年____月____日止。\n"
)


@pytest.mark.parametrize(
    ("title", "items"),
    [
        ("借款合同书【热】", ["借款合同书1", "借款合同书2"]),
        ("个人借款协议书最新14篇", ["个人借款协议书 篇1", "个人借款协议书 篇2"]),
        ("借款合同范本(通用16篇)", ["1.借款合同范本 篇一", "2.借款合同范本 篇二"]),
    ],
)
def test_a_collections_numbered_copies_of_the_title_go(title: str, items: list[str]) -> None:
    text = f"{title}\n{items[0]}\n{CONTRACT}{items[1]}\n{CONTRACT}"
    assert removed(text) == items


def test_a_title_with_a_year_and_its_numbered_sections_stay() -> None:
    text = "2024年政府工作报告\n一、过去一年的工作回顾\n" + BODY + "二、今年的主要任务\n" + BODY
    assert unchanged(text)


def test_a_second_collection_glued_below_the_text_goes() -> None:
    glued = "股东投资协议补充三篇《合同篇一》本补充协议(以下简称“本协议”)由以下双方于____年签订。甲方同意增资。"
    text = "投资协议之补充协议\n" + CONTRACT * 3 + glued + "\n"
    assert removed(text) == [glued]


def test_a_book_review_naming_its_parts_stays() -> None:
    text = f"{HEADLINE}\n" + BODY + "全书共三篇，篇一讲述园区的起步，篇二讲述园区的发展。\n"
    assert unchanged(text)


# -- placeholders and a document site's disclaimer among its furniture --------------------------


@pytest.mark.parametrize("line", ["视频加载中...", "正在加载，请稍候…", "Loading...", "(相关资料图)"])
def test_a_loading_placeholder_goes_wherever_it_stands(line: str) -> None:
    body = BODY.split("\n")
    text = f"{HEADLINE}\n{body[0]}\n{line}\n" + "\n".join(body[1:])
    assert removed(text) == [line]


def test_a_sentence_about_loading_stays() -> None:
    text = f"{HEADLINE}\n" + BODY + "系统正在加载新模块，预计下月全面上线。\n"
    assert unchanged(text)


def test_a_document_sites_disclaimer_among_its_furniture_goes() -> None:
    notice = "版权说明:本文档由用户提供并上传,收益归属内容提供方,若内容存在侵权,请进行举报或认领"
    text = f"某某报告\n已阅读5页,还剩21页未读, 继续免费阅读\n下载本文档\n{notice}\n文档简介\n" + BODY
    assert notice in removed(text)


def test_a_companys_statement_between_page_tools_stays() -> None:
    statement = "郑重声明：某集团从未委托任何中介代办入园手续。"
    text = f"{HEADLINE}\n" + BODY + f"【打印】【关闭】\n{statement}\n上一篇 下一篇\n"
    assert statement not in removed(text)


# -- the title joined to a name by a bar ---------------------------------------------------------


def test_a_site_name_after_the_title_and_the_title_again_beside_a_channel_go() -> None:
    text = f"{HEADLINE}|某某百事通\n" + BODY + f"某某视频|{HEADLINE}\n"
    out = clean(text, "text").text
    assert out.startswith(HEADLINE + "\n") and "百事通" not in out and "某某视频" not in out


def test_a_two_column_table_between_paragraphs_stays() -> None:
    body = BODY.split("\n")
    table = "项目名称|某某体育产业园项目\n某某体育产业园项目|总投资五十亿元\n"
    text = f"{HEADLINE}\n{body[0]}\n{table}" + "\n".join(body[1:])
    assert unchanged(text)


def test_a_defendants_statement_about_infringement_ending_the_story_stays() -> None:
    text = f"{HEADLINE}\n" + BODY + "声明：公司产品不存在侵权行为，将依法维护自身权益。\n"
    assert unchanged(text)


@pytest.mark.parametrize(
    "line",
    ["市民可关注“某某发布”微信公众号了解更多详情。", "预约请下载“某某通”官方APP，按提示填写信息。"],
)
def test_a_notice_pointing_readers_to_an_offices_channels_stays(line: str) -> None:
    assert unchanged(f"{HEADLINE}\n" + BODY + f"{line}\n")


def test_one_model_number_under_a_title_naming_another_stays() -> None:
    text = "iPhone15发布会今日举行\n" + BODY + "iPhone15发布会今日举行1\n" + CONTRACT
    assert "iPhone15发布会今日举行1" not in removed(text)
