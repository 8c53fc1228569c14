"""Taiwan's ministries (经济部, 劳动部, 陆委会 …) are bodies like the State Council's."""

from __future__ import annotations

from pipeline.extraction.organizations import find_organizations


def orgs(text: str) -> list[str]:
    return [h.value for h in find_organizations(text)]


def test_a_taiwanese_ministry_is_an_organization() -> None:
    assert orgs("经济部21日举办台湾全球招商论坛，吸引逾200位企业代表出席。") == ["经济部"]
    assert orgs("陆委会表示，将与劳动部研商。") == ["陆委会", "劳动部"]


def test_a_ministry_written_inside_a_longer_word_is_none() -> None:
    assert orgs("全市加快经济部署，推动社区建设。") == []
    assert orgs("新华社区卫生服务站开诊。") == []


def test_a_vice_minister_is_read_with_the_ministry() -> None:
    from pipeline.extraction.people import find_people

    got = [(p.name, p.title) for p in find_people("经济部次长江文若表示，台湾经济表现稳健。")]
    assert got == [("江文若", "经济部次长")]


def test_a_title_whose_first_character_ends_a_word_is_none() -> None:
    from pipeline.extraction.people import find_people

    assert find_people("本次长江论坛开幕，这座城市长江大桥通车。") == []
    assert [(p.name, p.title) for p in find_people("3月6日记者王强从市商务局获悉。")] == [("王强", "记者")]
    got = [(p.name, p.title) for p in find_people("澳门大学校长宋永华、亚总会长陈五福出席。")]
    assert got == [("宋永华", "澳门大学校长"), ("陈五福", "亚总会长")]
