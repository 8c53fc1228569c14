"""Several processes opening one fresh store at once: one migrates, the others wait and go on."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.storage.conftest import PG_URL

ROOT = Path(__file__).resolve().parents[2]
OPENERS = 4
ROUNDS = 3

_OPEN = (
    "import sys\n"
    "from storage.store import open_store\n"
    "s = open_store(sys.argv[1]); s.close(); print('ok')\n"
)


def _open_together(url: str) -> list[subprocess.CompletedProcess[str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", _OPEN, url], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
             for _ in range(OPENERS)]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
    return results


def _assert_all_opened(url: str) -> None:
    for r in _open_together(url):
        assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr[-2000:]
    from storage.store import head_revision, open_store

    s = open_store(url)
    try:
        with s.engine.connect() as c:
            assert c.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [head_revision()]
    finally:
        s.close()


def test_sqlite_fresh_store_opened_by_several_processes_at_once(tmp_path: Path) -> None:
    for i in range(ROUNDS):
        _assert_all_opened(f"sqlite:///{tmp_path / f'store{i}.db'}")


def test_postgresql_fresh_store_opened_by_several_processes_at_once() -> None:
    if not PG_URL:
        pytest.skip("no PostgreSQL server (set CURATOR_TEST_PG_URL; scripts/test.sh starts one)")
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        for _ in range(ROUNDS):
            name = f"curator_test_{uuid.uuid4().hex[:12]}"
            with admin.connect() as c:
                c.exec_driver_sql(f'CREATE DATABASE "{name}"')
            try:
                _assert_all_opened(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
            finally:
                with admin.connect() as c:
                    c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()
