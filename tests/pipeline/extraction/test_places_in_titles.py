"""GOLD.md: a place inside a person's title is listed; one only inside an organization's name is not."""

from __future__ import annotations

from pipeline.extraction import extract
from pipeline.extraction.places import place_key
from tests.pipeline.extraction.conftest import make_result


def places(text: str) -> dict[str, list[tuple[int, int]]]:
    out = extract(make_result(text))
    return {v.value: v.evidence for v in out["places"]}


def test_a_place_inside_a_party_secretary_title_is_listed() -> None:
    text = "烟台市委书记张明会见了客商一行。"
    got = places(text)
    assert got.get("烟台市") == [(0, 3)]  # the evidence is the mention inside the title
    assert text[0:3] == "烟台市"


def test_a_place_inside_a_governor_title_is_listed_in_its_longest_form() -> None:
    got = places("山东省委副书记、省长李伟出席。山东企业代表参加。")
    assert {place_key(p) for p in got} == {"山东省"}
    assert "山东省" in got


def test_a_place_inside_a_company_in_a_title_is_listed() -> None:
    assert "上海" in places("上海临港集团副总裁龚伟致辞。")


def test_a_place_only_inside_a_company_name_is_not_listed() -> None:
    got = places("深圳市华星光电技术有限公司与梧州市签约。")
    assert {place_key(p) for p in got} == {"梧州市"}


def test_a_mountain_naming_a_zone_in_a_title_is_no_county() -> None:
    got = places("吉安市委常委、井冈山经济技术开发区党工委书记傅正华介绍。")
    assert {place_key(p) for p in got} == {"吉安市"}
