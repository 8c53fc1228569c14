"""Upgrading a store from an older schema keeps every article and its text."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, func, select, text

from storage.importer import import_paths
from storage.models import ArticleText
from storage.store import _alembic_config, head_revision, open_store

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_49fe26fb40a68a39.txt"


def test_upgrade_from_0002_keeps_texts(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = open_store(url)
    assert import_paths(store, [SEED]).imported
    store.close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys = ON")
        command.downgrade(_alembic_config(conn), "0002")
    engine.dispose()
    store = open_store(url)  # upgrades to head, with foreign keys on as the app runs
    try:
        with store.session() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
            assert s.scalar(select(func.count()).select_from(ArticleText)) == 1
    finally:
        store.close()
