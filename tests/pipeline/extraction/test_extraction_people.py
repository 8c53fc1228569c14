from __future__ import annotations

from pipeline.extraction.normalize import make_view
from pipeline.extraction.people import find_people


def people(text: str) -> dict[str, str]:
    view = make_view(text)
    return {h.name: h.title for h in find_people(view.text, view.gaps)}


def test_chained_titles_before_name() -> None:
    got = people("景德镇市副市长、高新区党工委书记罗文军出席会议并致辞。")
    assert got == {"罗文军": "景德镇市副市长、高新区党工委书记"}


def test_titles_chained_across_a_comma() -> None:
    got = people("吉安市委常委、副市长,井冈山经济技术开发区党工委书记傅正华介绍。")
    assert got == {"傅正华": "吉安市委常委、副市长,井冈山经济技术开发区党工委书记"}


def test_shared_title_goes_to_each_name() -> None:
    assert people("市领导汪东明、杨桢，深圳市产业园区发展促进会首席顾问戴宣宝参加座谈会。") == {
        "汪东明": "市领导",
        "杨桢": "市领导",
        "戴宣宝": "深圳市产业园区发展促进会首席顾问",
    }


def test_two_character_names_before_verbs() -> None:
    got = people("内江市委书记马波出席座谈会并讲话，市委副书记、市长任晓春介绍情况。")
    assert got == {"马波": "内江市委书记", "任晓春": "市委副书记、市长"}


def test_title_after_name() -> None:
    got = people("由驻广办王强副主任带队，陶振华董事长作演讲。王强说，很好。")
    assert got["王强"] == "副主任" and got["陶振华"] == "董事长"


def test_bylines_and_credits() -> None:
    got = people("梧州日报讯(记者 陈雨燕) 12月25日。澎湃新闻记者 郑问 摄\n江西省人民政府网 熊燕 摄\n责任编辑：刘洋")
    assert got["陈雨燕"] == "记者"
    assert got["郑问"] == "澎湃新闻记者"
    assert got["熊燕"] == "摄影"
    assert got["刘洋"] == "责任编辑"


def test_compound_surname_and_given_name_with_he() -> None:
    got = people("县委常委、常务副县长欧阳明辉主持会议，省商务厅副厅长王爱和出席。")
    assert got == {"欧阳明辉": "县委常委、常务副县长", "王爱和": "省商务厅副厅长"}


def test_titles_that_are_words_do_not_make_people() -> None:
    assert people("在认真听完区管委会领导和在深企业代表的招商推介后，企业代表团在眉山市领导的陪同下考察。") == {}
    assert people("市人大常委会主任会议召开。董事会审议通过。") == {}


def test_spaced_text() -> None:
    assert people("市 委 书 记 蒋 连 生 出 席") == {"蒋连生": "市委书记"}


def test_name_length_from_what_follows() -> None:
    assert people("县委书记周正、县长林峰陪同考察。") == {"周正": "县委书记", "林峰": "县长"}


def test_title_in_brackets_after_the_name() -> None:
    assert people("徐直军（华为公司轮值董事长）作了发言。") == {"徐直军": "华为公司轮值董事长"}


def test_common_words_after_titles_are_not_names() -> None:
    assert people("会议指出，市委书记强调，要高度重视招商引资工作。") == {}


def test_byline_names_separated_by_spaces() -> None:
    got = people("本报讯（记者 张三 李四 通讯员 王五）11月8日上午，推介会举行。")
    assert got == {"张三": "记者", "李四": "记者", "王五": "通讯员"}


def test_speakers_after_quotes_and_ju() -> None:
    assert people("“我们将持续优化营商环境。”张建国说。据李明介绍，项目进展顺利。据了解，进展顺利。") == {
        "张建国": "",
        "李明": "",
    }


def test_no_person_after_a_count_or_in_a_collective_role() -> None:
    assert people("与会嘉宾与20余家企业负责人面对面交流。") == {}
    assert people("与二十余家企业负责人交流，各部门负责人参加。") == {}
    assert people("记者 张三 李四 报道") == {"张三": "记者", "李四": "记者"}  # 三 ends a name here


def test_quoted_speaker_at_a_sentence_start() -> None:
    assert people("会议结束。林志远说：“我们很有信心。”") == {"林志远": ""}
    assert people("会议结束。华为表示：“我们很有信心。”") == {}  # two characters: as often a company


def test_title_phrase_stops_at_a_leading_verb() -> None:
    got = people("市长王远鹤率市政府代表团赴深圳，与深圳市副市长罗祖亮会谈。")
    assert got == {"王远鹤": "市长", "罗祖亮": "深圳市副市长"}


# -- unseen outlets: fixtures written here, one phenomenon each ----------------------------------


def test_names_beyond_the_basic_han_block() -> None:
    # 䶮 is in Extension A, 𬭚 in Extension E: a narrow \u4e00-\u9fff class cut both names off.
    got = people("市长王䶮、副市长李𬭚出席签约仪式。")
    assert got == {"王䶮": "市长", "李𬭚": "副市长"}


def test_offsets_of_an_astral_name_are_code_points() -> None:
    text = "副市长李𬭚出席。"
    view = make_view(text)
    (hit,) = find_people(view.text, view.gaps)
    a, b = hit.spans[0]
    assert text[a:b] == "李𬭚" and (a, b) == (3, 5)


def test_bare_names_in_brackets_closing_a_paragraph_are_a_byline() -> None:
    assert people("项目签约落地。(郭扬 方扬烨)") == {"郭扬": "", "方扬烨": ""}
    assert people("投资考察活动。(区招商局)") == {}


def test_review_credits_are_bylines() -> None:
    assert people("审核|朱代军 终审|尹滨") == {"朱代军": "审核", "尹滨": "终审"}


def test_a_leading_verb_is_not_the_names_third_character() -> None:
    assert people("泰安市副市长张颖率考察团来我市考察。") == {"张颖": "泰安市副市长"}


def test_a_word_starting_at_the_third_character_ends_the_name() -> None:
    assert people("区经合局局长李欣全程陪同。") == {"李欣": "区经合局局长"}


def test_a_common_word_bounded_by_a_title_and_a_list_mark_is_a_name() -> None:
    assert people("副市长马力、李若杨出席。") == {"马力": "副市长", "李若杨": "副市长"}
    assert people("拜会了海基会董事长林中森、市长苏家明。") == {"林中森": "海基会董事长", "苏家明": "市长"}


def test_a_place_before_a_title_is_not_a_name() -> None:
    assert people("东兴市委副书记、市长李健出席。") == {"李健": "东兴市委副书记、市长"}


def test_a_title_inside_a_place_name_anchors_nothing() -> None:
    assert people("福建侨乡长乐举行开洋节。营业经理向记者讲述了经过。") == {}


def test_a_conjunction_or_verb_is_not_part_of_the_title() -> None:
    assert people("各县长出席，但苗栗县长钟东锦率团出访，指派县府秘书长陈斌山代表出席。") == {
        "钟东锦": "苗栗县长",
        "陈斌山": "县府秘书长",
    }


def test_a_middle_dot_joins_two_outlets_in_a_title() -> None:
    assert people("大河报·大河客户端记者 郑松波 邵占坤") == {
        "郑松波": "大河报·大河客户端记者",
        "邵占坤": "大河报·大河客户端记者",
    }


def test_a_name_with_a_rare_surname_inside_a_list_of_names() -> None:
    got = people("市领导罗茂文、能荣、陈洪思出席。")
    assert got == {"罗茂文": "市领导", "能荣": "市领导", "陈洪思": "市领导"}
