"""The benchmark's article switch alone, on a store you give it: wall time and GUI-thread CPU.

Run (offscreen): QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench_switch.py STORE.db [--switches 100]
[--profile]. Make a store first, e.g. 1,000 synthetic articles grown to 20,000 as ``curator bench``
does::

    curator bench make-corpus 1000 /tmp/c && curator --db sqlite:////tmp/s.db import /tmp/c
    python -c "from gui.bench import replicate; print(replicate(__import__('pathlib').Path('/tmp/s.db'), 20000))"

The switches are the bench's (``gui.bench.gui_child``): select the next row from the middle of
the list, wait for ``article_shown``, let queued painting run. Work on a copy: every switch claims
an article. Besides wall time this prints the GUI thread's own CPU per switch
(``time.thread_time``), which other load on a shared machine moves much less than wall time.
"""

from __future__ import annotations

import argparse
import cProfile
import operator
import os
import pstats
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--switches", type=int, default=100)
    ap.add_argument("--profile", action="store_true", help="print a cProfile of the switch loop")
    args = ap.parse_args()

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from gui.app import prepare_qt_environment

    prepare_qt_environment()
    app = QApplication([sys.argv[0]])
    config = tempfile.mkdtemp(prefix="bench-switch-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, config)
    from gui.bench import _pct
    from gui.main_window import MainWindow
    from gui.settings import Settings
    from storage.store import open_store

    settings = Settings(QSettings(str(Path(config) / "bench.ini"), QSettings.Format.IniFormat))
    store = open_store(f"sqlite:///{args.db}")
    window = MainWindow(store, settings)
    window.show()
    t0 = time.monotonic()
    while time.monotonic() - t0 < 5 or window.jobs:  # the full list and the first background jobs
        app.processEvents()
        for job in list(window.jobs):
            job.wait(100)

    def run_and_wait(action: Any, signal: Any, accept: Any) -> None:
        loop = QEventLoop()
        hit = [False]

        def on(*values: Any) -> None:
            if accept(*values):
                hit[0] = True
                loop.quit()

        signal.connect(on)
        action()
        if not hit[0]:
            QTimer.singleShot(10000, loop.quit)
            loop.exec()
        signal.disconnect(on)

    profile = cProfile.Profile() if args.profile else None
    wall: list[float] = []
    cpu: list[float] = []
    start = window.model.rowCount() // 2
    for k in range(min(args.switches, window.model.rowCount() - start)):
        aid = window.model.article_id(start + k)
        if profile is not None:
            profile.enable()
        t, c = time.perf_counter(), time.thread_time()
        run_and_wait(partial(window.select_article, aid), window.article_shown, partial(operator.eq, aid))
        app.processEvents()
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
        if profile is not None:
            profile.disable()
    print(f"{window.model.rowCount()} rows, {len(wall)} switches: wall median {statistics.median(wall):.1f} "
          f"p95 {_pct(wall, 0.95):.1f} ms; GUI-thread CPU median {statistics.median(cpu):.1f} "
          f"p95 {_pct(cpu, 0.95):.1f} ms; load {os.getloadavg()[0]:.1f}", flush=True)
    if profile is not None:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(50)
    window.close()
    store.close()
    os._exit(0)  # as the bench's child: PySide6 may crash collecting Qt objects at exit


if __name__ == "__main__":
    main()
