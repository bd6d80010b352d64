-- Sets, switches or withdraws one member's reaction to one snack, atomically.
-- KEYS[1] like set, KEYS[2] hate set, KEYS[3] generation hash {epoch, seq, server} (one snack, one slot)
-- ARGV[1] member id, ARGV[2] target: 0 none (withdraw), 1 LIKE, 2 HATE
-- Returns {status, epoch, seq, previous, likes, hates}:
--   status -1 the snack is not cached (nothing changed), 0 already the target, 1 changed
--   seq    the snack's next sequence number in this epoch when changed, else 0
-- A generation written by another Redis server (a restart, possibly from older data, or a failover)
-- is dropped and answered as not cached: its seq may have gone back below positions PostgreSQL
-- already holds, and changes decided on it would be skipped there.
local generation = redis.call('HMGET', KEYS[3], 'epoch', 'server')
local epoch = generation[1]
if not epoch then
  return {-1, 0, 0, 0, 0, 0}
end
if generation[2] ~= string.match(redis.call('INFO', 'server'), 'run_id:(%x+)') then
  redis.call('DEL', KEYS[3])
  return {-1, 0, 0, 0, 0, 0}
end
local previous = 0
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then
  previous = 1
elseif redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then
  previous = 2
end
local target = tonumber(ARGV[2])
local status = 0
local seq = 0
if previous ~= target then
  if previous > 0 then
    redis.call('SREM', KEYS[previous], ARGV[1])
  end
  if target > 0 then
    redis.call('SADD', KEYS[target], ARGV[1])
  end
  seq = redis.call('HINCRBY', KEYS[3], 'seq', 1)
  status = 1
end
return {status, tonumber(epoch), seq, previous, redis.call('SCARD', KEYS[1]), redis.call('SCARD', KEYS[2])}
