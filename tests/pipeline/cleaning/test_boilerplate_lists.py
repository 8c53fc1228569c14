"""Page furniture found by structure in forms the first rounds did not have: other stories'
headlines and teasers above or below the story, stamp lines, record fields, telephone lines,
an empty label ending the page. Fixtures written for this test, one phenomenon each; the clean
cases (a list the story introduces, a list between paragraphs, a signature date) must stay."""

from __future__ import annotations

from pipeline.cleaning.residue.boilerplate import remove_boilerplate

P1 = "本报讯 昨天下午，某市召开招商引资工作推进会，会议通报了前三季度的签约情况和项目进展，要求各地紧盯重点产业链。"
P2 = "会议强调，各地要持续优化营商环境，推动签约项目尽快落地投产，确保全年目标任务顺利完成，为全市经济发展作出贡献。"
HEADLINES = [
    "进球无效!客队反击推空门得手,VAR确认越位在先",
    "主帅:球队的速度和强度让对手受苦,但我们坚持了打法",
    "名宿:这支球队仍是联赛冠军的热门 门将状态出色",
    "这球太危险了!后卫背后推人,前锋失去平衡头着地",
]


def removed(text: str) -> list[str]:
    step = remove_boilerplate(text)
    return [text[e.start : e.end].strip() for e in step.edits]


def test_a_list_of_other_headlines_above_the_story_is_removed() -> None:
    text = "\n".join(HEADLINES) + f"\n\n{P1}\n{P2}\n"
    assert removed(text) == HEADLINES


def test_a_list_of_other_headlines_below_the_story_is_removed() -> None:
    text = f"{P1}\n{P2}\n" + "\n".join(HEADLINES) + "\n"
    assert removed(text) == HEADLINES


def test_a_list_of_headlines_between_paragraphs_stays() -> None:
    # Inside the story: a roundup quoting headlines is content.
    text = f"{P1}\n" + "\n".join(HEADLINES) + f"\n{P2}\n"
    assert removed(text) == []


def test_a_list_the_story_introduces_stays() -> None:
    text = f"{P1}\n{P2}\n本次签约的重点项目如下:\n" + "\n".join(HEADLINES) + "\n"
    assert removed(text) == []


def test_a_headline_printed_three_times_is_no_list() -> None:
    title = "力邀产业投资某县 县长亲自说明投资环境优势"
    text = f"{title}\n{title}\n{title}\n{title}\n{P1}\n{P2}\n"
    assert "list of other headlines" not in " ".join(e.note for e in remove_boilerplate(text).edits)


def test_teasers_of_other_stories_ending_the_page_are_removed() -> None:
    teasers = [
        "在亚平宁半岛的绿茵场上,每一次强强对话都是一场战术与激情的盛宴。当主队坐镇球场,迎来对手的...",
        "2025-10-08客队主场大胜,联赛争冠悬念再起在雨夜中,两队的对决通过在线直播吸引了全...",
        "2025-10-07",
    ]
    text = f"{P1}\n{P2}\n文/本报记者 张三\n" + "\n".join(teasers) + "\n"
    assert removed(text) == teasers


def test_a_paragraph_trailing_off_with_a_chinese_ellipsis_stays() -> None:
    text = f"{P1}\n{P2}\n他望着远处的厂房，想起了二十年前的那片荒地……\n"
    assert removed(text) == []


def test_stamp_lines_with_a_time_of_day_are_removed() -> None:
    for stamp in ("13.11.2017 02:15", "2022年10月19日, 11:58 (更新: 2022年10月19日, 13:23)", "2025-06-21 06:50:14 0次"):
        text = f"某市召开招商引资推进会\n{stamp}\n{P1}\n{P2}\n"
        assert removed(text) == [stamp], stamp


def test_a_signature_date_without_a_time_stays() -> None:
    text = f"{P1}\n{P2}\n某某市人民政府办公室\n2024年4月1日\n"
    assert removed(text) == []


def test_a_stamp_with_a_read_count_is_removed() -> None:
    line = "设计师编制审批 2020-08-10 17:36:33 5417阅读"
    assert removed(f"某市都市圈规划研究\n{line}\n{P1}\n{P2}\n") == [line]


def test_record_fields_some_empty_are_removed() -> None:
    fields = ["信息索引号: 113310020026732928/2022-145483  主题分类:", "体裁分类:  发布机构: 区统计局"]
    text = "\n".join(fields) + f"\n稳中提质 负压前行\n{P1}\n{P2}\n"
    assert removed(text) == fields


def test_two_parties_of_a_contract_stay() -> None:
    text = f"合作协议\n甲方:某某产业园管委会 乙方:某某科技公司\n{P1}\n{P2}\n"
    assert removed(text) == []


def test_telephone_lines_in_the_head_are_removed() -> None:
    text = f"咨询热线\n400-007-6266\n010-86223221\n发改委发布汽车产业投资管理规定\n{P1}\n{P2}\n"
    assert removed(text) == ["咨询热线", "400-007-6266", "010-86223221"]


def test_an_empty_label_ending_the_page_is_removed() -> None:
    assert removed(f"{P1}\n{P2}\n本题链接:\n") == ["本题链接:"]


def test_the_page_header_between_window_title_and_headline_is_removed() -> None:
    title = "某市与六家企业签订十年合作协议"
    text = f"{title} - 某某新闻网\nA A A\n气温 湿度\n新闻重温 可重温过去12个月的新闻\n{title}\n{P1}\n{P2}\n"
    assert removed(text) == [f"{title} - 某某新闻网", "A A A", "气温 湿度", "新闻重温 可重温过去12个月的新闻"]


def test_a_lead_between_window_title_and_headline_stays() -> None:
    title = "某市与六家企业签订十年合作协议"
    text = f"{title} - 某某新闻网\n{P1}\n{title}\n{P2}\n"
    assert P1 not in removed(text)


def test_a_site_greeting_atop_the_page_is_removed() -> None:
    greeting = "欢迎您来到某某电子有限公司!"
    assert removed(f"{greeting}\n某市召开招商引资推进会\n{P1}\n{P2}\n") == [greeting]


def test_a_rule_glued_to_a_line_is_removed_and_a_masked_number_stays() -> None:
    from pipeline.cleaning.residue.spam import remove_inline_residue

    assert remove_inline_residue("走近这张抗日名将创办的报纸……******\n").text == "走近这张抗日名将创办的报纸……\n"
    masked = "联系电话：138******\n"
    assert remove_inline_residue(masked).text == masked


def test_a_poem_quoted_at_the_foot_of_the_story_stays() -> None:
    poem = [
        "春风又绿江南岸，明月何时照我还",
        "两岸猿声啼不住，轻舟已过万重山",
        "孤帆远影碧空尽，唯见长江天际流",
        "千里莺啼绿映红，水村山郭酒旗风",
    ]
    text = f"{P1}\n{P2}\n" + "\n".join(poem) + "\n"
    assert removed(text) == []


def test_a_contact_number_ending_a_notice_stays() -> None:
    text = f"某市召开招商引资推进会\n{P1}\n{P2}\n联系人：张三\n联系电话：\n0551-1234567\n"
    assert removed(text) == []
