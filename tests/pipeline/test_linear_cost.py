"""Issue 10 (part B): the cost of one large HTML page grows linearly with its size.

The figures come from ``python -m pipeline.bench.large_html 1 4`` (CPU seconds per MB must stay
flat); these tests pin the algorithmic causes the profile found, by counting operations rather
than timing them, so they cannot flake on a busy machine.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cleaning import containers
from pipeline.extraction.occurrences import Occurrences
from pipeline.extraction.people import find_people

_ALPHABET = "王李张强华文军王王 、。"


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=60), st.text(_ALPHABET, min_size=1, max_size=4))
def test_occurrences_equal_str_count_and_a_find_loop(text: str, s: str) -> None:
    occ = Occurrences(text, frozenset("王李张"))
    assert occ.count(s) == text.count(s)
    found, i = [], text.find(s)
    while i >= 0:
        found.append(i)
        i = text.find(s, i + len(s))
    assert occ.find_all(s) == found


class _CountingText(str):
    """A text that counts the whole-text scans made on it (``find``/``count``/``index``)."""

    scans = 0

    def find(self, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        type(self).scans += 1
        return super().find(*args, **kwargs)

    def count(self, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        type(self).scans += 1
        return super().count(*args, **kwargs)


def _scans_for(names: int) -> int:
    given_names = "强华文军明东"
    text = "".join(
        f"市长{sur}{given_names[i % 6]}{given_names[(i // 6) % 6]}出席会议。" for i, sur in
        enumerate(("王", "李", "张", "刘", "陈", "杨") * (names // 6))
    )
    _CountingText.scans = 0
    find_people(_CountingText(text))
    return _CountingText.scans


def test_people_do_not_scan_the_whole_text_per_name() -> None:
    # On main each distinct name cost a str.count and a str.find loop over the whole text: with
    # the names growing with the text, quadratic (a 20 MB page: minutes).
    assert _scans_for(24) == _scans_for(216)


def test_unclosed_markup_does_not_rescan_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # The stdlib parser rescans to the end for every construct left open at the end of the input:
    # 48 KB of '<a x="' took 7.6 s. Past a few, the page goes to the linear tag stripper.
    counted: list[int] = []
    real = containers._Collector._counted

    def counting(self: containers._Collector, end: int) -> int:
        counted.append(end)
        return real(self, end)

    monkeypatch.setattr(containers._Collector, "_counted", counting)
    step = containers.html_to_text("<p>正文</p>" + '<a x="' * 5000)
    assert "html_parse_error" in step.flags and step.text.startswith("\n正文")
    assert sum(1 for e in counted if e < 0) <= containers.MAX_UNCLOSED + 1


_TAG_REGEX = re.compile(r"<!--.*?-->|<[A-Za-z/!][^<>]*>", re.S)


@settings(max_examples=300, deadline=None)
@given(st.text("<!->ap/ \n", max_size=40))
def test_tag_stripper_equals_its_regex(text: str) -> None:
    assert containers._tag_spans(text) == [m.span() for m in _TAG_REGEX.finditer(text)]


def test_tag_stripper_matches_its_regex_in_linear_time() -> None:
    regex = _TAG_REGEX
    for text in ["a<!--b-->c<p>d</p>", "<!--x<!--y-->z", "<!--x>y<!--", "<!-- <p> -->", "<!--", "<!-->x",
                 "a<b<c>d", "<!--a-->b<!--c", "<!x<!--y>z-->"]:
        assert containers._tag_spans(text) == [m.span() for m in regex.finditer(text)], text
