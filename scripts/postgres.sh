#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on loopback for the test suite and print its URL.
# Usage: eval "$(bash scripts/postgres.sh start)"; ...; bash scripts/postgres.sh stop
set -euo pipefail
DIR="${CURATOR_PG_DIR:-/tmp/curator-test-pg}"
PORT="${CURATOR_PG_PORT:-54329}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"

as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "${1:-start}" in
  start)
    [ -n "$BIN" ] || { echo "echo 'PostgreSQL is not installed: PostgreSQL tests will be skipped' >&2"; exit 0; }
    if [ ! -f "$DIR/PG_VERSION" ]; then
      rm -rf "$DIR"; mkdir -p "$DIR"
      [ "$(id -u)" -eq 0 ] && chown postgres "$DIR"
      as_pg "'$BIN/initdb' -D '$DIR' -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null"
    fi
    if ! as_pg "'$BIN/pg_ctl' -D '$DIR' status >/dev/null 2>&1"; then
      as_pg "'$BIN/pg_ctl' -D '$DIR' -l '$DIR/server.log' -w -o \"-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off\" start >/dev/null"
    fi
    echo "export CURATOR_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    [ -n "$BIN" ] && [ -f "$DIR/PG_VERSION" ] && as_pg "'$BIN/pg_ctl' -D '$DIR' -m fast stop >/dev/null 2>&1" || true
    ;;
esac
