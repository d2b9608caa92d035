-- Stores one batch of GitHub events atomically and idempotently, with what the poller
-- learnt about the completeness of the read that brought them.
--
-- KEYS[1] types set, KEYS[2] made-public zset, KEYS[3] status hash, KEYS[4] lease key,
-- KEYS[5] capture totals hash, KEYS[6] capture streams set, KEYS[7] the store's version.
-- Per-type, per-repository and
-- per-stream keys are derived from ARGV[1] (the key prefix, which carries the same hash tag
-- as KEYS), so every key this script touches lives in one cluster slot.
--
-- ARGV: prefix, retentionSeconds, fence, stream, minute, missed, saturations, requests,
-- then 5 values per event:
--   id, type, createdAt (epoch seconds), prRepo (lower-case owner/name when the event
--   opened a pull request, else ""), publicMember (JSON when it is a PublicEvent, else "").
--
-- fence: the writer's fencing token ('<epoch>:<instanceId>', see lease.lua), or "" for a
-- writer that holds no lease (a file import). A token that is no longer the lease's means
-- the writer was deposed: nothing is written and {-1} is returned.
--
-- stream, minute, missed, saturations, requests: the capture statistics of the read
-- ("" for no stream): the stream's totals (events captured, estimated missed, saturated
-- reads, requests) move on, and the stream's snapshot of its totals for that minute
-- (epoch seconds of the minute's start) is replaced, so that any window's capture is the
-- difference of two snapshots.
--
-- An event's id is its member in the zset of its type, so ZADD NX is the de-duplication:
-- an event seen before (in this batch, an earlier poll, or another poller's) adds nothing.
-- Retention is measured back from the newest created_at ever stored (the high-water mark),
-- so an import of old data and a live feed age the same way.
--
-- Returns {stored, duplicates, expired, newestCreatedAt, {type, storedCount, ...}}.
local prefix = ARGV[1]
local retention = tonumber(ARGV[2])
local fence = ARGV[3]
local typesKey, publicKey, statusKey, leaseKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local firstEvent = 9

-- The store's version (docs/redis-schema.md#the-stores-version): moved in the same
-- script as the write, so a reader never sees the new data under the old version.
local function bumpVersion(key)
	local counter = tonumber(string.match(redis.call('GET', key) or '0', '^%d+')) + 1
	local now = redis.call('TIME')
	redis.call('SET', key, counter .. '-' .. now[1] .. string.format('%06d', now[2]))
end

if fence ~= '' and redis.call('GET', leaseKey) ~= fence then
	return {-1}
end

local newest = tonumber(redis.call('HGET', statusKey, 'newestEventAt') or '0')
for i = firstEvent, #ARGV, 5 do
	local createdAt = tonumber(ARGV[i + 2])
	if createdAt > newest then
		newest = createdAt
	end
end
local cutoff = newest - retention

local stored, duplicates, expired = 0, 0, 0
local storedByType = {}
for i = firstEvent, #ARGV, 5 do
	local id, eventType, createdAt = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
	local prRepo, publicMember = ARGV[i + 3], ARGV[i + 4]
	if createdAt <= cutoff then
		expired = expired + 1
	elseif redis.call('ZADD', prefix .. 'type:' .. eventType, 'NX', createdAt, id) == 0 then
		duplicates = duplicates + 1
	else
		stored = stored + 1
		storedByType[eventType] = (storedByType[eventType] or 0) + 1
		if prRepo ~= '' then
			local prKey = prefix .. 'pr-opened:' .. prRepo
			redis.call('ZADD', prKey, createdAt, id)
			redis.call('ZREMRANGEBYSCORE', prKey, '-inf', cutoff)
			-- The key outlives its newest pull request by the retention, then goes by itself.
			local ttl = retention - (newest - createdAt)
			if redis.call('TTL', prKey) < ttl then
				redis.call('EXPIRE', prKey, ttl)
			end
		end
		if publicMember ~= '' then
			redis.call('ZADD', publicKey, createdAt, publicMember)
		end
	end
end

local byType = {}
for eventType, count in pairs(storedByType) do
	redis.call('SADD', typesKey, eventType)
	table.insert(byType, eventType)
	table.insert(byType, count)
end

-- Trim everything that fell out of the retention window.
for _, eventType in ipairs(redis.call('SMEMBERS', typesKey)) do
	redis.call('ZREMRANGEBYSCORE', prefix .. 'type:' .. eventType, '-inf', cutoff)
end
redis.call('ZREMRANGEBYSCORE', publicKey, '-inf', cutoff)

redis.call('HSET', statusKey, 'newestEventAt', newest)
if stored > 0 then
	redis.call('HINCRBY', statusKey, 'eventsStored', stored)
end
if duplicates > 0 then
	redis.call('HINCRBY', statusKey, 'duplicatesSkipped', duplicates)
end

local stream = ARGV[4]
if stream ~= '' then
	local minute = tonumber(ARGV[5])
	local totalsKey = KEYS[5]
	local captured = redis.call('HINCRBY', totalsKey, stream .. ':captured', stored)
	local missed = redis.call('HINCRBY', totalsKey, stream .. ':missed', ARGV[6])
	local saturations = redis.call('HINCRBY', totalsKey, stream .. ':saturations', ARGV[7])
	local requests = redis.call('HINCRBY', totalsKey, stream .. ':requests', ARGV[8])
	redis.call('SADD', KEYS[6], stream)
	local snapshots = prefix .. 'capture:' .. stream
	redis.call('ZREMRANGEBYSCORE', snapshots, minute, minute)
	redis.call('ZADD', snapshots, minute,
		minute .. ':' .. captured .. ':' .. missed .. ':' .. saturations .. ':' .. requests)
	redis.call('ZREMRANGEBYSCORE', snapshots, '-inf', '(' .. (minute - retention))
end
-- Every call that gets this far writes (the high-water mark, the counters, the trims, the
-- capture statistics), so every such call moves the version: readers cache nothing across
-- an ingest.
bumpVersion(KEYS[7])
return {stored, duplicates, expired, newest, byType}
