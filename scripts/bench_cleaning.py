"""Cleaning throughput on the seed corpus repeated to at least 5 MB, single core.

Run: .venv/bin/python scripts/bench_cleaning.py [--mb 5] [--no-jieba]
Prints characters per second for (a) the seeds cleaned one document at a time, repeated until
the corpus is >= N MB, (b) the plain-text seeds concatenated into one text (linearity check),
and (c) plain jieba.lcut on the same documents, for the throughput target (clean + extract
>= 0.5x jieba). Times are CPU time of this process, so other load on the machine skews less.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.cleaning import clean  # noqa: E402
from pipeline.document import SourceFormat  # noqa: E402


def seed_docs() -> list[tuple[str, SourceFormat]]:
    docs: list[tuple[str, SourceFormat]] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        fmt: SourceFormat = "markdown" if text.lstrip().startswith("---") else "text"
        docs.append((text, fmt))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--no-jieba", action="store_true")
    args = ap.parse_args()
    docs = seed_docs()
    for text, fmt in docs:  # warm up: lazy tables (OpenCC, pypinyin, lexicons) load here
        clean(text, fmt)
    target = int(args.mb * 1_000_000)
    one = sum(len(t.encode("utf-8")) for t, _ in docs)
    reps = target // one + 1
    batch = docs * reps
    chars = sum(len(t) for t, _ in batch)
    size = sum(len(t.encode("utf-8")) for t, _ in batch)
    t0 = time.process_time()
    for text, fmt in batch:
        clean(text, fmt)
    dt = time.process_time() - t0
    print(
        f"per-document: {len(batch)} docs, {size / 1e6:.1f} MB, {chars:,} chars in {dt:.2f}s "
        f"= {chars / dt:,.0f} chars/s"
    )
    big = "\n\n".join(t for t, f in batch if f == "text")
    t0 = time.process_time()
    clean(big, "text")
    dt_big = time.process_time() - t0
    print(f"one text: {len(big):,} chars in {dt_big:.2f}s = {len(big) / dt_big:,.0f} chars/s")
    if not args.no_jieba:
        import jieba

        jieba.setLogLevel(60)
        jieba.lcut("预热")
        t0 = time.process_time()
        for text, _ in batch:
            jieba.lcut(text)
        dt_j = time.process_time() - t0
        print(f"jieba.lcut, same documents: {chars / dt_j:,.0f} chars/s")
        print(f"cleaning / jieba throughput: {dt_j / dt:.1f}x")


if __name__ == "__main__":
    main()
