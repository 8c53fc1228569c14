"""Property tests of the whole cleaning: idempotence and offsets on random, messy inputs."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.cleaning import clean
from pipeline.document import CleanResult

from .conftest import seed_text

_SEED_LINES = sorted(
    {ln for p in ("001", "002", "003", "004") for ln in seed_text(p).split("\n") if ln.strip()}, key=len
)[:400]

FRAGMENTS = st.one_of(
    st.sampled_from(_SEED_LINES),
    st.sampled_from(
        [
            "\r\n",
            "\n",
            "\n\n",
            " ",
            "\u3000\u3000",
            "\u00a0",
            "，",
            "。",
            "“",
            "”",
            "（",
            "）",
            "𠀀𡈽",  # outside the Basic Multilingual Plane
            "\U0001f600",
            "發展(fā)",
            "會(hui) ",
            "產業園區",
            "有著",
            "期 间 ，成 功 签 约",
            "▲ 航空小镇",
            "展开剩余85%",
            "体育游戏app平台",
            "东谈主",
            "经贸手脚",
            "中文 | EN",
            "点击率:12",
            "Discover Jiangxi",
            "143 个",
            "50\n亿元",
            "image.png",
        ]
    ),
    st.text(st.sampled_from(list("中文发展國際ab1 ，。\n")), max_size=8),
)
TEXTS = st.lists(FRAGMENTS, max_size=12).map("".join)


def _check_offsets(raw: str, r: CleanResult) -> None:
    m = r.offsets
    assert m.derived_len == len(r.text) and m.source_len == len(raw)
    last = 0
    spans = [(c.clean_start, c.clean_end) for c in r.changes]
    for i, ch in enumerate(r.text):
        a, b = m.to_source(i, i + 1)
        assert 0 <= a <= b <= len(raw)
        assert a >= last  # cleaning never reorders text
        last = a
        if ch in " \n" or raw[a:b] == ch or ch in raw[a:b]:
            continue
        # Anything else that differs from its raw span is a recorded change.
        assert any(c0 <= i < c1 for c0, c1 in spans), (ch, raw[a:b])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_offsets_on_random_text(raw: str) -> None:
    r = clean(raw, "text")
    _check_offsets(raw, r)
    for c in r.changes:
        assert 0 <= c.raw_start <= c.raw_end <= len(raw)
        assert 0 <= c.clean_start <= c.clean_end <= len(r.text)
    for cap in r.captions:
        assert cap.text.replace(" ", "") and 0 <= cap.raw_start < cap.raw_end <= len(raw)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("1 中   中 破。")  # a spaced run split by a wide gap: found whole only after the first pass
@given(TEXTS)
def test_cleaning_is_idempotent(raw: str) -> None:
    once = clean(raw, "text")
    twice = clean(once.text, "text")
    assert twice.text == once.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*_SEED_LINES, "<b>加粗</b>", "&amp;", "<br>", "\r\n"]), max_size=8))
# Found with 1,500 examples (seed 1): a photo credit above a line written twice. The first pass
# took the credit line for the story's start, so the second line was not a repeated heading; the
# credit was lifted out after, and cleaning the result again removed the repeat.
@example(
    parts=[
        "江西省商务厅党构成员、副厅长王春雷。 江西省东谈主民政府网 熊燕 摄",
        "景德镇高新区还不断强化招商推介工作，积",
        "景德镇高新区还不断强化招商推介工作，积",
    ]
)
# Found while adding in-page repetition: a short line repeated in the body was judged by its
# next line, which a later step (a caption lifted, a repeated heading removed) took away, so a
# second pass removed the line the first had kept.
@example(
    parts=[
        "音。景德镇高新区将坚持项目为王，以项目建",
        "创新改革",
        "参观内江城市规划展览馆",
        "景德镇高新区把招商引资作为经济发展的",
        "创新改革",
        "景德镇高新区把招商引资作为经济发展的",
    ]
)
@example(
    parts=[
        "千亿园区强起来",
        "心聚力干事业，一心一意谋发展。坚持把政治",
        "创新模式",
        "千亿园区强起来",
        "在招商过程中，景德镇高新区严格项目评",
        "创新模式",
        "在招商过程中，景德镇高新区严格项目评",
    ]
)
# Found after a merge: line joins made a paragraph printed twice that only a second cleaning
# removed; the page is now judged again after joining.
@example(
    parts=[
        "重大招商项目工地指标和服务质量。", "政务效能快起来", "政务效能快起来", "参观内江城市规划展览馆",
        "重大招商项目工地指标和服务质量。", "破。", "参观内江城市规划展览馆", "重大招商项目工地指标和服务质量。",
    ]
)
@example(parts=["破。", "考察内江高新区白马新材料产业园", *["心聚力干事业，一心一意谋发展。坚持把政治"] * 3])
def test_html_offsets_point_into_the_raw_markup(parts: list[str]) -> None:
    raw = "<div>" + "".join(f"<p>{p}</p>" for p in parts) + "</div>"
    r = clean(raw, "html")
    _check_offsets(raw, r)
    assert "<p>" not in r.text
    assert clean(r.text, "text").text == r.text


MARKUP = st.sampled_from(
    [
        *["<", ">", "&", ";", "#", "/", '"', "'", "=", "p", "br", "amp", "nbsp", "x27", "中", "文", " ", "\n"],
        *["<p>", "</p>", "<img src='http://a/?http://b.png' alt='图'>", "&#", "&#x", "<!--", "-->", "<![CDATA["],
        *["<script>", "</script>", "---\n", "title: x\n", ":", "- a\n", "![a](", ")", "[", "]", "**", "#", "<![a]("],
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MARKUP, max_size=30).map("".join), st.sampled_from(["html", "markdown", "text"]))
def test_broken_markup_never_raises_and_maps(raw: str, fmt: str) -> None:
    r = clean(raw, fmt)  # type: ignore[arg-type]
    _check_offsets(raw, r)
