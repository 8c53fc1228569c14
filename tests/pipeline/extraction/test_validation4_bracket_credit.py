"""A bracketed credit line (outlet or unit, then the writer) names a person with no title."""

from __future__ import annotations

from pipeline.extraction import extract
from tests.pipeline.extraction.conftest import make_result


def people(text: str) -> dict[str, str]:
    return {fv.value["name"]: fv.value["title"] for fv in extract(make_result(text))["people"]}


def test_the_writer_in_a_bracketed_credit_is_a_person() -> None:
    text = "县府举办招商说明会，多家企业参加。\n(东方新闻/王小明 云林报导)\n"
    assert people(text) == {"王小明": ""}


def test_a_bracketed_aside_that_is_no_credit_gives_no_person() -> None:
    text = "县府举办招商说明会，多家企业参加。\n(图片 王小明)\n"
    assert people(text) == {}
