"""Background work for the GUI: a cancellable job on a worker thread that reports progress.

The job is a plain function ``fn(progress, cancelled) -> result`` from the store or pipeline;
progress and the result come back to the GUI thread through queued signals, so widgets are only
ever touched on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from gui.texts import store_error_zh

ProgressFn = Callable[[int, int, str], None]
log = logging.getLogger("curator.jobs")
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
    failed = Signal(str, str)  # the message in Chinese, the English detail
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
        thread.finished.connect(self._thread_finished)  # a slot: dropped if the job is deleted first
        thread.start()

    def _thread_finished(self) -> None:
        self.finished.emit()

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
            try:
                result = self._fn(self.progress.emit, self._cancel.is_set)
            except Exception as exc:  # shown to the user in a dialog; the trace goes to the log
                log.exception("job %r failed", self.title)
                self.failed.emit(*_describe(exc))
            else:
                self.succeeded.emit(result)
        except RuntimeError:
            # The window (and this job with it) was deleted while the work ran: nobody is
            # listening for the result any more.
            log.debug("job %r finished after its window closed", self.title)


def _describe(exc: Exception) -> tuple[str, str]:
    from storage.store import StoreError

    if isinstance(exc, StoreError):
        return store_error_zh(exc), str(exc)
    return "程序出错（详情见“详细信息”）。", f"{type(exc).__name__}: {exc}"
