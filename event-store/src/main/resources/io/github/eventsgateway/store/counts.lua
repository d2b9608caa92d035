-- Event counts by type whose created_at lies in (from, to], in one round trip, with the
-- store's version they were counted at (read-only: runs on replicas too); and, when asked,
-- how each count moves while the window slides on by up to `ahead` seconds, so that a
-- replica can answer the next seconds' windows from one read while the store stays as it is.
--
-- KEYS[1] types set, KEYS[2] the store's version. ARGV: prefix, from, to, ahead (0: none),
-- then optionally the types wanted (none means every type ever stored).
--
-- Returns {version, type, count, ...}; with ahead > 0, {version, type, count, entering,
-- leaving, ...}, where entering[s] counts the events created in second to + s (they enter
-- the window as it slides by s) and leaving[s] those created in second from + s (they leave
-- it), for s = 1 .. ahead.
local prefix, from, to, ahead = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local types = {}
if #ARGV > 4 then
	for i = 5, #ARGV do
		types[#types + 1] = ARGV[i]
	end
else
	types = redis.call('SMEMBERS', KEYS[1])
end

-- Events created in each second of (after, after + ahead].
local function perSecond(key, after)
	local counts = {}
	for s = 1, ahead do
		counts[s] = 0
	end
	local scored = redis.call('ZRANGEBYSCORE', key, '(' .. after, after + ahead, 'WITHSCORES')
	for i = 2, #scored, 2 do
		local s = math.ceil(tonumber(scored[i])) - after
		counts[s] = counts[s] + 1
	end
	return counts
end

local result = {redis.call('GET', KEYS[2]) or '0'}
for _, eventType in ipairs(types) do
	local key = prefix .. 'type:' .. eventType
	result[#result + 1] = eventType
	result[#result + 1] = redis.call('ZCOUNT', key, '(' .. from, to)
	if ahead > 0 then
		result[#result + 1] = perSecond(key, to)
		result[#result + 1] = perSecond(key, from)
	end
end
return result
