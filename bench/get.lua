-- wrk script: the same signed-in GET over and over (bench/run-scale.sh), with the bearer token
-- from LINLI_BENCH_TOKEN; prints one RESULT line like bench/intake.lua does.
local token = os.getenv("LINLI_BENCH_TOKEN")

function request()
  return wrk.format("GET", wrk.path, { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors_status=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status))
end
