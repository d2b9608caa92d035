#!/usr/bin/env bash
# Ingest benchmark: imports generated events through the poller's real write path
# (GH Archive file -> parser -> EventWriter's Lua script) into a throwaway redis-server,
# then prints events/s and Redis memory per retained event.
#
#   bench/ingest-benchmark.sh [EVENTS]        (default 1000000)
#
# Needs: java 17, python3, redis-server, redis-cli, and the poller jar
# (mvn -B -pl poller-service package -DskipTests, after event-store is installed).
set -euo pipefail
cd "$(dirname "$0")/.."

events=${1:-1000000}
jar=poller-service/target/poller-service.jar
[[ -f $jar ]] || { echo "Missing $jar: build it with 'mvn -B -pl poller-service package -DskipTests'" >&2; exit 1; }

work=$(mktemp -d /tmp/ingest-benchmark.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
redis_pid=
cleanup() {
  [[ -n $redis_pid ]] && kill "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

file=$work/events.ndjson.gz
echo "Generating $events events ..."
python3 bench/generate-events.py --count "$events" --seed 42 --output "$file"

redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
used_memory() { redis-cli -p "$port" info memory | tr -d '\r' | awk -F: '$1 == "used_memory" { print $2 }'; }
redis_cpu() { redis-cli -p "$port" info cpu | tr -d '\r' | awk -F: '$1 == "used_cpu_user" || $1 == "used_cpu_sys" { s += $2 } END { printf "%.1f", s }'; }
before=$(used_memory)
cpu_before=$(redis_cpu)

echo "Importing through $jar into redis-server on port $port ..."
REDIS_URL=redis://127.0.0.1:$port POLLER_SOURCE=file:$file POLLER_FILE_MODE=import \
  POLLER_EXIT_AFTER_IMPORT=true SERVER_PORT=0 RETENTION=7d \
  java -Xmx1g -jar "$jar" >"$work/poller.log" 2>&1 || { cat "$work/poller.log" >&2; exit 1; }

summary=$(grep -o 'Imported .*' "$work/poller.log" | tail -1)
echo "$summary"
after=$(used_memory)
stored=$(redis-cli -p "$port" hget 'ghe:{events}:status' eventsStored | tr -d '\r')
rate=$(sed -E 's/.*\(([0-9]+) events\/s\).*/\1/' <<<"$summary")
echo "events stored:        $stored"
echo "ingest throughput:    $rate events/s (file read, parsed and written; JVM start-up excluded)"
echo "used_memory before:   $before bytes"
echo "used_memory after:    $after bytes"
echo "bytes per event:      $(( (after - before) / stored ))"
echo "redis-server CPU:     $(python3 -c "print(round($(redis_cpu) - $cpu_before, 1))") s during the import"

per_event=$(( (after - before) / stored ))
verdict() { if (( $1 )); then echo "PASS"; else echo "FAIL"; fi; }
echo "target >= 20000 events/s:    $(verdict "rate >= 20000")"
echo "target <= 150 bytes/event:   $(verdict "per_event <= 150")"
(( rate >= 20000 && per_event <= 150 ))
