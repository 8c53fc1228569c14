"""The export dialog: every format, the filters and the split, run as a job from the window."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from PySide6.QtWidgets import QDialogButtonBox

from storage.editing import set_tags


def _run(qtbot: Any, window: Any, dlg: Any) -> Any:
    with qtbot.waitSignal(window.job_finished, timeout=60000) as sig:
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return sig.args[1]


def test_dialog_offers_every_format_and_defaults_to_the_list_filter(qtbot: Any, window: Any, store: Any,
                                                                   articles: Any) -> None:
    aid = articles.by_name["a_tuijie.txt"]
    set_tags(store, aid, ["精选"])
    window._filter = window._filter.__class__(tag="精选", text="推介")
    dlg = window.open_export_dialog()
    formats = [dlg.format.itemData(i) for i in range(dlg.format.count())]
    assert formats == ["jsonl", "csv", "doccano", "labelstudio", "conll", "spacy", "hf"]
    assert dlg.tag.currentData() == "精选" and dlg.search.text() == "推介"
    opts = dlg.options(None)
    assert opts.filter.tags == ("精选",) and opts.filter.search == "推介"
    dlg.reject()


def test_hf_export_from_the_dialog_with_split_and_filters(qtbot: Any, window: Any, tmp_path: Path) -> None:
    dlg = window.open_export_dialog()
    dlg.format.setCurrentIndex(dlg.format.findData("hf"))
    assert dlg.split.isChecked() and not dlg.split.isEnabled()
    out = tmp_path / "dataset"
    dlg.path.setText(str(out))
    dlg.ratios.setText("0.5,0.5,0")
    dlg.seed.setValue(3)
    dlg.canonical_only.setChecked(True)
    report = _run(qtbot, window, dlg)
    assert not report.cancelled and report.count == window.model.rowCount()
    assert report.splits["test"] == 0 and report.splits["train"] + report.splits["validation"] == report.count
    assert (out / "README.md").exists()
    rows = sum(pq.read_table(f).num_rows for f in (out / "data").glob("*.parquet"))
    assert rows == report.count


def test_doccano_export_of_the_current_list_split_in_three(qtbot: Any, window: Any, tmp_path: Path) -> None:
    dlg = window.open_export_dialog()
    dlg.format.setCurrentIndex(dlg.format.findData("doccano"))
    out = tmp_path / "spans.jsonl"
    dlg.path.setText(str(out))
    dlg.split.setChecked(True)
    dlg.only_list.setChecked(True)
    report = _run(qtbot, window, dlg)
    got = []
    for split in ("train", "validation", "test"):
        for line in (tmp_path / f"spans.{split}.jsonl").read_text("utf-8").splitlines():
            r = json.loads(line)
            assert r["split"] == split and all(r["text"][s:e] for s, e, _label in r["label"])
            got.append(r["id"])
    assert sorted(got) == sorted(window.model.ids()) and report.count == len(got)


def test_bad_options_keep_the_dialog_open_with_a_message(qtbot: Any, window: Any, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    dlg = window.open_export_dialog()
    dlg.path.setText(str(tmp_path / "x.jsonl"))
    dlg.since.setText("上周")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dlg.isVisible() and "YYYY-MM-DD" in dlg.error.text()
    dlg.since.setText("")
    dlg.format.setCurrentIndex(dlg.format.findData("spacy"))
    monkeypatch.setitem(sys.modules, "spacy", None)
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dlg.isVisible() and "article-curator[spacy]" in dlg.error.text()
    assert not list(tmp_path.glob("x*"))
    dlg.reject()
