"""GramStarts must list exactly the positions the per-character scan it replaces lists."""

from __future__ import annotations

import random

import pytest

from pipeline.scan import GramStarts


def slow(text: str, keys: set[str], n: int) -> list[int]:
    return [i for i in range(len(text) - n + 1) if text[i : i + n] in keys]


@pytest.mark.parametrize("n", [1, 2, 3])
def test_positions_equal_the_per_character_scan(n: int) -> None:
    rng = random.Random(n)
    alphabet = [*"一世时期抗战短今现代化ab", "😀", "𠀀", "\ud800", "\n"]
    keys = {"".join(rng.choice(alphabet) for _ in range(n)) for _ in range(40)}
    finder = GramStarts(keys | {"x" * (n + 1)}, n)  # keys of another length are ignored
    for length in [0, 1, 2, 3, 5, 50, 500]:
        text = "".join(rng.choice(alphabet) for _ in range(length))
        assert finder.starts(text) == slow(text, keys, n)


def test_overlapping_and_edge_positions() -> None:
    finder = GramStarts({"aaa", "今世化"}, 3)
    assert finder.starts("aaaa今世化") == [0, 1, 4]
    assert finder.starts("今世") == []
    assert GramStarts([], 2).starts("今世化") == []
