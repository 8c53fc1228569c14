"""Organization forms from the registration rules and the general mechanisms the validation2 misses
showed (each text is written here, one phenomenon per test)."""

from __future__ import annotations

from pipeline.extraction.organizations import find_organizations
from pipeline.extraction.places import find_places


def orgs(text: str) -> set[str]:
    return {h.value for h in find_organizations(text)}


def places(text: str) -> set[str]:
    return {p.value for p in find_places(text)}


def test_registration_forms_are_endings() -> None:
    assert orgs("与台湾工商建设研究会座谈。") == {"台湾工商建设研究会"}
    assert orgs("参观内湖科技园区。") == {"内湖科技园区"}
    assert orgs("规划了林口工五扩大工业区。") == {"林口工五扩大工业区"}
    assert orgs("中央人民广播电台记者报道。") == {"中央人民广播电台"}


def test_a_federation_after_a_chamber_is_one_name() -> None:
    # 联合 after 商会 is part of the ending 联合总会 here, not the verb "jointly".
    assert orgs("与亚洲台湾商会联合总会签署合作备忘录。") == {"亚洲台湾商会联合总会"}


def test_a_meeting_word_inside_a_name_is_no_boundary() -> None:
    assert orgs("鲁台经贸洽谈会办公室及企业主管") == {"鲁台经贸洽谈会办公室"}


def test_an_ending_that_closes_a_role_word_names_no_body() -> None:
    assert orgs("亚总会长陈五福表示，协助台商会员投资。") == set()


def test_a_division_body_needs_its_division() -> None:
    assert orgs("会议现场\n市委书记朱汉桥作重要讲话") == set()
    assert orgs("中共潜江市委、潜江市人民政府") == {"中共潜江市委", "潜江市人民政府"}
    assert orgs("前进区委书记于世军") == {"前进区委"}


def test_a_bare_level_department_inside_a_title_is_not_listed() -> None:
    assert orgs("省经贸委副主任林仙元主持发布会。") == set()
    assert orgs("市招商局与企业签约。") == {"市招商局"}


def test_one_body_under_two_place_forms_is_listed_once() -> None:
    assert orgs("亳州市委副书记汪一光，亳州市市委副书记。") == {"亳州市市委"}


def test_a_stray_word_read_into_a_head_is_folded() -> None:
    assert orgs("到台元科技园区招商。邱县长肯定台元科技园区。") == {"台元科技园区"}


def test_two_bodies_written_together_are_split_at_the_place() -> None:
    assert orgs("吴中集团江苏中元控股集团有限公司负责人发言") == {"吴中集团", "江苏中元控股集团有限公司"}


def test_a_network_figure_of_speech_is_not_a_site() -> None:
    assert "桃园市政府两大连结网" not in orgs("透过亚总与桃园市政府两大连结网，扩大影响。")


def test_a_count_adjective_ends_a_head() -> None:
    assert orgs("马稠后三大工业区") == set()


def test_a_place_across_two_words_is_no_place() -> None:
    assert places("工商建设研究会理事长廖万隆") == set()  # 会理 is the seam of 研究会 and 理事
    assert places("邱县长肯定园区") == set()  # a surname before 县长

def test_national_bodies_named_before_the_2018_reform_are_organizations() -> None:
    # Departments and bureaus of the State Council as listed before the 2018 reform, with 总局/总署.
    text = "出席的还有国土资源部、国家人口计生委、海关总署、质检总局、国家旅游局、全国妇联、国家开发银行等领导。"
    got = {h.value for h in find_organizations(text)}
    assert {"国土资源部", "国家人口计生委", "海关总署", "质检总局", "国家旅游局", "全国妇联", "国家开发银行"} <= got


def test_a_short_form_shared_with_a_county_names_the_prefecture() -> None:
    # 中山 is 中山市 (a prefecture) as well as 中山区 of 大连; 西安 is 西安市 as well as 西安区 of 辽源.
    # The county's short form counts only beside its parent; the prefecture's counts alone.
    assert {h.value for h in find_places("先后到深圳、中山、南宁等地考察。")} == {"深圳", "中山", "南宁"}
    assert {h.value for h in find_places("签约仪式在西安举行。")} == {"西安"}


def test_a_special_administrative_region_is_also_written_as_tequ() -> None:
    got = {h.value for h in find_places("香港特区行政长官曾荫权会见了访问团，双方在香港签约。")}
    assert got == {"香港特区"}


def test_the_pan_pearl_river_delta_is_one_region_not_the_delta() -> None:
    got = {h.value for h in find_places("第七届泛珠三角区域合作与发展论坛在南昌开幕。")}
    assert got == {"泛珠三角区域", "南昌"}


def test_a_short_form_names_the_county_whose_full_name_the_text_writes() -> None:
    # 大连's 中山区 named in full: 投资中山 is that district, not 中山市 in Guangdong.
    got = {h.value for h in find_places("中山区招商大使聘任仪式举行，欢迎企业投资中山、落户中山。")}
    assert got == {"中山区"}


def test_taiwan_counties_merged_in_2010_are_places() -> None:
    got = {h.value for h in find_places("台北县长率团访港，推介台北县投资环境。")}
    assert got == {"台北县"}


def test_a_short_form_shared_by_two_prefectures_keeps_its_usual_reading() -> None:
    got = {h.value for h in find_places("新竹县很愿意合作，新竹是台湾高科技的摇篮。")}
    assert {"新竹县", "新竹"} <= got


def test_a_government_written_with_and_without_renmin_is_one_body() -> None:
    from pipeline.extraction.organizations import find_organizations

    text = "东兴市人民政府与广西路建集团签约。东兴市政府表示，上海市松江区人民政府与上海松江区政府是同一机关。"
    values = [h.value for h in find_organizations(text)]
    assert "东兴市政府" not in values and "东兴市人民政府" in values
    assert "上海松江区政府" not in values and "上海市松江区人民政府" in values


def test_two_governments_of_different_places_stay_two() -> None:
    from pipeline.extraction.organizations import find_organizations

    values = [h.value for h in find_organizations("东兴市人民政府与防城港市政府签约。")]
    assert values == ["东兴市人民政府", "防城港市政府"]
