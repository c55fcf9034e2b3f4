#!/usr/bin/env bash
# Collect at scale: a manifest of 10^5 cells (10 cheap problems x 4 suggesters x 2,500 repeats x
# 20 evaluations), run once, then `parzen collect` timed with /usr/bin/time -v (wall clock and
# peak resident memory), including report.md and the pictures.
#
# usage: benchmarks/collect_scale.sh [BASE] [PARZEN...]
#   BASE    the folder that gets results/collect-scale (default /tmp/parzen-collect-scale); the
#           cells are run there once and kept, so later calls only collect
#   PARZEN  one or more parzen binaries to time on the same cells, one after the other, in
#           rounds (default ./.build/release/parzen); e.g. an older build next to the current one
#
# Each binary's collect writes the same folder; every round prints one line per binary:
#   BINARY wall_seconds=S max_rss_kb=K load=L1,L5,L15
# The machine's load is printed beside every measurement, since wall time depends on it.
set -euo pipefail
BASE=${1:-/tmp/parzen-collect-scale}
shift || true
BINARIES=("$@")
[ ${#BINARIES[@]} -gt 0 ] || BINARIES=(./.build/release/parzen)
ROUNDS=${ROUNDS:-1}
mkdir -p "$BASE"
MANIFEST="$BASE/collect-scale.yaml"
{
  echo "# 10^5 cells: 10 cheap problems x 4 suggesters x 2,500 repeats x 20 evaluations."
  echo "name: collect-scale"
  echo "seed: 20261206"
  echo "repeats: 2500"
  echo "budget: 20"
  echo "problems:"
  for p in identity square branin camel6 goldstein-price booth beale sphere rastrigin levy; do echo "  - $p"; done
  echo "suggesters: [random, grid, sobol, halton]"
} > "$MANIFEST"
if [ ! -f "$BASE/results/collect-scale/cells.done" ]; then
  "${BINARIES[0]}" run "$MANIFEST" --base "$BASE" --no-plots --quiet --jobs "${JOBS:-2}"
  touch "$BASE/results/collect-scale/cells.done"
fi
for round in $(seq "$ROUNDS"); do
  for binary in "${BINARIES[@]}"; do
    log=$(mktemp)
    /usr/bin/time -v "$binary" collect "$MANIFEST" --base "$BASE" --quiet 2> "$log" >/dev/null || { cat "$log"; exit 1; }
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
    echo "$binary wall_seconds=$wall max_rss_kb=$rss load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ',')"
    rm -f "$log"
  done
done
