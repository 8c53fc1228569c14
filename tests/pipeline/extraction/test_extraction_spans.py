from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.extraction.spans import SpanIndex, strictly_inside_another

_SPAN = st.tuples(st.integers(0, 30), st.integers(1, 8)).map(lambda t: (t[0], t[0] + t[1]))


@given(spans=st.lists(_SPAN, max_size=12), q=_SPAN)
def test_covers_matches_a_linear_scan(spans: list[tuple[int, int]], q: tuple[int, int]) -> None:
    index = SpanIndex(spans)
    a, b = q
    assert index.covers(a, b) == any(s <= a and b <= e for s, e in spans)
    assert index.covers(a, b, strict=True) == any(s <= a and b <= e and (s, e) != (a, b) for s, e in spans)


@given(spans=st.lists(_SPAN, max_size=12))
def test_strictly_inside_another(spans: list[tuple[int, int]]) -> None:
    expected = {(a, b) for a, b in spans if any(s <= a and b <= e and (s, e) != (a, b) for s, e in spans)}
    assert strictly_inside_another(spans) == expected
