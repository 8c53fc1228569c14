#!/usr/bin/env bash
# Spun part of the development set, run as a user would: import the cached real texts (and the
# seeds) into a throw-away store, export JSONL, and score with the shared check_clean.py.
# Usage: scripts/eval_spin.sh [-v]   (texts in devset/cache/cleaning/, manifests in devset/cleaning/)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
py=${PYTHON:-/work/main/.venv/bin/python}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here"/devset/cache/cleaning/*.txt "$tmp"/
cp "$here"/devset/cleaning/spun.json "$here"/devset/cleaning/control-spin.json "$tmp"/
cd "$here"
PYTHONPATH=$here "$py" -m gui.cli --db "sqlite:///$tmp/x.db" import --workers 1 "$tmp" seeds/ >/dev/null
PYTHONPATH=$here "$py" -m gui.cli --db "sqlite:///$tmp/x.db" export --format jsonl --out "$tmp/out.jsonl" >/dev/null
"$py" /work/shared/tools/check_clean.py "$tmp/out.jsonl" "$tmp/spun.json" "$tmp/control-spin.json" "$@" || true
