"""A worker process that dies (killed, out of memory) costs at most the file that killed it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storage import importer
from storage.importer import import_paths

HOOK = Path(__file__).parent / "crashing_worker"
BODY = "景德镇高新区在深圳举办产业推介会，现场签约金额达20亿元。"


@pytest.fixture
def crashing_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    # Spawned workers start a fresh interpreter: the hook reaches them through PYTHONPATH only.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(HOOK), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("CURATOR_TEST_CRASHING_WORKER", "1")
    monkeypatch.setattr(importer, "PARALLEL_THRESHOLD", 4)


def _batch(folder: Path, extra: str) -> list[str]:
    folder.mkdir()
    oks = [f"{folder.name}-ok{i:02}.txt" for i in range(10)]
    for i, name in enumerate(oks):
        (folder / name).write_text(f"{BODY}{folder.name}第{i}篇。", encoding="utf-8")
    (folder / extra).write_text(f"{BODY}{folder.name}出事的一篇。", encoding="utf-8")
    return oks


@pytest.mark.timeout(240)
def test_a_file_that_kills_its_worker_fails_and_the_batch_goes_on(
        store, tmp_path: Path, crashing_workers: None) -> None:
    # On main: BrokenProcessPool aborted the whole import.
    oks = _batch(tmp_path / "always", "crash-always.txt")
    report = import_paths(store, [tmp_path / "always"], workers=2)
    assert sorted(n for _, n in report.imported) == oks
    (path, reason), = report.failed
    assert path.endswith("crash-always.txt") and reason == importer.WORKER_CRASHED
    assert not report.duplicates and not report.cancelled

    # A worker that died once on a file (a passing lack of memory) costs nothing: the retry imports it.
    oks = _batch(tmp_path / "once", "crash-once-oom.txt")
    report = import_paths(store, [tmp_path / "once"], workers=2)
    assert sorted(n for _, n in report.imported) == sorted([*oks, "crash-once-oom.txt"])
    assert not report.failed and (tmp_path / "once" / "crash-once-oom.txt.crashed").exists()
