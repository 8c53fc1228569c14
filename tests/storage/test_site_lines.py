"""storage.site_lines: lines many articles of a site share are learned after an import and removed."""

from __future__ import annotations

from pathlib import Path

from storage.importer import import_paths
from storage.models import ArticleText
from storage.recleaning import set_skipped_changes
from storage.site_lines import candidate_keys

SLOGAN = "看家乡事 品故乡情"
STORIES = [
    "某县一季度招商引资开门红\n本报讯 今年以来，某县新签约项目二十六个，协议总投资八十五亿元。",
    "某区召开项目推进会\n本报讯 会议通报了重点项目进展，要求各单位压实责任，加快建设进度。",
    "某市举办产业对接活动\n本报讯 来自长三角的三十余家企业参加活动，现场签约项目十二个。",
    "某园区新增规上企业\n本报讯 园区今年新增规模以上工业企业九家，产值同比增长两成。",
]


def _texts(store) -> dict[str, str]:
    with store.session() as s:
        from storage.models import Article

        rows = s.query(Article.source_name, ArticleText.cleaned_text).join(
            ArticleText, ArticleText.article_id == Article.id
        )
        return {name: text for name, text in rows}


def test_a_line_every_page_of_a_site_shows_is_removed(store, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for i, story in enumerate(STORIES):
        (site / f"{i}.txt").write_text(f"{SLOGAN}\n{story}\n", encoding="utf-8")
    report = import_paths(store, [site], workers=1)
    assert len(report.imported) == 4 and len(report.site_recleaned) == 4
    texts = _texts(store)
    assert all(SLOGAN not in t for t in texts.values())
    assert all(story.split("\n")[0] in texts[f"{i}.txt"] for i, story in enumerate(STORIES))


def test_a_story_posted_three_times_keeps_its_title(store, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for i in range(3):  # the same story (a repost), and one other article
        (site / f"copy{i}.txt").write_text(f"{STORIES[0]}\n（来源：第{i}家网站）\n", encoding="utf-8")
    (site / "other.txt").write_text(STORIES[1], encoding="utf-8")
    report = import_paths(store, [site], workers=1)
    assert report.site_recleaned == []
    assert all("某县一季度招商引资开门红" in t for name, t in _texts(store).items() if name.startswith("copy"))


def test_articles_of_other_folders_are_left_alone(store, tmp_path: Path) -> None:
    for i, story in enumerate(STORIES):
        d = tmp_path / f"site{i}"
        d.mkdir()
        (d / "a.txt").write_text(f"{SLOGAN}\n{story}\n", encoding="utf-8")
    report = import_paths(store, [tmp_path], workers=1)
    assert report.site_recleaned == []
    assert all(SLOGAN in t for t in _texts(store).values())


def test_a_later_re_cleaning_removes_the_same_lines(store, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for i, story in enumerate(STORIES):
        (site / f"{i}.txt").write_text(f"{SLOGAN}\n{story}\n", encoding="utf-8")
    report = import_paths(store, [site], workers=1)
    aid = report.imported[0][0]
    with store.session() as s:
        body = s.get(ArticleText, aid)
        (change,) = [c for c in body.cleaning["changes"] if c["kind"] == "boilerplate"]
        assert change["note"] == "line shared by many articles of this site"
    # The reviewer puts the slogan back; then takes that back: the store's knowledge stays.
    set_skipped_changes(store, aid, [("boilerplate", change["raw_start"], change["raw_end"])])
    assert SLOGAN in _texts(store)[report.imported[0][1]]
    set_skipped_changes(store, aid, [])
    assert SLOGAN not in _texts(store)[report.imported[0][1]]


def test_candidate_keys_skip_prose_and_long_lines() -> None:
    assert len(candidate_keys("短标题\n这是一个完整的句子。\n" + "长" * 60)) == 1
