#!/usr/bin/env bash
# The parallel speed-up of `parzen run`: the same manifest with --jobs 1 and --jobs 2
# (`--fresh --no-plots`, a fresh folder each time), REPEATS times each, alternating 1, 2, 1, 2, …
# so that a change in the machine's load falls on both. One line per run:
#   jobs=J wall_seconds=S run_seconds=R load=L1,L5,L15
# (S: the whole command, run and collect and report; R: the run's own "ran … in R s" line), then
#   median jobs=1 S1 jobs=2 S2 speedup=S1/S2 load=L1,L5,L15
# with the medians of the wall times.
#
# usage: benchmarks/jobs_speedup.sh [MANIFEST] [PARZEN]
#   MANIFEST  default experiments/classic.yaml
#   PARZEN    default ./.build/release/parzen
# environment: REPEATS (5), VERBOSE (0: 1 prints each run's own "ran …" line too)
set -euo pipefail
DEFAULT_REPEATS=5
source "$(dirname "$0")/jobs.lib.sh"

declare -A walls
for r in $(seq 1 "$REPEATS"); do
  for jobs in 1 2; do
    start=$(now)
    "$PARZEN" run "$MANIFEST" --jobs "$jobs" --fresh --no-plots --base "$BASE" > /dev/null 2> "$BASE/log"
    wall=$(echo "$(now) - $start" | bc)
    ran=$(grep '^ran ' "$BASE/log")
    run=$(echo "$ran" | sed -E 's/.* in ([0-9.]+) s on .*/\1/')
    echo "jobs=$jobs wall_seconds=$wall run_seconds=$run load=$(load)"
    [ "${VERBOSE:-0}" = 1 ] && echo "  $ran"
    walls[$jobs]+="$wall "
  done
done
one=$(echo "${walls[1]}" | tr ' ' '\n' | grep . | median)
two=$(echo "${walls[2]}" | tr ' ' '\n' | grep . | median)
echo "median jobs=1 $one jobs=2 $two speedup=$(echo "scale=3; $one / $two" | bc) load=$(load)"
