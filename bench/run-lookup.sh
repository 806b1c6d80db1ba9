#!/usr/bin/env bash
# Point lookup on the city scale: Linli's in-memory index against PostGIS ST_Contains + GiST,
# measured in the same run. Starts a throwaway PostgreSQL on 127.0.0.1:55433.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/throwaway-postgres.sh
pg_install
pg_start 55433
trap pg_stop EXIT
export LINLI_BENCH_POSTGRES="Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres"
dotnet run -c Release --project bench/Linli.Bench -- --filter '*PointLookup*' "$@"
