from __future__ import annotations

from datetime import date

from pipeline.extraction import dates as d


def _first(text: str) -> d.DateMention:
    return d.find_dates(text)[0]


def test_month_day_takes_year_from_publish_date() -> None:
    assert d.resolve(_first("12月25日，座谈会举行"), date(2023, 12, 26), None) == (date(2023, 12, 25),) * 2


def test_month_day_after_new_year_goes_back_a_year() -> None:
    start, _ = d.resolve(_first("12月28日，签约"), date(2024, 1, 3), None)
    assert start == date(2023, 12, 28)


def test_future_announcement_stays_in_year() -> None:
    start, end = d.resolve(_first("定于3月30日—4月3日举办"), date(2025, 3, 25), None)
    assert (start, end) == (date(2025, 3, 30), date(2025, 4, 3))


def test_ranges() -> None:
    m = _first("10月30日-11月2日,考察团赴川")
    assert (m.month, m.day, m.end_month, m.end_day) == (10, 30, 11, 2)
    m = _first("2023年10月25日至27日，举办")
    assert (m.year, m.end_month, m.end_day) == (2023, 10, 27)
    assert len(d.find_dates("10月30日-11月2日")) == 1  # the tail is not a second mention


def test_ordinals_are_not_dates() -> None:
    assert d.find_dates("按照省委十一届三次全会要求") == []


def test_chinese_numeral_dates() -> None:
    m = _first("二〇二三年十二月二十五日")
    assert (m.month, m.day) == (12, 25)


def test_year_from_text_when_no_publish_date() -> None:
    text = "定于3月30日举办2025年经贸活动周，2025年是关键之年，2024年营收"
    start, _ = d.resolve(_first(text), None, d.dominant_year(text))
    assert start == date(2025, 3, 30)


def test_publish_date_in_header() -> None:
    text = "中文 | EN\n标题\n发布者:科沃高新  发布时间:2018.11.19  点击率:4040\n正文10月30日"
    found = d.publish_date_in_header(text)
    assert found is not None and found[0] == date(2018, 11, 19)
    assert d.publish_date_in_header("正文说，2018年11月19日签约。" * 3) is None


def test_event_date_prefers_range_and_event_verbs() -> None:
    text = "3月24日,新闻发布会透露,定于3月30日—4月3日在广州举办活动周。"
    m = d.pick_event_date(text, d.find_dates(text), None)
    assert m is not None and (m.month, m.day) == (3, 30)


def test_header_lines_and_headlines_with_dates() -> None:
    found = d.publish_date_in_header("湖北新闻\n来源：人民网 2023-12-26 | 浏览：120\n正文")
    assert found is not None and found[0] == date(2023, 12, 26)
    found = d.publish_date_in_header("2023年12月5日 08:00\n正文")
    assert found is not None and found[0] == date(2023, 12, 5)
    assert d.publish_date_in_header("2023年12月5日江西发布招商新政，内容如下") is None


def test_dateline() -> None:
    assert d.dateline_date("中新网南昌12月5日电（记者 吴鹏泉）") == (12, 5, 5, 10)


# -- publication and event dates on unseen page layouts (fixtures written here, one phenomenon each) --

def _dates(text: str, meta: dict[str, object] | None = None) -> tuple[str | None, str | None, str | None]:
    from pipeline.extraction import extract
    from tests.pipeline.extraction.conftest import make_result

    out = extract(make_result(text, meta))
    first = {k: (out[k][0].value if out[k] else None) for k in ("published_at", "event_start", "event_end")}
    return first["published_at"], first["event_start"], first["event_end"]


def test_a_stamp_line_under_the_headline_is_the_publication_date() -> None:
    text = "某县第三季度签约项目17个\n某某日报 2020-10-14 08:50\n第三季度，某县共签约项目17个。"
    assert _dates(text)[0] == "2020-10-14"


def test_an_epaper_date_line_dates_the_page_and_a_bare_day_the_event() -> None:
    text = (
        "当前报章2020年04月11日\n某市百个项目集中开工\n"
        "【某社某市4月10日电】某市10日召开重大项目推进会，项目集中开工。"
    )
    assert _dates(text) == ("2020-04-11", "2020-04-10", "2020-04-10")


def test_a_dateline_with_its_year_is_the_publication_date() -> None:
    text = "【某报2016年06月21日讯】某市府21日出席颁奖典礼，获评招商卓越奖。"
    assert _dates(text) == ("2016-06-21", "2016-06-21", "2016-06-21")


def test_a_dateline_without_a_year_gives_no_date_at_all() -> None:
    # The text names 2017 elsewhere; that is no reason to date a 3月3日 event in 2017.
    text = "某网讯 3月3日至16日，考察团前往上海、江苏开展招商。2017年以来全市引资增长。"
    assert _dates(text) == (None, None, None)


def test_the_year_in_the_events_own_name_dates_it() -> None:
    text = "本报讯 1月8日上午，全市2021年第一批重大项目集中开工活动举行。"
    assert _dates(text) == (None, "2021-01-08", "2021-01-08")


def test_a_page_stamp_is_not_the_event_date() -> None:
    text = (
        "二版:综合新闻 >2014-04-29编印\n某市一季度内资项目呈现集聚效应\n"
        "刊发日期:2014-04-29\n日前，记者从市招商局了解到项目情况。"
    )
    assert _dates(text) == ("2014-04-29", None, None)



def test_a_range_whose_first_day_has_no_ri_is_read_whole() -> None:
    # Written for this test: the first day of a range written without its 日 (10月19至20日) was
    # not read at all.
    found = d.find_dates("第三届招商大会于2023年10月19至20日在成都举行，十月十九至二十日同期举办展会。")
    assert [(m.year, m.month, m.day, m.end_month, m.end_day) for m in found] == [
        (2023, 10, 19, 10, 20), (None, 10, 19, 10, 20),
    ]
    # A day without 日 and without a range after it is no date.
    assert d.find_dates("共10月19批次") == []
