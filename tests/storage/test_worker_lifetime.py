"""Worker processes die with their parent: kill -9 an import or a parallel export and its
workers are gone within seconds (before, they lived on reparented, one holding the store)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage.exporting import export_dataset
from storage.importer import import_paths
from storage.store import Store

REPO = Path(__file__).resolve().parents[2]

PRELUDE = r'''
import os, sys, time

def workers():
    """This process's pool workers (spawned children), from /proc."""
    found = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{d}/cmdline", "rb") as fh:
                cmd = fh.read()
        except (OSError, ValueError, IndexError):
            continue
        if ppid == os.getpid() and b"spawn_main" in cmd:
            found.append(int(d))
    return found

def hold(*_args):
    """Called from inside the running job: report the workers, then block until killed."""
    deadline = time.monotonic() + 60
    while len(workers()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    print(" ".join(map(str, workers())), flush=True)
    time.sleep(600)
'''

IMPORT = PRELUDE + r'''
import storage.importer as importer
from storage.store import open_store
importer.PARALLEL_THRESHOLD = 1
# the first report (done=0, the file count) comes before the pool starts: hold at the next one
importer.import_paths(open_store(sys.argv[1]), [sys.argv[2]], workers=2,
                      progress=lambda p: hold() if p.done else None)
'''

EXPORT = PRELUDE + r'''
import storage.exporting as exporting
from storage.store import open_store
exporting.PARALLEL_THRESHOLD = 1
exporting.CHUNK = 1
exporting.export_dataset(open_store(sys.argv[1]), sys.argv[2], "jsonl", workers=2, progress=hold)
'''

WATCHDOG_ONLY = PRELUDE + r'''
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pipeline.lifeline import watch_parent
pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"),
                           initializer=watch_parent, initargs=(os.getpid(),))
futures = [pool.submit(time.sleep, 600) for _ in range(2)]
hold()
'''


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            state = fh.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status is left


def _kill_parent_and_watch_workers(script: str, *args: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        pids = [int(p) for p in line.split()]
        assert len(pids) == 2, line
        assert all(_alive(p) for p in pids)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        # Not communicate(): surviving workers share the pipes and would keep it waiting.
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()
    deadline = time.monotonic() + 5
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [p for p in pids if _alive(p)]
    for p in survivors:  # do not leave them to the rest of the suite
        os.kill(p, signal.SIGKILL)
    assert not survivors, f"workers outlived their killed parent: {survivors}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_import_workers_die_with_a_killed_import(store: Store, tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:03}.txt").write_text(f"第{i}篇：招商推介会在成都举行，签约项目{i}个。", encoding="utf-8")
    _kill_parent_and_watch_workers(IMPORT, store.url, str(folder))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_export_workers_die_with_a_killed_export_and_its_part_is_cleaned_later(
    store: Store, tmp_path: Path, seeds_dir: Path
) -> None:
    import_paths(store, [seeds_dir])
    out = tmp_path / "out" / "data.jsonl"
    out.parent.mkdir()
    _kill_parent_and_watch_workers(EXPORT, store.url, str(out))
    (part,) = list(out.parent.iterdir())  # the killed export's temporary file
    assert part.name.startswith(".data.jsonl.") and part.name.endswith(".part")
    old = time.time() - 60
    os.utime(part, (old, old))
    assert export_dataset(store, out, "jsonl").count == 5
    assert [p.name for p in out.parent.iterdir()] == ["data.jsonl"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_portable_watchdog_alone_ends_orphaned_workers() -> None:
    _kill_parent_and_watch_workers(WATCHDOG_ONLY)
