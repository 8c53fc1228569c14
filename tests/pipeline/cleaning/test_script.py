"""Script detection and OpenCC conversion: the config choice is checked on a word list."""

from __future__ import annotations

import opencc

from pipeline.cleaning import clean
from pipeline.cleaning.script import CONFIG, convert, detect_script, to_simplified

# Traditional words whose correct Simplified form plain t2s gets wrong on mainland news.
WORDS = {"有著": "有着", "著力": "着力", "接著": "接着", "隨著": "随着", "意味著": "意味着"}
# ...while these must keep 著.
KEEP = {"著名": "著名", "著作": "著作", "顯著": "显著", "名著": "名著"}


def test_plain_t2s_leaves_zhe_words_and_tw2s_fixes_them() -> None:
    t2s = opencc.OpenCC("t2s")
    assert any(t2s.convert(w) != s for w, s in WORDS.items())  # the reason for the config choice
    assert CONFIG == "tw2s"
    for word, simp in {**WORDS, **KEEP}.items():
        assert convert(word) == simp, word


def test_fast_converter_matches_opencc_tw2s() -> None:
    ref = opencc.OpenCC("tw2s")
    text = (
        "梧州市—深圳市產業園區發展促進會有著共同發展目標，著力把產業這個關鍵支撐做強做優。乾隆年間一目瞭然，頭髮理髮。"
    )
    assert convert(text) == ref.convert(text)


def test_detection() -> None:
    assert detect_script("梧州市委、市政府堅持產業優先發展，聚焦工業振興") == "hant"
    assert detect_script("梧州市委、市政府坚持产业优先发展，聚焦工业振兴") == "hans"
    assert detect_script("梧州市委、市政府坚持产业优先发展，聚焦工業振興，堅持發展") == "mixed"
    # Two stray Traditional characters in a Simplified article do not make it Traditional.
    assert detect_script("乾隆年间的著名建筑，发展很快。") == "hans"


def test_simplified_text_is_not_converted() -> None:
    text = "他们有著名的品牌，乾隆年间的建筑。"
    step = to_simplified(text)
    assert step.text == text and not step.edits


def test_mixed_text_converted_and_offsets_positional() -> None:
    raw = "坚持产业优先发展，聚焦工業振興，堅持發展，𠀀有著目標"
    r = clean(raw, "text")
    assert r.script == "mixed" and "mixed_script" in r.flags
    assert r.text == "坚持产业优先发展，聚焦工业振兴，坚持发展，𠀀有着目标"
    i = r.text.index("振兴")
    a, b = r.offsets.to_source(i, i + 2)
    assert raw[a:b] == "振興"


def test_traditional_paragraph_inside_simplified_article() -> None:
    simp = "江西省商务厅发布消息，今年以来全省签约项目持续增长，招商引资取得新突破。" * 5
    raw = f"{simp}\n香港貿易發展局總裁表示，歡迎內地企業赴港發展。\n{simp}"
    r = clean(raw, "text")
    assert "香港贸易发展局总裁表示，欢迎内地企业赴港发展。" in r.text
    assert r.script == "mixed" and "mixed_script" in r.flags
    # The Simplified paragraphs are untouched.
    assert r.text.startswith(simp)
    assert [c.kind for c in r.changes] == ["script"]
