"""One migrator at a time: a lock held while a store's schema is checked and upgraded.

Two ``curator import`` processes started together on a fresh store both saw "no schema" and both
ran the migration; one died on a duplicate ``alembic_version`` table. Under this lock the second
process waits, then sees the schema the first one wrote and goes on.

PostgreSQL: a session-level advisory lock (released when the connection closes, so a killed
migrator never leaves it held). SQLite: an exclusive ``flock`` on a separate lock file beside the
database — never on the database's own files, whose descriptors belong to SQLite alone (closing
any descriptor of them would drop SQLite's POSIX locks in this process).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text

# An arbitrary constant shared by every Article Curator process ("curator" in ASCII, as an int64).
PG_LOCK_KEY = 0x63757261746F72


@contextmanager
def migration_lock(engine: Engine) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": PG_LOCK_KEY})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_LOCK_KEY})
                conn.commit()
        return
    db = engine.url.database if engine.dialect.name == "sqlite" else None
    if not db or db == ":memory:":
        yield
        return
    with sqlite_lock(Path(db)):
        yield


_held = threading.local()  # lock files this thread holds: the lock is re-entrant within a thread


@contextmanager
def sqlite_lock(db: Path) -> Iterator[None]:
    """The migration lock of an SQLite store file (also held while a new store file is created,
    so a process that finds the file still empty waits for its creator)."""
    path = str(Path(f"{db}.migrate-lock").expanduser().resolve())
    held: set[str] = getattr(_held, "paths", None) or set()
    _held.paths = held
    if path in held:
        yield
        return
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: SQLite's own locking is the only guard there
        yield
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        held.add(path)
        yield
    finally:
        held.discard(path)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
