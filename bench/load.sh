#!/usr/bin/env bash
# Load benchmark: wrk against two metrics-api replicas behind nginx, each endpoint for 60 s,
# with the bare WebFlux baseline (/bench/zcount: one ZCOUNT, no logic) measured in the same run.
#
#   bench/load.sh                                  the full run (about 9 minutes)
#   DURATION=10s bench/load.sh                     a quick one
#
# It starts everything itself on free ports and stops it on exit: a redis-server, a one-shot
# poller that imports EVENTS synthetic events (bench/generate-events.py, times shifted so that
# the newest is now), two metrics-api replicas, and nginx with the load balancer configuration
# of metrics-api/nginx/nginx.conf (written for local ports by run-local.sh, access log off).
# Writes bench/results/load.csv and bench/results/load.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

DURATION="${DURATION:-60s}"
WARMUP="${WARMUP:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
EVENTS="${EVENTS:-200000}"
POLLER_JAR="poller-service/target/poller-service.jar"
API_JAR="metrics-api/target/metrics-api.jar"
OUT_CSV="bench/results/load.csv"
OUT_MD="bench/results/load.md"

for tool in wrk nginx redis-server redis-cli curl python3 java; do
  command -v "$tool" >/dev/null || { echo "load.sh needs $tool on the PATH" >&2; exit 1; }
done
for jar in "$POLLER_JAR" "$API_JAR"; do
  [[ -f "$jar" ]] || { echo "Build the services first (mvn -B package -DskipTests): no $jar" >&2; exit 1; }
done

WORK="$(mktemp -d /tmp/load-bench.XXXXXX)"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
say() { printf '[load] %s\n' "$*"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
await_ok() {
  local url="$1" i
  for i in $(seq 1 120); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "No 200 from $url within 60 s; logs in $WORK" >&2
  exit 1
}

# copies, so that a rebuild of the services during the run cannot pull classes from under them
cp "$POLLER_JAR" "$WORK/poller-service.jar"
cp "$API_JAR" "$WORK/metrics-api.jar"
POLLER_JAR="$WORK/poller-service.jar"
API_JAR="$WORK/metrics-api.jar"

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
REDIS_PORT="$(free_port)"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
REDIS_URL="redis://127.0.0.1:$REDIS_PORT"

say "importing $EVENTS synthetic events (newest at now) into Redis on port $REDIS_PORT"
python3 bench/generate-events.py --count "$EVENTS" --output "$WORK/events.ndjson.gz"
REDIS_URL="$REDIS_URL" SERVER_PORT="$(free_port)" POLLER_SOURCE="file:$WORK/events.ndjson.gz" \
  POLLER_FILE_MODE=replay POLLER_EXIT_AFTER_IMPORT=true POLLER_INSTANCE_ID=load-import \
  java -jar "$POLLER_JAR" >"$WORK/import.log" 2>&1

API_PORTS=()
for replica in 1 2; do
  port="$(free_port)"
  API_PORTS+=("$port")
  REDIS_URL="$REDIS_URL" SERVER_PORT="$port" GATEWAY_BENCHMARK_BASELINE_ENDPOINT=true \
    java -Xmx512m -jar "$API_JAR" >"$WORK/api-$replica.log" 2>&1 &
  PIDS+=($!)
done
LB_PORT="$(free_port)"
API_PORTS="$(IFS=,; echo "${API_PORTS[*]}")" LB_PORT="$LB_PORT" RUN_DIR="$WORK/run" \
  ./run-local.sh --write-nginx-config "$WORK/nginx" >/dev/null
sed -i 's|^  access_log /dev/stdout gateway;|  access_log off;|' "$WORK/nginx/nginx.conf"
nginx -p "$WORK/nginx" -e "$WORK/nginx-error.log" -c "$WORK/nginx/nginx.conf" \
  -g "daemon off; pid $WORK/nginx/nginx.pid;" >"$WORK/nginx.log" 2>&1 &
PIDS+=($!)
for port in ${API_PORTS//,/ }; do await_ok "http://127.0.0.1:$port/actuator/health/readiness"; done
LB="http://127.0.0.1:$LB_PORT"
await_ok "$LB/nginx-health"

# the repository with the most pull requests opened, for the interval endpoint
REPO="$(python3 - "$WORK/events.ndjson.gz" <<'PY'
import collections, gzip, json, sys
opened = collections.Counter()
for line in gzip.open(sys.argv[1], "rt"):
    event = json.loads(line)
    if event["type"] == "PullRequestEvent" and event["payload"].get("action") == "opened":
        opened[event["repo"]["name"]] += 1
print(opened.most_common(1)[0][0])
PY
)"
say "stored: $(redis-cli -p "$REDIS_PORT" hget 'ghe:{events}:status' eventsStored) events; PR repository: $REPO"

ENDPOINTS=(
  "baseline (/bench/zcount)|/bench/zcount"
  "counts|/api/v1/events/counts?offset=10"
  "counts of two types|/api/v1/events/counts?offset=10&types=PushEvent%2CWatchEvent"
  "pull-request interval|/api/v1/repos/$REPO/pull-requests/average-interval"
  "made public|/api/v1/repos/made-public?limit=100"
  "poller status|/api/v1/poller/status"
)
for entry in "${ENDPOINTS[@]}"; do
  path="${entry#*|}"
  status="$(curl -s -o /dev/null -w '%{http_code}' "$LB$path")"
  [[ "$status" == 200 ]] || { echo "GET $path answers $status, not 200" >&2; exit 1; }
done

to_ms() { # wrk's latency (850.00us, 1.23ms, 2.01s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# every endpoint warmed up before any is measured, so that the first one measured does not
# pay for the JIT; the baseline is measured first and again last, to show the drift
for entry in "${ENDPOINTS[@]}"; do
  say "warming up ${entry%%|*} for $WARMUP"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$LB${entry#*|}" >/dev/null
done
ENDPOINTS+=("baseline again (last)|/bench/zcount")

echo "endpoint,path,requests_per_second,p50_ms,p99_ms,requests,non_2xx,socket_errors" >"$OUT_CSV"
for entry in "${ENDPOINTS[@]}"; do
  name="${entry%%|*}"
  path="${entry#*|}"
  say "measuring $name for $DURATION: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency $LB$path"
  report="$WORK/wrk-${name//[^a-z]/_}.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$LB$path" >"$report"
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$report")"
  p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$report")")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$report")")"
  requests="$(awk '/requests in/ { print $1 }' "$report")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$report")"
  socket="$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$report")"
  echo "$name,$path,$rps,$p50,$p99,$requests,${non2xx:-0},${socket:-0}" >>"$OUT_CSV"
done

LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo "| endpoint | requests/s | p50 (ms) | p99 (ms) | requests | non-2xx | socket errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  tail -n +2 "$OUT_CSV" | while IFS=, read -r name path rps p50 p99 requests non2xx socket; do
    printf '| %s | %.0f | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99" "$requests" "$non2xx" "$socket"
  done
  echo
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency per endpoint, after $WARMUP of warm-up of each; $EVENTS events in Redis;"
  echo "load average (1, 5, 15 min) before: $LOAD_BEFORE, after: $LOAD_AFTER ($(nproc) cores)."
} >"$OUT_MD"
say "wrote $OUT_CSV and $OUT_MD (wrk reports and logs in $WORK)"
cat "$OUT_MD"
