#!/usr/bin/env bash
# The one test command: installs and starts what the tests need (a throwaway PostgreSQL 15 with
# PostGIS and a throwaway Redis on loopback ports, nginx for the cluster), builds once, runs every
# test on SQLite and on PostgreSQL, then two nodes behind nginx (the cluster tests).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/throwaway-postgres.sh
source scripts/throwaway-redis.sh

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
trap 'pg_stop; redis_stop' EXIT
if pg_install && pg_start "$PG_PORT"; then
  log "PostgreSQL + PostGIS on 127.0.0.1:$PG_PORT"
else
  postgres_ok=0
  if [[ "${CI:-}" == "true" ]]; then
    echo "CI=true: the PostgreSQL tests cannot run, which is a failure." >&2
    exit 1
  fi
  echo "WARNING: PostgreSQL unavailable; only the SQLite run will happen (this fails under CI=true)." >&2
fi

redis_ok=1
REDIS_PORT="${LINLI_TEST_REDIS_PORT:-}"
if [[ -z "$REDIS_PORT" ]]; then
  for candidate in $(seq 56379 56399); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
      REDIS_PORT=$candidate
      break
    fi
  done
fi
if redis_install && redis_start "$REDIS_PORT"; then
  log "Redis on 127.0.0.1:$REDIS_PORT"
else
  redis_ok=0
  if [[ "${CI:-}" == "true" ]]; then
    echo "CI=true: the cluster tests cannot run without Redis and nginx, which is a failure." >&2
    exit 1
  fi
  echo "WARNING: Redis or nginx unavailable; the cluster tests will not run (this fails under CI=true)." >&2
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
LINLI_TEST_DATABASE=sqlite dotnet test Linli.slnx -c Release --no-build -nologo --filter "Category!=Cluster"

if [[ "$postgres_ok" == 1 ]]; then
  log "Tests on PostgreSQL + PostGIS"
  LINLI_TEST_DATABASE=postgres \
  LINLI_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Include Error Detail=true" \
    dotnet test tests/Linli.Tests/Linli.Tests.csproj -c Release --no-build -nologo --filter "Category=Database"
fi
if [[ "$postgres_ok" == 1 && "$redis_ok" == 1 ]]; then
  log "Cluster: two nodes behind nginx on PostgreSQL and Redis"
  LINLI_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres" LINLI_TEST_REDIS="127.0.0.1:$REDIS_PORT" \
    dotnet test tests/Linli.ClusterTests/Linli.ClusterTests.csproj -c Release --no-build -nologo \
    --logger "console;verbosity=normal" --filter "Category=Cluster"
fi
log "All tests passed"
