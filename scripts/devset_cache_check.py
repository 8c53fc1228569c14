"""Check refilled dev-set cache texts against their manifests and gold, before any code runs on them.

Usage: python scripts/devset_cache_check.py devset/cleaning/holdout5.json devset/validation3/gold ...

A cleaning manifest: for each entry, whether the cache file exists and how many ``must_not_contain``
strings (damage) and ``must_contain`` strings occur in the raw text (whitespace ignored; kept strings
also against the Simplified form). A damaged text normally holds all its damage strings; a kept
string missing from the raw text is either a repair (spin restored, a number joined) or a slip made
while copying. A gold folder: the share of its names, places, amounts and title found in the text.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

DEVSET = Path(__file__).resolve().parents[1] / "devset"


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _t2s() -> Callable[[str], str]:
    try:
        import opencc

        return opencc.OpenCC("t2s").convert  # type: ignore[no-any-return]
    except ImportError:
        return lambda s: s


def check_manifest(path: Path, t2s: Callable[[str], str]) -> None:
    for e in json.loads(path.read_text(encoding="utf-8")):
        f = DEVSET / "cache" / "cleaning" / e["file"]
        if not f.exists():
            print(f"MISSING {e['file']}")
            continue
        raw = _norm(f.read_text(encoding="utf-8"))
        simple = _norm(t2s(raw))
        damage = e.get("must_not_contain", [])
        keep = e.get("must_contain", [])
        found = sum(_norm(s) in raw or _norm(s) in simple for s in damage)
        missing = [s for s in keep if _norm(s) not in raw and _norm(s) not in simple]
        note = f" missing keep: {missing[:3]}" if missing else ""
        kept = len(keep) - len(missing)
        print(f"{e['file']:45s} {e['kind']:8s} damage {found}/{len(damage)} keep {kept}/{len(keep)}{note}")


def check_gold(gold: Path, t2s: Callable[[str], str]) -> None:
    cache = DEVSET / "cache" / gold.parent.name
    for g in sorted(gold.glob("*.json")):
        f = cache / f"{g.stem}.txt"
        if not f.exists():
            print(f"MISSING {f}")
            continue
        d = json.loads(g.read_text(encoding="utf-8"))
        raw = _norm(f.read_text(encoding="utf-8"))
        simple = _norm(t2s(raw))
        strings = [p["name"] for p in d.get("people") or []] + list(d.get("places") or [])
        strings += [a["text"] for a in d.get("amounts") or []] + ([d["title"]] if d.get("title") else [])
        missing = [s for s in strings if _norm(s) not in raw and _norm(s) not in simple]
        note = f" missing: {missing[:4]}" if missing else ""
        print(f"{f.name:10s} found {len(strings) - len(missing)}/{len(strings)}{note}")


def main() -> None:
    t2s = _t2s()
    for arg in sys.argv[1:]:
        p = Path(arg)
        if p.is_file():
            check_manifest(p, t2s)
        else:
            check_gold(p, t2s)


if __name__ == "__main__":
    main()
