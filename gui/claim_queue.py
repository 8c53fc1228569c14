"""Claims written off the GUI thread, one after another, their outcomes applied on it.

Opening an article claims it (``storage.claims``): a write transaction, which on SQLite waits for
the disk and, while another process writes, for the write lock. The window shows the article from
a read at once and hands the claim to this queue; one worker thread writes the claims in the order
they were asked for (each claim releases the one before, so the order matters), and each outcome is
applied on the GUI thread when it arrives. Anything that must see the claims written first (an
edit checks the article's version, which a claim moves; an explicit claim, release or "next
unreviewed"; closing the window) calls ``settle`` first, which waits for the queue and applies
what is left, in order.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal

from storage import claims
from storage.listing import current_version
from storage.store import Store


@dataclass(frozen=True, slots=True)
class ClaimOutcome:
    """What one claim did. ``version`` is the claimed article's new version (None: not claimed:
    ``holder`` holds it since ``since``, or ``error`` says why not). ``before`` is the article this
    reviewer moved on from, whose version the claim's release moved from ``before_prior`` to
    ``before_after``: a window whose editor still knew ``before_prior`` knows it again."""

    article_id: int
    version: int | None = None
    holder: str | None = None
    since: datetime | None = None
    error: str | None = None
    before: int | None = None
    before_prior: int | None = None
    before_after: int | None = None


def claim_article(store: Store, article_id: int, reviewer: str, before: int | None, *,
                  take_over: bool = False) -> ClaimOutcome:
    """Claim ``article_id`` for ``reviewer`` (who leaves ``before``); never raises."""
    moved_on = before is not None and before != article_id
    try:
        prior = current_version(store, before) if moved_on and before is not None else None
    except Exception:
        prior = None

    def after() -> int | None:
        if not moved_on or before is None:
            return None
        with contextlib.suppress(Exception):
            return current_version(store, before)
        return None

    try:
        version = claims.claim(store, article_id, reviewer, take_over=take_over)
    except claims.ClaimHeldError as exc:
        if moved_on and before is not None:  # moved on all the same: free the last one
            with contextlib.suppress(Exception):
                claims.release(store, before, reviewer)
        return ClaimOutcome(article_id, holder=exc.holder, since=exc.since, before=before if moved_on else None,
                            before_prior=prior, before_after=after())
    except Exception as exc:  # the store refused: said in the status bar, the article stays shown
        return ClaimOutcome(article_id, error=str(exc) or type(exc).__name__)
    return ClaimOutcome(article_id, version=version, before=before if moved_on else None, before_prior=prior,
                        before_after=after())


class ClaimQueue(QObject):
    """Run claim work on one worker thread in order; ``apply`` gets each outcome on the GUI thread."""

    _done = Signal()  # emitted from the worker thread; queued to the GUI thread
    drained = Signal()  # every claim asked for is written and applied

    def __init__(self, apply: Callable[[ClaimOutcome], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._apply = apply
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="claims")
        self._pending: deque[Future[ClaimOutcome]] = deque()
        self._closed = False
        self._done.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def submit(self, work: Callable[[], ClaimOutcome]) -> None:
        """Queue a claim; ignored once the queue is shut down (the window closed: the reviewer has
        left, and a row chosen by a late list update must not claim an article for them)."""
        if self._closed:
            return
        future = self._pool.submit(work)
        self._pending.append(future)
        future.add_done_callback(lambda _f: self._emit_done())

    def _emit_done(self) -> None:
        with contextlib.suppress(RuntimeError):  # the window (and this object) already gone
            self._done.emit()

    def pending(self) -> int:
        return len(self._pending)

    def _drain(self) -> None:
        """Apply the outcomes that have arrived, in order (a later one waits for the earlier)."""
        if not self._pending:
            return
        while self._pending and self._pending[0].done():
            self._apply_one(self._pending.popleft())
        if not self._pending:
            self.drained.emit()

    def settle(self) -> None:
        """Wait for every queued claim and apply its outcome now."""
        if not self._pending:
            return
        while self._pending:
            self._apply_one(self._pending.popleft())
        self.drained.emit()

    def _apply_one(self, future: Future[ClaimOutcome]) -> None:
        try:
            outcome = future.result()
        except CancelledError:
            return
        self._apply(outcome)

    def shutdown(self) -> None:
        self._closed = True
        self.settle()
        self._pool.shutdown(wait=True)
