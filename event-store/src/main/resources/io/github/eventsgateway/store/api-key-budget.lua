-- Spends one request of an API key's budget, a token bucket: the bucket holds at most
-- `burst` tokens and refills at `rate` tokens a second; a request takes one token, or is
-- refused while none is left. All replicas share the bucket, and count time on Redis' own
-- clock (TIME), so that their clocks need not agree.
--
-- KEYS[1] the key's bucket, a hash: tokens (left, fractional) and at (when they were
-- counted, epoch milliseconds). ARGV: rate (tokens a second, may be fractional), burst.
-- Returns { 1 when the request may go else 0, whole tokens left, milliseconds until a
-- token is back (0 when the request may go) }.
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1])
local at = tonumber(bucket[2])
if tokens == nil or at == nil then
	tokens = burst
elseif now > at then
	tokens = math.min(burst, tokens + (now - at) * rate / 1000)
end

local allowed = 0
local wait = 0
if tokens >= 1 then
	tokens = tokens - 1
	allowed = 1
else
	wait = math.ceil((1 - tokens) * 1000 / rate)
end

redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
-- A bucket is full again, and the same as no bucket, once it has refilled: forget it then,
-- so that keys that pause cost no memory.
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / rate) + 1000)
return { allowed, math.floor(tokens), wait }
