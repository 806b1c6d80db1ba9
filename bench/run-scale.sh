#!/usr/bin/env bash
# The limits of one PostgreSQL on this machine as the cases table grows: table and index sizes,
# dashboard and case-list latency, and the intake rate, measured first on the city demo alone and
# then at each target size, all in one run on one durable PostgreSQL sized like a server.
# Usage: bench/run-scale.sh [targets…]     (default: 5000000 50000000; a multiple of 5,000,000 each)
# Needs about 60 GB of disk for 50 million cases and takes about an hour. LINLI_SCALE_KEEP=DIR keeps
# the database in DIR, so that a second run measures again without filling again.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGETS=("$@"); [[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=(5000000 50000000)
PORT=5183; PG_PORT=55437
WORK="$(mktemp -d /tmp/linli-scale-XXXX)"
PASSWORD="Scale-Demo-2026x"
source scripts/throwaway-postgres.sh
pg_install
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cleanup() { stop_node; pg_stop; rm -rf "$WORK"; }
trap cleanup EXIT
# Durable (fsync, synchronous commit) and given memory like a production server: a quarter of the
# RAM as shared buffers, room for the checkpoints of a bulk fill.
export PG_KEEP="${LINLI_SCALE_KEEP:-}"  # pg_stop keeps the data when set
PG_DURABLE=1 PG_OPTIONS="-c shared_buffers=4GB -c effective_cache_size=16GB -c work_mem=32MB -c maintenance_work_mem=1GB \
  -c max_wal_size=16GB -c checkpoint_timeout=15min -c random_page_cost=1.1" pg_start "$PG_PORT"
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d linli_scale -qAt)
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qAtc "SELECT 1 FROM pg_database WHERE datname = 'linli_scale'" | grep -q 1 \
  || "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE linli_scale"
DATABASE="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=linli_scale"
dotnet build src/Linli -c Release -v q -nologo >/dev/null
dotnet build bench/Linli.Bench -c Release -v q -nologo >/dev/null

start_node() {
  (cd src/Linli && ASPNETCORE_URLS="http://127.0.0.1:$PORT" ConnectionStrings__Linli="$DATABASE;Maximum Pool Size=64" \
    Linli__DemoCity=city Linli__KeysPath="$WORK/keys" Linli__FilesPath="$WORK/files" Linli__ModelsPath="$WORK/../linli-bench-models" \
    Linli__DemoPassword="$PASSWORD" Linli__RateLimits__PublicPerMinute=100000000 \
    Logging__LogLevel__Default=Warning exec dotnet bin/Release/net10.0/Linli.dll >> "$WORK/app.log" 2>&1) &
  APP=$!
  for _ in $(seq 1 1800); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "Linli did not start:"; tail -30 "$WORK/app.log"; exit 1; }
}
stop_node() { if [[ -n "${APP:-}" ]]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=""; fi; }

token() {
  for _ in $(seq 1 120); do  # the demo accounts are created in the background after start
    local t; t=$(curl -sf "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
      -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' 2>/dev/null) && { echo "$t"; return; }
    sleep 1
  done
  echo "no token for $1" >&2; exit 1
}

# One signed-in GET, first by one client alone for 5 s, then by 8 at once for 10 s; prints
# "alone: p50 p99 | 8 at once: p50 p99 requests/s non-2xx".
latency() {
  local user="$1" path="$2" status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${TOKENS[$user]}" "http://127.0.0.1:$PORT$path")
  [[ "$status" == 200 ]] || { echo "GET $path as $user answered $status" >&2; exit 1; }
  local fields='import sys; d=dict(kv.split("=") for kv in sys.stdin.read().split()[1:]); print(*[d[k] for k in sys.argv[1:]])'
  local alone crowd
  alone=$(LINLI_BENCH_TOKEN="${TOKENS[$user]}" wrk -t1 -c1 -d5s --timeout 60s -s bench/get.lua "http://127.0.0.1:$PORT$path" | grep RESULT | python3 -c "$fields" p50_ms p99_ms)
  crowd=$(LINLI_BENCH_TOKEN="${TOKENS[$user]}" wrk -t2 -c8 -d10s --timeout 60s -s bench/get.lua "http://127.0.0.1:$PORT$path" | grep RESULT | python3 -c "$fields" p50_ms p99_ms rps errors_status)
  echo "alone: $alone | 8 at once: $crowd"
}

measure() {
  local label="$1"
  start_node
  declare -gA TOKENS=([district1]="$(token district1)" [street1]="$(token street1)" [grid1]="$(token grid1)")
  # The demo has no city-wide officer (admins do not read cases): district2 is given the city too.
  "${PSQL[@]}" -c "INSERT INTO staff_assignments (\"UserId\", \"Role\", \"Scope\")
    SELECT \"Id\", 'district-officer', '330100' FROM users WHERE \"UserName\" = 'district2'
    AND NOT EXISTS (SELECT 1 FROM staff_assignments a WHERE a.\"UserId\" = users.\"Id\" AND a.\"Scope\" = '330100')"
  TOKENS[district2]="$(token district2)"
  echo "== $label"
  "${PSQL[@]}" -F ' ' -c "SELECT 'cases', count(*), 'table', pg_size_pretty(pg_table_size('cases')), 'indexes', pg_size_pretty(pg_indexes_size('cases')),
      'counters', (SELECT count(*) FROM case_counters), pg_size_pretty(pg_total_relation_size('case_counters')), 'database', pg_size_pretty(pg_database_size('linli_scale'))
    FROM cases"
  "${PSQL[@]}" -F ' ' -c "SELECT indexrelname, pg_size_pretty(pg_relation_size(indexrelid)) FROM pg_stat_user_indexes WHERE relname = 'cases' ORDER BY pg_relation_size(indexrelid) DESC"
  echo "request: alone (1 connection, 5 s) p50_ms p99_ms | 8 at once (10 s) p50_ms p99_ms requests/s non-2xx"
  echo "dashboard, city (district2 given the city): $(latency district2 '/api/v1/dashboard?region=330100')"
  echo "dashboard, district (district1): $(latency district1 /api/v1/dashboard)"
  echo "dashboard, street (street1): $(latency street1 /api/v1/dashboard)"
  echo "dashboard, grid (grid1): $(latency grid1 /api/v1/dashboard)"
  echo "case list, district, first page: $(latency district1 '/api/v1/cases?limit=50')"
  echo "case list, district, overdue: $(latency district1 '/api/v1/cases?overdue=true&limit=50')"
  python3 bench/intake-data.py "$PORT" "$WORK" district1 "$PASSWORD" >/dev/null
  LINLI_BENCH_DATA="$WORK" wrk -t2 -c16 -d5s -s bench/intake.lua "http://127.0.0.1:$PORT/api/v1/cases" >/dev/null
  echo "intake POST /api/v1/cases (64 connections, 20 s): $(LINLI_BENCH_DATA="$WORK" wrk -t2 -c64 -d20s --latency -s bench/intake.lua "http://127.0.0.1:$PORT/api/v1/cases" | grep RESULT)"
  stop_node
}

if [[ "$("${PSQL[@]}" -c "SELECT count(*) FROM pg_tables WHERE tablename = 'cases'")" == 0 ]] \
  || [[ "$("${PSQL[@]}" -c "SELECT count(*) FROM cases WHERE \"Description\" = 'bench'")" == 0 ]]; then
  measure "the city demo alone (baseline)"
else
  echo "== (the kept database already holds synthetic cases: no baseline in this run)"
fi
for target in "${TARGETS[@]}"; do
  echo "== filling to $target synthetic cases"
  dotnet bench/Linli.Bench/bin/Release/net10.0/Linli.Bench.dll scale-fill "$DATABASE;Command Timeout=0" "$target"
  measure "$target synthetic cases"
done
if grep -E "fail:|Unhandled" "$WORK/app.log" | head -5; then echo "(errors in the node's log above)"; fi
