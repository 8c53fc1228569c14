"""A dateline over an event said to have happened some days before (10月11日讯 … 日前举行) dates the
report, not the event, with or without a publication date."""

from __future__ import annotations

from pipeline.extraction import extract
from tests.pipeline.extraction.conftest import make_result


def event(text: str) -> tuple[list[object], list[object]]:
    out = extract(make_result(text, {}))
    return [fv.value for fv in out["event_start"]], [fv.value for fv in out["event_end"]]


def test_an_undated_past_event_under_a_dateline_without_a_year() -> None:
    text = "台海网10月11日讯 (记者 焦修博)日前,云霄县举行2020年第三季度招商项目集中签约仪式,共签约项目17个。\n"
    assert event(text) == ([], [])


def test_an_event_on_the_datelines_day_keeps_it() -> None:
    text = "台海网10月11日讯 云霄县举行2020年第三季度招商项目集中签约仪式,共签约项目17个。\n"
    assert event(text) == (["2020-10-11"], ["2020-10-11"])
