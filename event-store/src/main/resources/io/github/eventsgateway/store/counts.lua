-- Event counts by type whose created_at lies in (from, to], in one round trip.
--
-- KEYS[1] types set, KEYS[2] status hash. ARGV: prefix, from, to, knownVersion, then
-- optionally the types wanted (none means every type ever stored).
--
-- The store's version is its eventsStored counter, which every ingest that stores an
-- event moves on (what retention trims lies outside every window the API allows). A
-- caller that already holds the answer for this very window at knownVersion gets
-- {version} back and nothing is counted; otherwise {version, type, count, ...}.
local prefix, from, to, knownVersion = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local version = redis.call('HGET', KEYS[2], 'eventsStored') or '0'
if version == knownVersion then
	return {version}
end
local types = {}
if #ARGV > 4 then
	for i = 5, #ARGV do
		types[#types + 1] = ARGV[i]
	end
else
	types = redis.call('SMEMBERS', KEYS[1])
end
local result = {version}
local lower = '(' .. from
for _, eventType in ipairs(types) do
	result[#result + 1] = eventType
	result[#result + 1] = redis.call('ZCOUNT', prefix .. 'type:' .. eventType, lower, to)
end
return result
