#!/usr/bin/env bash
# Install what is needed and run the whole test suite: lint (ruff), types (mypy), layering
# (import-linter) and pytest (unit, storage on SQLite and PostgreSQL, GUI offscreen, end to end).
# Arguments go to pytest, e.g. `bash scripts/test.sh tests/storage -x`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap_system test
bootstrap_venv test
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
if [ -z "${CURATOR_TEST_PG_URL:-}" ]; then
  eval "$(bash scripts/postgres.sh start)"
  trap 'bash scripts/postgres.sh stop' EXIT
fi
# Every check runs even when an earlier one fails, so one report shows everything; pytest goes last.
failed=()
log "ruff";          "$VENV/bin/ruff" check . || failed+=(ruff)
log "mypy";          "$VENV/bin/mypy" || failed+=(mypy)
log "import-linter"; "$VENV/bin/lint-imports" || failed+=(import-linter)
log "pytest"
status=0
"$VENV/bin/python" -m pytest "$@" || status=$?
if [ ${#failed[@]} -gt 0 ]; then
  echo "Checks that failed besides pytest: ${failed[*]}" >&2
  [ $status -eq 0 ] && status=1
fi
exit $status
