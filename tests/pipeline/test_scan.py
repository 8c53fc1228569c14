"""The scan helpers give exactly ``finditer``'s matches, only faster."""

from __future__ import annotations

import random
import re

import pytest

from pipeline import scan
from pipeline.extraction import amounts, dates, organizations, people


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def _texts(alphabet: str, n: int = 400, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40))) for _ in range(n)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (re.compile(r"(?:ab|c*)d"), "[acd]"),
        (re.compile(r"(?<!x)y|z+"), "[yz]"),
        (re.compile(r"\d+|\s"), r"[\d\s]"),
        (re.compile(r"a?"), None),  # may match the empty string
        (re.compile(r"[^a]b"), None),  # a negated class
        (re.compile(r".b"), None),
    ],
)
def test_first_chars(pattern: re.Pattern[str], expected: str | None) -> None:
    assert scan.first_chars(pattern) == expected


def test_first_char_set_only_for_plain_characters() -> None:
    assert scan.first_char_set(re.compile(r"部门|[创更]新区|会场")) == frozenset("部创更会")
    assert scan.first_char_set(re.compile(r"\d|a")) is None


@pytest.mark.parametrize(
    "pattern",
    [organizations.BOUNDARY, people._SPEAKER, people._HEAD_BOUNDARY, organizations._ORGANIZER],
)
def test_starting_with_matches_finditer(pattern: re.Pattern[str]) -> None:
    find = scan.starting_with(pattern)
    alphabet = "由在和与为率同向的是主办承博览会论坛”」据，、 12三个家公司江西省中华作成有"
    for text in _texts(alphabet):
        assert _spans(find(text)) == _spans(list(pattern.finditer(text))), text


@pytest.mark.parametrize(
    ("find", "pattern", "alphabet"),
    [
        (dates._find_date_matches, dates._DATE, "2023年12月5日号-./一十二三0 9至"),
        (amounts._find_amounts, amounts._AMOUNT, "1.5亿万元人民币美港约超近签多余 三十块钱"),
        (amounts._find_bare, amounts._BARE, "12.5亿万千多余超约投资人吨元,"),
        (amounts._find_counts, amounts._COUNT, "3二十个家位名人次约超共多余万第"),
    ],
)
def test_anchored_matches_finditer(find: scan.Finditer, pattern: re.Pattern[str], alphabet: str) -> None:
    for text in _texts(alphabet, n=800):
        assert _spans(find(text)) == _spans(list(pattern.finditer(text))), text
