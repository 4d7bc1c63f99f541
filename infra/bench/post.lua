-- wrk -s post.lua URL: posts the signed form bodies in $BODIES (written by the benchmarks exe's `bodies` mode, one
-- "body<TAB>signature" a line), each thread taking its own share in turn, so every request of a run carries a CallSid
-- of its own.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do
  local tab = line:find("\t", 1, true)
  if tab then
    bodies[#bodies + 1] = { line:sub(1, tab - 1), line:sub(tab + 1) }
  end
end
local threads = tonumber(os.getenv("WRK_THREADS") or "1")
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
end

function init(args)
  i = tid or 0
end

function request()
  local b = bodies[(i % #bodies) + 1]
  i = i + threads
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Twilio-Signature"] = b[2],
  }, b[1])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad))
end
