"""Done-when scenario of issue 14: five seeds reviewed from the keyboard alone, then exported.

From a fresh store with the seeds, only key presses (no method calls on the window): accept two,
reject one, mark one "needs work", correct one title and one person's title, delete one wrong
place, add one organization from a selection (found with the search and F3), undo and redo the
last three steps, quit with Ctrl+Q. Then ``curator export`` must show exactly those results.

Chinese text is typed as key events carrying the text, as an input method delivers it (QTest
can only spell ASCII). Under the suite's offscreen platform the test runs here, and once more
in a child pytest under Xvfb (a real X server) when ``xvfb-run`` is installed.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from gui.cli import main as curator
from storage.importer import import_paths
from storage.queries import get_article

NO = Qt.KeyboardModifier.NoModifier
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)
K = Qt.Key
NEW_ORG = "行政服务中心"  # in seed 5's text ("建立了行政服务中心"), not among its organizations
NEW_PERSON_TITLE = "江西省商务厅副厅长"


def export(db_url: str, out: Path) -> dict[int, dict[str, Any]]:
    assert curator(["--db", db_url, "export", "--format", "jsonl", "--out", str(out)]) == 0
    return {rec["id"]: rec for rec in map(json.loads, out.read_text(encoding="utf-8").splitlines())}


class Keys:
    """Key presses to whichever widget has the focus, as a keyboard would send them."""

    def __init__(self, qtbot: Any, window: Any) -> None:
        self.qtbot, self.window = qtbot, window

    def target(self) -> Any:
        return QApplication.focusWidget() or self.window

    def __call__(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.target(), key, modifier)
            # A person's keys come one event-loop turn apart: queued work (a cell editor's commit
            # on Enter) runs before the next key, as it would at the keyboard.
            QApplication.processEvents()

    def type(self, text: str) -> None:
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(self.target(), QKeyEvent(kind, 0, NO, ch))

    def shown(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO) -> None:
        """Press a key that brings an article on screen, and wait for it."""
        with self.qtbot.waitSignal(self.window.article_shown, timeout=10000):
            self(key, modifier)

    def listed(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO) -> None:
        """Press a key that re-filters the list, and wait for the list."""
        with self.qtbot.waitSignal(self.window.list_updated, timeout=10000):
            self(key, modifier)


@pytest.mark.skipif(os.environ.get("CURATOR_XVFB_CHILD") == "1", reason="this is the Xvfb child run")
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_the_scenario_under_xvfb(tmp_path: Path) -> None:
    """The same scenario in a child pytest on a real X server (xcb), as a reviewer would run it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "CURATOR_XVFB_CHILD": "1"}
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, "-m", "pytest", "-q", "-x",
           "-p", "no:cacheprovider", f"{__file__}::test_review_five_seeds_from_the_keyboard"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout


def test_review_five_seeds_from_the_keyboard(qtbot: Any, tmp_path: Path, db_url: str, store: Any,
                                              settings: Any, seeds_dir: Path) -> None:
    from gui.main_window import MainWindow

    report = import_paths(store, [seeds_dir], workers=1)
    ids = sorted(aid for aid, _name in report.imported)
    assert len(ids) == 5
    before = export(db_url, tmp_path / "before.jsonl")
    first_title = before[ids[0]]["title"]
    assert first_title.endswith("！")
    person = before[ids[1]]["people"][0]
    places = before[ids[2]]["places"]
    wrong_place = "江苏" if "江苏" in places else places[-1]
    assert NEW_ORG not in before[ids[4]]["organizations"]

    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)  # keys go to the active window only
    window.wait_for_jobs()
    keys = Keys(qtbot, window)

    keys.shown(K.Key_1, ALT)  # the list, at its first article
    assert window.current.id == ids[0]

    # 1: correct the title (drop the trailing "！"), back to the list, accept.
    keys(K.Key_T, ALT)
    keys(K.Key_End)
    keys(K.Key_Backspace)
    keys(K.Key_Return)
    assert get_article(store, ids[0]).fields["title"]["values"][0]["value"] == first_title[:-1]
    keys(K.Key_Escape)
    assert QApplication.focusWidget() is window.table
    keys.shown(K.Key_A)
    assert window.current.id == ids[1]

    # 2: correct the first person's title in place (F2 on the 职务 cell), needs work.
    keys(K.Key_P, ALT)
    keys(K.Key_Right)
    keys(K.Key_F2)
    keys(K.Key_A, CTRL)
    keys.type(NEW_PERSON_TITLE)
    keys(K.Key_Return)
    assert get_article(store, ids[1]).fields["people"]["values"][0]["value"]["title"] == NEW_PERSON_TITLE
    keys(K.Key_Escape)
    keys.shown(K.Key_W)

    # 3: delete a wrong place, accept.
    keys(K.Key_L, ALT)
    keys(K.Key_Down, times=places.index(wrong_place))
    keys(K.Key_Delete)
    assert wrong_place not in [r["value"] for r in get_article(store, ids[2]).fields["places"]["values"]]
    keys(K.Key_Escape)
    keys.shown(K.Key_A)

    # 4: reject.
    keys.shown(K.Key_R)
    assert window.current.id == ids[4]

    # 5: find the organization with the search, F3 selects it in the text, Shift+O adds it;
    # a second Shift+O is refused (already listed).
    keys(K.Key_F, CTRL)
    keys.type(NEW_ORG)
    keys.listed(K.Key_Return)
    assert window.current.id == ids[4] and window.model.ids() == [ids[4]]
    keys(K.Key_F3)
    assert window.doc.selection() is not None and window.doc.selection()[2] == NEW_ORG
    keys(K.Key_O, SHIFT)
    orgs = [r["value"] for r in get_article(store, ids[4]).fields["organizations"]["values"]]
    assert orgs.count(NEW_ORG) == 1
    keys(K.Key_F3)  # the same text once more: refused
    keys(K.Key_O, SHIFT)
    assert "已有" in window.statusBar().currentMessage()
    assert [r["value"] for r in get_article(store, ids[4]).fields["organizations"]["values"]] == orgs
    keys(K.Key_F, CTRL)  # clear the search: the whole list again
    keys(K.Key_Delete)
    keys.listed(K.Key_Return)
    assert window.model.rowCount() == 5
    keys(K.Key_1, ALT)

    # Undo the last three steps (the organization, the rejection, the acceptance of 3) ...
    keys(K.Key_Z, CTRL)
    assert NEW_ORG not in [r["value"] for r in get_article(store, ids[4]).fields["organizations"]["values"]]
    keys.shown(K.Key_Z, CTRL)
    assert get_article(store, ids[3]).status == "in_review"
    keys.shown(K.Key_Z, CTRL)
    assert get_article(store, ids[2]).status == "in_review"
    assert len(window.table.selectionModel().selectedRows()) == 1
    # ... and redo them.
    for _ in range(3):
        keys(K.Key_Z, CTRL | SHIFT)
    assert get_article(store, ids[2]).status == "accepted"
    assert get_article(store, ids[3]).status == "rejected"
    window.wait_for_jobs()
    keys(K.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)

    after = export(db_url, tmp_path / "after.jsonl")
    expected = copy.deepcopy(before)
    expected[ids[0]].update(status="accepted", title=first_title[:-1])
    expected[ids[1]]["status"] = "needs_work"
    expected[ids[1]]["people"][0]["title"] = NEW_PERSON_TITLE
    expected[ids[2]].update(status="accepted", places=[p for p in places if p != wrong_place])
    expected[ids[3]]["status"] = "rejected"
    expected[ids[4]]["status"] = "in_review"  # opened for review = claimed (the claim goes on close)
    expected[ids[4]]["organizations"] = [*before[ids[4]]["organizations"], NEW_ORG]
    edited = {ids[0]: ["title"], ids[1]: ["people"], ids[2]: ["places"], ids[3]: [], ids[4]: ["organizations"]}
    for aid in ids:
        got, want = after[aid], expected[aid]
        assert sorted(got["edited_fields"]) == edited[aid], aid
        for key in want:
            if key not in ("evidence", "edited_fields"):
                assert got[key] == want[key], (aid, key)
    assert person["name"] == after[ids[1]]["people"][0]["name"]
