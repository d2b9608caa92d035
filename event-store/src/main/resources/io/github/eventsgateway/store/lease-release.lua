-- Releases the poller lease only when this instance still holds it with this token.
--
-- KEYS[1] lease key, KEYS[2] the store's version. ARGV: fencing token. Returns 1 when
-- released.

-- The store's version (docs/redis-schema.md#the-stores-version): moved in the same
-- script as the write, so a reader never sees the new data under the old version.
local function bumpVersion(key)
	local counter = tonumber(string.match(redis.call('GET', key) or '0', '^%d+')) + 1
	local now = redis.call('TIME')
	redis.call('SET', key, counter .. '-' .. now[1] .. string.format('%06d', now[2]))
end

if redis.call('GET', KEYS[1]) == ARGV[1] then
	redis.call('DEL', KEYS[1])
	bumpVersion(KEYS[2])
	return 1
end
return 0
