"""`curator db upgrade`: migrate a store to this version's schema explicitly, and say from what."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from storage.store import _alembic_config, head_revision

CURATOR = Path(sys.executable).with_name("curator")


def run(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CURATOR), "--db", db, *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=300)


def revision(db: str) -> str:
    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            return str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one())
    finally:
        engine.dispose()


def test_db_upgrade_migrates_an_older_store_to_head(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(db)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0005")  # a store written by an older release
    engine.dispose()
    assert revision(db) == "0005" != head_revision()
    first = run("db", "upgrade", db=db)
    assert first.returncode == 0, first.stderr
    assert f"Upgraded the store from schema 0005 to {head_revision()}." in first.stdout
    assert revision(db) == head_revision()
    again = run("db", "upgrade", db=db)
    assert again.returncode == 0 and "already at schema" in again.stdout


def test_db_upgrade_creates_a_new_store_and_refuses_a_newer_one(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'new.db'}"
    created = run("db", "upgrade", db=db)
    assert created.returncode == 0 and "(none: a new store)" in created.stdout
    engine = create_engine(db)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    newer = run("db", "upgrade", db=db)
    assert newer.returncode == 1 and "newer version" in newer.stderr and "Traceback" not in newer.stderr
    assert revision(db) == "9999"
