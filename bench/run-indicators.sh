#!/usr/bin/env bash
# Indicators over 5 million cases: Linli's counters against a plain GROUP BY, on a throwaway
# PostgreSQL + PostGIS on 127.0.0.1:55434. The first run fills the database (a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/throwaway-postgres.sh
pg_install
pg_start 55434
trap pg_stop EXIT
export LINLI_BENCH_POSTGRES="Host=127.0.0.1;Port=55434;Username=postgres;Database=postgres;Command Timeout=0"
dotnet run -c Release --project bench/Linli.Bench -- --filter '*IndicatorBenchmark*' "$@"
