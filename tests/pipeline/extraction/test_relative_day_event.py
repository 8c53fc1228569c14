"""An event dated only relative to the page (昨开幕, 今日上午举行) falls that many days from the
publication date; a written run of days (一连四日) gives its last day."""

from __future__ import annotations

from pipeline.extraction import extract
from tests.pipeline.extraction.conftest import make_result

PAGE = {"published_at": "2014-10-24"}


def event(text: str, meta: dict[str, object] | None = None) -> tuple[list[object], list[object]]:
    out = extract(make_result(text, PAGE if meta is None else meta))
    return [fv.value for fv in out["event_start"]], [fv.value for fv in out["event_end"]]


def test_yesterday_with_a_run_of_days() -> None:
    text = "【本报讯】第十九届澳门国际贸易投资展览会昨开幕，首日签约二十九份。\n一连四日于威尼斯人举行。\n"
    assert event(text) == (["2014-10-23"], ["2014-10-26"])


def test_today_at_a_venue() -> None:
    text = "本报讯 招商推介会今日上午在市会展中心举行，签约项目12个。\n"
    assert event(text) == (["2014-10-24"], ["2014-10-24"])


def test_yesterday_across_new_year() -> None:
    text = "本报讯 经贸洽谈会昨开幕，签约项目12个。\n"
    assert event(text, {"published_at": "2015-01-01"}) == (["2014-12-31"], ["2014-12-31"])


def test_no_relative_day_no_event_date() -> None:
    # Look-alikes: 至今 and 如今 are no day, 日前 is some days ago; no year is guessed.
    text = "本报讯 该项目至今举行过三次签约，如今举办规模更大，日前开幕的展会也有签约。\n"
    assert event(text) == ([], [])


def test_no_publication_date_no_event_date() -> None:
    assert event("经贸洽谈会昨开幕，签约项目12个。\n", {}) == ([], [])


def test_a_written_date_wins() -> None:
    text = "本报讯 10月20日，经贸洽谈会在澳门开幕。展会昨闭幕。\n"
    assert event(text) == (["2014-10-20"], ["2014-10-20"])
