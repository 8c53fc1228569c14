"""CPU time per article of each import stage (clean / extract / dedup signature), single core.

Run: .venv/bin/python scripts/bench_stages.py DIR [--limit 300] [--reps 3]
(make a sample first: ``curator bench make-corpus 300 DIR``). Each stage is timed with
``time.process_time`` around every article; the run is repeated and the median of each stage is
printed, so other load on a shared machine moves the figures less than wall time would.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--limit", type=int, default=300, help="at most this many files (0: all)")
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()

    from gui.bench import stage_split
    from pipeline.ingest.readable import readable_documents

    docs = readable_documents(args.folders, args.limit)
    stage_split(docs[:3])  # lexicons, jieba and datasketch load on first use: not part of the figure
    runs = [stage_split(docs) for _ in range(args.reps)]
    chars = sum(len(d.text) for d in docs)
    print(f"{len(docs)} articles, {chars / max(len(docs), 1):.0f} chars each, median of {args.reps} runs:")
    total = 0.0
    for key in runs[0]:
        values = [r[key] for r in runs]
        med = statistics.median(values)
        total += med
        print(f"  {key:32} {med:8.2f}   (runs: {', '.join(f'{v:.2f}' for v in values)})")
    print(f"  {'total_cpu_ms_per_article':32} {total:8.2f}")


if __name__ == "__main__":
    main()
