"""Titles read next to names: what may not begin a title phrase, titles written back to back, a
conjunction that is also a surname, and a credit label kept as written."""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.extraction import extract
from pipeline.extraction.people import find_people
from pipeline.fields import fields_to_json


def people(text: str) -> list[tuple[str, str]]:
    return [(h.name, h.title) for h in find_people(text)]


def test_a_date_unit_does_not_begin_a_title() -> None:
    assert people("2016年6月6日市政府党组成员张大勇率团访问泰国。") == [("张大勇", "市政府党组成员")]


def test_a_bracketed_aside_does_not_begin_a_title() -> None:
    assert people("▲(左起)商会会长陈五福、副市长王明巨合影。")[0] == ("陈五福", "商会会长")


def test_titles_written_back_to_back_are_one_phrase() -> None:
    got = people("博览会筹委会副主任委员兼秘书长、副市长张斯良在会上通报")
    assert got == [("张斯良", "博览会筹委会副主任委员兼秘书长、副市长")]


def test_a_conjunction_surname_before_a_word_is_no_name() -> None:
    got = dict(people("省派第一书记和工作队牵头负责人陈金秀出席。副市长和晓东出席。"))
    assert "和工" not in got and got["和晓东"] == "副市长"


def test_a_credit_label_is_kept_as_written() -> None:
    fields = fields_to_json(extract(clean("市长王强出席签约仪式。\n[责任编辑:李明伟]\n", "txt")))
    values = [v["value"] for v in fields["people"]["values"]]
    assert {"name": "李明伟", "title": "责任编辑"} in values


def test_a_sentence_connective_does_not_begin_a_title() -> None:
    # 随后, 包括, 还有 join sentences or list members; no body's name or title starts with them.
    assert people("会上，随后省政协副主席阎立介绍了情况。")[0] == ("阎立", "省政协副主席")
    assert people("嘉宾包括远东集团董事长徐旭东等人士。")[0] == ("徐旭东", "远东集团董事长")
    assert people("出席开幕式的还有国务院发展研究中心主任李伟。")[0] == ("李伟", "国务院发展研究中心主任")


def test_a_foreign_name_after_a_title_is_read_whole() -> None:
    # Transliterated names join their parts with a middle dot; Latin-script names are capitalised words.
    got = dict(people("参加签约仪式的英国KMA集团总裁菲利普·多米尼克·梅林先生表示，合作前景广阔。"))
    assert got["菲利普·多米尼克·梅林"] == "英国KMA集团总裁"
    got = dict(people("赤道几内亚共和国总理Manuel Osa Nsue Nsua，中国驻赤道几内亚大使王文刚出席。"))
    assert got["Manuel Osa Nsue Nsua"] == "赤道几内亚共和国总理"


def test_a_foreign_name_before_a_title_is_read_whole() -> None:
    got = dict(people("代表团拜访了泰国工业园管理局，与威拉蓬•猜蓬局长举行工作会谈。"))
    assert got.get("威拉蓬•猜蓬") == "局长"


def test_capitalised_words_after_a_title_that_are_no_name_are_not_read() -> None:
    # An acronym or a single word is no foreign name.
    assert people("公司总裁KMA表示欢迎。") == []


def test_posts_of_the_npc_and_the_special_administrative_regions_are_titles() -> None:
    got = dict(people("全国人大常委会副委员长陈至立宣布大会开幕，香港特区行政长官曾荫权出席。"))
    assert got == {"陈至立": "全国人大常委会副委员长", "曾荫权": "香港特区行政长官"}


def test_a_list_item_running_on_into_a_body_name_does_not_share_the_title() -> None:
    got = dict(people("包括台湾工商建研会副理事长郭国圣、南台湾文化暨经济产业联盟协会的陈良沛理事长等代表。"))
    assert "南台湾" not in got and got["郭国圣"] == "台湾工商建研会副理事长"
    assert got.get("陈良沛") == "理事长"


def test_a_byline_of_name_slash_outlet_reported_names_the_reporter() -> None:
    got = dict(people("海交会昨在福州揭幕\n翁碧莲/县府报导。\n由国台办主办的交易会昨天开幕。"))
    assert "翁碧莲" in got


def test_a_name_before_a_title_does_not_take_the_last_character_of_a_word() -> None:
    # 基金 is a word: the name before 副总裁 is 王勇, not 金王勇.
    got = dict(people("对话会上，国家开发银行中非基金王勇副总裁介绍了基金情况。"))
    assert got.get("王勇") == "副总裁" and "金王勇" not in got
