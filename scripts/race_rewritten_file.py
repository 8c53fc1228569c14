"""Import a file while another thread keeps rewriting it; count how often it is stored cut short.

    PYTHONPATH=. python scripts/race_rewritten_file.py 6 20000   # runs, lines (20000: ~1.6 MB)

The writer truncates the file and writes it again in 64 KB pieces with short pauses, without end.
A correct import either stores a complete copy or reports that the file kept changing; it never
stores a truncated one (issue 10: main stored it cut short in 4 of 6 runs; this script, 5 of 6).
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path

from storage.importer import import_paths
from storage.queries import get_article
from storage.store import open_store


def main(runs: int, lines: int) -> None:
    full = ("Jingdezhen high-tech zone investment fair held in Shenzhen, 143 projects signed.\n" * lines).encode()
    complete = truncated = reported = 0
    for _ in range(runs):
        folder = Path(tempfile.mkdtemp())
        live = folder / "live.txt"
        live.write_bytes(full)
        stop = threading.Event()

        def writer(live: Path = live, stop: threading.Event = stop) -> None:
            while not stop.is_set():
                with open(live, "wb") as fh:
                    for i in range(0, len(full), 1 << 16):
                        fh.write(full[i : i + (1 << 16)])
                        fh.flush()
                        time.sleep(0.0005)

        thread = threading.Thread(target=writer)
        thread.start()
        time.sleep(0.01)
        store = open_store(f"sqlite:///{folder / 'store.db'}")
        try:
            report = import_paths(store, [live])
        finally:
            stop.set()
            thread.join()
        if report.imported:
            size = len(get_article(store, report.imported[0][0]).raw_text.encode())
            complete += size == len(full)
            truncated += size != len(full)
        else:
            reported += 1
        store.close()
    print(f"runs {runs}: stored complete {complete}, stored truncated {truncated}, reported {reported}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 6, int(sys.argv[2]) if len(sys.argv) > 2 else 20000)
