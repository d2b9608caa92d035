-- What the poller captured of each stream of the feed over a window, to the minute: the
-- difference between the stream's snapshot of totals at the window's end and its last
-- snapshot before the window's start (see ingest.lua). Read-only: runs on replicas too.
--
-- KEYS[1] capture streams set, KEYS[2] the store's version. ARGV: prefix, fromMinute,
-- toMinute (epoch seconds of the minutes' starts). Returns {version, stream, captured,
-- missed, saturations, requests, ...} for the streams with a snapshot at or before the
-- window's end.
local prefix, fromMinute, toMinute = ARGV[1], ARGV[2], ARGV[3]
local result = {redis.call('GET', KEYS[2]) or '0'}
for _, stream in ipairs(redis.call('SMEMBERS', KEYS[1])) do
	local key = prefix .. 'capture:' .. stream
	local last = redis.call('ZREVRANGEBYSCORE', key, toMinute, '-inf', 'LIMIT', 0, 1)[1]
	if last then
		local before = redis.call('ZREVRANGEBYSCORE', key, '(' .. fromMinute, '-inf', 'LIMIT', 0, 1)[1]
		local l = {}
		for value in string.gmatch(last, '[^:]+') do
			l[#l + 1] = tonumber(value)
		end
		local b = {0, 0, 0, 0, 0}
		if before then
			b = {}
			for value in string.gmatch(before, '[^:]+') do
				b[#b + 1] = tonumber(value)
			end
		end
		result[#result + 1] = stream
		for i = 2, 5 do
			result[#result + 1] = l[i] - b[i]
		end
	end
end
return result
