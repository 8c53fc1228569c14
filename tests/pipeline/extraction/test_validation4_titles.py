"""Headlines validation4 showed missed: under a Latin residue line, and the main line of a stack."""

from __future__ import annotations

from pipeline.extraction.title import find_title


def title(text: str) -> str | None:
    h = find_title(text)
    return h.text if h else None


def test_a_headline_under_a_long_latin_residue_line_is_found() -> None:
    text = (
        "Skip to Main Content Twitter Feature Photo\n代表团访问湾区城市 商界冀加强合作\n某电台\n"
        "代表团今日访问湾区城市，出席交流会，商界代表表示希望加强合作并推动发展。\n"
    )
    assert title(text) == "代表团访问湾区城市 商界冀加强合作"


def test_a_long_chinese_first_paragraph_still_ends_the_header() -> None:
    text = "代表团今日访问湾区城市，出席交流会，商界代表表示希望加强合作推动发展\n代表团访问湾区城市\n"
    assert title(text) is None


def test_the_main_line_of_a_headline_stack_wins_over_kicker_and_subtitle() -> None:
    text = (
        "签约八个重点项目\n总投资额12.5亿元\n某某区举行重点项目集中签约并发布五大招商场景\n张三见证签约\n"
        "9月1日，某某区举行重点项目集中签约仪式。市长张三见证签约。\n"
    )
    assert title(text) == "某某区举行重点项目集中签约并发布五大招商场景"


def test_two_lines_of_like_length_keep_the_first() -> None:
    text = "某某区举行重点项目签约仪式\n张三出席签约仪式并致辞\n9月1日，某某区举行重点项目集中签约仪式。\n"
    assert title(text) == "某某区举行重点项目签约仪式"
