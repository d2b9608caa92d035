#!/usr/bin/env bash
# Turns bench/results/completeness.csv into a Markdown table (next to it, .md) and, when
# gnuplot is installed, the plot docs/images/completeness.png.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CSV="${1:-bench/results/completeness.csv}"
MD="${CSV%.csv}.md"
PNG="docs/images/completeness.png"

awk -F, 'NR == 1 {
    print "| tokens | events/s | events per poll interval | generated | served | stored | stored share | requests (all) | requests charged | charged requests per stored event |"
    print "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    next
  }
  { printf "| %s | %s | %s | %s | %s | %s | %.1f %% | %s | %s | %.4f |\n", $1, $2, $3, $4, $5, $6, $7 * 100, $8, $9, $10 }' \
  "$CSV" >"$MD"
echo "Wrote $MD"

if command -v gnuplot >/dev/null; then
  mkdir -p "$(dirname "$PNG")"
  gnuplot -e "csv='$CSV'; png='$PNG'" bench/completeness.gnuplot
  echo "Wrote $PNG"
else
  echo "gnuplot is not installed (apt-get install gnuplot-nox): no plot" >&2
fi
