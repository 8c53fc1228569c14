"""A name opening a paragraph, taken up by 他/她 in the next sentence, is a person with no title."""

from __future__ import annotations

from pipeline.extraction.people import find_people


def people(text: str) -> dict[str, str]:
    return {h.name: h.title for h in find_people(text)}


def test_a_subject_taken_up_by_he() -> None:
    text = "大会开幕。\n马兴瑞代表省委、省政府在开幕式上致辞。他表示,广东按照党中央决策部署推进。"
    assert people(text) == {"马兴瑞": ""}
    text = "标题\n李希对大家来广州参会参展表示欢迎。他说,广东正深入学习。"
    assert people(text) == {"李希": ""}


def test_a_subject_not_taken_up_is_not_enough() -> None:
    # Look-alikes: no pronoun takes the subject up; a body opening the paragraph (林业部门).
    assert people("标题\n王强在会上发言。会议指出，要加快发展。") == {}
    assert people("标题\n林业部门对此表示欢迎。他说，将加快推进。") == {}


def test_a_subject_after_a_full_stop_and_a_space() -> None:
    text = "在拓展合作中实现高质量发展。 马兴瑞代表省委、省政府在开幕式上致辞。他表示,广东按照部署推进。"
    assert people(text) == {"马兴瑞": ""}
