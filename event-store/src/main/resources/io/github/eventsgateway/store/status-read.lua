-- The poller's status and the store's counters, with the current lease holder.
--
-- KEYS[1] status hash, KEYS[2] lease key. Returns the hash as {field, value, ...} with
-- the field 'leaseHolder' (the holder's instance id, without the fencing epoch) added when
-- the lease is held.
local status = redis.call('HGETALL', KEYS[1])
local holder = redis.call('GET', KEYS[2])
if holder then
	local separator = string.find(holder, ':', 1, true)
	status[#status + 1] = 'leaseHolder'
	status[#status + 1] = separator and string.sub(holder, separator + 1) or holder
end
return status
