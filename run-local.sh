#!/usr/bin/env bash
# Runs the whole gateway on this machine, without Docker:
#   Redis (REDIS_URL, or a redis-server of its own) -> one poller -> metrics-api replicas
#   -> nginx on port 8080 (the same load-balancer configuration as docker-compose.yml).
#
#   ./run-local.sh             poll GitHub (set GITHUB_TOKENS for 5,000 requests/hour a token)
#   ./run-local.sh --sample    play the shipped sample of real events as a live feed: numbers at once
#   ./run-local.sh --help      all options
#
# Everything it writes stays under .run/ (git ignores it; RUN_DIR moves it); Ctrl-C stops
# everything it started.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$(pwd)"
SAMPLE_FILE="poller-service/samples/gharchive-2025-01-01-15.first2048.ndjson.gz"
POLLER_JAR="poller-service/target/poller-service.jar"
API_JAR="metrics-api/target/metrics-api.jar"
NGINX_TEMPLATE="metrics-api/nginx/nginx.conf"

usage() {
  cat <<'EOF'
Usage: ./run-local.sh [--sample] [--build] [--help]
       ./run-local.sh --write-nginx-config DIR

  --sample     play poller-service/samples/*.ndjson.gz (real GH Archive events) as a live
               feed instead of polling GitHub: the last hour filled at start, then the
               whole file again every 10 minutes, times moved to now; works offline,
               without a token; kept in the namespace "sample", emptied at each start
  --build      rebuild the jars even when they exist
  --write-nginx-config DIR
               only write the load balancer's configuration for the local ports into DIR
               and exit (nginx -t -p DIR -c DIR/nginx.conf checks it)

Configuration: environment variables, from the shell or from .env (a variable set in the
shell wins); .env.template explains each one. This script reads:
  LB_PORT             port of the load balancer, nginx (8080)
  POLLER_PORT         port of the poller: health, metrics (8081)
  API_PORTS           ports of the metrics-api replicas, one replica each (8082,8083)
  REDIS_URL           a Redis to use instead of starting a redis-server (never printed)
  REDIS_PORT          port of the redis-server it starts (the first free from 6390)
  RUN_DIR             folder of the run's Redis data, logs and nginx configuration (.run)
  POLLER_INSTANCE_ID  the poller's name in the lease and the status (local-poller-<pid>)
  GITHUB_TOKENS, GITHUB_TOKEN
                      GitHub tokens (anonymous without: 60 requests/hour); never printed
and the services read, as they get them from it:
  GITHUB_API_URL, GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY, GITHUB_APP_INSTALLATION_ID,
  POLLER_PACING, POLLER_MAX_REQUESTS_PER_MINUTE, POLLER_PAGES,
  POLLER_SOURCE, POLLER_FILE_MODE (--sample sets these two), POLLER_USER_AGENT,
  POLLER_EXIT_AFTER_IMPORT, RETENTION, GATEWAY_STORE_NAMESPACE, REDIS_TOPOLOGY,
  API_STALE_AFTER, API_KEYS (name:key[:rate/burst],...; never printed),
  LOGGING_STRUCTURED_FORMAT_CONSOLE (ecs: JSON log lines; plain text when unset)
(SERVER_PORT is set for each service from POLLER_PORT and API_PORTS.)
Logs: RUN_DIR/logs/*.log
EOF
}

say() { printf '[run-local] %s\n' "$*"; }
fail() {
  printf '[run-local] ERROR: %s\n' "$*" >&2
  exit 1
}

# .env, when it exists, fills in what the environment does not set (like docker compose).
load_env_file() {
  [[ -f "$ROOT/.env" ]] || return 0
  local line name value
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*([A-Z_][A-Z0-9_]*)=(.*)$ ]] || continue
    name="${BASH_REMATCH[1]}"
    value="${BASH_REMATCH[2]}"
    value="${value%\"}"
    value="${value#\"}"
    if [[ -z "${!name:-}" && -n "$value" ]]; then
      export "$name=$value"
    fi
  done <"$ROOT/.env"
}

# Writes nginx.conf for the local ports into a directory: the compose configuration with each
# `server metrics-api:8080 ...` line repeated for every local replica, and the listen port,
# worker count and temp paths made local.
write_nginx_config() {
  local dir="$1" line indent params port temp
  mkdir -p "$dir/temp"
  while IFS= read -r line || [[ -n "$line" ]]; do
    if [[ "$line" =~ ^([[:space:]]*)server\ metrics-api:8080\ (.*)$ ]]; then
      indent="${BASH_REMATCH[1]}"
      params="${BASH_REMATCH[2]}"
      for port in "${API_PORT_LIST[@]}"; do
        echo "${indent}server 127.0.0.1:${port} ${params}"
      done
    elif [[ "$line" == "    listen 8080;" ]]; then
      echo "    listen 127.0.0.1:${LB_PORT};"
    elif [[ "$line" == "worker_processes auto;" ]]; then
      echo "worker_processes 1;"
    elif [[ "$line" == "  worker_connections 4096;" ]]; then
      echo "  worker_connections 1024;"
    elif [[ "$line" == "http {" ]]; then
      echo "$line"
      for temp in client_body proxy fastcgi uwsgi scgi; do
        echo "  ${temp}_temp_path ${dir}/temp/${temp};"
      done
    else
      echo "$line"
    fi
  done <"$ROOT/$NGINX_TEMPLATE" >"$dir/nginx.conf"
  grep -q "server 127.0.0.1:${API_PORT_LIST[0]} " "$dir/nginx.conf" ||
    fail "could not rewrite the upstream servers of $NGINX_TEMPLATE"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port_from() {
  local port="$1"
  while port_in_use "$port"; do port=$((port + 1)); done
  echo "$port"
}

http_ok() { curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; }

# ---- options and configuration ---------------------------------------------------------------
# Every variable this script takes from the environment (or .env) is read as ${NAME:-default}
# or ${NAME:=default}, and only those are: EnvironmentVariablesTests finds them that way and
# checks that .env.template and --help list each one.
SAMPLE=false
BUILD=false
NGINX_CONFIG_ONLY=""
while (($#)); do
  case "$1" in
  --sample) SAMPLE=true ;;
  --build) BUILD=true ;;
  --write-nginx-config)
    [[ $# -ge 2 ]] || fail "--write-nginx-config needs a directory"
    NGINX_CONFIG_ONLY="$2"
    shift
    ;;
  -h | --help)
    usage
    exit 0
    ;;
  *)
    usage >&2
    fail "unknown option: $1"
    ;;
  esac
  shift
done

load_env_file
mkdir -p "${RUN_DIR:=$ROOT/.run}"
RUN_DIR="$(cd "$RUN_DIR" && pwd)"
LOG_DIR="$RUN_DIR/logs"
LB_PORT="${LB_PORT:-8080}"
POLLER_PORT="${POLLER_PORT:-8081}"
API_PORTS="${API_PORTS:-8082,8083}"
IFS=',' read -r -a API_PORT_LIST <<<"${API_PORTS// /}"
((${#API_PORT_LIST[@]})) || fail "API_PORTS is empty"

if [[ -n "$NGINX_CONFIG_ONLY" ]]; then
  mkdir -p "$NGINX_CONFIG_ONLY"
  write_nginx_config "$(cd "$NGINX_CONFIG_ONLY" && pwd)"
  say "wrote $NGINX_CONFIG_ONLY/nginx.conf (listen $LB_PORT, replicas on ${API_PORTS})"
  exit 0
fi

command -v java >/dev/null || fail "java not found: install a JDK 17 or newer"
JAVA_VERSION="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
((${JAVA_VERSION%%.*} >= 17)) || fail "java ${JAVA_VERSION} found: the services need Java 17 or newer"
command -v curl >/dev/null || fail "curl not found: install curl (used to wait for readiness)"
mkdir -p "$LOG_DIR"

# ---- stop everything we started, however we exit -----------------------------------------------
PIDS=()
NAMES=()
STOPPING=false
cleanup() {
  $STOPPING && return
  STOPPING=true
  trap '' INT TERM
  ((${#PIDS[@]})) || return 0
  say "stopping ${NAMES[*]}"
  local i pid
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill -TERM "${PIDS[$i]}" 2>/dev/null || true
  done
  for _ in $(seq 1 40); do
    local alive=false
    for pid in "${PIDS[@]}"; do
      kill -0 "$pid" 2>/dev/null && alive=true
    done
    $alive || break
    sleep 0.25
  done
  for pid in "${PIDS[@]}"; do
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  say "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start() { # name log command...
  local name="$1" log="$2"
  shift 2
  "$@" >"$log" 2>&1 &
  PIDS+=("$!")
  NAMES+=("$name")
}

# ---- build what is missing ----------------------------------------------------------------------
if $BUILD || [[ ! -f "$POLLER_JAR" || ! -f "$API_JAR" ]]; then
  command -v mvn >/dev/null || fail "the jars are missing and mvn is not installed (Maven 3.8+)"
  say "building the jars (mvn -B -q -DskipTests package), the first time takes a few minutes"
  mvn -B -q -DskipTests -Dcheckstyle.skip -Dspring-javaformat.validate.skip=true \
    -pl poller-service,metrics-api -am package >"$LOG_DIR/build.log" 2>&1 ||
    {
      tail -n 30 "$LOG_DIR/build.log" >&2
      fail "the build failed, see $LOG_DIR/build.log"
    }
fi

# ---- ports ------------------------------------------------------------------------------------
for port in "$POLLER_PORT" "${API_PORT_LIST[@]}"; do
  port_in_use "$port" && fail "port $port is in use (another run? ss -ltnp | grep :$port); set POLLER_PORT / API_PORTS"
done
NGINX=false
if command -v nginx >/dev/null; then
  port_in_use "$LB_PORT" && fail "port $LB_PORT is in use (ss -ltnp | grep :$LB_PORT); set LB_PORT"
  NGINX=true
fi

# ---- Redis ------------------------------------------------------------------------------------
if [[ -n "${REDIS_URL:-}" ]]; then
  # Not printed: the URL may hold a password.
  say "using Redis at REDIS_URL (not starting one)"
  if command -v redis-cli >/dev/null && [[ "$(redis-cli -u "$REDIS_URL" ping 2>/dev/null)" != PONG ]]; then
    fail "the Redis at REDIS_URL does not answer (check: redis-cli -u \"\$REDIS_URL\" ping)"
  fi
else
  command -v redis-server >/dev/null ||
    fail "redis-server not found: install it (apt-get install redis-server) or set REDIS_URL"
  REDIS_PORT="${REDIS_PORT:-$(free_port_from 6390)}"
  port_in_use "$REDIS_PORT" && fail "port $REDIS_PORT is in use; set REDIS_PORT or REDIS_URL"
  mkdir -p "$RUN_DIR/redis"
  start redis "$LOG_DIR/redis.log" redis-server --port "$REDIS_PORT" --bind 127.0.0.1 \
    --dir "$RUN_DIR/redis" --appendonly yes --save "" --daemonize no
  REDIS_URL="redis://127.0.0.1:${REDIS_PORT}"
  for _ in $(seq 1 50); do
    port_in_use "$REDIS_PORT" && break
    sleep 0.1
  done
  port_in_use "$REDIS_PORT" || fail "redis-server did not start, see $LOG_DIR/redis.log"
fi
export REDIS_URL

if $SAMPLE; then
  # The sample lives in a namespace of its own, emptied at each start: its status starts
  # afresh (no leader or state of an earlier run), and a later live run never counts it.
  export GATEWAY_STORE_NAMESPACE=sample
  if command -v redis-cli >/dev/null; then
    redis-cli -u "$REDIS_URL" --scan --pattern 'sample:*' 2>/dev/null |
      xargs -r -n 500 redis-cli -u "$REDIS_URL" DEL >/dev/null 2>&1 ||
      say "could not empty the sample's namespace: a second replay may find its events stored"
  else
    say "redis-cli not found: the sample's namespace is not emptied (a second replay may find its events stored)"
  fi
fi

# ---- the services -----------------------------------------------------------------------------
POLLER_ENV=(SERVER_PORT="$POLLER_PORT" POLLER_INSTANCE_ID="${POLLER_INSTANCE_ID:-local-poller-$$}")
if $SAMPLE; then
  [[ -f "$SAMPLE_FILE" ]] || fail "sample file $SAMPLE_FILE is missing"
  POLLER_ENV+=(POLLER_SOURCE="file:$ROOT/$SAMPLE_FILE" POLLER_FILE_MODE=loop)
fi
start poller "$LOG_DIR/poller.log" env "${POLLER_ENV[@]}" java -jar "$POLLER_JAR"
for port in "${API_PORT_LIST[@]}"; do
  start "metrics-api:$port" "$LOG_DIR/metrics-api-$port.log" env SERVER_PORT="$port" java -jar "$API_JAR"
done

if $NGINX; then
  write_nginx_config "$RUN_DIR/nginx"
  nginx -t -q -p "$RUN_DIR/nginx" -e "$LOG_DIR/nginx-error.log" -c "$RUN_DIR/nginx/nginx.conf" \
    -g "pid $RUN_DIR/nginx/nginx.pid;" >"$LOG_DIR/nginx-check.log" 2>&1 ||
    fail "the generated nginx configuration is invalid, see $LOG_DIR/nginx-check.log"
  start nginx "$LOG_DIR/nginx.log" nginx -p "$RUN_DIR/nginx" -e "$LOG_DIR/nginx-error.log" \
    -c "$RUN_DIR/nginx/nginx.conf" -g "daemon off; pid $RUN_DIR/nginx/nginx.pid;"
fi

# ---- wait for readiness ----------------------------------------------------------------------
say "waiting for readiness (logs: $LOG_DIR)"
SECONDS=0
READY_TIMEOUT=300 # seconds: a JVM starts in seconds, but in minutes on a busy two-core machine
wait_ready() { # name url pid-index
  local name="$1" url="$2" index="$3"
  while ((SECONDS < READY_TIMEOUT)); do
    http_ok "$url" && return 0
    if ! kill -0 "${PIDS[$index]}" 2>/dev/null; then
      tail -n 20 "$(log_of "$name")" >&2 || true
      fail "$name exited during start-up, see $(log_of "$name")"
    fi
    sleep 0.5
  done
  fail "$name was not ready after ${READY_TIMEOUT} s, see $(log_of "$name")"
}
log_of() {
  case "$1" in
  poller) echo "$LOG_DIR/poller.log" ;;
  metrics-api:*) echo "$LOG_DIR/metrics-api-${1#metrics-api:}.log" ;;
  *) echo "$LOG_DIR/$1.log" ;;
  esac
}
for i in "${!NAMES[@]}"; do
  case "${NAMES[$i]}" in
  poller) wait_ready poller "http://127.0.0.1:${POLLER_PORT}/actuator/health/readiness" "$i" ;;
  metrics-api:*) wait_ready "${NAMES[$i]}" "http://127.0.0.1:${NAMES[$i]#metrics-api:}/actuator/health/readiness" "$i" ;;
  nginx) wait_ready nginx "http://127.0.0.1:${LB_PORT}/nginx-health" "$i" ;;
  esac
done

API_URL="http://localhost:${LB_PORT}"
$NGINX || API_URL="http://localhost:${API_PORT_LIST[0]}"
echo
say "ready:"
if $NGINX; then
  say "  API (nginx, balancing over ${API_PORTS})  $API_URL"
else
  say "  nginx is not installed: no load balancer; use a replica directly: $API_URL"
fi
for port in "${API_PORT_LIST[@]}"; do
  say "  metrics-api replica                      http://localhost:${port}"
done
say "  poller (health, /actuator/prometheus)    http://localhost:${POLLER_PORT}"
if [[ "$REDIS_URL" == redis://127.0.0.1:"${REDIS_PORT:-}" ]]; then
  say "  redis (data in $RUN_DIR/redis)  $REDIS_URL"
fi
if $SAMPLE; then
  SOURCE_TEXT="sample replay of $SAMPLE_FILE"
elif [[ -n "${GITHUB_TOKENS:-}${GITHUB_TOKEN:-}" ]]; then
  SOURCE_TEXT="GitHub, with token(s)"
else
  SOURCE_TEXT="GitHub, anonymous: 60 requests/hour (set GITHUB_TOKENS for 5,000 a token)"
fi
say "  source: $SOURCE_TEXT"
say "  try: curl -s '$API_URL/api/v1/events/counts?offset=10'"
say "       curl -s '$API_URL/api/v1/poller/status'"
say "       open $API_URL/swagger-ui.html"
say "logs in $LOG_DIR; Ctrl-C stops everything"
echo

# ---- tell what the poller does, until Ctrl-C ---------------------------------------------------
json_field() { # json name -> the value of a string or number field (no jq needed)
  sed -n -e "s/.*\"$2\":\"\([^\"]*\)\".*/\1/p" -e "t" -e "s/.*\"$2\":\([0-9.-]*\).*/\1/p" <<<"$1" | head -n 1
}
last_report=""
report_poller() {
  local answer code status state stored error outcome report
  # The body, then the status code on a line of its own (000 when nothing answered).
  answer="$(curl -sS --max-time 3 -w '\n%{http_code}' "$API_URL/api/v1/poller/status" 2>/dev/null || true)"
  code="${answer##*$'\n'}"
  status="${answer%$'\n'*}"
  if [[ "$code" == 503 && "$status" == *store-unavailable* ]]; then
    # The API answers, but without Redis it knows nothing: say so rather than "not available".
    report="Redis is unreachable: the API answers 503 store-unavailable"
    if [[ "$REDIS_URL" == redis://127.0.0.1:"${REDIS_PORT:-}" ]]; then
      report+=" (the redis-server started here does not answer, see $LOG_DIR/redis.log)"
    else
      report+=" (check: redis-cli -u \"\$REDIS_URL\" ping)"
    fi
  elif [[ "$code" != 200 ]]; then
    report="poller status not available (yet) from $API_URL/api/v1/poller/status"
  else
    state="$(json_field "$status" state)"
    outcome="$(json_field "$status" lastPollOutcome)"
    stored="$(json_field "$status" eventsStored)"
    error="$(json_field "$status" lastError)"
    report="poller:${state:+ state=$state}${outcome:+ last poll=$outcome} events stored=${stored:-0}"
    if [[ -n "$error" && "$outcome" != 200 && "$outcome" != 304 ]]; then
      report+=$'\n'"[run-local]   the poller cannot get events from GitHub: $error"
      report+=$'\n'"[run-local]   (no network or no token? ./run-local.sh --sample replays real events offline)"
    fi
  fi
  if [[ "$report" != "$last_report" ]]; then
    say "$report"
    last_report="$report"
  fi
}
while true; do
  for i in "${!PIDS[@]}"; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      fail "${NAMES[$i]} stopped, see $(log_of "${NAMES[$i]}")"
    fi
  done
  report_poller
  sleep 5 &
  wait $! || true
done
