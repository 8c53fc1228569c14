#!/usr/bin/env bash
# Prepare this checkout to run: system libraries Qt needs (when we may install them), a virtual
# environment in .venv, and the project installed into it. Sourced by app.sh and test.sh.
#   bootstrap_system app|test   bootstrap_venv [extras]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="${PYTHON:-python3}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Debian/Ubuntu package names: the shared libraries the PySide6 wheels load, a CJK font so
# Chinese renders as text rather than boxes, and (for tests) a virtual X server and PostgreSQL.
APP_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 fonts-noto-cjk)
TEST_PACKAGES=(xvfb xauth postgresql)

bootstrap_system() {
  local want=("${APP_PACKAGES[@]}")
  [ "${1:-app}" = test ] && want+=("${TEST_PACKAGES[@]}")
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=()
  for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    log "Missing system packages (install them with your package manager): ${missing[*]}"
  fi
}

bootstrap_venv() {
  local extras="${1:-}"
  "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "Article Curator needs Python 3.11 or newer; $PY is $("$PY" --version 2>&1)." >&2; exit 1; }
  if [ ! -x "$VENV/bin/python" ]; then
    log "Creating the virtual environment in .venv"
    if ! "$PY" -m venv "$VENV" 2>/dev/null; then
      rm -rf "$VENV"
      if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq >/dev/null && apt-get install -y -qq python3-venv >/dev/null
        "$PY" -m venv "$VENV"
      else
        "$PY" -m pip install --user -q virtualenv && "$PY" -m virtualenv -q "$VENV"
      fi
    fi
  fi
  # Reinstall only when the dependencies changed: a stamp keyed on pyproject.toml and the extras.
  local stamp="$VENV/.installed-$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)-${extras:-base}"
  if [ ! -f "$stamp" ]; then
    log "Installing Article Curator${extras:+ with [$extras]} into .venv"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$ROOT${extras:+[$extras]}"
    rm -f "$VENV"/.installed-*
    touch "$stamp"
  fi
}
