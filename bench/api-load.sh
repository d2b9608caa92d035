#!/usr/bin/env bash
# API load benchmark: one metrics-api instance, straight (no load balancer), wrk with 64
# connections against every endpoint and against the bare baseline program
# (bench/zcount-baseline: a separate WebFlux app, one ZCOUNT on the same Redis, no logic,
# started with the same JVM flags), side by side in one run,
# once with a small store and once with a large one.
#
#   bench/api-load.sh                       10 thousand, then 5 million events (about 20 min)
#   SIZES="10000 200000" DURATION=5s ROUNDS=1 bench/api-load.sh     a quick one
#
# For each size it starts a throwaway redis-server, fills it through the poller's own write
# path (bench/generate-events.py -> poller-service.jar import mode -> EventWriter's Lua
# script), starts metrics-api.jar and zcount-baseline.jar, warms every
# endpoint up, then measures each for DURATION, ROUNDS times round-robin (so that a burst
# of load from elsewhere on the machine hits every endpoint alike), and reports the median
# round. Beside requests/s and latency it reports the CPU time the API's JVM and
# redis-server spent per request (from /proc), which other load on the machine disturbs
# much less than throughput. Everything it starts is stopped on exit.
# Prints a Markdown table and writes it to bench/results/api-load.md.
#
# Needs: wrk, redis-server, redis-cli, python3, java 17 and both jars:
#   mvn -B -pl poller-service,metrics-api,bench/zcount-baseline -am package -DskipTests
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SIZES="${SIZES:-10000 5000000}"
DURATION="${DURATION:-10s}"
ROUNDS="${ROUNDS:-3}"
WARMUP="${WARMUP:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
POLLER_JAR="${POLLER_JAR:-poller-service/target/poller-service.jar}"
API_JAR="${API_JAR:-metrics-api/target/metrics-api.jar}"
BASELINE_JAR="${BASELINE_JAR:-bench/zcount-baseline/target/zcount-baseline.jar}"
OUT=bench/results/api-load.md

for tool in wrk redis-server redis-cli python3 java curl; do
  command -v "$tool" >/dev/null || { echo "api-load.sh needs $tool on the PATH" >&2; exit 1; }
done
for jar in "$POLLER_JAR" "$API_JAR" "$BASELINE_JAR"; do
  [[ -f $jar ]] || {
    echo "Missing $jar: mvn -B -pl poller-service,metrics-api,bench/zcount-baseline -am package -DskipTests" >&2
    exit 1
  }
done

work=$(mktemp -d /tmp/api-load.XXXXXX)
redis_pid=
api_pid=
baseline_pid=
stop() {
  local pid=$1
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
cleanup() {
  stop "$api_pid"
  stop "$baseline_pid"
  stop "$redis_pid"
  [[ -n ${KEEP_WORK:-} ]] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT
# Private copies, so that a rebuild during the run cannot pull a jar from under a JVM.
cp "$POLLER_JAR" "$work/poller-service.jar" && POLLER_JAR=$work/poller-service.jar
cp "$API_JAR" "$work/metrics-api.jar" && API_JAR=$work/metrics-api.jar
cp "$BASELINE_JAR" "$work/zcount-baseline.jar" && BASELINE_JAR=$work/zcount-baseline.jar

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# wrk's latency figure in milliseconds ("850.00us", "1.23ms", "1.02s").
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else { printf "%s", v } }'
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Runs wrk against one URL served by the JVM app_pid; prints "requests/s p50_ms p99_ms
# errors app_cpu_us redis_cpu_us" (the CPU columns per request).
measure() {
  local url=$1 duration=$2 app_pid=$3 out api_before redis_before api_after redis_after
  api_before=$(cpu_ticks "$app_pid")
  redis_before=$(cpu_ticks "$redis_pid")
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency "$url")
  api_after=$(cpu_ticks "$app_pid")
  redis_after=$(cpu_ticks "$redis_pid")
  local rps p50 p99 non2xx socket_errors requests
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
  socket_errors=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  awk -v r="$rps" -v p50="$p50" -v p99="$p99" -v e="$(( ${non2xx:-0} + ${socket_errors:-0} ))" \
    -v n="$requests" -v a=$((api_after - api_before)) -v b=$((redis_after - redis_before)) -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%s %s %s %s %.0f %.0f\n", r, p50, p99, e, 1e6 * a / hz / n, 1e6 * b / hz / n }'
}

# The median of numbers given as arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

rows=()
loads=()
declare -A rps_of p99_of cpu_of
for size in $SIZES; do
  redis_port=$(free_port)
  api_port=$(free_port)
  file=$work/events-$size.ndjson.gz
  echo "== $size events" >&2
  python3 bench/generate-events.py --count "$size" --seed 42 --output "$file"

  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" \
    >"$work/redis-$size.log" 2>&1 &
  redis_pid=$!
  for _ in $(seq 100); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

  echo "   importing through $POLLER_JAR ..." >&2
  REDIS_URL=redis://127.0.0.1:$redis_port POLLER_SOURCE=file:$file POLLER_FILE_MODE=import \
    POLLER_EXIT_AFTER_IMPORT=true SERVER_PORT=0 RETENTION=7d \
    java -Xmx1g -jar "$POLLER_JAR" >"$work/poller-$size.log" 2>&1 \
    || { cat "$work/poller-$size.log" >&2; exit 1; }
  grep -o 'Imported .*' "$work/poller-$size.log" | tail -1 | sed 's/^/   /' >&2
  stored=$(redis-cli -p "$redis_port" hget 'ghe:{events}:status' eventsStored | tr -d '\r')

  # A repository with at least two pull requests opened, for the interval endpoint.
  # (No pipefail here: leaving the loop early ends redis-cli with SIGPIPE.)
  repo=$(set +o pipefail; redis-cli -p "$redis_port" --scan --pattern 'ghe:{events}:pr-opened:*' | while read -r key; do
    if (( $(redis-cli -p "$redis_port" zcard "$key") >= 2 )); then echo "${key#ghe:\{events\}:pr-opened:}"; break; fi
  done)
  [[ -n $repo ]] || { echo "No repository with two pull requests opened in the generated events" >&2; exit 1; }

  SERVER_PORT=$api_port REDIS_URL=redis://127.0.0.1:$redis_port RETENTION=7d \
    java -Xms512m -Xmx512m -jar "$API_JAR" \
    --logging.level.root=WARN >"$work/api-$size.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$api_port/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$api_pid" 2>/dev/null || { cat "$work/api-$size.log" >&2; exit 1; }
    sleep 0.2
  done

  baseline_port=$(free_port)
  SERVER_PORT=$baseline_port REDIS_URL=redis://127.0.0.1:$redis_port \
    java -Xms512m -Xmx512m -jar "$BASELINE_JAR" --logging.level.root=WARN >"$work/baseline-$size.log" 2>&1 &
  baseline_pid=$!
  for _ in $(seq 600); do
    curl -sf "http://127.0.0.1:$baseline_port/zcount" >/dev/null 2>&1 && break
    kill -0 "$baseline_pid" 2>/dev/null || { cat "$work/baseline-$size.log" >&2; exit 1; }
    sleep 0.2
  done

  base=http://127.0.0.1:$api_port
  # the URL and the JVM of an endpoint: the baseline is its own program
  url_of() { if [[ $1 == /zcount ]]; then echo "http://127.0.0.1:$baseline_port$1"; else echo "$base$1"; fi; }
  pid_of() { if [[ $1 == /zcount ]]; then echo "$baseline_pid"; else echo "$api_pid"; fi; }
  # offset=60: the generated events end at generation time, and the run lasts minutes.
  # limit=20: both sizes hold at least 20 repositories made public, so the answers are
  # the same size and only the store differs.
  endpoints=(
    "baseline (one ZCOUNT)|/zcount"
    "counts|/api/v1/events/counts?offset=60"
    "counts, 3 types|/api/v1/events/counts?offset=60&types=WatchEvent,PullRequestEvent,IssuesEvent"
    "pull-request interval|/api/v1/repos/$repo/pull-requests/average-interval"
    "made-public|/api/v1/repos/made-public?limit=20"
    "poller status|/api/v1/poller/status"
  )
  for entry in "${endpoints[@]}"; do
    curl -sf "$(url_of "${entry#*|}")" >/dev/null || { echo "GET ${entry#*|} failed" >&2; exit 1; }
    measure "$(url_of "${entry#*|}")" "$WARMUP" "$(pid_of "${entry#*|}")" >/dev/null
  done
  declare -A round_rps=() round_p50=() round_p99=() round_errors=() round_api=() round_redis=()
  for round in $(seq "$ROUNDS"); do
    for entry in "${endpoints[@]}"; do
      name=${entry%%|*}
      read -r rps p50 p99 errors api_cpu redis_cpu < <(measure "$(url_of "${entry#*|}")" "$DURATION" "$(pid_of "${entry#*|}")")
      echo "   round $round, $name: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors," \
        "CPU/request: API $api_cpu us, Redis $redis_cpu us" >&2
      round_rps[$name]+="$rps "; round_p50[$name]+="$p50 "; round_p99[$name]+="$p99 "
      round_errors[$name]=$(( ${round_errors[$name]:-0} + errors ))
      round_api[$name]+="$api_cpu "; round_redis[$name]+="$redis_cpu "
    done
  done
  for entry in "${endpoints[@]}"; do
    name=${entry%%|*}
    rps=$(median ${round_rps[$name]}); p50=$(median ${round_p50[$name]}); p99=$(median ${round_p99[$name]})
    api_cpu=$(median ${round_api[$name]}); redis_cpu=$(median ${round_redis[$name]})
    rps_of["$size|$name"]=$rps
    p99_of["$size|$name"]=$p99
    cpu_of["$size|$name"]=$((api_cpu + redis_cpu))
    rows+=("| $stored | $name | $rps | $p50 | $p99 | ${round_errors[$name]} | $api_cpu | $redis_cpu |")
  done
  unset round_rps round_p50 round_p99 round_errors round_api round_redis
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  loads+=("$size events: load average at the end $load")
  stop "$api_pid"; api_pid=
  stop "$baseline_pid"; baseline_pid=
  stop "$redis_pid"; redis_pid=
done

{
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, median of $ROUNDS rounds, one metrics-api instance," \
    "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf -- '- %s\n' "${loads[@]}"
  echo
  echo "| events stored | endpoint | requests/s | p50 ms | p99 ms | errors | API CPU µs/request | Redis CPU µs/request |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  for size in $SIZES; do
    ratio=$(awk -v c="${rps_of["$size|counts"]}" -v b="${rps_of["$size|baseline (one ZCOUNT)"]}" \
      'BEGIN { printf "%.0f", 100 * c / b }')
    echo "- $size events: counts serves $ratio% of the baseline's requests/s, p99 ${p99_of["$size|counts"]} ms"
  done
  set -- $SIZES
  if (( $# >= 2 )); then
    small=$1 large=${!#}
    for entry in "${endpoints[@]}"; do
      name=${entry%%|*}
      awk -v n="$name" -v s="${p99_of["$small|$name"]}" -v l="${p99_of["$large|$name"]}" \
        -v rs="${rps_of["$small|$name"]}" -v rl="${rps_of["$large|$name"]}" -v a="$small" -v b="$large" \
        -v cs="${cpu_of["$small|$name"]}" -v cl="${cpu_of["$large|$name"]}" \
        'BEGIN { printf "- %s: %s -> %s events: requests/s %+.0f%%, p99 %+.0f%%, CPU per request (API + Redis) %d -> %d us (%+.0f%%)\n",
          n, a, b, 100 * (rl - rs) / rs, 100 * (l - s) / s, cs, cl, 100 * (cl - cs) / cs }'
    done
  fi
} | tee "$OUT"
