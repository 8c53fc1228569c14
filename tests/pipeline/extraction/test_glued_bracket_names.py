"""Two bylined names in brackets with nothing between them ((刘蓉万兴峰)) are two people."""

from __future__ import annotations

from pipeline.extraction.people import find_people


def test_two_names_glued_in_a_closing_bracket() -> None:
    got = sorted(p.name for p in find_people("双方将在新能源领域深化合作。(刘蓉万兴峰)\n"))
    assert got == ["万兴峰", "刘蓉"]


def test_a_bracketed_phrase_that_is_no_pair_of_names_gives_none() -> None:
    assert find_people("双方将在新能源领域深化合作。(新能源汽车)\n") == []
