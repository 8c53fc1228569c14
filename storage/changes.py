"""Live updates: which articles other connections changed, without re-reading the whole store.

PostgreSQL: migration 0006's trigger NOTIFYs ``curator_changes`` with the article id for every
updated row, and ``*`` after inserts or deletes; the watcher LISTENs on a connection of its own.
SQLite has no notifications: ``PRAGMA data_version`` on a connection of the watcher's own moves
whenever another connection commits, and only then are the rows whose ``updated_at`` moved read.

A watcher is used from one thread (the GUI runs it in a worker) and must be closed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from storage.models import Article
from storage.store import Store

CHANNEL = "curator_changes"


@dataclass(frozen=True, slots=True)
class Changes:
    ids: frozenset[int]  # articles whose row changed
    everything: bool = False  # articles were added or removed: the list must be reloaded

    def __bool__(self) -> bool:
        return bool(self.ids) or self.everything


class ChangeWatcher:
    def __init__(self, store: Store, *, interval: float = 0.5) -> None:
        self._store = store
        self._interval = interval
        self._raw: Any = store.engine.raw_connection()
        self._pg = store.engine.dialect.name == "postgresql"
        if self._pg:
            driver: Any = self._raw.driver_connection
            driver.autocommit = True
            driver.execute(f"LISTEN {CHANNEL}")
            self._version: int | None = None
            self._mark: datetime | None = None
        else:
            self._version = self._data_version()
            self._mark = self._latest()
            self._count = self._article_count()

    def poll(self, timeout: float) -> Changes:
        """Wait up to ``timeout`` seconds for changes by others; empty ``Changes`` if none came."""
        return self._poll_pg(timeout) if self._pg else self._poll_sqlite(timeout)

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None

    def __enter__(self) -> ChangeWatcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # PostgreSQL ---------------------------------------------------------------------------
    def _poll_pg(self, timeout: float) -> Changes:
        driver = self._raw.driver_connection
        ids: set[int] = set()
        everything = False

        def take(notes: Any) -> None:
            nonlocal everything
            for note in notes:
                if note.payload == "*":
                    everything = True
                elif note.payload.isdigit():
                    ids.add(int(note.payload))

        # The first notification ends the wait; what arrived with it (one transaction's worth) is drained.
        take(driver.notifies(timeout=timeout, stop_after=1))
        if ids or everything:
            take(driver.notifies(timeout=0.05))
        return Changes(frozenset(ids), everything)

    # SQLite -------------------------------------------------------------------------------
    def _data_version(self) -> int:
        cur = self._raw.cursor()
        try:
            cur.execute("PRAGMA data_version")
            return int(cur.fetchone()[0])
        finally:
            cur.close()

    def _scalar(self, stmt: Any) -> Any:
        with self._store.session() as s:
            return s.execute(stmt).scalar()

    def _latest(self) -> datetime | None:
        latest: datetime | None = self._scalar(select(func.max(Article.updated_at)))
        return latest

    def _article_count(self) -> int:
        return int(self._scalar(select(func.count(Article.id))) or 0)

    def _poll_sqlite(self, timeout: float) -> Changes:
        deadline = time.monotonic() + timeout
        while True:
            version = self._data_version()
            if version != self._version:
                self._version = version
                return self._changed_since_mark()
            left = deadline - time.monotonic()
            if left <= 0:
                return Changes(frozenset())
            time.sleep(min(self._interval, left))

    def _changed_since_mark(self) -> Changes:
        with self._store.session() as s:
            q = select(Article.id, Article.updated_at)
            if self._mark is not None:
                # >=: a write in the same clock tick as the mark must not be missed; a repeat is harmless.
                q = q.where(Article.updated_at >= self._mark)
            rows = s.execute(q).all()
            count = int(s.execute(select(func.count(Article.id))).scalar() or 0)
        if rows:
            self._mark = max(r.updated_at for r in rows)
        everything = count != self._count
        self._count = count
        return Changes(frozenset(r.id for r in rows), everything)
