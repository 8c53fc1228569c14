"""Brand ad lines dropped between paragraphs are found by structure; headings and credits of a
clean article that use the same trade words stay. Fixtures written for this test, one case each."""

from __future__ import annotations

from pipeline.cleaning.residue.spam import remove_inline_residue

PARA1 = "本市今年新建了三座污水处理厂，日处理能力比去年提高了四成，周边居民反映河道明显变清。"
PARA2 = "下一步，有关部门将继续推进管网改造，力争年底前实现城区污水全收集、全处理。"


def test_a_brand_slogan_line_between_paragraphs_is_removed() -> None:
    text = f"{PARA1}\n\n星河娱乐-科技点亮生活，让娱乐更精彩。\n\n{PARA2}"
    step = remove_inline_residue(text)
    assert "星河娱乐" not in step.text
    assert PARA1 in step.text and PARA2 in step.text
    assert any(e.kind == "spam" and "星河娱乐" in e.note for e in step.edits)


def test_a_brand_download_line_with_a_domain_is_removed() -> None:
    text = f"{PARA1}\nabcbet体育 www.abcbet88.com\n{PARA2}"
    assert "abcbet" not in remove_inline_residue(text).text


def test_a_heading_sharing_its_words_with_the_story_stays() -> None:
    # 体育 recurs in the next paragraph: the line belongs to the story.
    text = (
        "全民健身中心将于下月开放，市民可凭身份证预约入场。\n"
        "健身平台-线上预约\n"
        "市体育局表示，健身平台上线后，市民可在线查看各场馆的体育设施和空闲时段。"
    )
    assert remove_inline_residue(text).text == text


def test_a_lone_brand_line_without_a_second_ad_sign_stays() -> None:
    text = f"{PARA1}\n新华体育\n{PARA2}"
    assert remove_inline_residue(text).text == text


def test_a_brand_line_at_the_edge_of_the_text_stays() -> None:
    # Not between two lines: a title or a source line, left to the other residue passes.
    text = f"星河娱乐-科技点亮生活，让娱乐更精彩。\n{PARA1}"
    assert remove_inline_residue(text).text == text
