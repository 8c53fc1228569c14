"""Two bylined names in brackets with nothing between them ((刘蓉万兴峰)) are two people."""

from __future__ import annotations

from pipeline.extraction.people import find_people


def test_two_names_glued_in_a_closing_bracket() -> None:
    got = sorted(p.name for p in find_people("双方将在新能源领域深化合作。(刘蓉万兴峰)\n"))
    assert got == ["万兴峰", "刘蓉"]


def test_a_bracketed_phrase_that_is_no_pair_of_names_gives_none() -> None:
    assert find_people("双方将在新能源领域深化合作。(新能源汽车)\n") == []


def test_two_names_glued_in_a_spaced_byline() -> None:
    from pipeline.extraction import extract
    from tests.pipeline.extraction.conftest import make_result

    text = "台海网10月11日讯 (通讯员 郭扬方扬烨 记者 焦修博)日前,云霄县举行签约仪式。\n"
    people = sorted((fv.value["name"], fv.value["title"]) for fv in extract(make_result(text, {}))["people"])
    assert people == [("方扬烨", "通讯员"), ("焦修博", "记者"), ("郭扬", "通讯员")]


def test_a_spaced_byline_of_one_three_character_name_stays() -> None:
    from pipeline.extraction import extract
    from tests.pipeline.extraction.conftest import make_result

    text = "台海网10月11日讯 (通讯员 郭扬方 记者 焦修博)日前,云霄县举行签约仪式。\n"
    people = sorted((fv.value["name"], fv.value["title"]) for fv in extract(make_result(text, {}))["people"])
    assert people == [("焦修博", "记者"), ("郭扬方", "通讯员")]
