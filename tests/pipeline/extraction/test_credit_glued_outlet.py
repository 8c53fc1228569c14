"""A credit line whose name runs into the outlet (责任编辑:余凌古田网): the name, then the outlet."""

from __future__ import annotations

from pipeline.extraction import extract
from pipeline.extraction.people import find_people
from tests.pipeline.extraction.conftest import make_result


def test_an_editor_glued_to_the_outlet() -> None:
    text = "本报讯 招商推介会举行，签约项目12个。\n责任编辑:余凌古田网\n"
    assert [(p.name, p.title) for p in find_people(text)] == [("余凌", "责任编辑")]
    assert "古田网" in [fv.value for fv in extract(make_result(text, {}))["organizations"]]


def test_an_editor_with_a_three_character_name_stays_whole() -> None:
    text = "本报讯 招商推介会举行。\n责任编辑:王小明\n"
    assert [(p.name, p.title) for p in find_people(text)] == [("王小明", "责任编辑")]


def test_a_reviewer_credit() -> None:
    text = "观点网讯 项目签约。\n审校:杨晓敏\n"
    assert [(p.name, p.title) for p in find_people(text)] == [("杨晓敏", "审校")]
    assert find_people("加强审校工作，确保质量。") == []


def test_the_words_of_an_editors_title_name_no_body() -> None:
    text = "本报讯 招商推介会举行。\n责任编辑:王小明\n"
    assert [fv.value for fv in extract(make_result(text, {}))["organizations"]] == []
    text = "大纪元记者王强报道，招商推介会举行。\n"
    assert "大纪元" in [fv.value for fv in extract(make_result(text, {}))["organizations"]]


def test_outlets_on_removed_credit_lines() -> None:
    from pipeline.document import Change
    from pipeline.extraction.credits import removed_credit_outlets

    def change(before: str) -> Change:
        return Change("residue", 100, 100 + len(before), 0, 0, before, "")

    assert removed_credit_outlets([change("责任编辑:余凌古田网")]) == ["古田网"]
    assert removed_credit_outlets([change("编辑:鲁南网 发布时间:2024年06月")]) == ["鲁南网"]
    assert removed_credit_outlets([change("责任编辑:王小明")]) == []
