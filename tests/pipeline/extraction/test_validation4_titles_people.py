"""Titles validation4 showed cut or padded: 和/与 inside a body's name, and 以 before a title."""

from __future__ import annotations

from pipeline.extraction.people import find_people


def titles(text: str) -> dict[str, str]:
    return {h.name: h.title for h in find_people(text)}


def test_and_joining_two_fields_inside_a_bureau_name_stays_in_the_title() -> None:
    assert titles("澳门经济研究和人才发展局局长张三出席。") == {"张三": "澳门经济研究和人才发展局局长"}


def test_and_inside_a_division_name_with_a_bracket_stays_in_the_title() -> None:
    got = titles("某市商务局综合与规划财务处(审批处)处长李四介绍。")
    assert got == {"李四": "某市商务局综合与规划财务处(审批处)处长"}


def test_and_between_two_titles_still_splits() -> None:
    assert titles("市委书记和市长张三出席。") == {"张三": "市长"}


def test_and_before_a_body_named_by_its_place_still_splits() -> None:
    assert titles("考察团一行与广东省商务厅厅长王五座谈。") == {"王五": "广东省商务厅厅长"}


def test_yi_before_a_title_is_not_part_of_it() -> None:
    assert titles("成立了以副市长赵六为团长的代表团。") == {"赵六": "副市长"}


def test_a_nationality_before_the_title_is_not_part_of_it() -> None:
    assert titles("加籍华人东方电子有限公司董事长钱七出席。") == {"钱七": "东方电子有限公司董事长"}


def test_a_body_named_for_overseas_chinese_keeps_its_name() -> None:
    assert titles("全国华人华侨联合会主席孙八出席。") == {"孙八": "全国华人华侨联合会主席"}


def test_a_latin_name_with_a_lowercase_particle_is_read_whole() -> None:
    assert titles("巴西农业和渔业部部长Carlos da Silva表示感谢。") == {"Carlos da Silva": "巴西农业和渔业部部长"}


def test_a_latin_name_without_a_particle_is_unchanged() -> None:
    assert titles("巴西农业部部长Carlos Silva表示感谢。") == {"Carlos Silva": "巴西农业部部长"}
