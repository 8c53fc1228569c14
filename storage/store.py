"""Opening a store: engine, connection settings, schema version checks and migrations.

Any SQLAlchemy URL works; SQLite gets WAL and a busy timeout so the GUI and a CLI can share
one file, and PostgreSQL needs nothing special. Opening never alters a store written by a newer
version of the app: that is refused with a message saying so.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from storage import fulltext
from storage.migration_lock import migration_lock, sqlite_lock

APP_NAME = "article-curator"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(Exception):
    """A store that cannot be used; ``str(err)`` is a message for the user."""


class NewerSchemaError(StoreError):
    pass


class StoreBusyError(StoreError):
    pass


class DamagedStoreError(StoreError):
    """The store's file is not a database, or SQLite found damaged pages in it."""


# The kinds below let a user interface say what happened in its own language (by type, not by text).
class StoreFullError(StoreError):
    """The disk (or the database server) had no room for a write."""


class NotAStoreError(StoreError):
    """The database holds tables of something else."""


class StoreUnopenableError(StoreError):
    """The store's file or server cannot be reached (missing folder, permissions, server down)."""


# What SQLite (SQLITE_NOTADB, SQLITE_CORRUPT) and PostgreSQL (SQLSTATE XX001 data_corrupted,
# XX002 index_corrupted) say when the stored bytes themselves are bad.
_DAMAGE_TEXTS = ("file is not a database", "database disk image is malformed", "malformed database schema")
_DAMAGE_SQLSTATES = ("XX001", "XX002")


def damaged_message(detail: str, *, at_open: bool) -> str:
    """One message for a damaged store: what is wrong, what was (not) changed, what to do."""
    done = ("Nothing was changed." if at_open
            else "The command stopped there; a change it was making, if any, was rolled back.")
    return (f"The store is damaged ({detail}). {done} Run `curator db check` to see the damage, save "
            "what can still be read with `curator db backup FILE`, then restore your last good copy "
            "(a backup of yours, or a *.before-*.bak file beside the store); see Data safety in the README.")


def is_damage(exc: BaseException) -> bool:
    """True if a database error means the stored bytes are damaged (not busy, not a bug)."""
    orig = getattr(exc, "orig", None) or exc
    if getattr(orig, "sqlstate", None) in _DAMAGE_SQLSTATES:
        return True
    if isinstance(orig, sqlite3.DatabaseError) and getattr(orig, "sqlite_errorname", "") in (
        "SQLITE_CORRUPT", "SQLITE_NOTADB"
    ):
        return True
    text = str(orig)
    return any(t in text for t in _DAMAGE_TEXTS)


def default_url() -> str:
    """``CURATOR_DB`` if set, else an SQLite file in the user's data directory."""
    env = os.environ.get("CURATOR_DB")
    if env:
        return env
    folder = Path(user_data_dir(APP_NAME, appauthor=False))
    return f"sqlite:///{folder / 'curator.db'}"


def _alembic_config(connection: Any | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _sqlite_pragmas(dbapi_conn: Any, busy_timeout_ms: int) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = NORMAL")
    # Check each b-tree page's cells as it is read: damage is reported where it is met, as
    # SQLITE_CORRUPT, instead of being followed (the SQLite docs: a small cost, on by choice).
    cur.execute("PRAGMA cell_size_check = ON")
    # 32 MB of page cache per connection (the default is 2 MB), allocated only as pages are read:
    # the list's table and the search index's common words stay in memory between queries.
    cur.execute("PRAGMA cache_size = -32768")
    cur.close()


@dataclass
class Store:
    """An open, up-to-date store. Use ``session()`` for one unit of work in one thread."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back on an exception."""
        try:
            with self.sessions.begin() as s:
                yield s
        except DBAPIError as exc:
            err = translate_error(exc)
            if err is exc:
                raise
            raise err from exc

    def close(self) -> None:
        self.engine.dispose()

    @property
    def display_name(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)


def translate_error(exc: DBAPIError, *, at_open: bool = False) -> StoreError | DBAPIError:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    if is_damage(exc):
        return DamagedStoreError(damaged_message(text.splitlines()[0] if text else "unreadable", at_open=at_open))
    if "locked" in text or "busy" in text:
        return StoreBusyError(
            "The store is locked by another program (another Article Curator window or command?). "
            "Close it or try again in a moment."
        )
    if "disk" in text and ("full" in text or "I/O" in text):
        return StoreFullError(f"The store could not be written: {text}. Free some disk space and try again.")
    if "unable to open" in text:
        return StoreUnopenableError(f"The store cannot be opened: {text}.")
    return exc


def open_store(url: str | None = None, *, migrate: bool = True, busy_timeout_ms: int = 5000) -> Store:
    """Open (creating or upgrading if needed) the store at ``url`` (default: ``default_url()``)."""
    url = url or default_url()
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise StoreError(f"Not a database URL: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        if is_in_memory(parsed):
            raise StoreError(
                f"{url!r} names no SQLite file: the data would live in memory and be gone when the "
                "program ends, so nothing would be stored. Give a file, e.g. sqlite:///path/to/curator.db."
            )
        path = Path(str(parsed.database)).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.stat().st_size == 0:
            # A new store is created under the migration lock: another process that finds the
            # file still empty waits for its creator here, then finds it whole.
            with sqlite_lock(path):
                _refuse_emptied(path)
                engine = _open_engine(url, migrate=migrate, busy_timeout_ms=busy_timeout_ms)
        else:
            engine = _open_engine(url, migrate=migrate, busy_timeout_ms=busy_timeout_ms)
    else:
        engine = _open_engine(url, migrate=migrate, busy_timeout_ms=busy_timeout_ms)
    sessions = sessionmaker(engine, expire_on_commit=False)
    fulltext.install(sessions)  # the search index follows every write of titles and texts
    return Store(url=url, engine=engine, sessions=sessions)


def _refuse_emptied(path: Path) -> None:
    if _emptied(path):
        raise DamagedStoreError(
            f"The store file {path} is empty (0 bytes): it was cut short, or is not a store. Nothing was "
            "changed. Restore your last good copy (see Data safety in the README), or delete the empty "
            "file to start a new store there."
        )


def _open_engine(url: str, *, migrate: bool, busy_timeout_ms: int) -> Engine:
    engine = make_engine(url, busy_timeout_ms=busy_timeout_ms)
    try:
        _check_and_migrate(engine, migrate=migrate)
    except DBAPIError as exc:
        engine.dispose()
        err = translate_error(exc, at_open=True)
        if isinstance(err, StoreError):
            raise err from exc
        raise StoreUnopenableError(f"The store cannot be opened: {exc.orig}") from exc
    except StoreError:
        engine.dispose()
        raise
    return engine


def is_in_memory(parsed: URL) -> bool:
    """An SQLite URL naming no file (``sqlite://``, ``sqlite:///``, ``:memory:``, URI memory modes)."""
    db = parsed.database or ""
    return (db in ("", ":memory:") or db.startswith("file::memory:")
            or parsed.query.get("mode") == "memory")


def _emptied(path: Path) -> bool:
    """An existing store file of 0 bytes: SQLite would take it for a new database and the app
    would quietly start an empty store over what was there. (Only stat: the process must not
    open the store's files itself, see SQLite's notes on POSIX locks.) A non-empty WAL beside
    it still holds the data, which SQLite recovers."""
    try:
        if path.stat().st_size != 0:
            return False
    except OSError:
        return False  # no file yet: a new store
    try:
        return Path(f"{path}-wal").stat().st_size == 0
    except OSError:
        return True


def make_engine(url: str, *, busy_timeout_ms: int = 5000) -> Engine:
    """An engine with this app's connection settings; it neither checks nor migrates the schema."""
    kwargs: dict[str, Any] = {}
    if make_url(url).get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"timeout": busy_timeout_ms / 1000, "check_same_thread": False}
    try:
        engine = create_engine(url, **kwargs)
    except Exception as exc:  # missing driver, bad options
        raise StoreError(f"Cannot use the store {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", lambda conn, _rec: _sqlite_pragmas(conn, busy_timeout_ms))
    return engine


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _check_and_migrate(engine: Engine, *, migrate: bool) -> None:
    # The usual case, an up-to-date store, takes no lock; otherwise one process at a time checks
    # and upgrades, and the ones that waited find the schema already current.
    if _current_revision(engine) == head_revision():
        _enable_wal(engine)
        return
    with migration_lock(engine):
        _check_and_migrate_locked(engine, migrate=migrate)


def _check_and_migrate_locked(engine: Engine, *, migrate: bool) -> None:
    script = ScriptDirectory.from_config(_alembic_config())
    head = script.get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        has_tables = bool(inspect(conn).get_table_names())
    if current == head:
        _enable_wal(engine)
        return
    if current is not None:
        try:
            known = script.get_revision(current) is not None
        except Exception:
            known = False
        if not known:
            raise NewerSchemaError(
                f"This store was written by a newer version of Article Curator (schema {current}; "
                f"this version knows up to {head}). It was not changed. Update the app to open it."
            )
    elif has_tables:
        raise NotAStoreError("This database holds tables that are not an Article Curator store; it was not changed.")
    if not migrate:
        raise StoreError(f"The store's schema ({current}) is older than this app's ({head}).")
    if current is not None and engine.dialect.name == "sqlite":
        _backup_sqlite(engine, current)
    _enable_wal(engine)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")


def _enable_wal(engine: Engine) -> None:
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode = WAL")


def _backup_sqlite(engine: Engine, revision: str) -> None:
    """Keep a copy of the store before a migration: an upgrade must never cost a user their data.

    Through SQLite's backup API, not a file copy: a copy of the main file alone misses every
    change still in the write-ahead log (a store whose last writer was killed keeps them there).
    """
    db = engine.url.database
    if not db or not Path(db).exists():
        return
    final = Path(f"{db}.before-{revision}.bak")
    tmp = final.with_name(f".{final.name}.part")
    tmp.unlink(missing_ok=True)  # a leftover of a killed attempt
    try:
        copy_sqlite(engine, tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)


def copy_sqlite(engine: Engine, dest: Path) -> None:
    """Copy the store with SQLite's backup API, in one step: one read transaction, so one
    consistent snapshot, pages still in the WAL included; other readers and writers go on."""
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        target = sqlite3.connect(dest)
        try:
            source.backup(target)
            # The copy is a single file: no -wal beside it that a later file copy could miss.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        raw.close()



def upgrade_store(url: str | None = None) -> tuple[str | None, str]:
    """Migrate the store to this app's schema explicitly (``curator db upgrade``); returns the
    revision before and after. The same path as opening: under the migration lock, a SQLite file
    backed up first, a store written by a newer app refused unchanged."""
    url = url or default_url()
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise StoreError(f"Not a database URL: {url!r}") from exc
    before: str | None = None
    is_new_file = parsed.get_backend_name() == "sqlite" and not (
        parsed.database and Path(str(parsed.database)).expanduser().exists())
    if not is_new_file:  # reading the revision must not create an empty SQLite file
        engine = make_engine(url)
        try:
            before = _current_revision(engine)
        except DBAPIError as exc:
            raise translate_error(exc, at_open=True) from exc
        finally:
            engine.dispose()
    store = open_store(url, migrate=True)
    try:
        after = _current_revision(store.engine)
    finally:
        store.close()
    return before, after or head_revision()
