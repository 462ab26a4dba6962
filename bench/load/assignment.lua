-- wrk script: POST /experiments/{key}/assignments with a distinct unit per request, stopping each thread after
-- REQUESTS_PER_THREAD answers so that a run is bounded in count as well as in time (wrk -d).
-- Obtains nothing itself: MOPS_TOKEN (a bearer token) and MOPS_EXPERIMENT come from the environment.
local token = os.getenv("MOPS_TOKEN")
local experiment = os.getenv("MOPS_EXPERIMENT")
local per_thread = tonumber(os.getenv("REQUESTS_PER_THREAD") or "50000")
-- "/api" when the requests go through the gateway, empty when they go to testing-service directly.
local prefix = os.getenv("PATH_PREFIX") or ""
-- Milliseconds each connection waits between its requests (0: as fast as answers come back). With C connections the
-- offered rate is at most C × 1000 / PACE_MS requests a second: an open-ish load below saturation.
local pace_ms = tonumber(os.getenv("PACE_MS") or "0")
assert(token and token ~= "", "MOPS_TOKEN is not set")
assert(experiment and experiment ~= "", "MOPS_EXPERIMENT is not set")

local threads = {}
local counter = 1

function setup(thread)
   thread:set("id", counter)
   table.insert(threads, thread)
   counter = counter + 1
end

function init(args)
   path = prefix .. "/experiments/" .. experiment .. "/assignments"
   headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
   sent = 0
   answered = 0
   failed = 0
end

function request()
   sent = sent + 1
   return wrk.format("POST", path, headers, '{"unitId":"load-' .. id .. '-' .. sent .. '"}')
end

if pace_ms > 0 then
   function delay()
      return pace_ms
   end
end

function response(status, hdrs, body)
   answered = answered + 1
   if status ~= 200 then
      failed = failed + 1
   end
   if answered >= per_thread then
      wrk.thread:stop()
   end
end

function done(summary, latency, requests)
   local answers, failures = 0, 0
   for _, thread in ipairs(threads) do
      answers = answers + thread:get("answered")
      failures = failures + thread:get("failed")
   end
   io.write(string.format("answers: %d, non-200: %d, socket errors: %d\n", answers, failures,
         summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
   io.write(string.format("throughput: %.0f requests/s\n", summary.requests / (summary.duration / 1e6)))
   io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
         latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
         latency.max / 1000))
end
