"""``import_pg_10k_s``: real ``curator import`` processes into a fresh PostgreSQL database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gui.bench import measure_import_pg, measure_import_pg_all


def test_two_processes_store_every_file_once(tmp_path: Path, seeds_dir: Path) -> None:
    server = os.environ.get("CURATOR_TEST_PG_URL")
    if not server:
        pytest.skip("no PostgreSQL server (set CURATOR_TEST_PG_URL)")
    figures = measure_import_pg(seeds_dir, server, 2, tmp_path)
    files = [p for p in seeds_dir.rglob("*") if p.is_file() and p.suffix in (".txt", ".html", ".md")]
    assert figures["import_pg_articles_2proc"] == len(files)
    assert figures["import_pg_10k_s_2proc"] > 0 and "import_pg_errors_2proc" not in figures


def test_without_a_server_the_figure_is_skipped_with_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CURATOR_BENCH_PG_URL", raising=False)
    monkeypatch.delenv("CURATOR_TEST_PG_URL", raising=False)
    assert "skipped" in measure_import_pg_all(tmp_path, tmp_path)["import_pg_note"]
