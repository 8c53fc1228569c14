from __future__ import annotations

from pipeline.fields import FIELD_NAMES, FieldValue, empty_fields, fields_to_json, merge_reextraction


def _field(values, edited=False):
    return {"edited": edited, "values": [{"value": v} for v in values]}


def test_fields_to_json_fills_every_field_and_keeps_one_scalar() -> None:
    out = fields_to_json(
        {"title": [FieldValue("甲"), FieldValue("乙")], "places": [FieldValue("南昌"), FieldValue("赣州")]}
    )
    assert set(out) == set(FIELD_NAMES)
    assert [v["value"] for v in out["title"]["values"]] == ["甲"]
    assert [v["value"] for v in out["places"]["values"]] == ["南昌", "赣州"]
    assert out["people"] == {"edited": False, "values": []}


def test_reextraction_replaces_untouched_fields_and_keeps_edited_ones() -> None:
    stored = empty_fields()
    stored["title"] = _field(["人工标题"], edited=True)
    stored["places"] = _field(["深圳"])
    fresh = empty_fields()
    fresh["title"] = _field(["机器标题"])
    fresh["places"] = _field(["深圳", "景德镇"])
    merged, diffs = merge_reextraction(stored, fresh)
    assert merged["title"] == stored["title"]
    assert merged["places"] == fresh["places"]
    by_field = {d.field: d for d in diffs}
    assert by_field["title"].kept_because_edited and by_field["title"].new == ["机器标题"]
    assert not by_field["places"].kept_because_edited and by_field["places"].old == ["深圳"]
    assert set(by_field) == {"title", "places"}


def test_field_value_round_trips() -> None:
    v = FieldValue({"name": "罗文军", "title": "副市长"}, [(3, 6)], "title-anchor", 0.8)
    assert FieldValue.from_json(v.to_json()) == v


def test_typed_values_keep_the_json_on_disk() -> None:
    from pipeline.fields import Amount, Count, FieldState, Person, blank_value

    assert Person("王䶮", "市长").to_json() == {"name": "王䶮", "title": "市长"}
    assert Amount("20亿元", 2_000_000_000).to_json() == {
        "text": "20亿元", "yuan": 2_000_000_000, "context": "", "approximate": False}  # fmt: skip
    assert Count("签约项目32个", 32, "项目").to_json() == {
        "text": "签约项目32个", "value": 32, "what": "项目", "approximate": False}  # fmt: skip
    for typed in (Person("李𬭚", ""), Amount("1500万美元", None, "总投资", True), Count("9家企业", 9, "企业")):
        assert type(typed).from_json(typed.to_json()) == typed
    assert FieldState().to_json() == {"edited": False, "values": []}
    assert FieldState.from_json({"edited": True, "values": [{"value": "x"}]}).edited
    assert blank_value("person", "张三") == {"name": "张三", "title": ""}
    assert blank_value("text", "标题") == "标题"
