"""An organization's name starts after 继 (after …): 继国家商务部后 names 国家商务部."""

from __future__ import annotations

from pipeline.extraction.organizations import find_organizations


def orgs(text: str) -> list[str]:
    return [h.value for h in find_organizations(text)]


def test_继_opens_no_name() -> None:
    assert orgs("也是继国家商务部后首个内地省份派全职商务顾问") == ["国家商务部"]


def test_继_inside_words_stays() -> None:
    # Look-alikes: 继电器 (relay) inside a firm's name; 相继 (one after another) before a name.
    assert orgs("该市继电器厂有限公司成立") == ["市继电器厂有限公司"]
    assert orgs("相继成立深圳市华为技术有限公司") == ["深圳市华为技术有限公司"]


def test_a_company_said_to_be_from_a_place_is_not_named() -> None:
    assert orgs("一成都公司就与四名本澳商人签合作协议") == []
    assert orgs("该深圳公司表示") == []


def test_a_place_and_公司_after_a_body_or_with_a_name_stays() -> None:
    # Look-alikes: a branch's name cut after its parent (…三局深圳公司), a firm's own name, 吴中集团.
    assert orgs("中建三局深圳公司负责人表示") == ["深圳公司"]
    assert orgs("成都天府公司成立") == ["成都天府公司"]
    assert orgs("吴中集团董事长出席") == ["吴中集团"]


def test_become_and_sign_end_a_name_read_leftwards() -> None:
    from pipeline.extraction.organizations import find_organizations

    text = "努力把园区建设成为现代化产业园区。两地体育产业协会共同签署沪苏浙闽宁东西部体育产业协会章程。"
    values = [h.value for h in find_organizations(text)]
    assert not any(v.startswith(("成为", "协会共同")) for v in values)
    assert "成为现代化产业园区" not in values


def test_a_name_right_after_become_is_read_whole() -> None:
    from pipeline.extraction.organizations import find_organizations

    assert [h.value for h in find_organizations("园区成为江西省商务厅联系点。")] == ["江西省商务厅"]


def test_a_closing_bracket_without_its_opening_ends_the_name() -> None:
    from pipeline.extraction.organizations import find_organizations

    values = [h.value for h in find_organizations("相信五省(区、市)体育产业协会将加强合作。")]
    assert not any(")" in v for v in values)


def test_a_bracket_pair_inside_a_name_stays() -> None:
    from pipeline.extraction.organizations import find_organizations

    values = [h.value for h in find_organizations("荣誉制罐集团(东莞)有限公司签约。")]
    assert values == ["荣誉制罐集团(东莞)有限公司"]
