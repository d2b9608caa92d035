-- The poller's status and the store's counters, with the current lease holder and the
-- store's version (read-only: runs on replicas too).
--
-- KEYS[1] status hash, KEYS[2] lease key, KEYS[3] the store's version. Returns the hash as
-- {field, value, ...} with 'storeVersion' added, and 'leaseHolder' (the holder's instance
-- id, without the fencing epoch) and 'leaseTtlMillis' when the lease is held: the lease
-- may lapse without any write, so a reader that keeps the holder keeps it no longer than
-- that.
local status = redis.call('HGETALL', KEYS[1])
status[#status + 1] = 'storeVersion'
status[#status + 1] = redis.call('GET', KEYS[3]) or '0'
local holder = redis.call('GET', KEYS[2])
if holder then
	local separator = string.find(holder, ':', 1, true)
	status[#status + 1] = 'leaseHolder'
	status[#status + 1] = separator and string.sub(holder, separator + 1) or holder
	status[#status + 1] = 'leaseTtlMillis'
	status[#status + 1] = tostring(redis.call('PTTL', KEYS[2]))
end
return status
