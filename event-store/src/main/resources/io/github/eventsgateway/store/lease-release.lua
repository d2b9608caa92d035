-- Releases the poller lease only when this instance still holds it with this token.
--
-- KEYS[1] lease key. ARGV: fencing token. Returns 1 when released.
if redis.call('GET', KEYS[1]) == ARGV[1] then
	return redis.call('DEL', KEYS[1])
end
return 0
