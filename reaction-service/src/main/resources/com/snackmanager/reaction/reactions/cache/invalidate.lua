-- Drops a snack's cache generation if it is still the given epoch, so the next request rebuilds it
-- from PostgreSQL. The sets are replaced by that rebuild.
-- KEYS[1] generation hash; ARGV[1] epoch. Returns 1 when dropped, 0 otherwise.
if redis.call('HGET', KEYS[1], 'epoch') == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
