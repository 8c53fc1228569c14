"""Every hint that lets a regex be skipped must hold in every string the regex matches.

The residue repairs try a pattern only where a cheap hint (a word, a colon, an anchor) occurs.
If someone adds a pattern, or a branch, that can match without its hint, that pattern silently
never fires. ``hint_covers`` proves the hint from the pattern's syntax tree; these tests run it
over every registered pattern (and the spam patterns of ``resources/``), and show on planted
gaps that it says no when a pattern can match without its hint.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.cleaning.hints import hint_covers
from pipeline.cleaning.residue import boilerplate, captions, navigation, page_info, spam

HINTED = [*navigation.HINTED, *page_info.HINTED, *spam.HINTED, *boilerplate.HINTED]


@pytest.mark.parametrize("rx,hint", HINTED, ids=[rx.pattern[:30] for rx, _ in HINTED])
def test_line_pattern_holds_its_hint(rx: re.Pattern[str], hint: re.Pattern[str]) -> None:
    assert hint_covers(rx, hint), f"{rx.pattern[:80]}… can match a line without its hint"


@pytest.mark.parametrize("pattern", spam.spam_patterns())
def test_every_spam_pattern_holds_an_anchor(pattern: str) -> None:
    assert hint_covers(pattern, spam._SPAM_ANCHOR), f"spam pattern {pattern[:60]}… can match without an anchor"


@pytest.mark.parametrize(
    "pattern,hint,expected",
    [
        (r"^ *(?:上一篇|下一篇)[:：]?$", "上一篇|下一篇", True),
        (r"^ *(?:上一篇|上一页)[^\n]{0,10}$", "上一篇|下一篇", False),  # a branch without the hint
        (r"(?:ab)?c", "ab", False),  # the hint only in an optional part
        (r"(?:ab)+c", "ab", True),
        (r"x[|｜/]y", r"\||｜|/", True),
        (r"x[^a]y", "a", False),  # a negated class proves nothing
        (r"(?:Copyright|copyright)", "opyright", True),  # the hint inside every alternative
        (r"a\d{4}b", "1", False),
    ],
)
def test_hint_covers_says_no_when_a_match_can_miss_the_hint(pattern: str, hint: str, expected: bool) -> None:
    assert hint_covers(re.compile(pattern, re.M), re.compile(hint)) is expected


@given(st.data())
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_a_proven_hint_holds_on_generated_matches(data: st.DataObject) -> None:
    # Soundness, sampled: strings generated from a covered pattern all hold the hint.
    rx, hint = data.draw(st.sampled_from(HINTED))
    s = data.draw(st.from_regex(rx, fullmatch=True))
    if rx.fullmatch(s):
        assert hint.search(s)


def test_credit_prefilter_holds() -> None:
    @settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(captions._CREDIT, fullmatch=True))
    def check(s: str) -> None:
        if "\n" not in s and captions._CREDIT.search(s):
            assert captions._maybe_credit(s), f"credit {s!r} skipped by the prefilter"

    check()
