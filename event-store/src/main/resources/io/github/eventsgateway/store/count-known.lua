-- Counts how many of the given events are stored already: a read-only check the poller
-- makes before it fetches deeper pages, to learn whether a page reaches back to known events.
--
-- ARGV: prefix, then 2 values per event: id, type.
local prefix = ARGV[1]
local known = 0
for i = 2, #ARGV, 2 do
	if redis.call('ZSCORE', prefix .. 'type:' .. ARGV[i + 1], ARGV[i]) then
		known = known + 1
	end
end
return known
