-- Installs a snack's reactions read from PostgreSQL as a new cache generation, unless one is cached.
-- The generation records the Redis server that holds it (its run_id): react.lua and read.lua drop a
-- generation another server wrote, as after a restart from an older AOF/RDB or a failover, whose
-- sequence may have gone back.
-- KEYS[1] like set, KEYS[2] hate set, KEYS[3] generation hash
-- ARGV[1] epoch, ARGV[2] number of likes n, ARGV[3 .. 2+n] members who like, the rest members who hate
-- Returns 1 when installed, 0 when a generation was already cached (nothing changed).
if redis.call('EXISTS', KEYS[3]) == 1 then
  return 0
end
redis.call('DEL', KEYS[1], KEYS[2])
local likes = tonumber(ARGV[2])
-- unpack() is limited by Lua's C stack: add members in chunks
local function add(key, first, last)
  for i = first, last, 4000 do
    redis.call('SADD', key, unpack(ARGV, i, math.min(i + 3999, last)))
  end
end
add(KEYS[1], 3, 2 + likes)
add(KEYS[2], 3 + likes, #ARGV)
local server = string.match(redis.call('INFO', 'server'), 'run_id:(%x+)')
redis.call('HSET', KEYS[3], 'epoch', ARGV[1], 'seq', 0, 'server', server)
return 1
