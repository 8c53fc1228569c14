"""Leave-one-out check of the harvested tier: learn from all pairs but one, restore the held-out
spun text, and count what came back right.

For each pair the table is rebuilt from the other pairs (same rules as build_spin_harvest.py), the
held-out spun text is restored with it, and every restoration is compared with the held-out
original: right (the original has the restored word at the aligned place), wrong, and how many of
the pair's own swaps remain. Usage: python scripts/spin_harvest_loo.py
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cleaning import spinning  # noqa: E402
from pipeline.cleaning.base import key_finder  # noqa: E402
from pipeline.cleaning.spin_learning import substitutions  # noqa: E402
from pipeline.cleaning.spin_lexicon import HarvestEntry, lexicon  # noqa: E402

spec = importlib.util.spec_from_file_location("build_spin_harvest", ROOT / "scripts" / "build_spin_harvest.py")
assert spec is not None and spec.loader is not None
build = importlib.util.module_from_spec(spec)
sys.modules["build_spin_harvest"] = build
spec.loader.exec_module(build)


def main() -> int:
    pairs = json.loads(build.MANIFEST.read_text(encoding="utf-8"))["pairs"]
    base = lexicon()
    total_right = total_wrong = total_swaps = 0
    for held in pairs:
        others = [p for p in pairs if p["id"] != held["id"]]
        tallies, _ = build.harvest(others)
        kept = build.chain_free({k: t for k, t in tallies.items() if len(t.docs) >= build.min_docs_for(*k)})
        table = {
            s: HarvestEntry(s, o, len(t.docs), spinning.word_freq(s), spinning.word_freq(o), False)
            for (s, o), t in kept
        }
        lex = dataclasses.replace(base, harvest=table, harvest_rx=key_finder(table))
        spinning.lexicon = lambda lex=lex: lex  # type: ignore[assignment]
        spun = (build.CACHE / f"{held['id']}.spun.txt").read_text(encoding="utf-8")
        orig = (build.CACHE / f"{held['id']}.orig.txt").read_text(encoding="utf-8")
        step = spinning.restore_spin(spun)
        truth = {(s.spun, s.original) for s in substitutions(spun, orig)[1]}
        h_edits = [e for e in step.edits if "第h层" in e.note]
        right = sum(1 for e in h_edits if (spun[e.start : e.end], e.replacement) in truth or e.replacement in orig)
        wrong = len(h_edits) - right
        total_right += right
        total_wrong += wrong
        total_swaps += len(truth)
        print(f"{held['id']:22} spun={'spun' in step.flags!s:5} tier-h restored {right:3} right {wrong:2} wrong"
              f" of {len(truth):3} aligned swaps; suspects {len(step.marks)}")
    print(f"all: {total_right} right, {total_wrong} wrong restorations; {total_swaps} aligned swaps held out")
    spinning.lexicon = lexicon  # type: ignore[assignment]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
