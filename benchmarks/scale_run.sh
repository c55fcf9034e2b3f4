#!/usr/bin/env bash
# Run and collect at scale: 10 cheap problems x 4 suggesters x REPEATS repeats x 20 evaluations
# (REPEATS=25000: 10^6 cells; 2500: 10^5, the manifest of collect_scale.sh), run as SLICES slices
# (`parzen run --shard I/SLICES --jobs 1`, PARALLEL at a time), then `parzen collect --no-plots`
# (the CSVs and report.md), then `parzen plot` (the pictures). Every step runs under
# /usr/bin/time -v; one line per step:
#   STEP wall_seconds=S max_rss_kb=K files=F load=L1,L5,L15
# F counts the files under results/NAME after the step (plots/NAME for the plot step); for the
# slices, S is the wall time of all of them and K the largest slice's peak.
#
# usage: benchmarks/scale_run.sh [BASE] [PARZEN]
#   BASE    the folder that gets results/scale-run (default /tmp/parzen-scale-run); emptied first
#   PARZEN  the binary (default ./.build/release/parzen)
# environment: REPEATS (25000), SLICES (8), PARALLEL (nproc), PLOT (1: also time `parzen plot`)
set -euo pipefail
BASE=${1:-/tmp/parzen-scale-run}
PARZEN=$(realpath "${2:-./.build/release/parzen}")
REPEATS=${REPEATS:-25000}
SLICES=${SLICES:-8}
PARALLEL=${PARALLEL:-$(nproc)}
rm -rf "$BASE/results/scale-run" "$BASE/plots/scale-run"
mkdir -p "$BASE/logs"
MANIFEST="$BASE/scale-run.yaml"
{
  echo "# 10 cheap problems x 4 suggesters x $REPEATS repeats x 20 evaluations."
  echo "name: scale-run"
  echo "seed: 20261206"
  echo "repeats: $REPEATS"
  echo "budget: 20"
  echo "problems:"
  for p in identity square branin camel6 goldstein-price booth beale sphere rastrigin levy; do echo "  - $p"; done
  echo "suggesters: [random, grid, sobol, halton]"
} > "$MANIFEST"
"$PARZEN" validate "$MANIFEST"

load() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' ','; }
wall() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }
files() { find "$1" -type f 2>/dev/null | wc -l; }

# The slices, PARALLEL at a time, each timed on its own.
start=$(date +%s.%N)
seq 1 "$SLICES" | xargs -P "$PARALLEL" -I{} sh -c \
  '/usr/bin/time -v "$0" run "$1" --base "$2" --jobs 1 --quiet --no-plots --shard {}/"$3" 2> "$4/slice-{}.log"' \
  "$PARZEN" "$MANIFEST" "$BASE" "$SLICES" "$BASE/logs"
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
peak=0
for i in $(seq 1 "$SLICES"); do
  grep -q "Exit status: 0" "$BASE/logs/slice-$i.log" || { cat "$BASE/logs/slice-$i.log"; exit 1; }
  k=$(rss "$BASE/logs/slice-$i.log"); [ "$k" -gt "$peak" ] && peak=$k
done
echo "run_${SLICES}_slices wall_seconds=$elapsed max_rss_kb=$peak files=$(files "$BASE/results/scale-run") load=$(load)"

/usr/bin/time -v "$PARZEN" collect "$MANIFEST" --base "$BASE" --quiet --no-plots > /dev/null 2> "$BASE/logs/collect.log" \
  || { cat "$BASE/logs/collect.log"; exit 1; }
echo "collect_and_report wall_seconds=$(wall "$BASE/logs/collect.log") max_rss_kb=$(rss "$BASE/logs/collect.log") files=$(files "$BASE/results/scale-run") load=$(load)"

if [ "${PLOT:-1}" = 1 ]; then
  /usr/bin/time -v "$PARZEN" plot "$BASE/results/scale-run" > /dev/null 2> "$BASE/logs/plot.log" || { cat "$BASE/logs/plot.log"; exit 1; }
  echo "plot wall_seconds=$(wall "$BASE/logs/plot.log") max_rss_kb=$(rss "$BASE/logs/plot.log") files=$(files "$BASE/plots/scale-run") load=$(load)"
fi
du -sh "$BASE/results/scale-run/cells" | awk '{ print "cells_on_disk " $1 }'
