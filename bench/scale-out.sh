#!/usr/bin/env bash
# Scale-out benchmark: every endpoint through nginx with 1 and 3 metrics-api replicas, on
# 1 Redis and on 1 Redis master + 2 replicas (the API reading from the replicas), beside the
# bare baseline program (bench/zcount-baseline: a separate Spring Boot WebFlux app whose one
# endpoint runs one ZCOUNT) run the same way, with the same JVM flags, in the same run.
#
#   bench/scale-out.sh                                   the full run (about 35 minutes; 50 with WARMUP=30s)
#   DURATION=5s WARMUP=3s EVENTS=50000 bench/scale-out.sh   a smoke run (about 10 minutes)
#   REDIS_MODES=single API_COUNTS=3 bench/scale-out.sh   one configuration
#
# For each Redis topology it starts throwaway redis-servers, fills the master through the
# poller's own write path (bench/generate-events.py -> poller-service.jar replay -> the
# ingest script), waits until the replicas hold the same offset, and then for each replica
# count starts that many metrics-api and as many baseline instances, each set behind its own
# nginx with the load balancer configuration of metrics-api/nginx/nginx.conf (as run-local.sh
# writes it for local ports, access log off). Every endpoint is warmed up, then measured
# with wrk for DURATION. Beside each measurement: the Redis commands per 1,000 requests (the
# difference of INFO commandstats over all Redis nodes, INFO/PING/REPLCONF left out), the CPU
# that Redis, the API (or baseline) JVMs and nginx used, as a share of one core (from INFO cpu
# and /proc), and the load average. Everything it starts is stopped on exit.
# Writes bench/results/scale-out.csv and bench/results/scale-out.md.
#
# Needs: wrk, nginx, redis-server, redis-cli, curl, python3, java 17, and the jars:
#   mvn -B -pl poller-service,metrics-api,bench/zcount-baseline -am package -DskipTests
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-10s}" # whole seconds, such as 10s
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
EVENTS="${EVENTS:-200000}"
REDIS_MODES="${REDIS_MODES:-single replicated}"
API_COUNTS="${API_COUNTS:-1 3}"
JAVA_FLAGS="${JAVA_FLAGS:--Xms512m -Xmx512m}"
POLLER_JAR="${POLLER_JAR:-poller-service/target/poller-service.jar}"
API_JAR="${API_JAR:-metrics-api/target/metrics-api.jar}"
BASELINE_JAR="${BASELINE_JAR:-bench/zcount-baseline/target/zcount-baseline.jar}"
OUT_CSV="${OUT_CSV:-bench/results/scale-out.csv}"
OUT_MD="${OUT_MD:-bench/results/scale-out.md}"

for tool in wrk nginx redis-server redis-cli curl python3 java; do
  command -v "$tool" >/dev/null || { echo "scale-out.sh needs $tool on the PATH" >&2; exit 1; }
done
for jar in "$POLLER_JAR" "$API_JAR" "$BASELINE_JAR"; do
  [[ -f $jar ]] || {
    echo "Missing $jar: mvn -B -pl poller-service,metrics-api,bench/zcount-baseline -am package -DskipTests" >&2
    exit 1
  }
done

WORK="$(mktemp -d /tmp/scale-out.XXXXXX)"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
say() { printf '[scale-out] %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# stops the processes started since mark
mark() { echo "${#PIDS[@]}"; }
stop_since() {
  local from=$1 i
  for ((i = from; i < ${#PIDS[@]}; i++)); do kill "${PIDS[$i]}" 2>/dev/null || true; done
  for ((i = from; i < ${#PIDS[@]}; i++)); do wait "${PIDS[$i]}" 2>/dev/null || true; done
  PIDS=("${PIDS[@]:0:$from}")
}
await_ok() {
  local url="$1" i
  for i in $(seq 1 600); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "No 200 from $url within 300 s; logs in $WORK" >&2
  exit 1
}
to_ms() { # wrk's latency (850.00us, 1.23ms, 2.01s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
# commands run by all Redis nodes so far (INFO, PING, REPLCONF and the like left out)
redis_commands() {
  local port total=0 n
  for port in "$@"; do
    n=$(redis-cli -p "$port" info commandstats | tr -d '\r' |
      awk -F'[:=,]' '/^cmdstat_/ && $1 !~ /^cmdstat_(info|ping|replconf|psync|sync|command|config)$/ { s += $3 } END { print s + 0 }')
    total=$((total + n))
  done
  echo "$total"
}
# script runs (EVALSHA, EVALSHA_RO, EVAL, EVAL_RO) by all Redis nodes so far: the API's
# reads that could not be answered from memory
redis_scripts() {
  local port
  for port in "$@"; do
    redis-cli -p "$port" info commandstats | tr -d '\r' |
      awk -F'[:=,]' '$1 ~ /^cmdstat_eval(sha)?(_ro)?$/ { s += $3 } END { print s + 0 }'
  done | awk '{ s += $1 } END { print s + 0 }'
}
# CPU seconds used by all Redis nodes so far
redis_cpu() {
  local port
  for port in "$@"; do
    redis-cli -p "$port" info cpu | tr -d '\r' | awk -F: '/^used_cpu_(sys|user):/ { s += $2 } END { printf "%.3f\n", s }'
  done | awk '{ s += $1 } END { printf "%.3f", s }'
}
# CPU seconds used so far by processes and their children (nginx workers)
proc_cpu() {
  local pid all=() child
  for pid in "$@"; do
    all+=("$pid")
    for child in $(pgrep -P "$pid" 2>/dev/null); do all+=("$child"); done
  done
  local ticks
  ticks=$(getconf CLK_TCK)
  for pid in "${all[@]}"; do
    [[ -r /proc/$pid/stat ]] && awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat"
  done | awk -v t="$ticks" '{ s += $1 } END { printf "%.3f", s / t }'
}
now() { date +%s.%N; }
share() { awk -v a="$1" -v b="$2" -v s="$3" 'BEGIN { printf "%.0f", (b - a) / s * 100 }'; }

cp "$POLLER_JAR" "$WORK/poller-service.jar" && POLLER_JAR="$WORK/poller-service.jar"
cp "$API_JAR" "$WORK/metrics-api.jar" && API_JAR="$WORK/metrics-api.jar"
cp "$BASELINE_JAR" "$WORK/zcount-baseline.jar" && BASELINE_JAR="$WORK/zcount-baseline.jar"

say "generating $EVENTS synthetic events"
python3 bench/generate-events.py --count "$EVENTS" --output "$WORK/events.ndjson.gz"
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

echo "redis,api_replicas,endpoint,path,requests_per_second,p50_ms,p99_ms,requests,non_2xx,socket_errors,redis_commands_per_1000,redis_scripts_per_1000,redis_cpu_pct,app_cpu_pct,nginx_cpu_pct,load_1min" >"$OUT_CSV"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

# Starts COUNT instances of a jar behind a fresh nginx: sets STARTED_LB (its port) and
# STARTED (the pids, nginx last).
start_behind_nginx() {
  local name=$1 jar=$2 count=$3 ready_path=$4 ports=() pids=() i port lb
  for i in $(seq 1 "$count"); do
    port="$(free_port)"
    ports+=("$port")
    # shellcheck disable=SC2086
    env "${REDIS_ENV[@]}" SERVER_PORT="$port" java $JAVA_FLAGS -jar "$jar" --logging.level.root=WARN \
      >"$WORK/$name-$MODE-$count-$i.log" 2>&1 &
    PIDS+=($!)
    pids+=($!)
  done
  lb="$(free_port)"
  mkdir -p "$WORK/nginx-$name"
  API_PORTS="$(IFS=,; echo "${ports[*]}")" LB_PORT="$lb" RUN_DIR="$WORK/run" \
    ./run-local.sh --write-nginx-config "$WORK/nginx-$name" >/dev/null
  sed -i 's|^  access_log /dev/stdout gateway;|  access_log off;|' "$WORK/nginx-$name/nginx.conf"
  nginx -p "$WORK/nginx-$name" -e "$WORK/nginx-$name-error.log" -c "$WORK/nginx-$name/nginx.conf" \
    -g "daemon off; pid $WORK/nginx-$name/nginx.pid;" >"$WORK/nginx-$name.log" 2>&1 &
  PIDS+=($!)
  pids+=($!)
  for port in "${ports[@]}"; do await_ok "http://127.0.0.1:$port$ready_path"; done
  await_ok "http://127.0.0.1:$lb/nginx-health"
  STARTED_LB=$lb
  STARTED=("${pids[@]}")
}

for MODE in $REDIS_MODES; do
  redis_mark="$(mark)"
  master="$(free_port)"
  REDIS_PORTS=("$master")
  redis-server --port "$master" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" \
    >"$WORK/redis-$MODE-master.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 50); do redis-cli -p "$master" ping >/dev/null 2>&1 && break; sleep 0.1; done
  REDIS_ENV=(REDIS_URL="redis://127.0.0.1:$master")
  if [[ $MODE == replicated ]]; then
    nodes="127.0.0.1:$master"
    for r in 1 2; do
      port="$(free_port)"
      REDIS_PORTS+=("$port")
      nodes+=",127.0.0.1:$port"
      redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" \
        --replicaof 127.0.0.1 "$master" >"$WORK/redis-$MODE-replica-$r.log" 2>&1 &
      PIDS+=($!)
      for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    done
    # Spring Boot's static master/replica set; Lettuce sends reads (EVALSHA_RO, ZCOUNT, GET)
    # to a replica picked at random, writes to the master.
    REDIS_ENV+=(SPRING_DATA_REDIS_MASTERREPLICA_NODES="$nodes" SPRING_DATA_REDIS_LETTUCE_READ_FROM=any-replica)
  fi

  say "[$MODE] importing the events into Redis on port $master"
  REDIS_URL="redis://127.0.0.1:$master" SERVER_PORT="$(free_port)" POLLER_SOURCE="file:$WORK/events.ndjson.gz" \
    POLLER_FILE_MODE=replay POLLER_EXIT_AFTER_IMPORT=true POLLER_INSTANCE_ID=scale-out-import \
    java -Xmx1g -jar "$POLLER_JAR" >"$WORK/import-$MODE.log" 2>&1 || { cat "$WORK/import-$MODE.log" >&2; exit 1; }
  if [[ $MODE == replicated ]]; then
    offset="$(redis-cli -p "$master" info replication | tr -d '\r' | awk -F: '/^master_repl_offset:/ { print $2 }')"
    for port in "${REDIS_PORTS[@]:1}"; do
      for _ in $(seq 1 300); do
        [[ "$(redis-cli -p "$port" info replication | tr -d '\r' | awk -F: '/^slave_repl_offset:/ { print $2 }')" -ge $offset ]] && break
        sleep 0.2
      done
    done
  fi
  say "[$MODE] stored: $(redis-cli -p "$master" hget 'ghe:{events}:status' eventsStored) events; PR repository: $REPO"

  ENDPOINTS=(
    "baseline (one ZCOUNT)|/zcount"
    "counts|/api/v1/events/counts?offset=10"
    "counts, 2 types|/api/v1/events/counts?offset=10&types=PushEvent%2CWatchEvent"
    "timeline|/api/v1/events/timeline?offset=60"
    "timeline.svg|/api/v1/events/timeline.svg?offset=60"
    "pull-request interval|/api/v1/repos/$REPO/pull-requests/average-interval"
    "made public|/api/v1/repos/made-public?limit=100"
    "poller status|/api/v1/poller/status"
  )

  for COUNT in $API_COUNTS; do
    apps_mark="$(mark)"
    say "[$MODE] starting $COUNT metrics-api and $COUNT baseline instances ($JAVA_FLAGS), each set behind nginx"
    start_behind_nginx api "$API_JAR" "$COUNT" /actuator/health/readiness
    api_lb=$STARTED_LB
    api_pid_list=("${STARTED[@]}")
    start_behind_nginx baseline "$BASELINE_JAR" "$COUNT" /zcount
    base_lb=$STARTED_LB
    base_pid_list=("${STARTED[@]}")

    for entry in "${ENDPOINTS[@]}"; do
      path="${entry#*|}"
      # The baseline's JVM serves one endpoint, the API's all the others: each JVM gets
      # the same warm-up time in total.
      if [[ $path == /zcount ]]; then
        lb=$base_lb
        warmup="$(( ${WARMUP%s} * (${#ENDPOINTS[@]} - 1) ))s"
      else
        lb=$api_lb
        warmup=$WARMUP
      fi
      status="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$lb$path")"
      [[ "$status" == 200 ]] || { echo "GET $path answers $status, not 200; logs in $WORK" >&2; exit 1; }
      say "[$MODE, $COUNT] warming up ${entry%%|*} for $warmup"
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$warmup" "http://127.0.0.1:$lb$path" >/dev/null
    done

    for entry in "${ENDPOINTS[@]}" "baseline again (last)|/zcount"; do
      name="${entry%%|*}"
      path="${entry#*|}"
      if [[ $path == /zcount ]]; then
        lb=$base_lb
        app_pids=("${base_pid_list[@]:0:$COUNT}")
        nginx_pid="${base_pid_list[$COUNT]}"
      else
        lb=$api_lb
        app_pids=("${api_pid_list[@]:0:$COUNT}")
        nginx_pid="${api_pid_list[$COUNT]}"
      fi
      report="$WORK/wrk-$MODE-$COUNT-${name//[^a-z]/_}.txt"
      commands_before="$(redis_commands "${REDIS_PORTS[@]}")"
      scripts_before="$(redis_scripts "${REDIS_PORTS[@]}")"
      redis_before="$(redis_cpu "${REDIS_PORTS[@]}")"
      app_before="$(proc_cpu "${app_pids[@]}")"
      nginx_before="$(proc_cpu "$nginx_pid")"
      started="$(now)"
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$lb$path" >"$report"
      seconds="$(awk -v a="$started" -v b="$(now)" 'BEGIN { print b - a }')"
      commands="$(( $(redis_commands "${REDIS_PORTS[@]}") - commands_before ))"
      scripts="$(( $(redis_scripts "${REDIS_PORTS[@]}") - scripts_before ))"
      redis_pct="$(share "$redis_before" "$(redis_cpu "${REDIS_PORTS[@]}")" "$seconds")"
      app_pct="$(share "$app_before" "$(proc_cpu "${app_pids[@]}")" "$seconds")"
      nginx_pct="$(share "$nginx_before" "$(proc_cpu "$nginx_pid")" "$seconds")"
      rps="$(awk '/^Requests\/sec:/ { print $2 }' "$report")"
      p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$report")")"
      p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$report")")"
      requests="$(awk '/requests in/ { print $1 }' "$report")"
      non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $5 }' "$report")"
      socket="$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$report")"
      per1000="$(awk -v c="$commands" -v r="$requests" 'BEGIN { printf "%.2f", (r > 0) ? c / r * 1000 : 0 }')"
      scripts1000="$(awk -v c="$scripts" -v r="$requests" 'BEGIN { printf "%.2f", (r > 0) ? c / r * 1000 : 0 }')"
      load="$(cut -d' ' -f1 /proc/loadavg)"
      say "[$MODE, $COUNT] $name: $rps req/s, p99 $p99 ms, $per1000 Redis commands and $scripts1000 scripts / 1000 requests, CPU: Redis $redis_pct %, app $app_pct %, nginx $nginx_pct %"
      echo "$MODE,$COUNT,\"$name\",\"$path\",$rps,$p50,$p99,$requests,${non2xx:-0},${socket:-0},$per1000,$scripts1000,$redis_pct,$app_pct,$nginx_pct,$load" >>"$OUT_CSV"
    done
    stop_since "$apps_mark"
  done
  stop_since "$redis_mark"
done

LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$OUT_CSV" "$OUT_MD" <<PY
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
out = []
for mode, title in (("single", "1 Redis"), ("replicated", "1 Redis master + 2 replicas (API reads from replicas)")):
    for count in sorted({r["api_replicas"] for r in rows if r["redis"] == mode}, key=int):
        group = [r for r in rows if r["redis"] == mode and r["api_replicas"] == count]
        if not group:
            continue
        baselines = [float(r["requests_per_second"]) for r in group if r["path"] == "/zcount"]
        baseline = sum(baselines) / len(baselines)
        out.append(f"### {title}, {count} API replica{'s' if count != '1' else ''} behind nginx\n")
        out.append("| endpoint | requests/s | × baseline | p50 (ms) | p99 (ms) | non-2xx | Redis commands / 1,000 requests | scripts / 1,000 requests | CPU: Redis | CPU: app JVMs | CPU: nginx |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in group:
            ratio = float(r["requests_per_second"]) / baseline
            errors = int(r["non_2xx"]) + int(r["socket_errors"])
            out.append(f"| {r['endpoint']} | {float(r['requests_per_second']):.0f} | {ratio:.2f} | {r['p50_ms']} | {r['p99_ms']} | {errors} "
                       f"| {r['redis_commands_per_1000']} | {r['redis_scripts_per_1000']} | {r['redis_cpu_pct']} % | {r['app_cpu_pct']} % | {r['nginx_cpu_pct']} % |")
        out.append("")
out.append("× baseline: against the mean of the two baseline measurements (first and last) of the same configuration. "
           "Redis commands: INFO commandstats over all nodes, commands run inside scripts included, the idle "
           "replicas' version confirmations too; scripts: the reads that were not answered from memory. "
           "CPU: share of one core over the measurement (the machine has $(nproc)).")
out.append("")
out.append("wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency per endpoint, after $WARMUP of warm-up of each; "
           "$EVENTS events; JVM flags $JAVA_FLAGS for every Java process;")
out.append("load average (1, 5, 15 min) before: $LOAD_BEFORE, after: $LOAD_AFTER.")
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
say "wrote $OUT_CSV and $OUT_MD (wrk reports and logs in $WORK)"
cat "$OUT_MD"
