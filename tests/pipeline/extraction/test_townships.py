"""Townships (五横乡, 罗岭镇): a two-character name and 镇/乡, standing as a list item or after a verb."""

from __future__ import annotations

from pipeline.extraction.places import find_places


def places(text: str) -> list[str]:
    return [p.value for p in find_places(text)]


def test_townships_in_a_list_after_a_verb() -> None:
    assert places("考察团一行还先后到五横乡、罗岭镇和杨桥镇进行了实地考察。") == ["五横乡", "罗岭镇", "杨桥镇"]
    assert places("县投促局、县建工局、嘉明镇相关负责人参加。") == ["嘉明镇"]


def test_kinds_of_towns_and_words_with_town_are_none() -> None:
    text = (
        "建设特色小镇、美丽乡村，发展乡镇企业，推动城乡融合，重点镇、中心镇、旅游镇和三个乡同步推进，"
        "乡亲们回到家乡，为家乡出力。"
    )
    assert places(text) == []
