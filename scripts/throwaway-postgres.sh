# Sourced by test.sh and the benchmarks: a throwaway PostgreSQL 15 + PostGIS cluster on loopback.
# Usage: source scripts/throwaway-postgres.sh; pg_install && pg_start PORT; … ; pg_stop
PG_BIN=/usr/lib/postgresql/15/bin

pg_install() {
  if [[ -x "$PG_BIN/postgres" && -f /usr/share/postgresql/15/extension/postgis.control ]]; then
    return 0
  fi
  if [[ "$(id -u)" != 0 ]]; then
    echo "PostgreSQL 15 with PostGIS is missing and this is not root: cannot apt-get install it." >&2
    return 1
  fi
  echo "Installing PostgreSQL 15 + PostGIS from Debian packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql postgresql-15-postgis-3 >/dev/null
}

_pg_as_owner() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Starts a cluster in a new temporary folder on 127.0.0.1:PORT; sets PG_WORK.
# PG_KEEP=DIR uses (or creates) the cluster in DIR instead and keeps it after pg_stop, for a
# benchmark whose data takes long to build.
pg_start() {
  local port="$1"
  if [[ -n "${PG_KEEP:-}" ]]; then PG_WORK="$PG_KEEP"; mkdir -p "$PG_WORK"; else PG_WORK="$(mktemp -d /tmp/linli-pg.XXXXXX)"; fi
  [[ "$(id -u)" == 0 ]] && chown postgres:postgres "$PG_WORK"
  if [[ ! -f "$PG_WORK/data/PG_VERSION" ]]; then
    _pg_as_owner "$PG_BIN/initdb" -D "$PG_WORK/data" -A trust -U postgres >/dev/null || return 1
  fi
  # Durability is pointless for a throwaway test cluster; speed is not. PG_DURABLE=1 keeps the
  # defaults (fsync, synchronous commit) for benchmarks whose point is a durable commit.
  local fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [[ "${PG_DURABLE:-}" == 1 ]] && fast=""
  # PG_OPTIONS adds server settings (the scale benchmark sizes memory like a production server).
  fast="$fast ${PG_OPTIONS:-}"
  _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/log" -w \
    -o "-p $port -k $PG_WORK -c listen_addresses=127.0.0.1 $fast -c max_connections=300" \
    start >/dev/null
}

pg_stop() {
  [[ -n "${PG_WORK:-}" ]] || return 0
  if [[ -n "${PG_KEEP:-}" ]]; then
    _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -m fast stop >/dev/null 2>&1 || true
    return 0
  fi
  _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_WORK"
}
