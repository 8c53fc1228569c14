"""Page furniture a fresh round of unseen pages showed (holdout6): a forum's reply box, a portal's
header lines and hotline, a sponsor line above the copyright footer, a repost disclaimer, a
picture placeholder, a tag label over cut teasers, a document site's watermark and stamped
address, a paper site's cut abstract copy and inserted link. One phenomenon per fixture, each
written for the test (never a copied page), and beside each a clean look-alike that must stay.
"""

from __future__ import annotations

from pipeline.cleaning import clean

HEADLINE = "某市举办产业园区发展论坛"
BODY = (
    "本报讯 近日，某市召开招商引资工作推进会，会议通报了前三季度的签约情况和项目进展。\n"
    "会议要求，各地要紧盯重点产业链，持续优化营商环境，推动签约项目尽快落地投产。\n"
    "据介绍，今年以来全市新签约亿元以上项目一百余个，协议总投资超过八百亿元。\n"
)


def out(text: str) -> str:
    return clean(text, "text").text


def squash(text: str) -> str:
    return "".join(text.split())


def unchanged(text: str) -> bool:
    return squash(out(text)) == squash(text)


# -- a forum's reply box and footer --------------------------------------------------------------


def test_a_forum_reply_box_and_its_pager_end_the_page_and_go() -> None:
    text = HEADLINE + "\n" + BODY + "快速回复\n限100 字符\n \n上一个 下一个\n"
    got = out(text)
    assert "快速回复" not in got and "上一个" not in got and "限100" not in got
    assert "协议总投资超过八百亿元。" in got


def test_next_in_prose_stays() -> None:
    text = HEADLINE + "\n" + BODY + "他说，下一个五年，园区将把重心放在先进制造和现代服务业上。\n"
    assert unchanged(text)


# -- a portal's header: hotline, 设为首页, 加入收藏 ----------------------------------------------------


def test_a_labelled_hotline_and_header_tools_above_the_headline_go() -> None:
    text = "新闻热线:0371-6655443\n设为首页\n加入收藏\n" + HEADLINE + "\n" + BODY
    got = out(text)
    assert "0371" not in got and "设为首页" not in got and "加入收藏" not in got
    assert got.startswith(HEADLINE)


def test_a_notices_contact_put_under_its_headline_stays() -> None:
    text = f"{HEADLINE}\n报名电话:0371-6655443\n{BODY}"
    assert unchanged(text)


def test_a_hotline_inside_the_story_stays() -> None:
    a, b, c = BODY.splitlines()
    text = f"{HEADLINE}\n{a}\n{b}\n咨询热线:0371-6655443\n{c}\n"
    assert unchanged(text)


# -- a sponsor line above the copyright footer -----------------------------------------------------


def test_a_sponsor_line_between_the_closing_credit_and_the_copyright_line_goes() -> None:
    text = HEADLINE + "\n" + BODY.rstrip("\n") + " (某县台办 李四)\n\n某省人民政府某某事务办公室\n\n某某网版权所有\n"
    got = out(text)
    assert "办公室" not in got and "版权所有" not in got
    assert "(某县台办 李四)" in got


def test_a_notice_signature_above_a_copyright_line_stays() -> None:
    text = HEADLINE + "\n" + BODY + "某省人民政府某某事务办公室\n某某网版权所有\n"
    got = out(text)
    assert "某省人民政府某某事务办公室" in got


# -- a repost disclaimer ending the page -----------------------------------------------------------


def test_the_sites_repost_disclaimer_ending_the_page_goes() -> None:
    text = HEADLINE + "\n" + BODY + "郑重声明:本文为本站转载的企业资讯，仅供参考，与本站立场无关。\n"
    got = out(text)
    assert "郑重声明" not in got and "协议总投资超过八百亿元。" in got


def test_a_companys_statement_ending_a_story_stays() -> None:
    text = HEADLINE + "\n" + BODY + "声明:本公司从未授权任何机构以公司名义开展招商活动。\n"
    assert unchanged(text)


# -- a picture placeholder -------------------------------------------------------------------------


def test_a_bracketed_picture_word_alone_on_a_line_goes() -> None:
    text = HEADLINE + "\n【资料图】\n" + BODY
    got = out(text)
    assert "资料图" not in got and got.startswith(HEADLINE)


def test_a_bracketed_label_leading_a_caption_stays() -> None:
    text = HEADLINE + "\n" + BODY + "【图说】市民在新建成的园区广场上休闲散步，感受城市变化\n"
    assert "【图说】市民在新建成的园区广场上休闲散步" in out(text)


# -- a tag label over teasers, some cut without dots ---------------------------------------------


TEASERS = (
    "标签:\n"
    "某县举行春季项目集中开工仪式，共有二十个项目开工，总投资...\n"
    "某市召开文旅产业发展大会，发布了十条扶持措施，涉及景区...\n"
    "某区今年以来新增市场主体三千余户，同比增长百分之十二，其中企\n"
)


def test_a_tag_label_and_the_teasers_under_it_go_even_when_cut_without_dots() -> None:
    got = out(HEADLINE + "\n" + BODY + TEASERS)
    assert "标签" not in got and "某县举行" not in got and "其中企" not in got
    assert "协议总投资超过八百亿元。" in got


def test_a_long_closing_line_without_a_full_stop_stays() -> None:
    text = HEADLINE + "\n" + BODY + "让我们携起手来，共同书写园区高质量发展的崭新篇章\n"
    assert unchanged(text)


# -- a document site's watermark and its stamped name and address ------------------------------


PARAS = BODY.splitlines()


def test_a_watermark_line_printed_through_the_text_goes() -> None:
    # A document's paragraphs are long; the site's line cuts in at each of its page breaks.
    long = [p + p.replace("。", "，这是今年工作的重点。") for p in PARAS]
    mark = "某某汇，文档之家"
    text = "\n".join([long[0], mark, long[1], mark, long[2], mark]) + "\n"
    got = out(text)
    assert mark not in got and all(p in got for p in long)


def test_a_refrain_among_verse_lines_stays() -> None:
    verse = (
        "春风吹过了家乡门前那一片金黄的田野，\n家乡在我心上\n山花开满了村后那一道弯弯的山岗，\n家乡在我心上\n"
        "河水日夜不停地向着东方奔流而去，\n家乡在我心上\n"
    )
    text = PARAS[0] + "\n" + verse + PARAS[1] + "\n"
    assert out(text).count("家乡在我心上") == 3


def test_the_sites_name_and_its_own_address_stamped_after_a_paragraph_go() -> None:
    text = HEADLINE + "\n" + BODY.rstrip("\n") + " 稿子汇 www.gaozihui.com\n"
    got = out(text)
    assert "稿子汇" not in got and "gaozihui" not in got
    assert got.rstrip().endswith("协议总投资超过八百亿元。")


def test_an_address_the_story_gives_stays() -> None:
    text = HEADLINE + "\n" + BODY.rstrip("\n") + " 市政府网站 www.example.gov.cn\n"
    assert "www.example.gov.cn" in out(text)


# -- a paper site's cut abstract copy and an inserted link ---------------------------------------


ABSTRACT = (
    "摘要:本文梳理了某省港口群协同发展的基本情况，分析了港口分工、航道建设和集疏运体系中存在的主要问题，"
    "并提出了推进区域港航协同发展的对策建议。"
)


def test_a_labelled_copy_of_the_abstract_cut_short_goes() -> None:
    cut = "本文摘要:" + ABSTRACT[:60]
    text = cut + "\n" + ABSTRACT + "\n" + BODY
    got = out(text)
    assert "本文摘要" not in got and ABSTRACT in got


def test_a_headline_the_lead_repeats_stays() -> None:
    lead = "某市举办产业园区发展论坛，来自全国各地的两百余名企业代表参加了论坛，并围绕园区建设进行了交流。"
    text = HEADLINE + "\n" + lead + "\n" + BODY
    assert unchanged(text)


def test_a_link_to_another_paper_between_paragraphs_goes() -> None:
    text = PARAS[0] + "\n" + PARAS[1] + "\n经济论文范文:某地自由贸易账户体系建设情况分析\n" + PARAS[2] + "\n"
    got = out(text)
    assert "论文范文" not in got and all(p in got for p in PARAS)


def test_a_labelled_subheading_between_paragraphs_stays() -> None:
    text = PARAS[0] + "\n" + PARAS[1] + "\n小贴士:如何选择合适的产业园区\n" + PARAS[2] + "\n"
    assert "小贴士:如何选择合适的产业园区" in out(text)
