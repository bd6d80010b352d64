-- GET one path (with its query) as the members of the tokens file in turn, so that the gateway's
-- per-member rate limit (50/s) never decides the result. args: tokens file, path.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")

setup = common.setup
response = common.response
done = common.done

local headers = {}
local path

function init(args)
  common.init_thread()
  for index, token in ipairs(common.lines(args[1])) do
    headers[index] = { ["Authorization"] = "Bearer " .. token }
  end
  path = args[2]
end

function request()
  local i = common.take()
  -- threads start at different members
  return wrk.format("GET", path, headers[(i + thread_id * 97) % #headers + 1], nil)
end
