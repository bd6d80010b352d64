-- One member's reaction to one snack and the snack's counts.
-- KEYS[1] like set, KEYS[2] hate set, KEYS[3] generation hash; ARGV[1] member id
-- Returns {status, mine, likes, hates}: status -1 not cached, 1 cached; mine 0 none, 1 LIKE, 2 HATE
-- A generation another Redis server wrote is dropped and answered as not cached (see react.lua).
if redis.call('EXISTS', KEYS[3]) == 0 then
  return {-1, 0, 0, 0}
end
if redis.call('HGET', KEYS[3], 'server') ~= string.match(redis.call('INFO', 'server'), 'run_id:(%x+)') then
  redis.call('DEL', KEYS[3])
  return {-1, 0, 0, 0}
end
local mine = 0
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then
  mine = 1
elseif redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then
  mine = 2
end
return {1, mine, redis.call('SCARD', KEYS[1]), redis.call('SCARD', KEYS[2])}
