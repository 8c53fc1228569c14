"""KeyFinder tries its regex only at candidate starts and must find what finditer finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cleaning.base import key_finder, literal_alternation

CHARS = st.sampled_from(list("手脚遑急先容活动重要介绍，。 a"))
keys = st.lists(st.text(CHARS, min_size=1, max_size=4), min_size=1, max_size=8)


@settings(max_examples=300)
@given(keys, st.text(CHARS, max_size=60))
def test_same_matches_as_finditer(words: list[str], text: str) -> None:
    rx = literal_alternation(words)
    finder = key_finder(words)
    assert rx is not None and finder is not None
    expected = [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]
    assert [(m.start(), m.end(), m.group()) for m in finder.finditer(text)] == expected


def test_no_keys_no_finder() -> None:
    assert key_finder([]) is None
