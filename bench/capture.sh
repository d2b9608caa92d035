#!/usr/bin/env bash
# Capture benchmark (issue 9): the share of each stream of GitHub's 2026 feed that the real
# poller stores, against its budget and the streams' rates, next to the best any scheduler
# could do with that budget, and the poller's estimate of what it missed against the truth.
#
#   bench/capture.sh                         the full run (13 points, about 60 minutes)
#   bench/capture.sh --points=quick --minutes=1     two points, a few minutes
#   bench/capture.sh --points=3 --minutes=4         the full run's third point only (its
#                                                   order: docs/benchmarks.md#capture)
#
# Real time, no compression: each point generates for --minutes (default 3) at the rates it
# names, then gives the poller --drain-seconds (75) to finish what is still visible. The
# stand-in is bench/firehose in split mode (page 1: Push/Create/Delete; pages 2-3: every
# other type; visibility delays of 0-10 s, 0.5 % of events up to 10 minutes late and
# surfacing up to 20 places below the top; 5,000 requests an hour a token, 15,000 for the
# App; 900 requests a minute at most). Writes bench/results/capture.csv and capture.md and,
# with gnuplot, docs/images/capture.png.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

POLLER_JAR="poller-service/target/poller-service.jar"
FIREHOSE_JAR="bench/firehose/target/firehose-0.1.0-SNAPSHOT-exec.jar"
OUT="bench/results/capture.csv"

command -v redis-server >/dev/null || { echo "redis-server is needed (apt-get install redis-server)" >&2; exit 1; }
if [[ ! -f "$POLLER_JAR" || ! -f "$FIREHOSE_JAR" ]]; then
  mvn -B -q -pl poller-service,bench/firehose -am package -DskipTests
fi

java -jar "$FIREHOSE_JAR" capture --poller-jar="$POLLER_JAR" --out="$OUT" "$@"
python3 - "$OUT" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
out = sys.argv[1].replace('.csv', '.md')
with open(out, 'w') as md:
    md.write('| budget | pacing | feed | page 1 ev/s | pages 2-3 ev/s | pages 2-3 stored | page 1 stored | page 1 best | of best | page 1 missed: true / estimated (error) | requests (charged) | refused spent | secondary provoked | max req/min |\n')
    md.write('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n')
    for r in rows:
        other = f"{float(r['other_share']):.2%}" if r['feed'] == 'split' else '-'
        md.write(f"| {r['budget']} | {r['pacing']} | {r['feed']} | {r['push_rate']} | {r['other_rate']} | {other} | "
                 f"{float(r['push_share']):.2%} | {float(r['push_best']):.2%} | {float(r['push_of_best']):.3f} | "
                 f"{r['push_missed']} / {r['push_missed_estimated']} ({r['push_estimate_error']}) | "
                 f"{r['requests']} ({r['charged']}) | {r['refused_spent']} | {r['secondary_provoked']} | {r['max_requests_per_minute']} |\n")
print(open(out).read())
PY
if command -v gnuplot >/dev/null; then
  gnuplot -e "csv='$OUT'; png='docs/images/capture.png'" bench/capture.gnuplot && echo "Wrote docs/images/capture.png"
else
  echo "gnuplot is not installed (apt-get install gnuplot-nox): no plot" >&2
fi
