-- Records what the poller did, only while the caller's fencing token is still the lease's,
-- so a deposed leader (a paused JVM, a partition) cannot overwrite its successor's status.
--
-- KEYS[1] status hash, KEYS[2] lease key, KEYS[3] the store's version. ARGV: fencing
-- token, then counters to add (suspectedGaps, eventsDropped), then field, value pairs to
-- set. Returns 1 when written, 0 when the caller does not hold the lease.

-- The store's version (docs/redis-schema.md#the-stores-version): moved in the same
-- script as the write, so a reader never sees the new data under the old version.
local function bumpVersion(key)
	local counter = tonumber(string.match(redis.call('GET', key) or '0', '^%d+')) + 1
	local now = redis.call('TIME')
	redis.call('SET', key, counter .. '-' .. now[1] .. string.format('%06d', now[2]))
end

if redis.call('GET', KEYS[2]) ~= ARGV[1] then
	return 0
end
if #ARGV > 3 then
	redis.call('HSET', KEYS[1], unpack(ARGV, 4))
end
if tonumber(ARGV[2]) > 0 then
	redis.call('HINCRBY', KEYS[1], 'suspectedGaps', ARGV[2])
end
if tonumber(ARGV[3]) > 0 then
	redis.call('HINCRBY', KEYS[1], 'eventsDropped', ARGV[3])
end
bumpVersion(KEYS[3])
return 1
