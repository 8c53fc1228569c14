"""GUI test set-up: a store with known articles and fields, a window on it, throw-away settings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from storage.editing import set_field_state
from storage.importer import import_paths
from storage.models import Article
from storage.queries import get_article
from storage.store import open_store

QStandardPaths.setTestModeEnabled(True)

TEXTS = {
    "a_tuijie.txt": "景德镇推介会在深圳举办\n\n2022年1月6日，罗文军出席了景德镇高新区在深圳举办的产业推介会，"
                    "中关村智酷与曾志峰分别致辞，现场签约金额达20亿元。\n",
    "b_kaocha.html": "<html><body><h1>考察团到访内江</h1><p>市长<b>张伟</b>率考察团到内江参观新材料企业。</p>"
                     "<p>双方就航空产业合作进行了座谈。</p></body></html>",
    "c_zuotan.txt": "北京座谈会纪要\n\n李明主持召开座谈会，研究生物医药产业发展。\n",
}


def auto(value: Any, text: str, needle: str, confidence: float = 0.9) -> dict[str, Any]:
    """An automatic value record whose evidence is ``needle`` in the cleaned ``text``."""
    start = text.index(needle)
    return {"value": value, "evidence": [[start, start + len(needle)]], "rule": "test", "confidence": confidence,
            "origin": "auto"}


@dataclass
class Articles:
    ids: list[int]
    by_name: dict[str, int]


@pytest.fixture
def articles(store: Any, tmp_path: Path) -> Articles:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = import_paths(store, sorted(folder.iterdir()), workers=1)
    by_name = {name: aid for aid, name in report.imported}
    # Known field values (automatic, with evidence in the cleaned text), whatever extraction finds.
    a = get_article(store, by_name["a_tuijie.txt"])
    t = a.cleaned_text
    set_field_state(store, a.id, "people", {"edited": False, "values": [
        auto({"name": "罗文军", "title": ""}, t, "罗文军"), auto({"name": "曾志峰", "title": ""}, t, "曾志峰", 0.3)]})
    set_field_state(store, a.id, "places", {"edited": False, "values": [auto("深圳", t, "深圳")]})
    set_field_state(store, a.id, "organizations", {"edited": False, "values": []})
    title = auto("景德镇推介会在深圳举办", t, "景德镇推介会")
    set_field_state(store, a.id, "title", {"edited": False, "values": [title]})
    b = get_article(store, by_name["b_kaocha.html"])
    set_field_state(store, b.id, "people", {"edited": False, "values": [
        auto({"name": "张伟", "title": "市长"}, b.cleaned_text, "张伟")]})
    return Articles([by_name[n] for n in sorted(TEXTS)], by_name)


@pytest.fixture
def settings(tmp_path: Path) -> Any:
    from gui.settings import Settings

    s = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    s.set("reviewer", "测试员")
    return s


@pytest.fixture
def window(qtbot: Any, store: Any, settings: Any, articles: Articles) -> Iterator[Any]:
    from gui.main_window import MainWindow

    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.wait_for_jobs()


def show(qtbot: Any, window: Any, article_id: int) -> None:
    """Select an article and wait until its text and fields are on screen and its claim (written
    off the GUI thread) has been applied."""
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        window.select_article(article_id)
    window.settle_claims()


@pytest.fixture
def bob(store: Any) -> Iterator[Any]:
    """A teammate: a second connection to the same store."""
    other = open_store(store.url)
    yield other
    other.close()


def holder(store: Any, aid: int) -> str | None:
    """Who holds the claim on article ``aid`` (None: nobody)."""
    with store.session() as s:
        a = s.get(Article, aid)
        assert a is not None
        return a.claimed_by
