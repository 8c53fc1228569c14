"""Leaders named by their level (市级领导顾平、张学权; 宋振华、孙春荣等市级领导): the phrase is their title."""

from __future__ import annotations

from pipeline.extraction.people import find_people


def people(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.title) for p in find_people(text)]


def test_a_level_leaders_phrase_before_the_names_is_their_title() -> None:
    assert people("市级领导顾平、张学权、杨朝俊代表楚雄市人民政府签约。") == [
        ("顾平", "市级领导"),
        ("张学权", "市级领导"),
        ("杨朝俊", "市级领导"),
    ]


def test_a_leaders_phrase_after_the_names_is_copied_to_each() -> None:
    assert people("宋振华、孙春荣、鲁潜等市级领导参加。") == [
        ("宋振华", "市级领导"),
        ("孙春荣", "市级领导"),
        ("鲁潜", "市级领导"),
    ]
    assert people("王强、李明等钟楼区领导出席。") == [("王强", "钟楼区领导"), ("李明", "钟楼区领导")]


def test_a_name_with_its_own_title_keeps_it_and_other_nouns_give_none() -> None:
    got = people("钟楼区委常委、副区长韩雪琴，钟楼区委常委、统战部长钱小峰等钟楼区领导出席。")
    assert ("钱小峰", "钟楼区委常委、统战部长") in got
    assert people("张三、李四等企业负责人出席。") == [("张三", ""), ("李四", "")]
    assert people("全体领导干部参加。") == []
