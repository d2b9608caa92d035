-- Acquires or renews the poller lease: the holder renews, anyone takes a free lease.
--
-- KEYS[1] lease key, KEYS[2] the store's version. ARGV: instanceId, ttlMillis. Returns 1
-- when this instance holds the lease for the next ttlMillis, 0 when another instance does.

-- The store's version (docs/redis-schema.md#the-stores-version): moved in the same
-- script as the write, so a reader never sees the new data under the old version.
local function bumpVersion(key)
	local counter = tonumber(string.match(redis.call('GET', key) or '0', '^%d+')) + 1
	local now = redis.call('TIME')
	redis.call('SET', key, counter .. '-' .. now[1] .. string.format('%06d', now[2]))
end

local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
	redis.call('PEXPIRE', KEYS[1], ARGV[2])
	return 1
end
if holder then
	return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
-- A new holder is news to status readers; a renewal is not (they expire the holder they
-- cached with the lease's time to live).
bumpVersion(KEYS[2])
return 1
