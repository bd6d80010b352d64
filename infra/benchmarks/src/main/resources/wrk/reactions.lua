-- POST /snacks/{uid}/reaction/ over a pool of (member, snack) pairs whose reactions are known
-- before the run. args: tokens file, pairs file ("<token line> <snack uid> [<start>]" per line),
-- wrk's thread count. <start> is 0 (the default) when the pair's first request is to be a LIKE (it
-- holds no reaction or a HATE) and 1 when it is to be a HATE (it holds a LIKE).
--
-- Thread t takes pairs t, t + T, t + 2T, ... (T threads). Its request i (0, 1, 2, ...) goes to its
-- pair i mod n with the pair's first type when floor(i / n) is even and the other when it is odd,
-- so every pair alternates LIKE, HATE, LIKE, ... (each request a real change, never "the same
-- reaction again"), and with n far above the thread's connections a pair is never in flight twice.
-- From each thread's count of requests sent, the Java side knows every pair's last reaction and
-- compares it with PostgreSQL; what it finds there is the next run's <start> for the same pairs.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

setup = common.setup
response = common.response
done = common.done

local mine = {}
local bodies = { [0] = '{"type":"LIKE"}', [1] = '{"type":"HATE"}' }

function init(args)
  common.init_thread()
  local tokens = common.lines(args[1])
  local all = common.lines(args[2])
  local thread_count = tonumber(args[3])
  for index = thread_id + 1, #all, thread_count do
    local token, uid, start = all[index]:match("^(%d+) (%S+) ?(%d?)$")
    mine[#mine + 1] = {
      path = "/snacks/" .. uid .. "/reaction/",
      start = tonumber(start) or 0,
      headers = {
        ["Authorization"] = "Bearer " .. tokens[tonumber(token)],
        ["Content-Type"] = "application/json",
      },
    }
  end
end

function request()
  local i = common.take()
  local pair = mine[i % #mine + 1]
  return wrk.format("POST", pair.path, pair.headers, bodies[(math.floor(i / #mine) + pair.start) % 2])
end
