"""A name's edges where a word runs across them: a third character that starts a word (李平带领) and
a place across a name and a title (向德州长期)."""

from __future__ import annotations

from pipeline.extraction.people import find_people


def people(text: str) -> dict[str, str]:
    return {h.name: h.title for h in find_people(text)}


def test_a_repeated_phrase_does_not_make_a_verb_part_of_the_name() -> None:
    # The headline repeats 李平带领, but 李平 stands alone elsewhere: 带 begins 带领.
    text = "李平带领我县党政代表团走进常州\n10月19日,县长李平带领我县代表团走进常州。李平代表县委致辞。"
    assert people(text) == {"李平": "县长"}


def test_a_three_character_name_repeated_whole_stays_whole() -> None:
    # Look-alike: 王小明 never stands as 王小, so 全程 after it does not cut the name.
    assert people("王小明全程陪同\n副市长王小明全程陪同。") == {"王小明": "副市长"}


def test_a_place_and_a_word_across_a_name_and_a_title() -> None:
    assert people("李瑜辉代表帮扶集团,向德州长期以来对秀山的支持表示感谢。") == {}


def test_a_name_before_a_governor_stays() -> None:
    # Look-alike: 德州 is a place, but 州长 here is followed by no word: 张德 is the governor.
    assert people("当天，张德州长出席会议。") == {"张德": "州长"}


def test_a_name_after_a_whole_word_takes_the_title_after_it() -> None:
    assert people("广东正深入学习贯彻习近平总书记对广东重要讲话") == {"习近平": "总书记"}
    assert people("大湾区建设是习近平主席亲自谋划的") == {"习近平": "主席"}


def test_a_fragment_glued_to_a_word_before_a_title_is_no_name() -> None:
    # Look-alikes: 司轮值 (公司 runs into it) and 落实市 are no names.
    assert people("华为公司轮值董事长徐直军") == {"徐直军": "华为公司轮值董事长"}
    assert people("深入贯彻落实市委书记讲话精神") == {}
    # 山区 is a word and 中山区 a place: the word before runs on into 区招商, which is no name.
    assert people("中山区招商大使聘任暨项目签约") == {}


def test_丘_is_a_surname() -> None:
    assert people("商务及经济发展局局长丘应桦出席。") == {"丘应桦": "商务及经济发展局局长"}
    # Look-alike: 丘陵 (hills) is no name.
    assert people("丘陵地带的企业") == {}


def test_a_preposition_surname_before_a_body_is_no_name() -> None:
    assert people("签署派驻内地商贸顾问于贸促局提供咨询服务合约") == {}


def test_a_preposition_surname_before_a_title_is_a_name() -> None:
    # Look-alike: 于明 before 局长 (a title, not a body's name) and before a verb.
    assert people("副市长于明出席会议，局长向东致辞。") == {"于明": "副市长", "向东": "局长"}


def test_a_name_after_a_word_that_overlaps_another() -> None:
    # 落实习近平: 实习 is a word too, but 落实 ends before the name.
    assert people("深入贯彻落实习近平总书记对广西重大方略要求") == {"习近平": "总书记"}
