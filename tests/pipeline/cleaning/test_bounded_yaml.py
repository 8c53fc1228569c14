from __future__ import annotations

import pytest

from pipeline.cleaning import bounded_yaml


def test_plain_front_matter_loads_as_yaml_does() -> None:
    data, problem = bounded_yaml.load("title: 标题\ndate: 2024-01-02 10:00:00 +08:00\ntags: [a, b]\nx: &a [1]\ny: *a")
    assert problem is None
    assert data == {"title": "标题", "date": "2024-01-02 10:00:00 +08:00", "tags": ["a", "b"], "x": ["1"], "y": ["1"]}


@pytest.mark.parametrize(("block", "why"), [
    ("a: &a [*a]", "nested deeper"),  # an alias cycle
    ("a: " + "[" * 40 + "]" * 40, "nested deeper"),
    ("a: &a [x]\nb: [" + ", ".join(["*a"] * 101) + "]", "aliases"),
    ("a: " + "長" * 300_000, "expands to more"),
    ("a: &a ['" + "x" * 1000 + "']\nb: &b [" + ", ".join(["*a"] * 50) + "]\nc: [" + ", ".join(["*b"] * 50) + "]",
     "expands to more"),
])
def test_over_a_bound_is_refused_without_expanding(block: str, why: str) -> None:
    data, problem = bounded_yaml.load(block)
    assert data is None and problem is not None and why in problem
