"""The headline: one owner (extraction), chosen by general features; site affixes stripped."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.cleaning import clean
from pipeline.document import CleanResult
from pipeline.extraction import extract
from pipeline.extraction.title import find_title, strip_site_affixes

BODY = "3月5日，某市在南宁举行产业合作推介会，现场签约项目12个。"


def _title(text: str, *metas: str) -> str | None:
    found = find_title(text, metas)
    return found.text if found else None


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("南宁推介会签约项目12个-新华网", "南宁推介会签约项目12个"),
        ("南宁推介会签约项目12个_要闻_南宁新闻网", "南宁推介会签约项目12个"),
        ("南宁推介会签约项目12个 | Example News", "南宁推介会签约项目12个"),
        ("南宁推介会签约项目12个 - www.example.com.cn", "南宁推介会签约项目12个"),
        ("――南宁推介会签约项目12个", "南宁推介会签约项目12个"),
        ("人民网 - 南宁推介会签约项目12个", "南宁推介会签约项目12个"),
        # a dash inside the headline is not a site separator
        ("奋进新征程——南宁推介会签约项目12个", "奋进新征程——南宁推介会签约项目12个"),
        ("南宁推介会签约项目12个", "南宁推介会签约项目12个"),
    ],
)
def test_site_affixes_and_leading_dashes_are_stripped(raw: str, want: str) -> None:
    assert strip_site_affixes(raw) == want


def test_epaper_navigation_above_the_headline_is_skipped() -> None:
    page = f"第A01版:要闻 下一版\n当前报章2024年03月05日\n南宁推介会签约项目12个\n{BODY}"
    assert _title(page) == "南宁推介会签约项目12个"


def test_image_button_logo_and_app_menu_are_not_headlines() -> None:
    page = f"放大图片\nlogo_news.png\n首页 新闻 视频 APP下载\n南宁推介会签约项目12个\n{BODY}"
    assert _title(page) == "南宁推介会签约项目12个"


def test_a_byline_is_not_a_headline() -> None:
    page = f"□本报记者 张三 通讯员 李四\n{BODY}"
    assert _title(page) is None


def test_the_deck_under_the_headline_is_not_chosen() -> None:
    page = f"南宁推介会签约项目12个\n总投资超过八十亿元\n【本报讯】{BODY}"
    assert _title(page) == "南宁推介会签约项目12个"


def test_a_kicker_above_yields_to_the_longer_headline() -> None:
    page = f"担当作为 再谱新篇\n南宁产业合作推介会签约项目12个总投资80亿元\n{BODY}"
    assert _title(page) == "南宁产业合作推介会签约项目12个总投资80亿元"


def test_html_title_confirms_a_body_line_and_loses_its_suffix() -> None:
    page = f"社会新闻\n南宁推介会签约项目12个\n{BODY}"
    assert _title(page, "南宁推介会签约项目12个-南宁新闻网") == "南宁推介会签约项目12个"
    # with no headline line in the body, the <title> (suffix stripped) is the headline
    assert _title(BODY, "南宁推介会签约项目12个-南宁新闻网") == "南宁推介会签约项目12个"


def test_no_headline_gives_none() -> None:
    assert _title(BODY) is None


def test_cleaning_proposes_no_title_and_extraction_owns_it(result: Callable[..., CleanResult]) -> None:
    cleaned = clean(f"南宁推介会签约项目12个\n{BODY}", "text")
    assert "title" not in cleaned.metadata
    out = extract(cleaned)
    (title,) = out["title"]
    assert title.value == "南宁推介会签约项目12个" and title.evidence == [(0, 12)]


def test_a_decorated_copy_of_the_headline_loses_to_the_plain_line() -> None:
    page = (
        "南宁推介会签约项目12个 要闻-南宁站 张三 2502649\n您当前的位置:首页 > 要闻\n"
        f"南宁推介会签约项目12个\n2024-03-05 14:33 | 来源: 南宁新闻网\n{BODY}"
    )
    assert _title(page) == "南宁推介会签约项目12个"
