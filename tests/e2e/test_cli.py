"""End-to-end: the real ``curator`` command in a subprocess against a temporary store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CURATOR = Path(sys.executable).with_name("curator")


def run(*args: str, db: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([str(CURATOR), "--db", db, *args], capture_output=True, text=True, env=full_env,
                          timeout=300)


def test_import_list_show_export(tmp_path: Path, seeds_dir: Path) -> None:
    db = f"sqlite:///{tmp_path / 'e2e.db'}"
    first = run("import", str(seeds_dir), db=db)
    assert first.returncode == 0, first.stderr
    assert "Imported 5, duplicates skipped 0, failed 0" in first.stdout
    assert "[5/5]" in first.stderr  # progress line

    again = run("import", str(seeds_dir), db=db)
    assert again.returncode == 0 and "Imported 0, duplicates skipped 5" in again.stdout

    listing = run("list", db=db).stdout.splitlines()
    assert len(listing) == 5
    assert listing[0].split("\t")[:3] == ["1", "new", "000_49fe26fb40a68a39.txt"]

    show = run("show", "3", db=db)
    assert show.returncode == 0 and "## Repairs" in show.stdout

    out = tmp_path / "data.jsonl"
    exp = run("export", "--format", "jsonl", "--out", str(out), db=db)
    assert exp.returncode == 0, exp.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source_name"] for r in records] == sorted(p.name for p in seeds_dir.iterdir())

    none = run("export", "--out", str(tmp_path / "acc.jsonl"), "--status", "accepted", db=db)
    assert none.returncode == 0 and (tmp_path / "acc.jsonl").read_text(encoding="utf-8") == ""


def test_failures_give_exit_1_and_reasons(tmp_path: Path, seeds_dir: Path) -> None:
    db = f"sqlite:///{tmp_path / 'e2e.db'}"
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = run("import", str(seeds_dir / "001_6b8c60359d9cb5c1.txt"), str(tmp_path / "bad.txt"), db=db)
    assert result.returncode == 1
    assert "Imported 1, duplicates skipped 0, failed 1" in result.stdout
    assert "bad.txt: binary file" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["export"], ["import"], ["frobnicate"], ["export", "--out", "x", "--format", "xml"]])
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    result = run(*args, db=f"sqlite:///{tmp_path / 'u.db'}")
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_store_from_the_environment_and_newer_schema_message(tmp_path: Path, seeds_dir: Path) -> None:
    import sqlite3

    path = tmp_path / "env.db"
    result = subprocess.run([str(CURATOR), "import", str(seeds_dir / "002_1567756159cbf752.txt")],
                            capture_output=True, text=True, env={**os.environ, "CURATOR_DB": f"sqlite:///{path}"})
    assert result.returncode == 0 and path.exists()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    con.commit()
    con.close()
    refused = run("list", db=f"sqlite:///{path}")
    assert refused.returncode == 1
    assert "newer version of Article Curator" in refused.stderr and "Traceback" not in refused.stderr


def test_spin_harvest_review_reextract(tmp_path: Path) -> None:
    from tests.pipeline.cleaning.test_spin_learning import ORIGINAL, SPUN

    db = f"sqlite:///{tmp_path / 'spin.db'}"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a_original.txt").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "in" / "b_repost.txt").write_text(SPUN, encoding="utf-8")
    assert run("import", str(tmp_path / "in"), db=db).returncode == 0
    harvest = run("spin", "harvest", db=db)
    assert harvest.returncode == 0 and "new" in harvest.stdout
    rows = [line.split("\t") for line in run("spin", "list", db=db).stdout.splitlines()]
    assert ["pending", "2", "都市", "城市", "2"] in rows
    ok = run("spin", "confirm", "都市=城市", "盘算=计划", db=db)
    assert ok.returncode == 0 and "Marked 2 pairs confirmed." in ok.stdout
    bad = run("spin", "confirm", "都市", db=db)
    assert bad.returncode == 1 and "not a pair" in bad.stderr and "Traceback" not in bad.stderr
    missing = run("spin", "reject", "甲乙=丙丁", db=db)
    assert missing.returncode == 1 and "no such pair: 甲乙=丙丁" in missing.stdout
    confirmed = run("spin", "list", "--status", "confirmed", db=db).stdout.splitlines()
    assert sorted(line.split("\t")[2] for line in confirmed) == ["盘算", "都市"]
