"""What the app sets in Qt's environment before the application object exists."""

from __future__ import annotations

import os

import pytest

from gui.app import prepare_qt_environment


def test_raster_fills_stay_on_the_gui_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_NO_GUI_THREADPOOL", raising=False)
    prepare_qt_environment()
    assert os.environ.get("QT_NO_GUI_THREADPOOL") == "1"


def test_a_value_the_user_set_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_NO_GUI_THREADPOOL", "yes")
    prepare_qt_environment()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "yes"
