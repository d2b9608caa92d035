-- Event counts by type whose created_at lies in (from, to], in one round trip.
--
-- KEYS[1] types set. ARGV: prefix, from, to, then optionally the types wanted
-- (none means every type ever stored). Returns {type, count, ...}.
local prefix, from, to = ARGV[1], ARGV[2], ARGV[3]
local types = {}
if #ARGV > 3 then
	for i = 4, #ARGV do
		types[#types + 1] = ARGV[i]
	end
else
	types = redis.call('SMEMBERS', KEYS[1])
end
local result = {}
for _, eventType in ipairs(types) do
	result[#result + 1] = eventType
	result[#result + 1] = redis.call('ZCOUNT', prefix .. 'type:' .. eventType, '(' .. from, to)
end
return result
