-- The repositories made public, newest first, with the store's version they were read at
-- (read-only: runs on replicas too).
--
-- KEYS[1] made-public zset, KEYS[2] the store's version. ARGV: limit.
-- Returns {version, {member, score, ...}}.
local members = redis.call('ZREVRANGEBYSCORE', KEYS[1], '+inf', '-inf', 'WITHSCORES', 'LIMIT', 0, ARGV[1])
return {redis.call('GET', KEYS[2]) or '0', members}
