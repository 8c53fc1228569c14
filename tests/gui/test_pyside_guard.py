"""PySide6 6.12.0 leaks a reference to None per void call on Python < 3.12; the guard keeps us alive."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject

import gui  # noqa: F401 - importing the GUI applies the guard
from gui.pyside_guard import needs_guard


def test_many_void_calls_do_not_kill_the_interpreter() -> None:
    o = QObject()
    for _ in range(200_000):  # far more than None's natural reference count (a few thousand)
        o.setObjectName("x")
    if needs_guard():
        assert sys.getrefcount(None) > 1 << 39
