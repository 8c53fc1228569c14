"""The real `curator` command against stores that would lose data or are damaged: one clear
message and exit 1, never a traceback; `db check` and `db backup` from the command line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

CURATOR = Path(sys.executable).with_name("curator")


def run(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CURATOR), "--db", db, *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=300)


@pytest.mark.parametrize("db", ["sqlite:///", "sqlite:///:memory:"])
def test_a_store_that_keeps_nothing_is_refused(db: str, seeds_dir: Path) -> None:
    result = run("import", str(seeds_dir), db=db)
    assert result.returncode == 1
    assert "Imported" not in result.stdout
    assert "nothing would be stored" in result.stderr and "Traceback" not in result.stderr


def test_every_command_on_a_garbage_store_gives_one_message(tmp_path: Path, seeds_dir: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"SQLite format 2\x00" + os.urandom(30_000))
    db = f"sqlite:///{path}"
    before = path.read_bytes()
    for args in (["list"], ["show", "1"], ["import", str(seeds_dir)], ["reextract"],
                 ["export", "--out", str(tmp_path / "x.jsonl")], ["db", "backup", str(tmp_path / "b.db")]):
        result = run(*args, db=db)
        assert result.returncode == 1, args
        assert "Traceback" not in result.stderr, (args, result.stderr)
        assert "The store is damaged (file is not a database). Nothing was changed." in result.stderr, args
    check = run("db", "check", db=db)
    assert check.returncode == 1 and "DAMAGED" in check.stdout and "Traceback" not in check.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["garbage.db"]


def test_db_check_and_backup(tmp_path: Path, seeds_dir: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert run("import", str(seeds_dir), db=db).returncode == 0
    check = run("db", "check", db=db)
    assert check.returncode == 0 and "ok: the store is sound (sqlite, 5 articles; checked in " in check.stdout
    backup = run("db", "backup", str(tmp_path / "copy.db"), db=db)
    assert backup.returncode == 0 and "copy checked: ok" in backup.stdout
    con = sqlite3.connect(tmp_path / "copy.db")
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (5,)
    finally:
        con.close()
