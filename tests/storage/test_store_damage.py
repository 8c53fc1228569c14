"""A damaged SQLite store: one clear message, nothing written; and the migration backup that
misses nothing still in the write-ahead log."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from storage.exporting import export_dataset
from storage.importer import import_paths
from storage.reextract import reextract
from storage.store import DamagedStoreError, _alembic_config, open_store


def _make_store(tmp_path: Path, seeds_dir: Path, name: str = "store.db") -> Path:
    path = tmp_path / name
    store = open_store(f"sqlite:///{path}")
    import_paths(store, [seeds_dir])
    store.close()  # the last connection checkpoints: everything is in the main file
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    return path


def _damage_middle(path: Path) -> None:
    """Overwrite a run of whole pages in the middle of the file (not the header or schema page)."""
    size = path.stat().st_size
    start = (size // 4) // 4096 * 4096
    with open(path, "r+b") as fh:
        fh.seek(start)
        fh.write(os.urandom(size // 2 // 4096 * 4096))


def _one_article(tmp_path: Path) -> Path:
    f = tmp_path / "new.txt"
    f.write_text("6月3日，招商推介会在成都举行，签约项目12个。", encoding="utf-8")
    return f


def test_garbage_file_is_refused_at_open_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(os.urandom(20_000))
    before = path.read_bytes()
    with pytest.raises(DamagedStoreError, match=r"damaged \(file is not a database\)\. Nothing was changed"):
        open_store(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_garbage_header_is_refused_at_open_unchanged(tmp_path: Path, seeds_dir: Path) -> None:
    path = _make_store(tmp_path, seeds_dir)
    with open(path, "r+b") as fh:
        fh.write(os.urandom(100))
    before = path.read_bytes()
    with pytest.raises(DamagedStoreError, match="curator db check"):
        open_store(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_truncated_store_is_refused_before_an_import(tmp_path: Path, seeds_dir: Path) -> None:
    path = _make_store(tmp_path, seeds_dir)
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 2)
    before = path.read_bytes()
    with pytest.raises(DamagedStoreError):
        store = open_store(f"sqlite:///{path}")
        try:
            import_paths(store, [_one_article(tmp_path)])
        finally:
            store.close()
    assert path.read_bytes() == before


def test_garbage_in_the_middle_stops_import_and_reextract_before_they_write(tmp_path: Path, seeds_dir: Path) -> None:
    path = _make_store(tmp_path, seeds_dir)
    _damage_middle(path)
    before = path.read_bytes()
    store = open_store(f"sqlite:///{path}")
    try:
        with pytest.raises(DamagedStoreError, match="Nothing was changed"):
            import_paths(store, [_one_article(tmp_path)])
        with pytest.raises(DamagedStoreError, match="Nothing was changed"):
            reextract(store)
    finally:
        store.close()
    assert path.read_bytes() == before


def test_export_of_a_damaged_store_is_one_clear_error_and_no_file(tmp_path: Path, seeds_dir: Path) -> None:
    path = _make_store(tmp_path, seeds_dir)
    _damage_middle(path)
    store = open_store(f"sqlite:///{path}")
    out = tmp_path / "out.jsonl"
    out.write_text("the previous export\n", encoding="utf-8")
    try:
        with pytest.raises(DamagedStoreError, match="damaged"):
            export_dataset(store, out, "jsonl")
    finally:
        store.close()
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_migration_backup_holds_what_is_still_in_the_wal(tmp_path: Path, seeds_dir: Path) -> None:
    path = tmp_path / "old.db"
    store = open_store(f"sqlite:///{path}")
    import_paths(store, [seeds_dir / "001_6b8c60359d9cb5c1.txt"])
    store.close()
    engine = create_engine(f"sqlite:///{path}")  # back to the older schema, all checkpointed
    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0001")
    engine.dispose()

    # A writer that never checkpointed (killed, or still running): its changes exist only in the WAL.
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    cols = [r[1] for r in holder.execute("PRAGMA table_info(articles)") if r[1] != "id"]
    picked = ", ".join("sha256 || '-copy'" if c == "sha256" else c for c in cols)
    holder.execute(f"INSERT INTO articles ({', '.join(cols)}) SELECT {picked} FROM articles")
    holder.execute("UPDATE articles SET note = 'only in the WAL'")
    holder.commit()
    assert Path(f"{path}-wal").stat().st_size > 0
    try:
        open_store(f"sqlite:///{path}").close()
    finally:
        holder.close()
    backup = sqlite3.connect(tmp_path / "old.db.before-0001.bak")
    try:
        assert backup.execute("SELECT count(*), min(note) FROM articles").fetchone() == (2, "only in the WAL")
    finally:
        backup.close()


def test_postgres_damage_codes_are_recognised() -> None:
    from sqlalchemy.exc import DBAPIError

    from storage.store import is_damage, translate_error

    class PgError(Exception):
        def __init__(self, sqlstate: str) -> None:
            super().__init__("invalid page in block 7 of relation base/16384/16385")
            self.sqlstate = sqlstate

    damaged = DBAPIError("SELECT 1", {}, PgError("XX001"))
    assert is_damage(damaged) and isinstance(translate_error(damaged), DamagedStoreError)
    busy = DBAPIError("SELECT 1", {}, PgError("40001"))
    assert not is_damage(busy) and translate_error(busy) is busy


def test_a_store_file_cut_to_zero_bytes_is_not_quietly_started_afresh(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(b"")
    with pytest.raises(DamagedStoreError, match=r"empty \(0 bytes\).*Nothing was changed"):
        open_store(f"sqlite:///{path}")
    assert path.read_bytes() == b""
    path.unlink()  # deleting it is how a new store is started there
    open_store(f"sqlite:///{path}").close()
