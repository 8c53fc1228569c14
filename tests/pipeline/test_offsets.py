"""Offset maps: apply_edits, lookups both ways, and composition (Hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.offsets import BLOCK, POSITIONAL, Edit, OffsetMap, apply_edits

ALPHABET = st.sampled_from([*list("ab中文國𠀀，。\r\n "), "😀", "\u3000"])
texts = st.text(ALPHABET, max_size=40)


@st.composite
def text_and_edits(draw: st.DrawFn, text: str | None = None) -> tuple[str, list[Edit]]:
    if text is None:
        text = draw(texts)
    edits: list[Edit] = []
    pos = 0
    while pos <= len(text):
        if not draw(st.booleans()):
            pos += draw(st.integers(1, 4))
            continue
        start = pos
        end = min(len(text), start + draw(st.integers(0, 3)))
        repl = draw(st.text(ALPHABET, max_size=3))
        edits.append(Edit(start, end, repl))
        pos = end + 1
    return text, edits


@given(text_and_edits())
def test_apply_edits_text_and_positional_map(te: tuple[str, list[Edit]]) -> None:
    text, edits = te
    new, m = apply_edits(text, edits)
    # The result is the naive application of the edits.
    expected, pos = [], 0
    for e in edits:
        expected.append(text[pos : e.start] + e.replacement)
        pos = e.end
    expected.append(text[pos:])
    assert new == "".join(expected)
    assert m.derived_len == len(new) and m.source_len == len(text)
    covered = 0
    for seg in m.segments:
        assert seg.c0 == covered  # segments cover the derived text without gaps
        covered = seg.c1
        if seg.kind == POSITIONAL and seg.s1 - seg.s0 == seg.c1 - seg.c0:
            # Copied text maps character by character (also for non-BMP characters and \r\n).
            for k in range(seg.c1 - seg.c0):
                a, b = m.to_source(seg.c0 + k, seg.c0 + k + 1)
                assert b - a == 1
    assert covered == len(new)


@given(text_and_edits())
def test_untouched_characters_round_trip(te: tuple[str, list[Edit]]) -> None:
    text, edits = te
    new, m = apply_edits(text, edits)
    touched = [(e.start, e.end) for e in edits]
    for i, ch in enumerate(text):
        if any(a <= i < b for a, b in touched) or any(a == b == i for a, b in touched):
            continue
        d0, d1 = m.to_derived(i, i + 1)
        assert new[d0:d1] == ch
        assert m.to_source(d0, d1) == (i, i + 1)


@given(text_and_edits())
def test_spans_are_monotone_and_in_bounds(te: tuple[str, list[Edit]]) -> None:
    text, edits = te
    new, m = apply_edits(text, edits)
    last = 0
    for i in range(len(new)):
        a, b = m.to_source(i, i + 1)
        assert 0 <= a <= b <= len(text)
        assert a >= last
        last = a
    for i in range(len(text) + 1):
        for j in range(i, min(len(text), i + 3) + 1):
            d0, d1 = m.to_derived(i, j)
            assert 0 <= d0 <= d1 <= len(new)


@settings(max_examples=200)
@given(st.data())
def test_compose_equals_chaining(data: st.DataObject) -> None:
    a_text, e1 = data.draw(text_and_edits())
    b_text, m_ab = apply_edits(a_text, e1)
    _, e2 = data.draw(text_and_edits(b_text))
    c_text, m_bc = apply_edits(b_text, e2)
    m_ac = m_ab.compose(m_bc)
    assert m_ac.derived_len == len(c_text) and m_ac.source_len == len(a_text)
    for i in range(len(c_text)):
        b0, b1 = m_bc.to_source(i, i + 1)
        assert m_ac.to_source(i, i + 1) == m_ab.to_source(b0, b1)
    # A longer span runs from its first character's source start to its last one's source end
    # (where an insertion sits next to deleted text, chaining and composing may place the
    # boundary on either side of the deletion, so spans are checked through their characters).
    for i in range(len(c_text) - 1):
        first = m_ac.to_source(i, i + 1)
        last = m_ac.to_source(i + 1, i + 2)
        assert m_ac.to_source(i, i + 2) == (first[0], max(first[0], last[1]))


@given(text_and_edits())
def test_compose_with_identity_is_neutral(te: tuple[str, list[Edit]]) -> None:
    text, edits = te
    new, m = apply_edits(text, edits)
    assert OffsetMap.identity(len(text)).compose(m) == m
    assert m.compose(OffsetMap.identity(len(new))) == m


@given(text_and_edits())
def test_json_round_trip(te: tuple[str, list[Edit]]) -> None:
    text, edits = te
    _, m = apply_edits(text, edits)
    assert OffsetMap.from_json(m.to_json()) == m


def test_block_replacement_maps_whole_span() -> None:
    new, m = apply_edits("经贸手脚周", [Edit(2, 4, "活动了")])
    assert new == "经贸活动了周"
    assert any(s.kind == BLOCK for s in m.segments)
    assert m.to_source(2, 3) == (2, 4)
    assert m.to_derived(2, 3) == (2, 5)
    assert m.to_derived(4, 5) == (5, 6)


@st.composite
def spans_in(draw: st.DrawFn, length: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(draw(st.integers(0, 12))):
        a = draw(st.integers(0, length))
        out.append((a, draw(st.integers(a, length))))
    return out


@settings(max_examples=300)
@given(text_and_edits(), st.data())
def test_batch_mapping_equals_one_span_at_a_time(te: tuple[str, list[Edit]], data: st.DataObject) -> None:
    # The batch forms inline the common cases; they must agree with the general lookups everywhere.
    text, edits = te
    new, m = apply_edits(text, edits)
    source_spans = data.draw(spans_in(len(text)))
    derived_spans = data.draw(spans_in(len(new)))
    assert m.to_derived_many(source_spans) == [m.to_derived(a, b) for a, b in source_spans]
    assert m.to_source_many(derived_spans) == [m.to_source(a, b) for a, b in derived_spans]
