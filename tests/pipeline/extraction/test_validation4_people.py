"""People validation4 showed missed: the last name of a list before its verb, a reporter in the source."""

from __future__ import annotations

from pipeline.extraction import extract
from pipeline.extraction.people import find_people
from tests.pipeline.extraction.conftest import make_result


def names(text: str) -> set[str]:
    return {h.name for h in find_people(text)}


def test_the_last_name_of_a_list_ends_where_the_list_verb_begins() -> None:
    assert names("市领导张伟、李向东出席。") == {"张伟", "李向东"}


def test_a_name_glued_to_a_verb_outside_a_list_is_not_read_that_way() -> None:
    assert "李向东" not in names("企业代表李向东出发。")


def test_a_reporter_inside_the_source_line_is_a_person() -> None:
    result = make_result("某市举行招商推介会。\n", {"source": "某某晚报 全媒体记者 王小明"})
    people = {fv.value["name"]: fv.value["title"] for fv in extract(result)["people"]}
    assert people.get("王小明") == "全媒体记者"


def test_a_source_line_without_a_title_gives_no_person() -> None:
    result = make_result("某市举行招商推介会。\n", {"source": "某某晚报"})
    assert extract(result)["people"] == []


def test_an_adverb_that_is_a_surname_before_a_verb_is_no_person() -> None:
    assert names("县长与企业负责人都进行了交谈。") == set()


def test_the_same_surname_before_a_given_name_stays_a_person() -> None:
    assert "都明" in names("副县长都明出席。")
