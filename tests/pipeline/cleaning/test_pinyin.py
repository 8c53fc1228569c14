"""Pinyin annotations: remove real readings only; mark damage."""

from __future__ import annotations

import pytest

from pipeline.cleaning.pinyin import remove_pinyin


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("梧州零距離網(wǎng)-梧州日報(bào)訊", "梧州零距離網-梧州日報訊"),
        ("產(chǎn)業(yè)園區(qū)", "產業園區"),
        ("座談會(hui) 在我市舉行", "座談會在我市舉行"),  # toneless, with the space the tool added
        ("綠(lü)色發展", "綠色發展"),
        ("中國(zhōng guó)製造", "中國製造"),  # one annotation for two characters
    ],
)
def test_readings_removed(raw: str, expected: str) -> None:
    assert remove_pinyin(raw).text == expected


@pytest.mark.parametrize(
    "raw",
    [
        "梧州日報訊(記者 陳雨燕) 12月25日",
        "澎湃新闻(www.thepaper.cn)记者",
        "深科園(梧州)高新產業園區",
        "規劃期(2018-2019)內",
        "人工智能(AI)產業",
    ],
)
def test_real_parentheses_survive(raw: str) -> None:
    step = remove_pinyin(raw)
    assert step.text == raw
    assert not step.edits


def test_wrong_reading_is_not_removed() -> None:
    # "(hao)" is not a reading of 展, so it is not an annotation of it.
    assert remove_pinyin("發展(hao)").text == "發展(hao)"


def test_damaged_annotation_is_marked_not_guessed() -> None:
    raw = "為企業發展?fàn)I造了良好氛圍"
    step = remove_pinyin(raw)
    assert step.text == raw
    assert "pinyin_damaged" in step.flags
    (mark,) = step.marks
    assert raw[mark.start : mark.end] == "?fàn)"


def test_offsets_after_removal() -> None:
    raw = "產(chǎn)業(yè)𠀀園"
    step = remove_pinyin(raw)
    assert step.text == "產業𠀀園"
    i = step.text.index("𠀀")
    a, b = step.offsets.to_source(i, i + 1)
    assert raw[a:b] == "𠀀"


def test_step_reports_what_it_changed() -> None:
    raw = "產(chǎn)業(yè)園區(qū)"
    (rep,) = remove_pinyin(raw).repairs(raw)
    assert rep.kind == "pinyin" and rep.count == 3
    assert rep.examples[0] == ("(chǎn)", "")
