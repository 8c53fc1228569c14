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


def test_a_compact_printed_date_heading_a_byline_is_the_publication_date() -> None:
    text = "20230808文/王妙琴\n云林工业区招商 反应热烈\n县政府8月7日上午举办招商说明会，多家企业参加。\n"
    assert field(text, "published_at") == ["2023-08-08"]
    assert field(text, "event_start") == ["2023-08-07"]


def test_a_long_number_in_a_sentence_is_no_date() -> None:
    text = "园区招商说明会举行\n订单编号20230808的项目于8月7日签约，总投资5亿元。\n"
    assert field(text, "published_at") == []


def test_a_year_closing_the_quoted_event_name_dates_the_event() -> None:
    text = "“中国与葡语国家企业经贸合作洽谈会—马拉博—2025”于当地时间7月29日在赤道几内亚举行。\n"
    assert field(text, "event_start") == ["2025-07-29"]


def test_a_photo_caption_opening_the_page_is_not_the_headline() -> None:
    text = (
        "推介会现场,东莞市委书记梁维东发言\n"
        "【香港商报网讯】记者姚一鹤报导:2018年莞港产业合作联合推介会9月21日在香港举行。\n"
    )
    assert field(text, "title") == []


def test_a_minguo_date_after_a_publish_cue_on_a_traditional_page_is_converted() -> None:
    text = "新竹縣招商交流會\n發布日期:99-05-17\n山東省濰坊市長率團十七日在竹北召開交流會,介紹投資環境。\n"
    assert field(text, "published_at") == ["2010-05-17"]


def test_a_two_digit_year_on_a_simplified_page_gives_no_date() -> None:
    text = "招商交流会\n发布日期:99-05-17\n潍坊市长率团十七日在竹北召开交流会,介绍投资环境。\n"
    assert field(text, "published_at") == []


def test_a_minguo_year_written_out_is_converted() -> None:
    text = "縣府招商說明會\n民國112年8月7日上午,縣政府舉辦招商說明會,多家企業參加。\n"
    assert field(text, "event_start") == ["2023-08-07"]


def test_a_deck_line_of_two_clauses_is_not_taken_over_the_headline() -> None:
    text = (
        "云林小东工业区招商 反应热烈\n中油、上银等均参与说明会;开放最后5个编号基地,9/4前欢迎厂商投标\n"
        "云林县政府8月7日上午办理招商说明会，广邀各界厂商参加。\n"
    )
    assert field(text, "title") == ["云林小东工业区招商 反应热烈"]


def test_a_bulleted_minguo_date_field_in_the_page_head_is_the_publication_date() -> None:
    text = (
        "跳到主要內容區塊\n短暫雨\n氣溫\n「園區發展合作交流會」─山東濰坊市到台元科技園區招商\n  • 發布日期:99-05-17\n\n"
        "山東省濰坊市長許立全率團十七日在竹北台元科技園區召開交流會,介紹濰坊的投資環境,歡迎台灣的廠商前往投資。\n"
    )
    assert field(text, "published_at") == ["2010-05-17"]
