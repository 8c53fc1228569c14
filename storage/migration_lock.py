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
    with _file_lock(Path(f"{db}.migrate-lock")):
        yield


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: SQLite's own locking is the only guard there
        yield
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
