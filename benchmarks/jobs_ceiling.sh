#!/usr/bin/env bash
# What two cores give the run's cells: the cells alone (`--shard 1/1`: no collect and no
# report), timed three ways, alternating so that a change in the machine's load falls on all:
#   one    one process, --jobs 1
#   two    one process, --jobs 2 (the runner's worker threads)
#   pair   two processes at once, --shard 1/2 and --shard 2/2 with --jobs 1 each, in folders of
#          their own: nothing shared but the machine (wall time until both have finished)
# one/pair is what two independent processes with a fixed half each get (the slower half sets the
# time); one/two is what the runner's threads get.
# One line per repeat, then the medians and both ratios.
#
# usage: benchmarks/jobs_ceiling.sh [MANIFEST] [PARZEN]
#   MANIFEST  default experiments/classic.yaml
#   PARZEN    default ./.build/release/parzen
# environment: REPEATS (7)
set -euo pipefail
DEFAULT_REPEATS=7
source "$(dirname "$0")/jobs.lib.sh"
cells() { "$PARZEN" run "$MANIFEST" --fresh --no-plots --quiet "$@"; }

ones="" twos="" pairs=""
for r in $(seq 1 "$REPEATS"); do
  start=$(now); cells --jobs 1 --shard 1/1 --base "$BASE/one"; one=$(echo "$(now) - $start" | bc)
  start=$(now); cells --jobs 2 --shard 1/1 --base "$BASE/two"; two=$(echo "$(now) - $start" | bc)
  start=$(now)
  cells --jobs 1 --shard 1/2 --base "$BASE/pair1" & first=$!
  cells --jobs 1 --shard 2/2 --base "$BASE/pair2"
  wait "$first"
  pair=$(echo "$(now) - $start" | bc)
  echo "one=$one two=$two pair=$pair load=$(load)"
  ones+="$one " twos+="$two " pairs+="$pair "
done
one=$(echo "$ones" | tr ' ' '\n' | grep . | median)
two=$(echo "$twos" | tr ' ' '\n' | grep . | median)
pair=$(echo "$pairs" | tr ' ' '\n' | grep . | median)
echo "median one=$one two=$two pair=$pair runner=$(echo "scale=3; $one / $two" | bc) processes=$(echo "scale=3; $one / $pair" | bc)"
