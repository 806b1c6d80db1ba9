-- wrk script for the intake load test (bench/run-intake.sh writes bench-data.lua beside it first):
-- each request is a report at a random point inside the city with a random corpus text; one in
-- five comes without a category, so suggestion runs too. Every report carries an Idempotency-Key.
package.path = package.path .. ";" .. os.getenv("LINLI_BENCH_DATA") .. "/?.lua"
local data = require("bench-data")
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("thread_id", thread_id)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0))
end

local function escape(s)
  return (s:gsub('\\', '\\\\'):gsub('"', '\\"'))
end

function request()
  counter = counter + 1
  local p = data.points[math.random(#data.points)]
  local r = data.reports[math.random(#data.reports)]
  -- Scatter within ~100 m, so points differ and most reports open cases of their own.
  local lon = p[1] + (math.random() - 0.5) * 0.002
  local lat = p[2] + (math.random() - 0.5) * 0.002
  local category = ""
  if math.random(5) > 1 then category = '"category":"' .. r[1] .. '",' end
  local body = string.format('{%s"description":"%s","lon":%.6f,"lat":%.6f,"source":"courier"}', category, escape(r[2]), lon, lat)
  local headers = {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d-%d", os.time(), thread_id or 0, counter, math.random(1000000000)),
  }
  return wrk.format("POST", wrk.path, headers, body)
end

done = require("bench.result")
