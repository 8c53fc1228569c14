"""An outlet's name alone on a header line (a credit under the headline) is an organization."""

from __future__ import annotations

from pipeline.extraction import extract
from tests.pipeline.extraction.conftest import make_result


def orgs(text: str) -> list[object]:
    return [fv.value for fv in extract(make_result(text))["organizations"]]


def test_an_outlet_line_under_the_headline_is_listed() -> None:
    assert "南湖电台" in orgs("代表团访问湾区城市\n南湖电台\n代表团今日访问湾区城市，出席交流会。\n")


def test_a_short_line_that_is_no_outlet_is_not_listed() -> None:
    assert orgs("代表团访问湾区城市\n南湖公园\n代表团今日访问湾区城市，出席交流会。\n") == []
