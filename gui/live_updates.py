"""Live updates in the GUI: a thread that waits on the store's ``ChangeWatcher`` and tells the
window which articles others changed, so the list and the open article refresh within ~2 s.

The watcher blocks in ``poll`` (LISTEN on PostgreSQL, ``data_version`` polling on SQLite) on its
own thread; results cross to the GUI thread through a queued signal. Stopping sets a flag the
loop reads between polls of at most ``POLL_SECONDS``.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from storage.changes import ChangeWatcher
from storage.store import Store

POLL_SECONDS = 0.5
log = logging.getLogger("curator.live")


class _Loop(QThread):
    def __init__(self, owner: LiveUpdates) -> None:
        super().__init__()
        self._owner = owner

    def run(self) -> None:
        self._owner._run()


class LiveUpdates(QObject):
    """Emits ``changed(ids, everything)`` on the GUI thread when other connections changed articles."""

    changed = Signal(object, bool)  # frozenset[int], list must be reloaded

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._stop = threading.Event()
        self._thread: _Loop | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = _Loop(self)
        self._thread.setObjectName("live updates")
        app = QCoreApplication.instance()
        if app is not None:
            # A window that is never closed (the --screenshot run ends with app.exit) must not
            # leave the thread running when Qt tears down: that aborts the process.
            app.aboutToQuit.connect(self.stop)
        self._thread.start()

    def stop(self, msecs: int = 5000) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.wait(msecs)
            self._thread = None

    def _run(self) -> None:
        try:
            watcher = ChangeWatcher(self._store, interval=POLL_SECONDS / 2)
        except Exception:  # the store went away or refuses a second connection: no live updates
            log.exception("live updates are off")
            return
        with watcher:
            while not self._stop.is_set():
                try:
                    ch = watcher.poll(POLL_SECONDS)
                except Exception:
                    log.exception("live updates stopped")
                    return
                if ch:
                    self.changed.emit(ch.ids, ch.everything)
