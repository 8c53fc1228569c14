#!/usr/bin/env bash
# Install what is needed and open Article Curator on the default store (seeded on first start).
# Any arguments go to the `curator` command, e.g. `bash scripts/app.sh import ~/articles`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap_system app
bootstrap_venv
if [ $# -eq 0 ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  log "No display found: the app needs a desktop session (or run it under xvfb-run)."
fi
exec "$VENV/bin/curator" "$@"
