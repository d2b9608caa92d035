-- Acquires or renews the poller lease: the holder renews, anyone takes a free lease.
--
-- KEYS[1] lease key, KEYS[2] lease epoch counter, KEYS[3] the store's version. ARGV:
-- instanceId, ttlMillis.
--
-- The lease holds '<epoch>:<instanceId>', the fencing token: each new holder gets the next
-- epoch, so a deposed leader's token never matches again, even if it has the same id.
-- Every write of the poller carries its token and is refused when the lease no longer
-- holds it (ingest.lua, status-update.lua). Returns the token while this instance holds the
-- lease for the next ttlMillis, false when another instance does.

-- The store's version (docs/redis-schema.md#the-stores-version): moved in the same
-- script as the write, so a reader never sees the new data under the old version.
local function bumpVersion(key)
	local counter = tonumber(string.match(redis.call('GET', key) or '0', '^%d+')) + 1
	local now = redis.call('TIME')
	redis.call('SET', key, counter .. '-' .. now[1] .. string.format('%06d', now[2]))
end

local holder = redis.call('GET', KEYS[1])
if holder then
	local separator = string.find(holder, ':', 1, true)
	if separator and string.sub(holder, separator + 1) == ARGV[1] then
		redis.call('PEXPIRE', KEYS[1], ARGV[2])
		return holder
	end
	return false
end
local token = redis.call('INCR', KEYS[2]) .. ':' .. ARGV[1]
redis.call('SET', KEYS[1], token, 'PX', ARGV[2])
-- A new holder is news to status readers; a renewal is not (they expire the holder they
-- cached with the lease's time to live).
bumpVersion(KEYS[3])
return token
