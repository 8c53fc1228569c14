"""Articles in the styles of outlets nobody tuned the rules on, with their expected values.

Each fixture in ``data/outlets/`` is a cleaned article as the cleaning stage hands it over (body
text, plus the metadata in ``metadata.json``): a 新华社 wire with a dateline, a city government's
page whose title and 来源 only live in the metadata, a Traditional-Chinese Hong Kong paper, and a
report extracted from a PDF. Together they cover the failures seen on such outlets:

1. a count before a role noun read as a person (20余家企业负责人 → "余家企业");
2. an organization's name read back across a person and a verb (王远鹤率市政府);
3. government short forms (广东省发展改革委, 招商和投资促进中心, 工商联);
4. the outlet named only in the metadata (author / 来源);
5. places inside a named expo or forum (中国—东盟博览会);
6. figures only in a front-matter title;
7. a quoted speaker without a title, and companies without a legal ending before 等多家企业.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from pipeline.extraction import extract
from pipeline.extraction.places import place_key
from pipeline.fields import FieldValue
from tests.pipeline.extraction.conftest import make_result

DATA = Path(__file__).parent / "data" / "outlets"
NAMES = ("xinhua_wire", "city_gov_page", "hk_traditional", "pdf_annual_report")


@cache
def _run(name: str) -> dict[str, list[FieldValue]]:
    meta = json.loads((DATA / "metadata.json").read_text("utf-8"))[name]
    text = (DATA / f"{name}.txt").read_text("utf-8")
    return extract(make_result(text, meta["metadata"], script=meta["script"]))


def people(name: str) -> dict[str, str]:
    return {fv.value["name"]: fv.value["title"] for fv in _run(name)["people"]}


def orgs(name: str) -> dict[str, FieldValue]:
    return {fv.value: fv for fv in _run(name)["organizations"]}


def places(name: str) -> set[str]:
    return {place_key(fv.value) for fv in _run(name)["places"]}


def yuan(name: str) -> list[object]:
    return sorted(fv.value["yuan"] for fv in _run(name)["amounts"])


def count_values(name: str) -> set[int]:
    return {fv.value["value"] for fv in _run(name)["counts"]}


def _keys(*forms: str) -> set[str]:
    return {place_key(f) for f in forms}


# -- 新华社 wire ------------------------------------------------------------------------------


def test_wire_people_and_no_person_from_a_count() -> None:
    assert people("xinhua_wire") == {
        "韦正刚": "记者",
        "郑人豪": "广东省发展改革委副主任",
        "梁凤莲": "广西壮族自治区商务厅厅长",
        "林志远": "",  # quoted, no title
    }


def test_wire_organizations_include_government_short_forms() -> None:
    found = orgs("xinhua_wire")
    assert {"新华社", "广东省发展改革委", "广西壮族自治区商务厅"} <= set(found)
    assert not [o for o in found if "郑人豪" in o or "率" in o]


def test_wire_places_inside_the_expo_name_count() -> None:
    # GOLD.md: places inside event, project, venue and document names are listed.
    got = places("xinhua_wire")
    assert got == _keys("南宁", "广西", "广东省", "中国", "东盟")


def test_wire_figures() -> None:
    assert yuan("xinhua_wire") == [32_600_000_000]
    assert {1600, 18, 3000} <= count_values("xinhua_wire")


# -- city government page ---------------------------------------------------------------------


def test_city_page_leader_leads_a_delegation_without_joining_its_name() -> None:
    got = people("city_gov_page")
    assert got["王远鹤"] == "市委副书记、市长"
    assert got["覃海燕"] == "市投资促进局局长"
    assert set(got) == {"王远鹤", "覃海燕", "蒙晓丽"}
    assert not [o for o in orgs("city_gov_page") if "王远鹤" in o or "率" in o]


def test_city_page_organizations() -> None:
    found = orgs("city_gov_page")
    assert {"比亚迪股份有限公司", "华润置地", "柳州市投资促进中心", "深圳市工商联", "广东省柳州商会"} <= set(found)
    # The 来源 line went into the metadata: the paper is listed, with no span in the body.
    paper = found["柳州日报"]
    assert paper.rule == "metadata" and paper.evidence == []


def test_city_page_editor_from_metadata() -> None:
    editor = next(fv for fv in _run("city_gov_page")["people"] if fv.value["name"] == "蒙晓丽")
    assert editor.evidence == [] and editor.rule == "metadata:editor"


def test_city_page_places_and_title_amount() -> None:
    assert places("city_gov_page") == _keys("深圳", "柳州")  # 广东 only inside 广东省柳州商会
    (amount,) = _run("city_gov_page")["amounts"]
    assert amount.value["yuan"] == 20_000_000_000 and amount.value["approximate"]
    assert amount.evidence == [] and amount.rule == "amount-pattern+title"
    assert count_values("city_gov_page") == {25}


# -- Hong Kong paper, Traditional script -------------------------------------------------------


def test_hk_people_in_simplified_with_their_titles() -> None:
    got = people("hk_traditional")
    assert set(got) == {"陈嘉欣", "吴晓晖", "陈百里", "黎伟雄"}
    assert got["陈嘉欣"] == "记者"
    assert got["吴晓晖"] == "江门市委副书记、市长"
    assert got["陈百里"] == "香港特区政府商务及经济发展局副局长"  # 及 inside a bureau name
    speaker = next(fv for fv in _run("hk_traditional")["people"] if fv.value["name"] == "黎伟雄")
    assert speaker.rule == "speaker"


def test_hk_author_paper_is_an_organization() -> None:
    found = orgs("hk_traditional")
    assert {"香港中华厂商联合会", "香港江门社团总会", "江门市委"} <= set(found)
    assert "香港会议展览中心" not in found  # a venue, never an organization (GOLD.md)
    assert found["文汇报"].rule == "metadata" and found["文汇报"].evidence == []
    assert not [o for o in found if o.startswith("本报")]


def test_hk_places_and_the_headline_amount_once() -> None:
    assert places("hk_traditional") == _keys("粤港澳大湾区", "广东省", "江门市", "香港")
    # The headline's 逾150億元 and the body's 逾150億元人民幣 state one figure in two texts: GOLD.md keeps
    # an attached 人民币 and lists amounts unique by text (as validation6's u05 gold does).
    amounts = _run("hk_traditional")["amounts"]
    assert [a.value["text"] for a in amounts] == ["逾150亿元", "逾150亿元人民币"]
    assert all(a.value["yuan"] == 15_000_000_000 and len(a.evidence) == 1 for a in amounts)
    # 30多個商會 counts associations, which the counts field leaves out (GOLD.md)
    assert {36, 200} <= count_values("hk_traditional") and 30 not in count_values("hk_traditional")


# -- report extracted from a PDF ---------------------------------------------------------------


def test_report_people_not_from_counted_roles() -> None:
    assert people("pdf_annual_report") == {"黄振华": "区投资促进局局长"}


def test_report_organizations_listed_before_deng_duojia_qiye() -> None:
    found = set(orgs("pdf_annual_report"))
    assert {"惠州仲恺高新区", "TCL华星光电", "亿纬锂能", "德赛西威", "惠州市发展改革委"} <= found


def test_report_places_and_figures() -> None:
    # 中国 and 以色列 inside the forum's name are listed (GOLD.md)
    assert places("pdf_annual_report") == _keys("惠州", "北京", "上海", "深圳", "中国", "以色列")
    assert 108_560_000_000 in yuan("pdf_annual_report")
    # 活动46次 counts events, which the counts field leaves out (GOLD.md)
    assert {126, 21} <= count_values("pdf_annual_report") and 46 not in count_values("pdf_annual_report")


# -- properties over every fixture ------------------------------------------------------------

_COUNT_WORDS = re.compile(r"[0-9０-９余多家个位]")
_GENERIC = re.compile(r"(?:企业|单位|部门|机构|负责人|代表)$")


@pytest.mark.parametrize("name", NAMES)
def test_no_person_name_is_a_count_or_a_generic_noun(name: str) -> None:
    for fv in _run(name)["people"]:
        person = fv.value["name"]
        # 家 and 余 may stand in a name, never right after a number (20余家企业).
        assert not re.search(r"\d", person), person
        assert not (_COUNT_WORDS.match(person[0]) and person[0] not in "余"), person
        assert not _GENERIC.search(person), person


@pytest.mark.parametrize("name", NAMES)
def test_values_without_evidence_name_their_source(name: str) -> None:
    for field, values in _run(name).items():
        for fv in values:
            if not fv.evidence and field not in ("title", "published_at", "source", "event_type"):
                assert fv.rule.startswith("metadata") or fv.rule.endswith(("+title", "+caption")), (field, fv)
