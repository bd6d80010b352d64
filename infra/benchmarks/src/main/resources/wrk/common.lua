-- Shared by the benchmark's wrk scripts (each loads it with dofile): the tokens file, per-thread
-- bookkeeping, and the one line done() prints for the Java side to parse:
--   BENCH_JSON {"requests": ..., "latency_us": {...}, "errors": {...}, "threads": [...]}
-- wrk runs each script in one Lua state per thread plus a main state for setup() and done().
local common = {}

-- main state: the threads, so that done() can read their counters
local threads = {}

function common.lines(path)
  local lines = {}
  for line in io.lines(path) do
    if line ~= "" then
      lines[#lines + 1] = line
    end
  end
  return lines
end

-- main state, once per thread before it starts: its 0-based number
function common.setup(thread)
  thread:set("thread_id", #threads)
  threads[#threads + 1] = thread
end

-- thread state, from init()
function common.init_thread()
  sent = 0
  statuses = {}
  failure = nil
  -- Before starting, wrk asks thread 0 for one request only to check that it parses, and never
  -- sends it (script_verify_request in wrk 4): that call must not use up a request number.
  skip_next = (thread_id == 0)
end

-- The number of the request being built: 0, 1, 2, ... per thread, in the order they are sent.
function common.take()
  if skip_next then
    skip_next = false
    return sent
  end
  local number = sent
  sent = sent + 1
  return number
end

function common.response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if (status < 200 or status > 299) and failure == nil then
    failure = status .. " " .. string.sub(body or "", 1, 300)
  end
end

local function json_string(text)
  if text == nil then
    return "null"
  end
  local escaped = text:gsub('[%c"\\]', function(c)
    return string.format("\\u%04x", string.byte(c))
  end)
  return '"' .. escaped .. '"'
end

function common.done(summary, latency, requests)
  local per_thread = {}
  for _, thread in ipairs(threads) do
    local counts = {}
    for status, count in pairs(thread:get("statuses")) do
      counts[#counts + 1] = string.format('"%d":%d', status, count)
    end
    per_thread[#per_thread + 1] = string.format('{"id":%d,"sent":%d,"statuses":{%s},"failure":%s}',
      thread:get("thread_id"), thread:get("sent"), table.concat(counts, ","),
      json_string(thread:get("failure")))
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%d},"threads":[%s]}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    math.floor(latency:percentile(50)), math.floor(latency:percentile(90)),
    math.floor(latency:percentile(99)), math.floor(latency.max), math.floor(latency.mean),
    table.concat(per_thread, ",")))
end

return common
