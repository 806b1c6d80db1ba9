#!/usr/bin/env bash
# The one test command: installs and starts what the tests need (a throwaway PostgreSQL 15 with
# PostGIS on a loopback port), builds once, and runs every test on SQLite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/throwaway-postgres.sh

# The first free loopback port from 55432, so a leftover cluster never blocks a run.
PG_PORT="${LINLI_TEST_PG_PORT:-}"
if [[ -z "$PG_PORT" ]]; then
  for candidate in $(seq 55432 55499); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
      PG_PORT=$candidate
      break
    fi
  done
fi
log() { printf '\n== %s\n' "$*"; }

postgres_ok=1
if pg_install && pg_start "$PG_PORT"; then
  trap pg_stop EXIT
  log "PostgreSQL + PostGIS on 127.0.0.1:$PG_PORT"
else
  postgres_ok=0
  if [[ "${CI:-}" == "true" ]]; then
    echo "CI=true: the PostgreSQL tests cannot run, which is a failure." >&2
    exit 1
  fi
  echo "WARNING: PostgreSQL unavailable; only the SQLite run will happen (this fails under CI=true)." >&2
fi

# Browser tests drive Debian's Chromium (with CJK fonts, or Chinese renders as boxes).
if [[ ! -x /usr/bin/chromium || ! -d /usr/share/fonts/opentype/noto ]]; then
  if [[ "$(id -u)" == 0 ]]; then
    log "Installing Chromium and CJK fonts from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "Chromium is missing and this is not root: the browser tests will fail." >&2
  fi
fi

log "Building"
dotnet build Linli.slnx -c Release -nologo -v q

log "Tests on SQLite"
LINLI_TEST_DATABASE=sqlite dotnet test Linli.slnx -c Release --no-build -nologo

if [[ "$postgres_ok" == 1 ]]; then
  log "Tests on PostgreSQL + PostGIS"
  LINLI_TEST_DATABASE=postgres \
  LINLI_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Include Error Detail=true" \
    dotnet test tests/Linli.Tests/Linli.Tests.csproj -c Release --no-build -nologo --filter "Category=Database"
fi
log "All tests passed"
