"""A site's section menu (企业策略・可持续发展・商事动态・…) is page chrome, never the headline."""

from __future__ import annotations

from pipeline.extraction.title import find_title

_PAGE = (
    "时事热话\n企业策略・可持续发展・商事动态・大中华时事・专题・本港时事・环球时事\n\n"
    "厂商会珠海考察高新科技产业 探索大湾区商机\n\n"
    "国家正积极推进粤港澳大湾区建设,为协助港商把握当中机遇,香港中华厂商联合会副会长率领考察团前往珠海访问。\n"
)


def test_a_section_menu_is_not_the_headline() -> None:
    found = find_title(_PAGE)
    assert found is not None and found.text == "厂商会珠海考察高新科技产业 探索大湾区商机"


def test_a_headline_with_one_or_two_middle_dots_stays() -> None:
    page = (
        "中国・东盟博览会・东盟商务与投资峰会开幕\n\n"
        "本报讯 第二十届中国—东盟博览会今天在南宁开幕，签约项目32个，总投资超过100亿元。\n"
    )
    found = find_title(page)
    assert found is not None and found.text == "中国・东盟博览会・东盟商务与投资峰会开幕"
