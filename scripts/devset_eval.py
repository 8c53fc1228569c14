"""Evaluate cleaning (and extraction, where gold exists) on the development set, as a user would.

Run: .venv/bin/python scripts/devset_eval.py [-v] [--keep DIR]

The real texts live in the git-ignored cache ``devset/cache/cleaning/`` (see
``devset/cache/README.md`` to refill it); the committed manifests ``devset/cleaning/*.json``
say what a correct cleaner must keep and remove in each. Every manifest there is picked up.

Steps: import the cached texts into a fresh temporary SQLite store with ``curator import``,
export it with ``curator export``, copy the manifests beside the texts (``check_clean.py``
reads a control's raw text next to its manifest) and run ``/work/shared/tools/check_clean.py``,
which prints per-kind pass rates (the seeds are imported too, so their facts are checked). For
each gold set (``devset/extraction``, ``devset/validation``, ``devset/validation2``,
``devset/validation3``, ``devset/validation4``, ``devset/validation5``) whose texts are in the cache,
``/work/shared/tools/score.py`` scores the same export (those texts are imported too).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = Path("/work/shared/tools")
CACHE = ROOT / "devset" / "cache"
MANIFESTS = ROOT / "devset" / "cleaning"
GOLD = ROOT / "devset" / "extraction" / "gold"
# Every gold set with its cached texts: the development set, then the validation rounds (scored on
# the same export; their file names do not collide: NN, vNN, wNN, xNN, yNN, zNN, uNN, tNN).
GOLD_SETS = (("extraction", GOLD), ("validation", ROOT / "devset" / "validation" / "gold"),
             ("validation2", ROOT / "devset" / "validation2" / "gold"),
             ("validation3", ROOT / "devset" / "validation3" / "gold"),
             ("validation4", ROOT / "devset" / "validation4" / "gold"),
             ("validation5", ROOT / "devset" / "validation5" / "gold"),
             ("validation6", ROOT / "devset" / "validation6" / "gold"),
             ("validation7", ROOT / "devset" / "validation7" / "gold"))


def curator() -> list[str]:
    """The ``curator`` CLI of the interpreter running this script (so PYTHONPATH applies)."""
    return [sys.executable, "-c", "from gui.cli import main; raise SystemExit(main())"]


def run(cmd: list[str], env: dict[str, str], cwd: Path) -> None:
    # Run outside any checkout: ``python -c`` puts the working folder first on sys.path.
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=cwd)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd[-4:])}\n{done.stderr.strip()[-2000:]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", action="store_true", help="list every failed check")
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    ap.add_argument("--code", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    args = ap.parse_args()
    manifests = sorted(MANIFESTS.glob("*.json"))
    if not manifests:
        sys.exit(f"no manifests in {MANIFESTS}")
    caches = (CACHE / "cleaning", *(CACHE / name for name, _ in GOLD_SETS))
    sources = [d for d in caches if d.is_dir() and any(d.glob("*.txt"))]
    if not sources:
        sys.exit(f"the cache {CACHE} is empty: see devset/cache/README.md to refill it")
    sources.append(ROOT / "seeds")  # the seed facts are checked on the same export
    work = args.keep or Path(tempfile.mkdtemp(prefix="devset-"))
    work.mkdir(parents=True, exist_ok=True)
    texts = work / "texts"
    shutil.rmtree(texts, ignore_errors=True)
    texts.mkdir()
    for src in sources:
        for f in src.glob("*.txt"):
            shutil.copy2(f, texts / f.name)
    for m in manifests:
        shutil.copy2(m, texts / m.name)
    db = work / "store.db"
    db.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(args.code), "CURATOR_DB": f"sqlite:///{db}", "QT_QPA_PLATFORM": "offscreen"}
    export = work / "export.jsonl"
    run([*curator(), "import", "--workers", "1", *map(str, sorted(texts.glob("*.txt")))], env, work)
    run([*curator(), "export", "--format", "jsonl", "--out", str(export)], env, work)
    _copy_duplicates(export, sorted(texts.glob("*.txt")))
    check = [sys.executable, str(TOOLS / "check_clean.py"), str(export), *(str(texts / m.name) for m in manifests)]
    if args.v:
        check.append("-v")
    print(f"# cleaning: {len(manifests)} manifest(s), export {export}")
    rc = subprocess.run(check, env=env).returncode
    for name, gold in GOLD_SETS:
        if gold.is_dir() and (CACHE / name).is_dir():
            print(f"# extraction: {name}")
            subprocess.run([sys.executable, str(TOOLS / "score.py"), str(export), str(gold)], env=env)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return rc


def _copy_duplicates(export: Path, files: list[Path]) -> None:
    """The same page can stand in two sets (a residue text that is also an extraction text): the
    store keeps one article for identical bytes, so the other name gets a copy of its record."""
    first: dict[bytes, str] = {}
    twins: list[tuple[str, str]] = []
    for f in files:
        digest = hashlib.sha256(f.read_bytes()).digest()
        if digest in first:
            twins.append((f.name, first[digest]))
        else:
            first[digest] = f.name
    if not twins:
        return
    records = {}
    with export.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            records[Path(rec.get("source_name", "")).name] = rec
    with export.open("a", encoding="utf-8") as fh:
        for name, kept in twins:
            if name not in records and kept in records:
                fh.write(json.dumps({**records[kept], "source_name": name}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
