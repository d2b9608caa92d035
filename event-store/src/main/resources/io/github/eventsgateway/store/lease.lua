-- Acquires or renews the poller lease: the holder renews, anyone takes a free lease.
--
-- KEYS[1] lease key, KEYS[2] lease epoch counter. ARGV: instanceId, ttlMillis.
--
-- The lease holds '<epoch>:<instanceId>', the fencing token: each new holder gets the next
-- epoch, so a deposed leader's token never matches again, even if it has the same id.
-- Every write of the poller carries its token and is refused when the lease no longer
-- holds it (ingest.lua, status-update.lua). Returns the token while this instance holds the
-- lease for the next ttlMillis, false when another instance does.
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
return token
