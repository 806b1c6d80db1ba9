#!/usr/bin/env bash
# Intake under load: wrk posts reports (random points inside the demo city, corpus texts, one in
# five without a category) to POST /api/v1/cases, then the same bodies to a bare endpoint of the
# same app that only parses them. Usage: bench/run-intake.sh [sqlite|postgres] [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
DB="${1:-sqlite}"; SECONDS_TO_RUN="${2:-20}"; CONNECTIONS="${3:-64}"
PORT=5181
WORK="$(mktemp -d /tmp/linli-intake-XXXX)"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
cleanup() { if [[ -n "${APP:-}" ]]; then kill "$APP" 2>/dev/null || true; fi; cp "$WORK/app.log" /tmp/linli-intake-app.log 2>/dev/null || true; if [[ "$DB" == "postgres" ]]; then pg_stop; fi; rm -rf "$WORK"; }
trap cleanup EXIT
if [[ "$DB" == "postgres" ]]; then
  source scripts/throwaway-postgres.sh
  # A durable cluster (fsync and synchronous commit on): a 201 must mean on disk here too.
  pg_install; PG_DURABLE=1 pg_start 55436
  CONNECTION="Host=127.0.0.1;Port=55436;Username=postgres;Database=postgres;Maximum Pool Size=64"
else
  CONNECTION="Data Source=$WORK/linli.db"
fi
dotnet build src/Linli -c Release -v q -nologo >/dev/null
(cd src/Linli && ASPNETCORE_URLS="http://127.0.0.1:$PORT" ConnectionStrings__Linli="$CONNECTION" \
  Linli__KeysPath="$WORK/keys" Linli__FilesPath="$WORK/files" Linli__ModelsPath="$WORK/../linli-bench-models" \
  Linli__DemoPassword="Bench-Demo-2026x" Linli__BenchEndpoints=true DOTNET_PerfMapEnabled="${LINLI_BENCH_PERF:+1}" DOTNET_EnableWriteXorExecute="${LINLI_BENCH_PERF:+0}" Linli__RateLimits__PublicPerMinute=100000000 Logging__LogLevel__Default=Warning Logging__LogLevel__Linli=Debug \
  exec dotnet bin/Release/net10.0/Linli.dll > "$WORK/app.log" 2>&1) &
APP=$!
for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "Linli did not start:"; tail -30 "$WORK/app.log"; exit 1; }
python3 bench/intake-data.py "$PORT" "$WORK" district1 Bench-Demo-2026x
export LINLI_BENCH_DATA="$WORK"
curl -s -X POST "http://127.0.0.1:$PORT/api/v1/cases/suggest" -H 'Content-Type: application/json' -d '{"text":"warm up"}' >/dev/null
# Warm-up at full load: the runtime compiles intake's code paths to their optimised tier under
# load, and a 5-s warm-up left that compiler taking 8 % of the CPU in the measured run.
WARMUP="${LINLI_BENCH_WARMUP:-20}"
echo "== warm-up (${WARMUP} s)"; wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/intake.lua "http://127.0.0.1:$PORT/api/v1/cases" | grep RESULT
echo "== bare parse endpoint (same bodies), $CONNECTIONS connections, ${SECONDS_TO_RUN} s"
BARE=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency -s bench/intake.lua "http://127.0.0.1:$PORT/api/v1/bench/parse-report" | grep RESULT); echo "$BARE"
cpu() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
# The database server's own processes (PostgreSQL; SQLite runs inside Linli).
dbcpu() { local t=0; for p in $(pgrep -u postgres postgres 2>/dev/null); do t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done; echo $t; }
echo "== intake POST /api/v1/cases on $DB, $CONNECTIONS connections, ${SECONDS_TO_RUN} s"
# The whole machine: idle and busy jiffies over the run (wrk's own share is the rest).
machine() { awk '/^cpu /{print $5 + $6, $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
CPU_BEFORE=$(cpu); DB_BEFORE=$(dbcpu); read -r IDLE_BEFORE BUSY_BEFORE < <(machine)
# LINLI_BENCH_TRACE=FILE: a dotnet-trace CPU sample of the intake run (speedscope format) for profiling.
if [[ -n "${LINLI_BENCH_TRACE:-}" ]]; then
  (sleep 3; ~/.dotnet/tools/dotnet-trace collect -p "$APP" --duration 00:00:00:08 --format speedscope -o "$LINLI_BENCH_TRACE" >/dev/null 2>&1) &
fi
# LINLI_BENCH_PERF=FILE: a Linux perf CPU profile (true on-CPU samples, all processes, 8 s); the app
# writes its JIT map for perf to name managed code (see bench/README.md for the report command).
if [[ -n "${LINLI_BENCH_PERF:-}" ]]; then
  (sleep 3; perf record -F 499 -g -a -o "$LINLI_BENCH_PERF" -- sleep 8 >/dev/null 2>&1) &
fi
# LINLI_BENCH_COUNTERS=FILE: the runtime's counters (allocation rate, GC counts, thread pool) over the intake run, as CSV.
if [[ -n "${LINLI_BENCH_COUNTERS:-}" ]]; then
  (sleep 3; ~/.dotnet/tools/dotnet-counters collect -p "$APP" --counters System.Runtime --refresh-interval 1 --duration 00:00:00:10 --format csv -o "$LINLI_BENCH_COUNTERS" >/dev/null 2>&1) &
fi
FULL=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency -s bench/intake.lua "http://127.0.0.1:$PORT/api/v1/cases" | grep RESULT); echo "$FULL"
CPU_AFTER=$(cpu); DB_AFTER=$(dbcpu); read -r IDLE_AFTER BUSY_AFTER < <(machine)
echo "Linli used $(( (CPU_AFTER - CPU_BEFORE) / $(getconf CLK_TCK) )) CPU-seconds in the ${SECONDS_TO_RUN} s run"
echo "The machine was $(( 100 * (BUSY_AFTER - BUSY_BEFORE) / (BUSY_AFTER - BUSY_BEFORE + IDLE_AFTER - IDLE_BEFORE) )) % busy ($(nproc) cores)"
[[ "$DB" == "postgres" ]] && echo "PostgreSQL used $(( (DB_AFTER - DB_BEFORE) / $(getconf CLK_TCK) )) CPU-seconds in the same run"
python3 - "$BARE" "$FULL" <<'PY'
import sys
def parse(line): return dict(kv.split("=") for kv in line.split()[1:])
bare, full = parse(sys.argv[1]), parse(sys.argv[2])
print(f"intake/bare throughput ratio {float(full['rps']) / float(bare['rps']):.3f}; intake p99 {full['p99_ms']} ms vs bare {bare['p99_ms']} ms")
PY
grep -E "fail|Exception" "$WORK/app.log" | head -5 || true; grep -A1 "Intake batch of" "$WORK/app.log" | tail -8; grep -B2 -A8 "fail" "$WORK/app.log" | head -40
