"""Reviewing spin repairs in the app (issue 11, item 4): accept / undo a restoration, apply a
suspect in the Changes view; confirm / reject learned pairs in the 学习词对 dialog; re-clean the
affected articles in the background. Every decision has history and is undone by Ctrl+Z.

The texts are the fixtures of ``tests/storage/test_spin_decisions.py`` (written for the tests):
spun with markers of one spinner family, so the cleaner judges them spun.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from gui.document_view import spin_suspects
from pipeline.cleaning.spin_learning import LearnedPair
from pipeline.cleaning.spinning import FORCE_KIND
from storage.importer import import_paths
from storage.queries import get_article
from storage.recleaning import skipped_changes
from storage.reextract import reextract
from storage.spin_pairs import list_pairs, pair_history, record_pairs, status_of
from tests.storage.test_spin_decisions import A, B


@pytest.fixture
def spun(store: Any, tmp_path: Path) -> dict[str, int]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("a.txt", A), ("b.txt", B)):
        (folder / name).write_text(text, encoding="utf-8")
    report = import_paths(store, sorted(folder.iterdir()), workers=1)
    return {name: aid for aid, name in report.imported}


@pytest.fixture
def win(qtbot: Any, store: Any, settings: Any, spun: dict[str, int]) -> Iterator[Any]:
    from gui.main_window import MainWindow

    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.wait_for_jobs()


def _show(qtbot: Any, w: Any, aid: int) -> None:
    with qtbot.waitSignal(w.article_shown, timeout=5000):
        w.select_article(aid)
    w.doc.set_mode("changes")


def _change(w: Any, before: str) -> int:
    clean = w.doc.clean
    return next(i for i, c in enumerate(clean.changes) if c.kind == "spin" and c.before == before)


def _reclean(qtbot: Any, w: Any) -> None:
    dlg = w.open_spin_pairs()
    with qtbot.waitSignal(w.job_finished, timeout=20000,
                          check_params_cb=lambda title, _r: title == "重新整理受影响的文章"):
        assert dlg.start_reclean() is not None


def test_undo_a_restoration_rejects_its_pair_and_reaches_other_articles(qtbot: Any, win: Any, store: Any,
                                                                        spun: dict[str, int]) -> None:
    a, b = spun["a.txt"], spun["b.txt"]
    _show(qtbot, win, a)
    i = _change(win, "先容")
    menu = [label for label, _fire in win.doc.repair_actions(_mark_for_change(win, i))]
    assert menu == ["接受此还原「先容→介绍」（确认词对）", "撤销此修复（否决词对）"]
    ch = win.doc.clean.changes[i]
    win.undo_repair(i)
    assert status_of(store, "先容", "介绍") == "rejected"
    assert skipped_changes(store, a) == [("spin", ch.raw_start, ch.raw_end)]
    # This place only: the article's other 先容 change at its next re-cleaning.
    assert get_article(store, a).cleaned_text.startswith("记者先容，这个人在会上介绍")
    (h,) = pair_history(store, "先容", "介绍")
    assert (h.old_status, h.new_status, h.who, h.article_id) == (None, "rejected", "测试员", a)
    assert win.editor.stack.count() == 1  # the re-cleaning and the verdict: one step

    # Another article, re-cleaned: 先容 is no longer restored there either.
    assert "介绍" in get_article(store, b).cleaned_text
    _reclean(qtbot, win)
    assert "介绍" not in get_article(store, b).cleaned_text and "先容" in get_article(store, b).cleaned_text

    # Ctrl+Z undoes the re-cleaning's field changes first (if any), then the decision and the skip.
    while win.editor.stack.canUndo():
        win.editor.stack.undo()
    assert status_of(store, "先容", "介绍") is None and skipped_changes(store, a) == []
    assert get_article(store, a).cleaned_text.startswith("记者介绍")
    win.editor.stack.redo()
    assert status_of(store, "先容", "介绍") == "rejected" and skipped_changes(store, a)


def _mark_for_change(w: Any, i: int) -> Any:
    return next(m for m in w.doc.clean_pane.marks if m.change == i)


def test_accept_a_restoration_confirms_its_pair(qtbot: Any, win: Any, store: Any, spun: dict[str, int]) -> None:
    a = spun["a.txt"]
    _show(qtbot, win, a)
    text = get_article(store, a).cleaned_text
    win.accept_repair(_change(win, "东谈主"))
    assert status_of(store, "东谈主", "人") == "confirmed"
    assert get_article(store, a).cleaned_text == text  # accepting changes no text
    win.act_undo.trigger()
    assert status_of(store, "东谈主", "人") is None
    win.act_redo.trigger()
    assert status_of(store, "东谈主", "人") == "confirmed"
    assert [h.new_status for h in pair_history(store, "东谈主", "人")] == ["confirmed", None, "confirmed"]


def test_apply_a_suspect_restores_it_here_and_survives_reclean(qtbot: Any, win: Any, store: Any,
                                                               spun: dict[str, int]) -> None:
    a = spun["a.txt"]
    _show(qtbot, win, a)
    suspects = spin_suspects(win.doc.clean)
    assert suspects
    sus = suspects[0]
    spun_form, original = sus.pair
    marks = [m for m in win.doc.clean_pane.marks if m.suspect == 0]
    assert marks and marks[0].start == sus.clean_start
    (label, _fire), = win.doc.repair_actions(marks[0])
    assert label == f"在本文还原「{spun_form}→{original}」（并确认词对）"
    before = get_article(store, a).cleaned_text
    win.apply_suspect(0)
    after = get_article(store, a)
    assert after.cleaned_text.count(spun_form) == before.count(spun_form) - 1
    assert (FORCE_KIND, sus.raw_start, sus.raw_end) in skipped_changes(store, a)
    assert status_of(store, spun_form, original) == "confirmed"
    # The open article shows it; a store-wide re-cleaning keeps it.
    assert win.doc.article.cleaned_text == after.cleaned_text
    reextract(store)
    again = get_article(store, a).cleaned_text
    assert again.count(spun_form) < before.count(spun_form)
    # Undo: the suspect is back and the pair is out of the table. The re-cleaning moved the
    # article on meanwhile: the reviewer is asked and reloads (as they would in the dialog).
    asked: list[str] = []
    win.editor.ask_retry = lambda msg: asked.append(msg) or True
    win.act_undo.trigger()
    assert asked
    assert get_article(store, a).cleaned_text == before and status_of(store, spun_form, original) is None


def test_dialog_confirms_and_rejects_from_the_keyboard(qtbot: Any, win: Any, store: Any,
                                                       spun: dict[str, int]) -> None:
    b = spun["b.txt"]
    record_pairs(store, [LearnedPair("结构", "组织", 3, [b]), LearnedPair("大会", "会议", 2, [b]),
                         LearnedPair("点赞", "称赞", 1, [b])])
    with qtbot.waitSignal(win.job_finished, timeout=10000):
        dlg = win.open_spin_pairs()
    assert dlg.proxy.rowCount() == 3 and dlg.filter.currentText() == "待审"
    model = dlg.model
    assert [model.data(model.index(0, c)) for c in range(5)] == ["结构", "组织", "3", "1", "待审"]
    assert model.data(model.index(0, 5)) and "【结构】" in model.data(model.index(0, 5))
    dlg.table.setFocus()
    dlg.table.selectRow(0)
    qtbot.keyClick(dlg.table, Qt.Key.Key_Y)
    assert status_of(store, "结构", "组织") == "confirmed"
    assert dlg.proxy.rowCount() == 2  # left the 待审 filter; the next row is selected
    assert len(dlg.selected_lines()) == 1 and dlg.selected_lines()[0].pair.spun == "大会"
    dlg.table.selectAll()
    qtbot.keyClick(dlg.table, Qt.Key.Key_N)
    assert status_of(store, "大会", "会议") == status_of(store, "点赞", "称赞") == "rejected"
    assert dlg.proxy.rowCount() == 0
    qtbot.keyClick(dlg.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # both, one step
    assert status_of(store, "大会", "会议") == status_of(store, "点赞", "称赞") == "pending"
    assert dlg.proxy.rowCount() == 2
    dlg.filter.setCurrentIndex(0)
    assert dlg.proxy.rowCount() == 3
    row = next(r for r in range(3) if model.line(r).pair.spun == "结构")
    assert model.data(model.index(row, 6)).startswith("测试员")
    assert {r.status for r in list_pairs(store)} == {"confirmed", "pending"}

    # The confirmed pair restores in B once the affected articles are re-cleaned; B is open.
    _show(qtbot, win, b)
    assert "加强结构协调" in win.doc.article.cleaned_text
    assert dlg.reclean_button.isEnabled()
    with qtbot.waitSignal(win.article_shown, timeout=20000):
        _reclean(qtbot, win)
    assert "加强组织协调" in win.doc.article.cleaned_text
    assert not dlg.reclean_button.isEnabled() and dlg.progress.isHidden()


def test_reclean_can_be_cancelled(qtbot: Any, win: Any, store: Any, spun: dict[str, int]) -> None:
    dlg = win.open_spin_pairs()
    win.wait_for_jobs()
    qtbot.waitUntil(lambda: not win.jobs)
    dlg.decided = {("结构", "组织")}
    job = dlg.start_reclean()
    assert job is not None and dlg.cancel_button.isVisible()
    dlg.cancel_reclean()
    assert job.cancelled
    qtbot.waitUntil(lambda: dlg.job is None, timeout=20000)
    assert dlg.cancel_button.isHidden()


def test_harvest_opens_the_dialog_on_the_new_pairs(qtbot: Any, win: Any, store: Any, tmp_path: Path) -> None:
    from tests.pipeline.cleaning.test_spin_learning import ORIGINAL, SPUN

    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "o.txt").write_text(ORIGINAL, encoding="utf-8")
    (folder / "s.txt").write_text(SPUN, encoding="utf-8")
    import_paths(store, sorted(folder.iterdir()), workers=1)
    with qtbot.waitSignal(win.job_finished, timeout=30000, check_params_cb=lambda t, _r: t == "收集洗稿词对"):
        win.commands["harvest_spin"].trigger()
    qtbot.waitUntil(lambda: win.spin_dialog is not None and win.spin_dialog.filter.currentText() == "本次新收集",
                    timeout=10000)
    dlg = win.spin_dialog
    shown = {dlg._key_at(r) for r in range(dlg.proxy.rowCount())}
    assert ("都市", "城市") in shown and len(shown) == len(list_pairs(store))
