-- The number of pull requests opened in one repository and the first and last time one was.
-- The average time between consecutive ones is (last - first) / (count - 1), whatever
-- lies between, so three O(log n) reads answer it. Read-only: runs on replicas too.
--
-- KEYS[1] the repository's pr-opened zset, KEYS[2] the store's version. Returns
-- {version, count, firstOpenedAt, lastOpenedAt} (the times only when count > 0).
local key = KEYS[1]
local version = redis.call('GET', KEYS[2]) or '0'
local count = redis.call('ZCARD', key)
if count == 0 then
	return {version, 0}
end
local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
local last = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
return {version, count, first[2], last[2]}
