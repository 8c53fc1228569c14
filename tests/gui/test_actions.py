"""The action table is the one source of menus, shortcuts, the help overlay and the README's keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from gui.actions import ACTIONS, MENUS, markdown_key_table, readme_section
from gui.main_window import MainWindow
from tests.gui.conftest import show

ROOT = Path(__file__).resolve().parents[2]


def test_readme_key_table_is_the_generated_one() -> None:
    section = readme_section((ROOT / "README.md").read_text(encoding="utf-8"))
    assert section is not None, "README lost its generated key table markers"
    assert section == markdown_key_table(), "README key table is stale: run `python -m gui.actions`"


def test_table_is_consistent() -> None:
    ids = [s.id for s in ACTIONS]
    assert len(ids) == len(set(ids))
    keys = [QKeySequence(k).toString() for s in ACTIONS for k in s.keys]
    assert len(keys) == len(set(keys)), "two actions share a key"
    assert all(k for k in keys), "a key string Qt cannot read"
    menus = {m for m, _t in MENUS}
    for spec in ACTIONS:
        assert spec.menu in menus or spec.menu == ""
        assert callable(getattr(MainWindow, spec.handler, None)), spec.handler


def test_window_builds_menus_and_shortcuts_from_the_table(window: Any) -> None:
    in_menus = {a.objectName() for m in window.menus.values() for a in m.actions()}
    for spec in ACTIONS:
        act = window.commands[spec.id]
        assert [k.toString() for k in act.shortcuts()] == [QKeySequence(k).toString() for k in spec.keys]
        assert (f"action_{spec.id}" in in_menus) == bool(spec.menu)


def test_enabled_when_follows_the_window(qtbot: Any, window: Any, articles: Any) -> None:
    assert not window.commands["status_accepted"].isEnabled()  # no article shown yet
    assert not window.commands["undo"].isEnabled()
    show(qtbot, window, articles.ids[0])
    assert window.commands["status_accepted"].isEnabled()
    window.set_status("needs_work", advance=False)  # shown = claimed = already 审核中
    assert window.commands["undo"].isEnabled()
    assert window.current.id == articles.ids[0]  # "in review" does not move on


def test_help_overlay_searches_and_runs(qtbot: Any, window: Any, articles: Any) -> None:
    show(qtbot, window, articles.ids[0])
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F1)
    overlay = window.help_overlay
    assert overlay is not None and overlay.isVisible()
    assert len(overlay.visible_ids()) == len(ACTIONS)
    overlay.search.setText("下一篇")
    assert "next" in overlay.visible_ids() and "status_accepted" in overlay.visible_ids()
    assert overlay.specs[overlay.table.currentRow()].id == "next"
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        qtbot.keyClick(overlay.search, Qt.Key.Key_Return)
    assert not overlay.isVisible()
    assert window.current.id == articles.ids[1]
