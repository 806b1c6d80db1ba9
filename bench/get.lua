-- wrk script: the same signed-in GET over and over (bench/run-scale.sh), with the bearer token
-- from LINLI_BENCH_TOKEN; prints one RESULT line like bench/intake.lua does.
local token = os.getenv("LINLI_BENCH_TOKEN")

function request()
  return wrk.format("GET", wrk.path, { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
end

done = require("bench.result")
