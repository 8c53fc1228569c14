"""A day and a run of days from it (25日起一连三天访问): the event spans those days."""

from __future__ import annotations

from pipeline.extraction import extract
from tests.pipeline.extraction.conftest import make_result


def event(text: str, meta: dict[str, object]) -> tuple[list[object], list[object]]:
    out = extract(make_result(text, meta))
    return [fv.value for fv in out["event_start"]], [fv.value for fv in out["event_end"]]


PAGE = {"published_at": "2024-11-26"}


def test_a_bare_day_with_a_run_under_a_dateline() -> None:
    text = (
        "香港中通社11月26日电 代表团25日起一连三天访问粤港澳大湾区5个内地城市。"
        "多名香港工商界人士26日表示，这次考察增强了信心。\n"
    )
    assert event(text, PAGE) == (["2024-11-25"], ["2024-11-27"])


def test_a_full_date_with_a_run() -> None:
    text = "本报讯 2024年11月25日起连续两天，招商推介会在市会展中心举行。\n"
    assert event(text, PAGE) == (["2024-11-25"], ["2024-11-26"])


def test_a_day_without_a_run_stays_one_day() -> None:
    # Look-alike: 起 opening a verb (起草), not a run of days.
    text = "本报讯 2024年11月25日起草的三天议程在市会展中心举行签约。\n"
    assert event(text, PAGE) == (["2024-11-25"], ["2024-11-25"])
