"""GOLD.md: a body written only inside a person's title is listed with a place or proper name, not bare."""

from __future__ import annotations

from pipeline.extraction import extract
from tests.pipeline.extraction.conftest import make_result


def orgs(text: str) -> list[object]:
    return [fv.value for fv in extract(make_result(text))["organizations"]]


def test_a_functional_organ_only_in_a_title_is_not_listed() -> None:
    text = "代表团成员包括能源管理局行政管理委员会主席王小明等。\n"
    assert "能源管理局行政管理委员会" not in orgs(text)


def test_an_organ_with_a_locality_in_a_title_is_listed() -> None:
    assert "东山镇党委" in orgs("东山镇党委书记王小明出席签约仪式。\n")


def test_a_functional_organ_acting_in_the_text_is_listed() -> None:
    text = "能源管理局行政管理委员会主办推介会。能源管理局行政管理委员会主席王小明致辞。\n"
    assert "能源管理局行政管理委员会" in orgs(text)
