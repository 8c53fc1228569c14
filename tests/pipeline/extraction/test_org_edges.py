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
