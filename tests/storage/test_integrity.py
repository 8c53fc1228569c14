"""`curator db check` and `curator db backup` underneath: on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from storage.importer import import_paths
from storage.integrity import backup_store, check_store
from storage.store import Store, StoreError, open_store


def test_a_sound_store_checks_ok(store: Store, seeds_dir: Path) -> None:
    import_paths(store, [seeds_dir])
    report = check_store(store.url)
    assert report.ok, report.problems
    assert report.articles == 5


def test_backup_is_a_complete_copy(store: Store, seeds_dir: Path, tmp_path: Path) -> None:
    import_paths(store, [seeds_dir])
    dest = tmp_path / "copies" / "backup.bin"
    report = backup_store(store.url, dest)
    assert dest.is_file() and report.size_bytes == dest.stat().st_size > 0
    if store.is_sqlite:
        con = sqlite3.connect(dest)
        try:
            assert con.execute("SELECT count(*) FROM articles").fetchone() == (5,)
            assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one self-contained file
        finally:
            con.close()
        assert report.verified == "copy checked: ok"
    else:
        assert dest.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert [p.name for p in dest.parent.iterdir()] == ["backup.bin"]  # no temporary file left


def test_sqlite_backup_while_a_writer_keeps_its_changes_in_the_wal(tmp_path: Path, seeds_dir: Path) -> None:
    path = tmp_path / "live.db"
    open_store(f"sqlite:///{path}").close()
    writer = open_store(f"sqlite:///{path}")  # stays open, as the app does
    try:
        with writer.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
            import_paths(writer, [seeds_dir])
            backup_store(writer.url, tmp_path / "copy.db")
    finally:
        writer.close()
    con = sqlite3.connect(tmp_path / "copy.db")
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (5,)
    finally:
        con.close()


def test_check_finds_damage_and_changes_nothing(tmp_path: Path, seeds_dir: Path) -> None:
    path = tmp_path / "store.db"
    store = open_store(f"sqlite:///{path}")
    import_paths(store, [seeds_dir])
    store.close()
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(size // 2 // 4096 * 4096)
        fh.write(os.urandom(4096 * 2))
    before = path.read_bytes()
    report = check_store(f"sqlite:///{path}")
    assert not report.ok and report.problems
    assert path.read_bytes() == before


def test_check_of_an_older_schema_does_not_upgrade_it(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from storage.store import _alembic_config

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
    engine.dispose()
    report = check_store(f"sqlite:///{path}")
    assert report.ok and report.revision == "0001"
    assert any("older store is upgraded" in n for n in report.notes)
    assert not list(tmp_path.glob("*.bak"))


def test_backup_refuses_to_overwrite_the_store_itself(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    open_store(f"sqlite:///{path}").close()
    with pytest.raises(StoreError, match="the store itself"):
        backup_store(f"sqlite:///{path}", path)


def test_missing_store_is_a_message_not_a_new_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        check_store(f"sqlite:///{tmp_path / 'none.db'}")
    with pytest.raises(StoreError, match="no store at"):
        backup_store(f"sqlite:///{tmp_path / 'none.db'}", tmp_path / "b.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_postgres_backup_without_pg_dump_says_what_to_install(
    pg_database: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storage.integrity.shutil.which", lambda _name: None)
    with pytest.raises(StoreError, match=r"pg_dump was not found.*Nothing was written"):
        backup_store(pg_database, tmp_path / "b.dump")
    assert not any(tmp_path.iterdir())


def test_a_killed_backups_leftover_is_removed_by_the_next_backup(tmp_path: Path) -> None:
    import time

    path = tmp_path / "store.db"
    open_store(f"sqlite:///{path}").close()
    out = tmp_path / "copies"
    out.mkdir()
    leftover = out / ".backup.db.a1b2c3d4.part"
    leftover.write_bytes(b"half a store")
    old = time.time() - 60
    os.utime(leftover, (old, old))
    backup_store(f"sqlite:///{path}", out / "backup.db")
    assert [p.name for p in out.iterdir()] == ["backup.db"]
