from __future__ import annotations

from pipeline.extraction.lexicons import alternation, short_form
from pipeline.extraction.organizations import find_organizations, organization_form
from pipeline.extraction.places import find_places, place_key


def places(text: str, blocked: list[tuple[int, int]] | None = None) -> set[str]:
    return {p.canonical for p in find_places(text, blocked)}


def orgs(text: str) -> set[str]:
    return {h.value for h in find_organizations(text)}


def test_short_forms() -> None:
    assert short_form("景德镇市") == "景德镇"
    assert short_form("广西壮族自治区") == "广西"
    assert short_form("恩施土家族苗族自治州") == "恩施"
    assert short_form("黔东南苗族侗族自治州") == "黔东南"


def test_place_names_full_and_short_deduplicated() -> None:
    got = places("景德镇与深圳的商缘颇深，景德镇市唯一的国家级园区，对接粤港澳大湾区和长三角。")
    assert got == {"景德镇市", "深圳市", "粤港澳大湾区", "长三角"}
    assert place_key("景德镇") == place_key("景德镇市") == "景德镇市"


def test_county_short_form_needs_its_parent() -> None:
    assert "双流区" in places("考察成都市双流区怡心湖，双流考察交流现场")
    assert places("双流考察交流现场") == set()


def test_common_words_are_not_places() -> None:
    assert places("培育再生资源产业，惠民福利，新建标准厂房，千年英雄苏东坡") == set()
    assert places("已成为中国西部新兴城市") == {"中国"}


def test_places_only_inside_an_org_name_are_not_listed() -> None:
    text = "江西省商务厅副厅长介绍"
    assert places(text, [(0, 6)]) == set()
    assert places("江西省商务厅表示，江西将", [(0, 6)]) == {"江西省"}


def test_org_endings_and_heads() -> None:
    got = orgs("由江西景德镇高新区管委会主办，中关村智酷承办。深圳的兆驰股份有限公司与香港贸易发展局合作。")
    assert {"江西景德镇高新区管委会", "中关村智酷", "兆驰股份有限公司", "香港贸易发展局"} <= got


def test_generic_bodies_are_not_organizations() -> None:
    got = orgs("梧州市委、市政府高度重视。引进15家新材料上市公司，建设合作园区，江西省国家级园区争先。")
    assert got == {"梧州市委"}


def test_company_lists_before_deng_qiye() -> None:
    got = orgs("会中中国南方航空集团、深圳市东部通用航空、深圳市格瑞普电池等多家企业先后展示。")
    assert got == {"中国南方航空集团", "深圳市东部通用航空", "深圳市格瑞普电池"}


def test_each_body_once_under_its_longest_name() -> None:
    got = orgs("江西景德镇高新区管委会主办。景德镇高新区管委会副主任曾志峰说。")
    assert "江西景德镇高新区管委会" in got and "景德镇高新区管委会" not in got


def test_departments_and_ministries() -> None:
    got = orgs("江西省工业和信息化厅、江西省文化和旅游厅联合发布，科技部备案。官方文旅部门参加。")
    assert got == {"江西省工业和信息化厅", "江西省文化和旅游厅", "科技部"}


def test_zones_and_parks() -> None:
    got = orgs("赣江新区党工委专职副书记。产业园位于赣江新区中医药科创城创新示范基地。")
    assert {"赣江新区党工委", "赣江新区中医药科创城创新示范基地"} <= got
    assert "研发创新区" not in orgs("提供一流的研发创新区、公共实验检测区")


def test_trie_alternation_prefers_longest() -> None:
    import re

    pat = re.compile(alternation(["市长", "副市长", "市", "市委书记", "书记"]))
    assert [m.group(0) for m in pat.finditer("副市长市委书记市长书记")] == ["副市长", "市委书记", "市长", "书记"]


def test_known_bodies_once_under_the_longest_written_form() -> None:
    got = orgs("大会由工业和信息化部、江西省人民政府共同主办。工信部副部长出席。中新网报道。")
    assert got == {"工业和信息化部", "江西省人民政府", "中新网"}
    assert orgs("中国新闻网讯 据中新网报道") == {"中国新闻网"}


def test_branches_sub_bodies_and_listed_brands() -> None:
    got = orgs("中国国际贸易促进委员会江西省分会会长出席。比亚迪、宁德时代、华为等龙头企业负责人参加。")
    assert got == {"中国国际贸易促进委员会江西省分会", "比亚迪", "宁德时代", "华为"}
    assert orgs("10月17日川粤经贸合作推介会之分会，航空产业大会分会场") == set()


def test_place_form_at_the_seam_of_two_words() -> None:
    assert places("坚持幸福建设，推广西部经验") == set()
    assert places("与福建合作，赴广西考察") == {"福建省", "广西壮族自治区"}


def test_organization_head_stops_at_leading_verbs_and_person_names() -> None:
    assert orgs("市长王远鹤率市政府代表团赴深圳开展招商。") == set()
    text = "市长王远鹤广州市政府代表团到访。"
    a = text.index("王远鹤")
    assert {h.value for h in find_organizations(text, person_spans=[(a, a + 3)])} == {"广州市政府"}
    assert orgs("大同市政府与同方股份有限公司签约，万向集团参加。") == {"大同市政府", "同方股份有限公司", "万向集团"}


def test_government_short_forms() -> None:
    got = orgs("广东省发展改革委、重庆市经信委、江苏省工信厅、广州市招商和投资促进中心、成都市投资促进局、"
               "广东省人大常委会、广东省政协、浙江省工商联、芜湖经开区参加。")  # fmt: skip
    assert got == {"广东省发展改革委", "重庆市经信委", "江苏省工信厅", "广州市招商和投资促进中心", "成都市投资促进局",
                   "广东省人大常委会", "广东省政协", "浙江省工商联", "芜湖经开区"}  # fmt: skip


def test_companies_listed_before_deng_qiye() -> None:
    assert orgs("甲乙科技、丙丁智能和戊己新材等多家企业签约。") == {"甲乙科技", "丙丁智能", "戊己新材"}
    assert orgs("活动吸引了宁德时代等多家企业参加。") == {"宁德时代"}
    assert orgs("活动吸引了深圳等多家企业和龙头企业等多家企业参加。") == set()


def test_outlet_forms() -> None:
    assert organization_form("梧州日报") == "梧州日报"
    assert organization_form("大公报") == "大公报"
    assert organization_form("中新网") == "中国新闻网"
    assert organization_form("高科技行业门户") is None
    assert organization_form("张三") is None


def test_places_inside_expo_names_count() -> None:
    # GOLD.md: places inside event names are listed (they were left out before).
    from pipeline.extraction import extract
    from tests.pipeline.extraction.conftest import make_result

    out = extract(make_result("第二十届中国—东盟博览会在南宁开幕。"))
    assert {place_key(v.value) for v in out["places"]} == {place_key(p) for p in ("中国", "东盟", "南宁市")}


def test_place_a_zone_is_named_after_counts() -> None:
    text = "芜湖经开区考察团赴苏州工业园区考察。"
    blocked = [(text.index("芜湖经开区"), text.index("芜湖经开区") + 5), (text.index("苏州"), text.index("苏州") + 6)]
    assert places(text, blocked) == {"芜湖市", "苏州市"}
    text = "由江西景德镇高新区管委会主办。"
    assert places(text, [(1, 12)]) == {"景德镇市"}  # 江西 is not what the zone is named after


# -- general mechanisms instead of per-case entries (fixtures written here) -----------------------


def _orgs(text: str) -> set[str]:
    from pipeline.extraction.organizations import find_organizations

    return {h.value for h in find_organizations(text)}


def test_lianhe_is_a_verb_only_between_bodies_or_before_a_verb() -> None:
    assert "市工信局" in _orgs("市商务局联合市工信局举办推介会。")
    assert "联合利华公司" in _orgs("联合利华公司在当地投资建厂。")


def test_a_bureau_is_named_by_its_place() -> None:
    assert "香港贸易发展局" in _orgs("会见了香港贸易发展局代表。")
    assert not any("布局" in o for o in _orgs("景德镇高新区积极谋划布局新兴产业。"))


def test_a_verb_or_a_date_before_a_body_is_not_its_name() -> None:
    assert "永冠能源材料股份有限公司" in _orgs("将拜会永冠能源材料股份有限公司泰国厂。")
    assert "财政部" in _orgs("高雄市府21日获财政部颁发奖项。")


def test_venues_and_hotels_are_not_organizations() -> None:
    assert not _orgs("推介会在深圳福田香格里拉大酒店举行，会后参观南宁国际会展中心。")


def test_taiwan_subdivisions_are_places() -> None:
    from pipeline.extraction.places import find_places

    assert {p.value for p in find_places("嘉义县政府在苗栗县、台东县推介。", [])} >= {"苗栗县", "台东县"}


def test_a_promotion_meeting_is_no_chamber_of_commerce() -> None:
    assert not _orgs("长乐专场招商会开幕，企业家出席招商会。")


def test_a_listed_item_with_a_generic_head_is_no_body() -> None:
    assert _orgs("大型国企、跨国公司等企业代表参加推介会。") == set()


def _extract_orgs(text: str, meta: dict[str, object] | None = None) -> set[str]:
    from pipeline.extraction import extract
    from tests.pipeline.extraction.conftest import make_result

    return {v.value for v in extract(make_result(text, meta))["organizations"]}


def test_the_body_before_a_company_or_newsroom_title_is_an_organization() -> None:
    got = _extract_orgs("重点拜访了中美典当董事长杜政道、长衡科技执行长张肇元。(大纪元记者李怡欣报导)")
    assert {"中美典当", "长衡科技", "大纪元"} <= got
    got = _extract_orgs("大河报·大河客户端记者 郑松波 报道。(日照报业全媒体记者 孙向阳)")
    assert {"大河报", "大河客户端", "日照报业"} <= got


def test_a_source_line_naming_two_outlets_gives_both() -> None:
    got = _extract_orgs("上犹县开展招商月活动。", {"source": "中国赣州网-赣南日报"})
    assert {"中国赣州网", "赣南日报"} <= got


def test_new_endings_of_associations_and_offices() -> None:
    assert "台湾区电机电子工业同业公会" in _orgs("与台湾区电机电子工业同业公会签署备忘录。")
    assert "眉山市台办" in _orgs("中国台湾网、眉山市台办联合报道。")


def test_an_ending_that_closes_a_place_gives_way_to_the_next() -> None:
    assert "商丘市梁园区委" in _orgs("商丘市梁园区委书记薛凤林带队赴上海招商。")


def test_directional_macro_regions_are_not_places() -> None:
    assert places("推动东部地区与中西部地区产业合作，对接长三角。") == {"长三角"}


def test_industries_listed_before_deng_qiye_are_not_companies() -> None:
    assert _orgs("邀请了长三角地区精细化工、智能装备制造等157家知名企业代表。") == set()


def test_a_production_base_is_a_facility_not_a_body() -> None:
    got = _orgs("绿色甲醇生产基地、景德镇中关村智酷科技成果转化基地先后落户。")
    assert "景德镇中关村智酷科技成果转化基地" in got and not any("生产基地" in o for o in got)
