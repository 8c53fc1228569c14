"""Background work for the GUI: a cancellable job on a worker thread that reports progress.

The job is a plain function ``fn(progress, cancelled) -> result`` from the store or pipeline;
progress and the result come back to the GUI thread through queued signals, so widgets are only
ever touched on the GUI thread.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

ProgressFn = Callable[[int, int, str], None]
JobFn = Callable[[ProgressFn, Callable[[], bool]], Any]


class _Thread(QThread):
    def __init__(self, body: Callable[[], None]) -> None:
        super().__init__()
        self._body = body

    def run(self) -> None:
        self._body()


class Job(QObject):
    """Run ``fn`` on its own thread. Connect to the signals, then call ``start()``."""

    progress = Signal(int, int, str)  # done, total, message
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()  # after succeeded/failed, always

    def __init__(self, title: str, fn: JobFn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._fn = fn
        self._cancel = threading.Event()
        self._thread: QThread | None = None

    def start(self) -> None:
        thread = _Thread(self._run)
        thread.setObjectName(f"job: {self.title}")
        self._thread = thread
        thread.finished.connect(self.finished.emit)
        thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, msecs: int = 30000) -> bool:
        return self._thread.wait(msecs) if self._thread is not None else True

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def _run(self) -> None:
        try:
            result = self._fn(self.progress.emit, self._cancel.is_set)
        except Exception as exc:  # shown to the user in a dialog; the trace goes to stderr
            traceback.print_exc()
            self.failed.emit(_describe(exc))
        else:
            self.succeeded.emit(result)


def _describe(exc: Exception) -> str:
    from storage.store import StoreError

    if isinstance(exc, StoreError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
