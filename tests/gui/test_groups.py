"""Near-duplicate groups in the window: the group column, showing the other members, choosing the
canonical member and comparing two members side by side."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gui.article_table import COLUMNS
from gui.group_diff import diff_spans
from storage.importer import import_paths
from tests.gui.conftest import show

FIXTURES = Path(__file__).parents[1] / "fixtures" / "dedup"


def _story(tmp_path: Path, seeds_dir: Path) -> list[Path]:
    folder = tmp_path / "story"
    folder.mkdir()
    for name in ("original", "edited"):
        (folder / f"{name}.txt").write_text((FIXTURES / f"{name}.txt").read_text("utf-8"), "utf-8")
    seed = next(seeds_dir.glob("001_*.txt")).read_text("utf-8")
    (folder / "repost.txt").write_text("\n".join(seed.split("\n")[:5]) + "\n", "utf-8")
    return sorted(folder.iterdir())


def test_group_column_members_canonical_and_diff(qtbot: Any, window: Any, store: Any, tmp_path: Path,
                                                 seeds_dir: Path) -> None:
    report = import_paths(store, _story(tmp_path, seeds_dir), workers=1)
    ids = {name: aid for aid, name in report.imported}
    with qtbot.waitSignal(window.list_updated, timeout=30000):
        window.apply_filter()
    col = [k for k, _ in COLUMNS].index("group")
    model = window.model
    cells = {model.article_id(r): model.data(model.index(r, col)) for r in range(model.rowCount())}
    story = sorted(ids.values())
    assert all(cells[i].endswith(f"#{story[0]}·3篇") for i in story)
    assert sum(cells[i].startswith("★") for i in story) == 1
    assert all(cells[i] == "" for i in cells if i not in story)

    show(qtbot, window, ids["repost.txt"])
    with qtbot.waitSignal(window.list_updated, timeout=30000):
        window.commands["group_members"].trigger()
    assert sorted(window.model.ids()) == story

    show(qtbot, window, ids["repost.txt"])
    window.commands["set_canonical"].trigger()
    cells = {model.article_id(r): model.data(model.index(r, col)) for r in range(model.rowCount())}
    assert cells[ids["repost.txt"]].startswith("★") and sum(c.startswith("★") for c in cells.values()) == 1

    show(qtbot, window, ids["edited.txt"])
    dlg = window.compare_with_canonical()
    assert dlg is not None
    left, right = dlg.left.toPlainText(), dlg.right.toPlainText()
    assert "新证据" in left and "本报讯" in right  # the spun repost (now canonical) against the edited copy
    a_spans, b_spans = dlg.spans
    assert a_spans and b_spans
    dlg.reject()


def test_diff_spans_mark_only_what_differs() -> None:
    left = "第一段相同。\n江西举办经贸手脚周。\n末段相同。\n"
    right = "第一段相同。\n江西举办经贸活动周。\n末段相同。\n新增一段。\n"
    a, b = diff_spans(left, right)
    assert [left[s:e] for s, e in a] == ["手脚"]
    assert [right[s:e] for s, e in b] == ["活动", "新增一段。\n"]


def test_filter_bar_shows_one_article_per_group_or_only_the_grouped(qtbot: Any, window: Any, store: Any,
                                                                   tmp_path: Path, seeds_dir: Path) -> None:
    report = import_paths(store, _story(tmp_path, seeds_dir), workers=1)
    story = {aid for aid, _name in report.imported}
    with qtbot.waitSignal(window.list_updated, timeout=30000):
        window.apply_filter()
    everyone = set(window.model.ids())
    bar = window.filter_bar
    with qtbot.waitSignal(window.list_updated, timeout=30000):
        bar.duplicates.setCurrentIndex(bar.duplicates.findData("grouped"))
        bar.duplicates.activated.emit(bar.duplicates.currentIndex())
    assert set(window.model.ids()) == story
    with qtbot.waitSignal(window.list_updated, timeout=30000):
        bar.duplicates.setCurrentIndex(bar.duplicates.findData("canonical"))
        bar.duplicates.activated.emit(bar.duplicates.currentIndex())
    shown = set(window.model.ids())
    assert len(shown & story) == 1 and shown - story == everyone - story
    dlg = window.open_export_dialog()
    assert dlg.canonical_only.isChecked()
    dlg.reject()
