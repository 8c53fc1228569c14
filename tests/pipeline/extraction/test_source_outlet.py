"""The outlet a 来源 line names is listed even without an outlet ending (来源:今日高邮)."""

from __future__ import annotations

from pipeline.extraction import extract
from tests.pipeline.extraction.conftest import make_result

_BODY = "本报讯 招商推介会在市会展中心举行，签约项目12个。\n"


def orgs(meta: dict[str, object]) -> list[object]:
    return [fv.value for fv in extract(make_result(_BODY, meta))["organizations"]]


def test_a_source_that_reads_as_a_name_is_an_outlet() -> None:
    assert orgs({"source": "今日高邮"}) == ["今日高邮"]


def test_a_source_that_is_a_person_a_remark_or_a_self_reference_is_none() -> None:
    for source in ("本站原创", "转载", "张三", "网络", "江西"):
        assert orgs({"source": source}) == [], source
    assert orgs({"author": "今日高邮"}) == []  # an author line names a writer, not an outlet
    assert orgs({"source": "莆田晚报 全媒体记者 严绍香"}) == ["莆田晚报"]  # a role is no outlet


def test_the_agency_of_a_dateline_is_an_outlet() -> None:
    text = "香港中通社11月26日电 香港特区政府及工商界高层代表团访问粤港澳大湾区5个内地城市。\n"
    assert "香港中通社" in [fv.value for fv in extract(make_result(text, {}))["organizations"]]


def test_a_date_before_a_tv_word_is_no_dateline() -> None:
    text = "招商会议11月26日电视直播，签约项目12个。\n"
    assert [fv.value for fv in extract(make_result(text, {}))["organizations"]] == []
