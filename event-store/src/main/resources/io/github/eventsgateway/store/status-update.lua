-- Records what the poller did, only while the caller still holds the lease, so a deposed
-- leader cannot overwrite its successor's status.
--
-- KEYS[1] status hash, KEYS[2] lease key. ARGV: instanceId, suspectedGapsToAdd, then
-- field, value pairs. Returns 1 when written, 0 when the caller does not hold the lease.
if redis.call('GET', KEYS[2]) ~= ARGV[1] then
	return 0
end
if #ARGV > 2 then
	redis.call('HSET', KEYS[1], unpack(ARGV, 3))
end
if tonumber(ARGV[2]) > 0 then
	redis.call('HINCRBY', KEYS[1], 'suspectedGaps', ARGV[2])
end
return 1
