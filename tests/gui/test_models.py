"""Every item model, checked with qtmodeltester; plus the list's collated sort and lazy cache."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from gui.article_table import ArticleTableModel, ordered_ids
from gui.field_model import FieldValuesModel
from gui.history_dialog import HistoryModel
from gui.reextract_dialog import ReextractModel
from pipeline.fields import FIELDS_BY_NAME, FieldRefresh
from storage.editing import set_field_values, set_status
from storage.queries import field_history
from storage.records import ReextractReport
from storage.search import ArticleFilter


def test_article_table_model(qtmodeltester: Any, store: Any, articles: Any) -> None:
    model = ArticleTableModel(store)
    model.reload()
    assert model.rowCount() == 3
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_article_table_refreshes_one_row(qtbot: Any, store: Any, articles: Any) -> None:
    model = ArticleTableModel(store)
    model.reload()
    aid = model.article_id(1)
    assert model.index(1, 0).data() == "新"
    set_status(store, aid, "accepted")
    assert model.index(1, 0).data() == "新"  # cached until told
    with qtbot.waitSignal(model.dataChanged):
        model.refresh_ids([aid])
    assert model.index(1, 0).data() == "已通过"


def test_title_sort_uses_chinese_collation(store: Any, articles: Any) -> None:
    names = {"a_tuijie.txt": "张家界", "b_kaocha.html": "阿坝", "c_zuotan.txt": "北京"}
    for name, title in names.items():
        set_field_values(store, articles.by_name[name], "title", [{"value": title}])
    ids = ordered_ids(store, ArticleFilter(), "title", False)
    # Pinyin order (a, b, z), not code-point order (北 < 张 < 阿).
    assert ids == [articles.by_name[n] for n in ("b_kaocha.html", "c_zuotan.txt", "a_tuijie.txt")]
    assert ordered_ids(store, ArticleFilter(), "title", True) == list(reversed(ids))
    assert ordered_ids(store, ArticleFilter(statuses=("accepted",)), "title", False) == []


def test_field_values_model(qtmodeltester: Any, qtbot: Any) -> None:
    model = FieldValuesModel(FIELDS_BY_NAME["amounts"])
    model.set_records([
        {"value": {"text": "20亿元", "yuan": 2e9, "context": "签约", "approximate": False},
         "evidence": [[3, 7]], "rule": "r", "confidence": 0.4, "origin": "auto"},
        {"value": {"text": "5000万", "yuan": 5e7, "context": "", "approximate": True},
         "evidence": [], "rule": "", "confidence": 1.0, "origin": "human"},
    ])
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 1).data() == "2,000,000,000"
    assert model.index(0, 3).data() == "自动" and model.index(1, 3).data() == "人工"
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert not model.setData(model.index(0, 1), "很多")  # not a number
    with qtbot.waitSignal(model.values_edited) as sig:
        assert model.setData(model.index(0, 1), "2,100,000,000")
    field, state = sig.args
    assert field == "amounts" and state["edited"] is True
    assert state["values"][0]["value"]["yuan"] == 2.1e9
    assert state["values"][0]["origin"] == "human" and state["values"][0]["evidence"] == [[3, 7]]
    assert not model.flags(model.index(0, 4)) & Qt.ItemFlag.ItemIsEditable


def test_history_model(qtmodeltester: Any, store: Any, articles: Any) -> None:
    aid = articles.ids[0]
    set_field_values(store, aid, "people", [{"value": {"name": "王五", "title": "主任"}}], who="ann")
    set_status(store, aid, "accepted", who="bob")
    model = HistoryModel()
    model.set_entries(field_history(store, aid))
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 1).data() == "bob" and model.index(0, 4).data() == "已通过"
    assert model.index(1, 4).data() == "王五 · 主任"


def test_reextract_model(qtmodeltester: Any) -> None:
    report = ReextractReport(articles=2, changed={1: [FieldRefresh("places", ["内江"], ["内江", "成都"], False)]},
                             kept={2: [FieldRefresh("title", ["人工标题"], ["机器标题"], True)]})
    model = ReextractModel(report)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2
    assert model.index(0, 3).data() == "内江；成都"
    assert model.index(1, 4).data() == "保留人工修改"
