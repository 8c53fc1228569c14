"""Posts of foreign and Taiwanese governments and companies anchor names like China's posts do, and a
transliterated name after a title is read whole across its middle dots."""

from __future__ import annotations

from pipeline.extraction.people import find_people


def people(text: str) -> dict[str, str]:
    return {h.name: h.title for h in find_people(text)}


def test_a_foreign_minister_after_a_long_title() -> None:
    found = people("汤加王国副首相兼基础设施和旅游部大臣塞密西·西卡、中国贸促会副会长张建国出席。")
    assert found == {"塞密西·西卡": "汤加王国副首相兼基础设施和旅游部大臣", "张建国": "中国贸促会副会长"}


def test_a_transliterated_name_that_starts_like_a_chinese_one_is_read_whole() -> None:
    # 阿杜尔 alone reads as a Chinese name (阿 is a surname); the dot says it goes on.
    assert people("拜会了普吉府副府尹阿杜尔·楚松、中国驻泰国大使韩志强") == {
        "阿杜尔·楚松": "普吉府副府尹",
        "韩志强": "中国驻泰国大使",
    }


def test_company_posts_of_taiwan() -> None:
    assert people("董事长杜政道、睿颖资讯营运长陈当享出席") == {"杜政道": "董事长", "陈当享": "睿颖资讯营运长"}
    assert people("远雄建设发言人蔡宗易表示") == {"蔡宗易": "远雄建设发言人"}


def test_a_post_as_a_plain_noun_names_nobody() -> None:
    # Look-alikes: the office (首相府, 总统府) and a plural (大臣们) are no name.
    assert people("首相府发表声明，总统府前广场人潮涌动，大臣们出席。") == {}
