"""The hard-wrap joiner joins real wrap breaks only: page lines, bylines, captions and dates stay apart.

Each fixture is written for one phenomenon seen on real pages (issue 11 follow-up): a page whose
short lines (breadcrumb, headline, date, source) were run into one paragraph; a byline run into
the date line below it; photo captions merged with each other and with the body; a time line run
into the source line after it.
"""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.cleaning.pdf import is_hard_wrapped, join_broken_lines

_BODY = (
    "5月12日，高新区与两家新能源企业在管委会签订合作协议，双方将共建储能装备产业园，总投资达到二十亿元，"
    "项目涵盖电芯制造、系统集成和回收利用等环节，预计明年上半年全部开工建设，建成后年产值可达五十亿元。"
)

# A web page copied as text: one paragraph per line, several short page lines above the story.
SHORT_PAGE_LINES = "\n".join(
    [
        "高新区与两家企业签约共建产业园 经济要闻 张明 1024",
        "您当前的位置：首页 > 新闻中心 > 经济要闻",
        "高新区与两家企业签约共建产业园",
        "2024-05-12 09:30 | 来源：高新区管委会网站",
        "签约仪式现场（左三为企业代表）摄影 李华",
        _BODY,
        _BODY.replace("5月12日", "会上"),
        "责任编辑：王敏",
    ]
)


def test_page_lines_above_a_paragraph_per_line_story_stay_apart() -> None:
    # Most of the text sits in lines many times longer than the short ones: nothing is wrapped.
    assert not is_hard_wrapped(SHORT_PAGE_LINES)
    assert join_broken_lines(SHORT_PAGE_LINES).text == SHORT_PAGE_LINES
    out = clean(SHORT_PAGE_LINES, "text").text.split("\n")
    assert "高新区与两家企业签约共建产业园" in out
    assert "签约仪式现场（左三为企业代表）摄影 李华" in out


# A page of very short lines (a menu), then a byline, a date line and the story.
BYLINE_PAGE = "\n".join(
    ["首页", "新闻", "政务", "财经", "文化", "视频", "招商推介会签约十二个项目", "叶中琳", "10月17日", _BODY]
)


def test_byline_is_not_run_into_the_date_line() -> None:
    # A median line of two characters is a menu, not a newspaper column.
    assert not is_hard_wrapped(BYLINE_PAGE)
    joined = join_broken_lines(BYLINE_PAGE).text
    assert joined == BYLINE_PAGE
    assert "叶中琳10月17日" not in clean(BYLINE_PAGE, "text").text


def _wrapped(lines: list[str]) -> str:
    return "\n\n".join(lines)


# A hard-wrapped PDF column (16 characters wide) with two photo captions between paragraphs.
CAPTIONS_IN_COLUMN = _wrapped(
    [
        "高新区签约三个产业项目",
        "本报讯 五月十二日，高新区与三家企业签",
        "订合作协议，总投资达到二十亿元，项目",
        "涵盖新能源、新材料和高端装备制造等领",
        "域，预计明年上半年全部开工建设。",
        "签约仪式现场的企业代表",
        "高新区管委会主任致辞",
        "管委会主任表示，高新区将持续优化营商",
        "环境，为企业提供全流程的服务保障，推",
        "动项目早日建成投产，带动更多上下游企",
        "业落户园区。",
    ]
)


def test_photo_captions_in_a_wrapped_column_stay_apart() -> None:
    assert is_hard_wrapped(CAPTIONS_IN_COLUMN)
    lines = clean(CAPTIONS_IN_COLUMN, "text").text.split("\n")
    assert lines == [
        "高新区签约三个产业项目",
        "本报讯 五月十二日，高新区与三家企业签订合作协议，总投资达到二十亿元，"
        "项目涵盖新能源、新材料和高端装备制造等领域，预计明年上半年全部开工建设。",
        "签约仪式现场的企业代表",
        "高新区管委会主任致辞",
        "管委会主任表示，高新区将持续优化营商环境，为企业提供全流程的服务保障，推动项目早日建成投产，带动更多上下游企业落户园区。",
    ]


# A hard-wrapped column whose date line (ending in a digit) is followed by the source line.
DATE_IN_COLUMN = _wrapped(
    [
        "高新区签约三个产业项目",
        "2024-05-12 09:30",
        "来源：高新区管委会",
        "本报讯 五月十二日，高新区与三家企业签",
        "订合作协议，总投资达到二十亿元，项目",
        "涵盖新能源、新材料和高端装备制造等领",
        "域，预计明年上半年全部开工建设。管委",
        "会主任表示，高新区将持续优化营商环境",
        "，为企业提供全流程的服务保障，推动项",
        "目早日建成投产。",
    ]
)


def test_date_line_is_not_run_into_the_source_line() -> None:
    assert is_hard_wrapped(DATE_IN_COLUMN)
    lines = join_broken_lines(DATE_IN_COLUMN).text.split("\n\n")
    assert lines[:3] == ["高新区签约三个产业项目", "2024-05-12 09:30", "来源：高新区管委会"]
    # The wrapped paragraph below is still joined, the number split from its unit too.
    assert lines[3].startswith("本报讯 五月十二日，高新区与三家企业签订合作协议")
    assert join_broken_lines("\n\n".join(DATE_IN_COLUMN.split("\n\n")[3:]) + "\n\n引进 50\n\n亿元项目。").text.endswith(
        "引进 50亿元项目。"
    )


# Minutes of a meeting: a letterhead and a list of members in short lines, then a body cut at
# one column width (Traditional, as printed in Hong Kong). Written for the phenomenon.
MINUTES = "\n".join(
    [
        "交通事務委員會",
        "會議紀要",
        "日期:2019年11月15日",
        "地點:會議廳",
        "出席委員:",
        "陳大文議員(主席)",
        "李小明議員",
        "王 強議員",
        "一、政府當局簡介施政報告",
        "運輸局局長應主席所請,向委員簡介未來一年的各項運",
        "輸政策承諾。介紹運輸政策綱領的小冊子,以及顯示香",
        "港建議策略性道路與鐵路發展的路線圖已在會議上提交",
        ",供委員參閱。議員關注政府當局能否提供足夠的運輸",
        "基礎設施,以配合各區人口增長,特別是部分策略性道",
        "路及鐵路發展項目現時仍在研究階段,詳細的建造計劃",
        "有待擬訂。",
    ]
)


def test_a_column_below_a_head_of_short_lines_is_joined() -> None:
    # The short head lines make the median small; the body is found as one column.
    assert is_hard_wrapped(MINUTES)
    out = join_broken_lines(MINUTES).text.split("\n")
    assert "地點:會議廳" in out and "出席委員:" in out and "一、政府當局簡介施政報告" in out
    assert any(line.startswith("運輸局局長應主席所請") and line.endswith("詳細的建造計劃有待擬訂。") for line in out)


VERSE = "\n".join(
    [
        "乡愁",
        "小时候乡愁是一枚小小的邮票",
        "我在这头母亲在那头",
        "长大后乡愁是一张窄窄的船票",
        "我在这头新娘在那头",
        "后来啊乡愁是一方矮矮的坟墓",
        "我在外头母亲在里头",
        "而现在乡愁是一湾浅浅的海峡",
        "我在这头大陆在那头",
    ]
)
HEADLINE_LIST = "\n".join(
    [
        "• 城东新区智能制造产业园开工建设",
        "• 城西物流园区二期工程通过验收",
        "• 南湖公园改造提升工程全面完工",
        "• 北部山区旅游公路建设进展顺利",
        "• 高新区与三家企业签约共建实验室",
        "• 老旧小区改造惠及居民一万余户",
        "• 全市重点项目集中开工仪式举行",
        "• 跨境电商产业园首批企业入驻",
    ]
)


def test_verse_and_a_list_of_headlines_are_not_wrapped_prose() -> None:
    # Lines of one width without commas: verse and lists carry no clause marks, prose does.
    for text in (VERSE, HEADLINE_LIST):
        assert not is_hard_wrapped(text)
        assert clean(text, "text").text == text


# An e-paper column with a photo caption and its credit set beside it: the text layer puts the
# caption between two lines of one sentence.
CAPTION_INSIDE = "\n".join(
    [
        "城东新区集中签约十二个重大项目",
        "本报讯（记者 张明）昨日，城东新区举行重大项目",
        "集中签约仪式，共签约项目十二个，总投资达一百",
        "图为签约仪式现场。 本报记者 王五 摄",
        "五十亿元，涵盖智能制造、新能源、生物医药等领",
        "域。据介绍，这些项目全部建成投产后，预计年产",
        "值可达三百亿元，新增就业岗位五千余个。城东新",
        "区管委会负责人表示，将为项目落地提供全程服务，",
        "推动项目早开工、早投产、早见效。",
    ]
)


def test_a_caption_inside_a_sentence_is_lifted_and_the_sentence_joined() -> None:
    r = clean(CAPTION_INSIDE, "text")
    assert "总投资达一百五十亿元，涵盖智能制造" in r.text
    assert "图为" not in r.text and "摄" not in r.text
    assert [c.text for c in r.captions] == ["图为签约仪式现场。本报记者 王五 摄"]
    assert clean(r.text, "text").text == r.text


def test_a_caption_after_a_finished_sentence_is_no_cut() -> None:
    # The sentence ended before the caption: nothing to join around it (the caption step lifts it).
    text = CAPTION_INSIDE.replace("总投资达一百", "总投资一百五十亿元。").replace("五十亿元，涵盖", "项目涵盖")
    step = join_broken_lines(text)
    assert not any(e.kind == "caption" for e in step.edits)
    assert not step.captions
