-- Event counts by type whose created_at lies in (from, to], in one round trip, with the
-- store's version they were counted at (read-only: runs on replicas too).
--
-- KEYS[1] types set, KEYS[2] the store's version. ARGV: prefix, from, to, then optionally
-- the types wanted (none means every type ever stored).
--
-- Returns {version, type, count, ...}.
local prefix, from, to = ARGV[1], ARGV[2], ARGV[3]
local types = {}
if #ARGV > 3 then
	for i = 4, #ARGV do
		types[#types + 1] = ARGV[i]
	end
else
	types = redis.call('SMEMBERS', KEYS[1])
end
local result = {redis.call('GET', KEYS[2]) or '0'}
local lower = '(' .. from
for _, eventType in ipairs(types) do
	result[#result + 1] = eventType
	result[#result + 1] = redis.call('ZCOUNT', prefix .. 'type:' .. eventType, lower, to)
end
return result
