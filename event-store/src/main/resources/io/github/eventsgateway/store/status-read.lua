-- The poller's status and the store's counters, with the current lease holder.
--
-- KEYS[1] status hash, KEYS[2] lease key. Returns the hash as {field, value, ...} with
-- the field 'leaseHolder' added when the lease is held.
local status = redis.call('HGETALL', KEYS[1])
local holder = redis.call('GET', KEYS[2])
if holder then
	status[#status + 1] = 'leaseHolder'
	status[#status + 1] = holder
end
return status
