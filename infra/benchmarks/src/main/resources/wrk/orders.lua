-- POST /orders/ with one snack per order, each snack once: thread t orders snacks t, t + T, ... of
-- the snacks file (T threads), so every order is a 201 until the thread runs out of snacks (then it
-- starts over, and the orders of held snacks are 400s that the summary shows).
-- args: tokens file, snacks file (one uid per line), wrk's thread count.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

setup = common.setup
response = common.response
done = common.done

local tokens
local snacks = {}

function init(args)
  common.init_thread()
  tokens = common.lines(args[1])
  local all = common.lines(args[2])
  local thread_count = tonumber(args[3])
  for index = thread_id + 1, #all, thread_count do
    snacks[#snacks + 1] = all[index]
  end
end

function request()
  local i = common.take()
  local uid = snacks[i % #snacks + 1]
  local headers = {
    ["Authorization"] = "Bearer " .. tokens[(i + thread_id * 97) % #tokens + 1],
    ["Content-Type"] = "application/json",
  }
  return wrk.format("POST", "/orders/", headers, '{"snacks":[{"uid":"' .. uid .. '","quantity":1}]}')
end
