"""Dates validation4 showed missing: a year-last numeric date, a range from today, an undated past."""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.extraction import extract
from pipeline.extraction.dates import find_dates
from pipeline.fields import fields_to_json


def field(text: str, name: str) -> list[object]:
    got = fields_to_json(extract(clean(text, "txt"))).get(name)
    return [v["value"] for v in got["values"]] if got else []


def test_a_year_last_date_confirmed_by_a_month_day_is_read_day_first() -> None:
    text = "特首今日率团访问广州\n05/04/2022\n特首今日(4月5日)至7日率团访问广州，出席交流会。\n"
    assert field(text, "published_at") == ["2022-04-05"]
    assert field(text, "event_start") == ["2022-04-05"]
    assert field(text, "event_end") == ["2022-04-07"]


def test_an_ambiguous_year_last_date_with_nothing_to_settle_it_is_not_read() -> None:
    text = "特首率团访问广州\n05/04/2022\n特首率团访问广州，出席交流会。\n"
    assert field(text, "published_at") == []


def test_an_unambiguous_year_last_date_is_read() -> None:
    (m,) = find_dates("更新 25/11/2024")
    assert (m.year, m.month, m.day) == (2024, 11, 25)
    assert find_dates("编号 1.2.2024") == []  # ambiguous, nothing confirms a reading


def test_a_run_of_days_from_today_opens_on_the_page_date() -> None:
    text = "代表团访问湾区城市\n2023年5月8日 10:00\n代表团今日起一连三日访问湾区城市，出席交流会。\n"
    assert field(text, "event_start") == ["2023-05-08"]
    assert field(text, "event_end") == ["2023-05-10"]


def test_today_without_a_run_of_days_gives_no_range() -> None:
    text = "代表团访问湾区城市\n2023年5月8日 10:00\n代表团今日访问湾区城市，出席交流会。\n"
    assert field(text, "event_end") != ["2023-05-10"]


def test_an_undated_past_under_a_dateline_gives_no_event_day() -> None:
    text = "（ 2021年03月09日 第 4 版)\n本报南宁3月8日电 （记者张三）某某招商大会日前举行，多家企业参会。\n"
    assert field(text, "published_at") == ["2021-03-09"]
    assert field(text, "event_start") == []


def test_a_dateline_over_a_dated_event_still_dates_it() -> None:
    text = "（ 2021年03月09日 第 4 版)\n本报南宁3月8日电 （记者张三）某某招商大会8日举行，多家企业参会。\n"
    assert field(text, "event_start") == ["2021-03-08"]
