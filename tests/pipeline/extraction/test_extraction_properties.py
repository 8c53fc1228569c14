"""Properties that hold for any input: evidence stays inside the text and names what it claims."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.document import Caption, CleanResult
from pipeline.extraction import extract
from pipeline.extraction.normalize import fold, make_view
from pipeline.offsets import OffsetMap

_PIECES = st.sampled_from(
    ["市委书记", "副市长", "张三", "罗文军", "、", "，", "。", " ", "\n", "景德镇", "深圳市", "有限公司",
     "高新区", "管委会", "12", "3.5", "亿元", "万元", "家企业", "个项目", "12月25日", "—", "4月3日", "記者",
     "蔣連生", "（", "）", "出席", "等多家企业", "近", "约", "超", "十一届"]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=_TEXTS, caption=_TEXTS)
def test_evidence_is_inside_the_text_and_matches_people(text: str, caption: str) -> None:
    result = CleanResult(text, OffsetMap.identity(len(text)), "mixed", captions=[Caption(caption, 0, 0)])
    out = extract(result)
    for values in out.values():
        for v in values:
            assert 0.0 <= v.confidence <= 1.0
            for a, b in v.evidence:
                assert 0 <= a < b <= len(text)
    for v in out["people"]:
        for a, b in v.evidence:
            assert "".join(fold(text[a:b]).split()) == v.value["name"]


@given(text=_TEXTS)
def test_view_maps_every_character_back(text: str) -> None:
    view = make_view(text)
    for i, ch in enumerate(view.text):
        a, b = view.to_source(i, i + 1)
        assert b == a + 1 and fold(text[a]) == ch
