"""Background work from the window: drag-and-drop import, the export dialog, re-extraction, repairs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

import pipeline.process as proc
from pipeline.document import Change, CleanResult
from pipeline.fields import FieldValue
from pipeline.offsets import OffsetMap
from storage.editing import set_field_values
from storage.queries import count_articles, get_article
from tests.gui.conftest import show


def _drop(window: Any, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)


def test_import_by_drag_and_drop(qtbot: Any, window: Any, store: Any, tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "dropped"
    folder.mkdir()
    (folder / "x.txt").write_text("拖进来的文章\n\n内江市举办推介会。", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"")
    seed = sorted(seeds_dir.iterdir())[0]
    with qtbot.waitSignal(window.job_finished, timeout=60000) as sig:
        _drop(window, [folder, seed])
    assert sig.args[0] == "导入"
    report = sig.args[1]
    assert len(report.imported) == 2
    assert count_articles(store) == 5
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=5000)
    # The file that could not be read is listed in a dialog, not lost in a console.
    if report.failed:
        assert window.error_box is not None and "broken.txt" in window.error_box.detailedText()
        window.error_box.close()


def test_drop_of_non_files_is_refused(window: Any) -> None:
    mime = QMimeData()
    mime.setText("plain text")
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_export_dialog_leaves_rejected_out_unless_the_filter_asks(qtbot: Any, window: Any, articles: Any,
                                                                 tmp_path: Path) -> None:
    # On main: with no status filter every status was ticked, 已拒绝 too.
    rejected = articles.by_name["c_zuotan.txt"]
    show(qtbot, window, rejected)
    window.set_status("rejected", advance=False)
    dlg = window.open_export_dialog()
    qtbot.waitExposed(dlg)
    assert [k for k, b in dlg.status_boxes.items() if b.isChecked()] == ["new", "in_review", "accepted",
                                                                          "needs_work"]
    out = tmp_path / "out.jsonl"
    dlg.path.setText(str(out))
    with qtbot.waitSignal(window.job_finished, timeout=30000) as sig:
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert sig.args[1].count == 2
    assert rejected not in [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    # A list filtered on 已拒绝 exports what it shows.
    with qtbot.waitSignal(window.list_updated):
        window.filter_bar.set_statuses(("rejected",))
    dlg = window.open_export_dialog()
    assert [k for k, b in dlg.status_boxes.items() if b.isChecked()] == ["rejected"]
    dlg.reject()


def test_export_from_the_dialog_defaults_to_the_list_filter(qtbot: Any, window: Any, store: Any,
                                                            articles: Any, tmp_path: Path) -> None:
    accepted = articles.by_name["a_tuijie.txt"]
    show(qtbot, window, accepted)
    window.set_status("accepted", advance=False)
    with qtbot.waitSignal(window.list_updated):
        window.filter_bar.set_statuses(("accepted",))
    assert window.model.ids() == [accepted]
    dlg = window.open_export_dialog()
    qtbot.waitExposed(dlg)
    assert [k for k, b in dlg.status_boxes.items() if b.isChecked()] == ["accepted"]
    out = tmp_path / "out.jsonl"
    dlg.path.setText(str(out))
    with qtbot.waitSignal(window.job_finished, timeout=30000) as sig:
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert sig.args[1].count == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["id"] == accepted


def test_export_csv_of_everything(qtbot: Any, window: Any, tmp_path: Path) -> None:
    dlg = window.open_export_dialog()
    dlg.format.setCurrentIndex(dlg.format.findData("csv"))
    out = tmp_path / "all.csv"
    dlg.path.setText(str(out))
    assert dlg.chosen_statuses() == ("new", "in_review", "accepted", "needs_work")  # all but 已拒绝
    with qtbot.waitSignal(window.job_finished, timeout=30000):
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert out.exists() and out.read_text(encoding="utf-8").count("\n") >= 4


def test_reextraction_shows_changes_and_keeps_human_edits(qtbot: Any, window: Any, store: Any, articles: Any,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    aid = articles.by_name["c_zuotan.txt"]
    show(qtbot, window, aid)
    set_field_values(store, aid, "title", [{"value": "人工标题"}], who="ann")
    # ann's edit reaches the window through the live updates, which reload the article: wait for
    # it, or that reload's article_shown could be taken below for the re-extraction's.
    qtbot.waitUntil(lambda: window.current.fields["title"]["values"][0]["value"] == "人工标题", timeout=5000)
    places_before = get_article(store, aid).fields["places"]
    monkeypatch.setattr(proc, "extract", lambda _c: {"title": [FieldValue("机器标题")],
                                                     "places": [FieldValue("西安")]})
    with qtbot.waitSignal(window.job_finished, timeout=30000):
        window.commands["reextract_current"].trigger()
    dlg = window.reextract_dialog
    assert dlg is not None
    rows = {(r[1].field, r[2]) for r in dlg.model.rows}
    assert ("places", False) in rows and ("title", True) in rows
    assert "西安" not in str(get_article(store, aid).fields["places"])  # nothing written yet
    with qtbot.waitSignal(window.article_shown, timeout=30000):
        dlg.accept()
    view = get_article(store, aid)
    assert [v["value"] for v in view.fields["places"]["values"]] == ["西安"]
    assert view.fields["title"]["values"][0]["value"] == "人工标题"
    assert window.panel.models["places"].rowCount() == 1
    # The whole re-extraction is one undo step.
    window.act_undo.trigger()
    view = get_article(store, aid)
    assert view.fields["places"] == places_before
    assert view.fields["title"]["values"][0]["value"] == "人工标题"
    window.act_redo.trigger()
    assert [v["value"] for v in get_article(store, aid).fields["places"]["values"]] == ["西安"]


def _spin_clean(raw: str, _fmt: str, *, skip_changes: frozenset = frozenset(), learned_spin: Any = None) -> CleanResult:
    i = raw.index("淡水")
    if ("spin", i, i + 2) in skip_changes:
        return CleanResult(raw, OffsetMap.identity(len(raw)), "hans")
    text = raw[:i] + "蓝海" + raw[i + 2:]
    return CleanResult(text, OffsetMap.identity(len(raw)), "hans", flags=["spun"],
                       changes=[Change("spin", i, i + 2, i, i + 2, "淡水", "蓝海", "洗稿还原", undoable=True)])


def test_undo_a_spin_restoration(qtbot: Any, window: Any, store: Any, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(proc, "clean", _spin_clean)
    f = tmp_path / "spun.txt"
    f.write_text("开拓淡水市场。", encoding="utf-8")
    with qtbot.waitSignal(window.job_finished, timeout=30000) as sig:
        window.start_import([f])
    aid = sig.args[1].imported[0][0]
    qtbot.waitUntil(lambda: window.model.row_of(aid) >= 0, timeout=5000)
    show(qtbot, window, aid)
    window.doc.set_mode("changes")
    mark = next(m for m in window.doc.clean_pane.marks if m.undoable)
    assert window.doc.clean_pane.text[mark.start:mark.end] == "蓝海"
    window.doc.undo_change_requested.emit(mark.change)
    assert get_article(store, aid).cleaned_text == "开拓淡水市场。"
    assert window.doc.clean_pane.text == "开拓淡水市场。"
    window.act_undo.trigger()
    assert get_article(store, aid).cleaned_text == "开拓蓝海市场。"
