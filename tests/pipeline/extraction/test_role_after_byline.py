"""A bracketed byline with roles after the names, (蔡江龙 文/何玉武 图): each name with no title (GOLD.md)."""

from __future__ import annotations

from pipeline.extraction.people import find_people


def people(text: str) -> list[tuple[str, str]]:
    return sorted((p.name, p.title) for p in find_people(text))


def test_names_with_their_roles_after_them() -> None:
    got = people("云网讯(蔡江龙 文/何玉武 图)为深入贯彻市活动精神，全力抓招商。")
    assert got == [("何玉武", ""), ("蔡江龙", "")]


def test_a_role_label_before_a_name_keeps_it() -> None:
    assert people("文/张三 图/李四\n本报讯 招商会举行。") == [("张三", "文"), ("李四", "图")]
