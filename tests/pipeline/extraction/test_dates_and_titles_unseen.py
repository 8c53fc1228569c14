"""An event's year written before its name without 年, and a skip link that is no headline."""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.extraction import extract
from pipeline.fields import fields_to_json


def field(text: str, name: str) -> list[object]:
    got = fields_to_json(extract(clean(text, "txt"))).get(name)
    return [v["value"] for v in got["values"]] if got else []


def test_a_year_opening_the_event_name_dates_the_event() -> None:
    assert field("2018安庆(上海)经贸活动12月19日将在上海举行。", "event_start") == ["2018-12-19"]


def test_a_number_that_names_no_event_gives_no_year() -> None:
    assert field("全市2000亩园区12月19日开工。", "event_start") == []


def test_a_skip_link_is_not_the_headline() -> None:
    text = "跳到主要内容区块\n桃园市招商说明会在台北举行\n桃园市政府于会上介绍投资环境，多家企业签约。\n"
    assert field(text, "title") == ["桃园市招商说明会在台北举行"]
