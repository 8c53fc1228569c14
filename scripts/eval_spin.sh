#!/usr/bin/env bash
# Spun part of the development set, run as a user would: import the cached real texts (and the
# seeds) into a throw-away store, export JSONL, and score with the shared check_clean.py.
# Usage: scripts/eval_spin.sh [--learn] [-v]   (texts in devset/cache/cleaning/, manifests in devset/cleaning/)
#   --learn  also run 'curator spin harvest', confirm every harvested pair unreviewed, and
#            'curator reextract' before exporting: an upper bound of what item 4 adds once a
#            reviewer has confirmed the pairs (a reviewer would reject some).
set -euo pipefail
learn=0
if [[ "${1:-}" == "--learn" ]]; then learn=1; shift; fi
here=$(cd "$(dirname "$0")/.." && pwd)
py=${PYTHON:-/work/main/.venv/bin/python}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here"/devset/cache/cleaning/*.txt "$tmp"/
# every spun round and its controls (spun.json, spun2.json, ... and control-spin*.json)
cp "$here"/devset/cleaning/spun*.json "$here"/devset/cleaning/control-spin*.json "$tmp"/
cd "$here"
PYTHONPATH=$here "$py" -m gui.cli --db "sqlite:///$tmp/x.db" import --workers 1 "$tmp" seeds/ >/dev/null
if (( learn )); then
  PYTHONPATH=$here "$py" -m gui.cli --db "sqlite:///$tmp/x.db" spin harvest
  PYTHONPATH=$here "$py" -m gui.cli --db "sqlite:///$tmp/x.db" spin confirm --all-pending >/dev/null
  PYTHONPATH=$here "$py" -m gui.cli --db "sqlite:///$tmp/x.db" reextract >/dev/null
fi
PYTHONPATH=$here "$py" -m gui.cli --db "sqlite:///$tmp/x.db" export --format jsonl --out "$tmp/out.jsonl" >/dev/null
"$py" /work/shared/tools/check_clean.py "$tmp/out.jsonl" "$tmp"/spun*.json "$tmp"/control-spin*.json "$@" || true
