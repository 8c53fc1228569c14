"""县府 / 市府, Taiwan's short forms of a county or city government."""

from __future__ import annotations

from pipeline.extraction.organizations import find_organizations


def orgs(text: str) -> set[str]:
    return {h.value for h in find_organizations(text)}


def test_a_placed_short_government_is_an_organization() -> None:
    assert orgs("彰化县府表示将协助厂商。") == {"彰化县府"}


def test_a_bare_short_government_in_a_title_is_not() -> None:
    assert orgs("县府秘书长王某出席。") == set()


def test_the_short_form_beside_the_full_one_is_listed_once() -> None:
    assert orgs("彰化县政府主办，彰化县府表示欢迎。") == {"彰化县政府"}
