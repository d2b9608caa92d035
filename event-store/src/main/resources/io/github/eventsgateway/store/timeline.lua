-- Event counts per type per bucket, in one round trip, with the store's version they were
-- counted at (read-only: runs on replicas too).
--
-- KEYS[1] types set, KEYS[2] the store's version. ARGV: prefix, from, bucketSeconds, bucketCount, then optionally the
-- types wanted. Bucket i holds created_at in (from + i * bucketSeconds, from + (i + 1) * bucketSeconds].
-- Returns {version, {type, {count per bucket}, ...}} for the types with at least one event.
local prefix, from = ARGV[1], tonumber(ARGV[2])
local bucketSeconds, bucketCount = tonumber(ARGV[3]), tonumber(ARGV[4])
local types = {}
if #ARGV > 4 then
	for i = 5, #ARGV do
		types[#types + 1] = ARGV[i]
	end
else
	types = redis.call('SMEMBERS', KEYS[1])
end
local result = {}
for _, eventType in ipairs(types) do
	local key = prefix .. 'type:' .. eventType
	local lower = from
	local counts, total = {}, 0
	for i = 1, bucketCount do
		local upper = lower + bucketSeconds
		local count = redis.call('ZCOUNT', key, '(' .. lower, upper)
		counts[i] = count
		total = total + count
		lower = upper
	end
	if total > 0 then
		result[#result + 1] = eventType
		result[#result + 1] = counts
	end
end
return {redis.call('GET', KEYS[2]) or '0', result}
