from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from storage.store import NewerSchemaError, StoreBusyError, StoreError, head_revision, open_store


def test_new_store_is_created_at_the_head_revision(db_url: str) -> None:
    store = open_store(db_url)
    with store.session() as s:
        rev = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
    store.close()
    assert rev == head_revision()


def test_store_from_a_newer_schema_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_store(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="newer version"):
        open_store(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not an Article Curator store"):
        open_store(f"sqlite:///{path}")


def test_locked_store_gives_a_clear_message(tmp_path: Path) -> None:
    from storage.editing import set_note
    from storage.importer import import_paths

    path = tmp_path / "locked.db"
    store = open_store(f"sqlite:///{path}", busy_timeout_ms=100)
    seed = tmp_path / "a.txt"
    seed.write_text("招商推介会在深圳举行。", encoding="utf-8")
    import_paths(store, [seed])
    other = sqlite3.connect(path, timeout=0)  # another program holds the write lock
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreBusyError, match="locked"):
            set_note(store, 1, "x")
    finally:
        other.rollback()
        other.close()
    assert set_note(store, 1, "x") >= 1  # and works again once the lock is gone
    store.close()


def test_unusable_url_is_a_store_error() -> None:
    with pytest.raises(StoreError):
        open_store("nosuchdialect://x")
