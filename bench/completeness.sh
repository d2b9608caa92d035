#!/usr/bin/env bash
# Completeness benchmark: the share of the events a GitHub stand-in generates that reach
# Redis through the real poller, as the stand-in's rate grows, with one token and with three.
#
#   bench/completeness.sh                       the full run (about 10 minutes)
#   bench/completeness.sh --rates=10,500 --tokens=1 --seconds=10    a quick one
#
# Time is compressed 60 times: the stand-in sends X-Poll-Interval: 1 (GitHub: 60) and every
# token's 5,000-request budget resets each minute (GitHub: each hour). Writes
# bench/results/completeness.csv, a Markdown table (completeness.md) and the plot
# docs/images/completeness.png (when gnuplot is installed: apt-get install gnuplot-nox).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

POLLER_JAR="poller-service/target/poller-service.jar"
FIREHOSE_JAR="bench/firehose/target/firehose-0.1.0-SNAPSHOT-exec.jar"
OUT="bench/results/completeness.csv"

command -v redis-server >/dev/null || { echo "redis-server is needed (apt-get install redis-server)" >&2; exit 1; }
[[ -f "$POLLER_JAR" ]] || { echo "Build the poller first: mvn -B -pl event-store,poller-service -am package -DskipTests" >&2; exit 1; }
[[ -f "$FIREHOSE_JAR" ]] || mvn -B -q -pl bench/firehose package -DskipTests

java -jar "$FIREHOSE_JAR" completeness --poller-jar="$POLLER_JAR" --out="$OUT" "$@"
bench/render-completeness.sh "$OUT"
