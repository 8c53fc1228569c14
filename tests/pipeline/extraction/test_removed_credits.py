"""People on credit lines the cleaner removed are listed (GOLD.md: reporters and editors are people);
nothing else the cleaner removed gives a person."""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.document import Change
from pipeline.extraction import extract
from tests.pipeline.extraction.conftest import make_result

BODY = "本报讯 昨日，市政府举办招商推介会，签约项目12个。\n"


def people(text: str, removed: list[str]) -> dict[str, str]:
    result = make_result(text)
    pos = len(text)
    for line in removed:  # as the cleaner records a removed line: raw span, before, no after
        result.changes.append(Change("boilerplate", pos, pos + len(line), len(text), len(text), line, ""))
        pos += len(line) + 1
    return {fv.value["name"]: fv.value["title"] for fv in extract(result)["people"]}


def test_editors_on_removed_credit_lines_are_people() -> None:
    found = people(BODY, ["编辑|李小明", "审核|王大伟 终审|赵志强"])
    assert found == {"李小明": "编辑", "王大伟": "审核", "赵志强": "终审"}


def test_the_three_reviews_are_credit_roles() -> None:
    found = people(BODY, ["一审:韩小佳 二审:冯媛媛 三审:周立新"])
    assert found == {"韩小佳": "一审", "冯媛媛": "二审", "周立新": "三审"}


def test_a_removed_line_that_is_no_credit_gives_no_person() -> None:
    # A list of other headlines or a menu the cleaner took out: titles and names, but no credit role.
    assert people(BODY, ["市长王小明会见客商", "副县长张大伟出席开工仪式"]) == {}


def test_a_credit_naming_the_outlet_gives_no_person() -> None:
    # 编辑:鲁南网 credits the outlet, not a person (网 ends a website's name).
    assert people(BODY, ["编辑:鲁南网 发布时间:2024年06月25日"]) == {}


def test_a_credit_block_the_cleaner_removes_still_names_its_editors() -> None:
    text = "市政府举办招商推介会，签约项目12个，总投资50亿元。\n记者|杨鸣宇\n编辑|李榕\n审核|朱代军 终审|尹滨\n"
    result = clean(text, "txt")
    found = {fv.value["name"]: fv.value["title"] for fv in extract(result)["people"]}
    assert {"李榕": "编辑", "朱代军": "审核", "尹滨": "终审"}.items() <= found.items()
