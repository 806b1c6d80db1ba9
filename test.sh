#!/usr/bin/env bash
# The one test command: installs and starts what the tests need (a throwaway PostgreSQL 15 with
# PostGIS on a loopback port), builds once, and runs every test on SQLite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"

PG_PORT="${LINLI_TEST_PG_PORT:-55432}"
PG_BIN=/usr/lib/postgresql/15/bin
WORK="$(mktemp -d /tmp/linli-test.XXXXXX)"
PG_DIR="$WORK/pg"

log() { printf '\n== %s\n' "$*"; }

install_services() {
  if [[ -x "$PG_BIN/postgres" && -f /usr/share/postgresql/15/extension/postgis.control ]]; then
    return
  fi
  if [[ "$(id -u)" != 0 ]]; then
    echo "PostgreSQL 15 with PostGIS is missing and this is not root: cannot apt-get install it." >&2
    return 1
  fi
  log "Installing PostgreSQL 15 + PostGIS from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql postgresql-15-postgis-3 >/dev/null
}

start_postgres() {
  mkdir -p "$PG_DIR"
  local run=()
  if [[ "$(id -u)" == 0 ]]; then
    chown -R postgres:postgres "$WORK"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
  trap stop_postgres EXIT
}

stop_postgres() {
  local run=()
  [[ "$(id -u)" == 0 ]] && run=(runuser -u postgres --)
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}

postgres_ok=1
if install_services && start_postgres; then
  log "PostgreSQL + PostGIS on 127.0.0.1:$PG_PORT"
else
  postgres_ok=0
  if [[ "${CI:-}" == "true" ]]; then
    echo "CI=true: the PostgreSQL tests cannot run, which is a failure." >&2
    exit 1
  fi
  echo "WARNING: PostgreSQL unavailable; only the SQLite run will happen (this fails under CI=true)." >&2
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
