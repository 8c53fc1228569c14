"""Per text of the development set (and the seeds): the spin judgement's evidence and whether it crosses.

Run: PYTHONPATH=. .venv/bin/python scripts/spin_judgement.py [--all]

For each text named by a manifest in ``devset/cleaning/`` (texts in the git-ignored cache) and each
seed, the text the spin step sees is taken from a real cleaning run; printed: its kind, Han
characters, evidence pieces and score per 1,000 (markers, variants, compound hits, proved swaps),
whether the cleaner removed inserted spam, the near-non-word density (distinct windows per 1,000
Han characters, names and numbers set aside) with its windows, the judgement by evidence alone
(column ev3: MIN_MARKERS pieces; proved swaps count as evidence) and by the current rule, with its
reason. Without ``--all`` only texts with some
evidence, spam, a density of 5 or more, or a spun kind are listed; the maxima per kind always are.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="list every text")
    args = ap.parse_args()

    from pipeline.cleaning import pipeline, spinning
    from pipeline.cleaning.base import han_count
    from pipeline.cleaning.spin_density import near_non_word_density
    from pipeline.ingest.reader import read_file

    kinds: dict[str, str] = {}
    for m in sorted((ROOT / "devset" / "cleaning").glob("*.json")):
        for e in json.loads(m.read_text(encoding="utf-8")):
            kinds[e["file"]] = e["kind"]
    cache = ROOT / "devset" / "cache" / "cleaning"
    files = [(cache / f, k) for f, k in kinds.items() if (cache / f).exists()]
    files += [(p, "seed") for p in sorted((ROOT / "seeds").glob("*.txt"))]

    seen: dict[str, tuple[str, bool, bool]] = {}
    real = spinning.restore_spin

    def spy(text: str, **kw: object) -> object:
        seen["t"] = (text, bool(kw.get("spam")), bool(kw.get("lookalikes", True)))
        return real(text, **kw)  # type: ignore[arg-type]

    pipeline.spinning.restore_spin = spy  # type: ignore[assignment]
    freq = spinning._jieba().FREQ
    rows = []
    for path, kind in files:
        doc = read_file(path)
        pipeline.clean(doc.text, doc.format)
        text, spam, lookalikes = seen["t"]
        score, n = spinning.spin_score(text, lookalikes=lookalikes)
        han = han_count(text)
        density, windows = near_non_word_density(text, freq, han)
        why = spinning.judgement(text, score, n, spam=spam)
        rows.append((kind, path.stem, han, n, score, spam, density, windows, spinning.is_spun(score, n), why))
    head = f"{'kind':8} {'text':34} {'han':>5} {'ev':>3} {'score':>6} spam {'nnw':>5} {'win':>3}"
    print(head + " ev3 now  reason / windows")
    top: dict[str, float] = {}
    for kind, name, han, n, score, spam, density, windows, old, why in rows:
        top[kind] = max(top.get(kind, 0.0), density)
        if args.all or n or spam or density >= 5 or kind == "spun":
            shown = why or " ".join(windows[:8])
            print(
                f"{kind:8} {name[:34]:34} {han:5} {n:3} {score:6.1f} {'yes' if spam else 'no':4} {density:5.1f}"
                f" {len(windows):3} {'Y' if old else '-':3} {'Y' if why else '-':4} {shown}"
            )
    print("highest near-non-word density per kind: " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(top.items())))
    crossed = [r[1] for r in rows if r[9] and r[0] != "spun" and not (r[0] == "seed" and r[8])]
    print(f"texts not of kind spun judged spun (a seed judged by the old rule is spun itself): {crossed or 'none'}")


if __name__ == "__main__":
    main()
