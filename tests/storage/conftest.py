"""Storage tests run on SQLite and, where a server is given (CURATOR_TEST_PG_URL, started by
scripts/test.sh), on PostgreSQL too: the same code must work on both."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

PG_URL = os.environ.get("CURATOR_TEST_PG_URL")


@pytest.fixture
def pg_database() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("no PostgreSQL server (set CURATOR_TEST_PG_URL; scripts/test.sh starts one)")
    name = f"curator_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[object]:
    from storage.store import open_store

    url = f"sqlite:///{tmp_path / 'store.db'}" if request.param == "sqlite" else request.getfixturevalue("pg_database")
    s = open_store(url)
    yield s
    s.close()
