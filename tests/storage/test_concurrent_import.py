"""Imports from several processes into one store: each file stored once, the content hash decides."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storage.models import Article
from storage.store import open_store

ROOT = Path(__file__).resolve().parents[2]
CURATOR = Path(sys.executable).with_name("curator")


def _corpus(folder: Path, names: range) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in names:
        text = f"第{i}篇\n\n招商推介会第{i}场在深圳举办，签约项目{i}个。\n"
        (folder / f"{i:03}.txt").write_text(text, encoding="utf-8")


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store nobody has opened yet: both imports race to create its schema too."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'fresh.db'}"
    url: str = request.getfixturevalue("pg_database")
    return url


def test_two_imports_of_overlapping_folders_store_each_file_once(fresh_url: str, tmp_path: Path) -> None:
    # 90 distinct texts: A holds 0-59, B holds 30-89 (30 shared, under other paths too)
    _corpus(tmp_path / "a", range(60))
    _corpus(tmp_path / "b", range(30, 90))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([str(CURATOR), "--db", fresh_url, "import", "--workers", "1", str(tmp_path / d)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for d in ("a", "b")]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, (out, err[-2000:])
    store = open_store(fresh_url)
    try:
        with store.session() as s:
            assert s.scalar(select(func.count(Article.id))) == 90
            assert s.scalar(select(func.count(func.distinct(Article.sha256)))) == 90
    finally:
        store.close()
