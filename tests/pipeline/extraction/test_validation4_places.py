"""Places validation4 showed wrong: a country outside the hand list, 和 + 县, 中国大陆."""

from __future__ import annotations

from pipeline.extraction.places import find_places


def values(text: str) -> set[str]:
    return {h.value for h in find_places(text)}


def test_a_country_from_the_iso_list_is_a_place() -> None:
    assert "莫桑比克" in values("代表团访问莫桑比克，与当地企业座谈。")
    assert "纳米比亚" in values("纳米比亚客商到访园区。")


def test_a_two_character_fragment_of_another_word_is_no_country() -> None:
    assert values("推动中非合作，深化中非友谊。") == set()  # 中非 here is China–Africa


def test_and_before_a_county_body_is_no_county() -> None:
    assert "和县" not in values("副县长张三、李四和县政府办负责人出席。")


def test_the_county_written_with_its_prefecture_stays() -> None:
    assert "和县" in values("马鞍山市和县举行招商推介会。")


def test_mainland_china_is_the_longest_form_of_china() -> None:
    assert values("美国和中国大陆的贸易，影响在中国投资的企业。") == {"美国", "中国大陆"}
