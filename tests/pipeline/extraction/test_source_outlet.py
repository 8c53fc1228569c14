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
