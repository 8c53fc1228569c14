from __future__ import annotations

from collections.abc import Callable

from pipeline.document import CleanResult
from pipeline.extraction import extract
from pipeline.fields import FIELD_NAMES, FIELDS_BY_NAME


def test_contract_every_field_and_scalar_limits(result: Callable[..., CleanResult]) -> None:
    out = extract(result("2022年1月6日，市长李振品出席在深圳举行的推介会。"))
    assert set(out) == set(FIELD_NAMES)
    for name, values in out.items():
        if not FIELDS_BY_NAME[name].multiple:
            assert len(values) <= 1
        for v in values:
            assert 0.0 <= v.confidence <= 1.0 and v.rule and v.origin == "auto"


def test_evidence_points_into_the_cleaned_text(result: Callable[..., CleanResult]) -> None:
    text = "梧州日报讯(记者 陈雨燕) 12月25日,座谈会在梧州市举行。市长 李振品 主持座谈会，投资 5000 万元。"
    out = extract(result(text, {"published_at": "2023-12-26"}))
    person = next(v for v in out["people"] if v.value["name"] == "陈雨燕")
    assert all(text[a:b] == "陈雨燕" for a, b in person.evidence)
    (amount,) = out["amounts"]
    assert [text[a:b] for a, b in amount.evidence] == ["5000 万元"]
    assert amount.value["yuan"] == 50_000_000
    assert out["event_start"][0].value == "2023-12-25"
    assert [v.value for v in out["places"]] == ["梧州市"]


def test_traditional_text_gives_simplified_values(result: Callable[..., CleanResult]) -> None:
    text = "12月25日，市委書記蔣連生、深圳市產業園區發展促進會會長何景成出席座談會並講話。"
    out = extract(result(text, script="hant"))
    names = {v.value["name"]: v.value["title"] for v in out["people"]}
    assert names == {"蒋连生": "市委书记", "何景成": "深圳市产业园区发展促进会会长"}
    assert "深圳市产业园区发展促进会" in [v.value for v in out["organizations"]]
    assert out["event_type"][0].value == "座谈会"


def test_values_only_in_captions_have_no_body_evidence(result: Callable[..., CleanResult]) -> None:
    out = extract(result("推介会在深圳举行。", captions=["江西省商务厅党组成员、副厅长王春雷。"]))
    (person,) = out["people"]
    assert person.value["name"] == "王春雷" and person.evidence == [] and person.rule.endswith("+caption")


def test_metadata_title_and_date_win(result: Callable[..., CleanResult]) -> None:
    meta = {
        "title": "景德镇高新区对接大湾区产业推介会在深成功举办！",
        "published_at": "2022-01-07",
        "source": "高科技行业门户",
    }
    out = extract(result("2022年1月6日，暖阳照鹏城。", meta))
    assert out["title"][0].value == meta["title"]
    assert out["published_at"][0].value == "2022-01-07"
    assert out["source"][0].value == "高科技行业门户"


def test_headline_line_skips_navigation_and_kicker(result: Callable[..., CleanResult]) -> None:
    page = "中文 | EN\n\n科沃高新推进先进材料产业创新集聚 助力打造四川特色产业体系\n\n"
    out = extract(result(page + "发布者:科沃高新  发布时间:2018.11.19\n正文。"))
    assert out["title"][0].value.startswith("科沃高新推进")
    assert out["published_at"][0].value == "2018-11-19"
    assert out["source"][0].value == "科沃高新"
    kicker = "担当作为 实施“三年倍增”计划\n"
    out = extract(result(kicker + "景德镇高新区全力向“千亿产业园区”迈进\n作为主阵地，景德镇高新区抢抓机遇，积极作为。"))
    assert out["title"][0].value == "景德镇高新区全力向“千亿产业园区”迈进"


def test_empty_text(result: Callable[..., CleanResult]) -> None:
    out = extract(result(""))
    assert all(v == [] for v in out.values())


def test_site_name_line_is_not_a_title(result: Callable[..., CleanResult]) -> None:
    out = extract(result("江西省人民政府\n首页 > 政务动态\n南昌举办2024年招商推介会\n正文开始，内容很多。"))
    assert out["title"][0].value == "南昌举办2024年招商推介会"


def test_title_figures_the_body_never_states(result: Callable[..., CleanResult]) -> None:
    out = extract(result("推介会在南宁举行，签约项目32个。", {"title": "南宁推介会签约超200亿元 签约项目32个"}))
    (amount,) = out["amounts"]
    assert amount.value["yuan"] == 20_000_000_000 and amount.evidence == [] and amount.rule.endswith("+title")
    (count,) = out["counts"]  # stated in the body too: once, with its body span
    assert count.value["value"] == 32 and count.evidence


def test_outlet_only_in_metadata_is_an_organization(result: Callable[..., CleanResult]) -> None:
    out = extract(result("3月5日，招商推介会在南宁举行。", {"author": "广西日报"}))
    (org,) = out["organizations"]
    assert (org.value, org.rule, org.evidence) == ("广西日报", "metadata", [])
    out = extract(result("广西日报讯 3月5日，推介会在南宁举行。", {"source": "广西日报"}))
    assert [(o.value, bool(o.evidence)) for o in out["organizations"]] == [("广西日报", True)]
    assert extract(result("推介会在南宁举行。", {"author": "高科技行业门户"}))["organizations"] == []
