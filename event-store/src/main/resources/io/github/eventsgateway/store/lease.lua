-- Acquires or renews the poller lease: the holder renews, anyone takes a free lease.
--
-- KEYS[1] lease key. ARGV: instanceId, ttlMillis. Returns 1 when this instance holds the
-- lease for the next ttlMillis, 0 when another instance does.
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
	redis.call('PEXPIRE', KEYS[1], ARGV[2])
	return 1
end
if holder then
	return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
