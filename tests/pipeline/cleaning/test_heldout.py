"""Cleaning facts on the held-out articles (tests/gold/heldout/raw), written apart from the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cleaning import clean
from pipeline.document import CleanResult

RAW = Path(__file__).resolve().parents[3] / "tests" / "gold" / "heldout" / "raw"


def _clean(name: str) -> CleanResult:
    path = RAW / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"held-out article {name} not present")
    return clean(path.read_text(encoding="utf-8"), "text")


def test_h01_page_info_and_credit() -> None:
    r = _clean("h01_hunan_shenzhen")
    assert "来源" not in r.text and "浏览次数" not in r.text and "责任编辑" not in r.text
    assert r.metadata["click_count"] == 1287 and r.metadata["published_at"] == "2023-06-15"
    assert r.metadata["author"] == "王晓东" and r.metadata["editor"] == "周敏"


def test_h02_traditional_outlet_dateline() -> None:
    r = _clean("h02_guangxi_trad")
    assert r.script == "hant"
    assert "广西—粤港澳大湾区产业合作对接会在港举行" in r.text and "香港贸易发展局" in r.text
    assert r.metadata["source"] == "大公报" and r.metadata["author"] == "黄惠玲"


def test_h03_navigation_image_name_and_caption() -> None:
    r = _clean("h03_anhui_visit")
    assert r.text.startswith("芜湖经开区考察团赴苏州工业园区学习考察\n4月9日至11日")
    assert "English" not in r.text and "首页" not in r.text and ".jpg" not in r.text and "阅读量" not in r.text
    assert [c.text for c in r.captions] == ["考察团在昆山国显光电有限公司参观生产线"]
    assert r.metadata["source"] == "芜湖经济技术开发区管委会" and r.metadata["published_at"] == "2024-04-12"


def test_h04_pdf_headline_kept_apart_and_lines_joined() -> None:
    r = _clean("h04_pdf_report")
    lines = r.text.split("\n")
    assert lines[0] == "赣州经开区：打造千亿级新能源汽车产业集群"
    assert lines[1].startswith("2023年，赣州经开区坚持把招商引资作为“一号工程”，全年共引进项目68个")
    assert "先后赴深圳、东莞、佛山等地开展小分队招商23次。" in r.text


def test_h05_spun_repost() -> None:
    r = _clean("h05_spun_repost")
    assert "spun" in r.flags
    assert "贵州省委副书记、省长李炳军" in r.text and "经贸活动周" in r.text and "澎湃新闻记者" in r.text
    for gone in ("体育游戏app平台", "张开剩余", "遑急", "先容", "默示", "抓续"):
        assert gone not in r.text, gone
    assert r.metadata["source"] == "澎湃新闻"
