"""Time every export format on one store, optionally against another checkout on the same store.

Run: .venv/bin/python scripts/bench_exports.py build DIR --corpus 2000 --store 10000
     .venv/bin/python scripts/bench_exports.py time DIR/store.db [--formats hf,jsonl] [--yardstick /path/to/old]

``build`` makes a store the way ``curator bench`` does (a synthetic corpus imported with all cores,
replicated at the SQL level to ``--store`` articles, near-duplicate groups recomputed). ``time``
exports each format in a fresh process (``curator_export_child``) and prints wall time and CPU
time (the process and its workers): on a shared machine CPU seconds move less than wall time, and
with ``--yardstick`` each format is also exported by that checkout's code in the same minute, so
the ratio of the two is the figure to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("jsonl", "csv", "doccano", "labelstudio", "conll", "spacy", "hf")


def build(folder: Path, corpus_n: int, store_n: int) -> Path:
    sys.path.insert(0, str(ROOT))
    from gui.bench import measure_import, replicate
    from pipeline.bench.corpus import make_corpus
    from storage.grouping import regroup
    from storage.store import open_store

    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus"
    if not corpus.exists():
        make_corpus(corpus_n, corpus, 0)
    db = folder / "import.db"
    if not db.exists():
        print(measure_import(corpus, db), flush=True)
    store_db = folder / "store.db"
    shutil.copyfile(db, store_db)
    print(replicate(store_db, store_n), flush=True)
    store = open_store(f"sqlite:///{store_db}")
    try:
        print(regroup(store, sign=False), flush=True)
    finally:
        store.close()
    return store_db


CHILD = """
import json, resource, sys, time
from pathlib import Path
from storage.curated_export import ExportOptions, export
from storage.store import open_store
store = open_store("sqlite:///" + sys.argv[1])
t0 = time.perf_counter()
report = export(store, Path(sys.argv[2]), ExportOptions(fmt=sys.argv[3]))
wall = time.perf_counter() - t0
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall_s": wall, "cpu_s": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
                  "articles": report.count}))
"""


def time_one(code_root: Path, db: Path, fmt: str, out: Path) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(code_root), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD, str(db), str(out), fmt], env=env, cwd=tempfile.gettempdir(),
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()
        return {"error": tail[-1] if tail else "failed"}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("dir", type=Path)
    b.add_argument("--corpus", type=int, default=2000)
    b.add_argument("--store", type=int, default=10_000)
    t = sub.add_parser("time")
    t.add_argument("db", type=Path)
    t.add_argument("--formats", default=",".join(FORMATS))
    t.add_argument("--yardstick", type=Path, help="another checkout whose code exports the same store first")
    args = ap.parse_args()
    if args.cmd == "build":
        print(build(args.dir, args.corpus, args.store))
        return
    out_dir = Path(tempfile.mkdtemp(prefix="bench-exports-"))
    try:
        for fmt in args.formats.split(","):
            row: dict[str, object] = {"format": fmt, "load": round(os.getloadavg()[0], 1)}
            if args.yardstick:
                row["yardstick"] = time_one(args.yardstick, args.db, fmt, out_dir / f"old-{fmt}")
                _empty(out_dir)
            row["this"] = time_one(ROOT, args.db, fmt, out_dir / f"new-{fmt}")
            _empty(out_dir)
            print(json.dumps(row), flush=True)
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)


def _empty(folder: Path) -> None:
    for p in folder.iterdir():
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink()

if __name__ == "__main__":
    main()
