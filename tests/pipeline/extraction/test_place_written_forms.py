"""The written forms of places GOLD.md asks for: the longest surface form (延边州, 秀山自治县, 长三角地区),
and no place from a run of one-character abbreviations (港澳)."""

from __future__ import annotations

from pipeline.extraction.places import find_places


def values(text: str) -> set[str]:
    return {p.value for p in find_places(text)}


def test_an_autonomous_prefecture_is_written_with_州() -> None:
    assert values("吉林省延边州龙井市签约，甘孜州客商到场。") == {"吉林省", "延边州", "龙井市", "甘孜州"}


def test_an_autonomous_county_keeps_its_level() -> None:
    assert values("重庆市秀山自治县考察团到访。") == {"重庆市", "秀山自治县"}
    assert values("秀山县与德江县签约。") >= {"秀山县"}


def test_a_bare_short_form_is_still_read_as_before() -> None:
    # Look-alike: without the level the short form stays the short form (延边 is no 延边州).
    assert values("吉林省延边的企业") == {"吉林省", "延边"}


def test_a_region_is_written_with_地区() -> None:
    assert values("推动长三角地区和京津冀地区协同发展") == {"长三角地区", "京津冀地区"}


def test_a_country_takes_no_地区() -> None:
    # Look-alike: 新加坡地区 is not how the gold writes Singapore; the country keeps its name.
    assert values("新加坡地区的客商") == {"新加坡"}


def test_two_one_character_abbreviations_are_no_place() -> None:
    assert values("吸引港澳企业投资") == set()
    assert values("港澳台同胞") == set()


def test_a_region_named_with_its_abbreviations_is_still_a_place() -> None:
    # Look-alike: 粤港澳大湾区 is a named region (GOLD.md), though 港澳 alone is not.
    assert values("融入粤港澳大湾区建设") == {"粤港澳大湾区"}


def test_a_country_with_a_two_character_name_is_a_place() -> None:
    assert values("签约方来自刚果、秘鲁和巴西") == {"刚果", "秘鲁", "巴西"}


def test_a_two_character_country_name_inside_other_words_is_no_place() -> None:
    # Look-alikes: the seam of two words (增加 纳税), China and Africa (中非合作), an ethnic group (朝鲜族).
    assert values("企业增加纳税额") == set()
    assert values("深化中非合作") == set()
    assert values("朝鲜族同胞") == set()


def _zone_text(text: str, zone: str) -> set[str]:
    a = text.index(zone)
    return {p.value for p in find_places(text, blocked=[(a, a + len(zone))])}


def test_a_form_inside_a_zone_name_does_not_lengthen_a_place_written_alone() -> None:
    text = "宝安区与中山市翠亨新区签约。深圳、中山两市首次联手。"
    assert _zone_text(text, "中山市翠亨新区") == {"宝安区", "中山", "深圳"}


def test_a_place_named_only_inside_a_zone_name_keeps_that_form() -> None:
    # Look-alike: with no other mention, the zone's name is where the place is written.
    assert _zone_text("中山市翠亨新区与企业签约。", "中山市翠亨新区") == {"中山市"}


def test_mainland_china_set_against_taiwan() -> None:
    assert values("在台湾主办6场、大陆举办11场") == {"台湾", "大陆"}


def test_大陆_without_the_contrast_is_no_place() -> None:
    # Look-alikes: no Taiwan, Hong Kong or Macau named; a continent (欧洲大陆) or 新大陆.
    assert values("企业开拓大陆架资源") == set()
    assert values("台湾企业发现了新大陆，又进军欧洲大陆") == {"台湾", "欧洲"}
