#!/usr/bin/env bash
# Instructions per TPE suggestion, counted by callgrind: unlike wall time, the same on a busy or
# an idle machine, so changes to TPE can be compared run to run.
#
#   apt-get install valgrind
#   benchmarks/tpe_instructions.sh                              # branin, hartmann6; N = 100 1000 10000
#   FUNCTIONS=branin HISTORY=1000 benchmarks/tpe_instructions.sh
#   ALGORITHM=tpe-optuna HISTORY=1000 benchmarks/tpe_instructions.sh    # Optuna's TPE
#   ALGORITHM=tpe-optuna HISTORY_FROM=search HISTORY=1000 benchmarks/tpe_instructions.sh
#
# Counts only the timed calls of `parzen bench suggest` (the never-inlined timedSuggestion,
# through --toggle-collect), averaged over REPEATS: "search" is a suggester that has suggested on
# the first N - 1 trials (the state of every call in a search), "cold" a new one (a first call).
set -euo pipefail
cd "$(dirname "$0")/.."

FUNCTIONS=${FUNCTIONS:-"branin hartmann6"}
HISTORY=${HISTORY:-"100 1000 10000"}
REPEATS=${REPEATS:-20}
ALGORITHM=${ALGORITHM:-tpe}
HISTORY_FROM=${HISTORY_FROM:-prior}   # prior draws, or the algorithm's own search

source benchmarks/suggest_instructions.lib.sh   # PARZEN: a prebuilt binary, or the release build
count() {  # function N [--cold]
  instructions_per_call --algorithm "$ALGORITHM" --function "$1" --history "$2" --history-from "$HISTORY_FROM" ${3:-}
}

printf "%-10s %7s %22s %22s\n" function N search_instr_per_call cold_instr_per_call
for f in $FUNCTIONS; do
  for n in $HISTORY; do
    printf "%-10s %7s %22s %22s\n" "$f" "$n" "$(count "$f" "$n")" "$(count "$f" "$n" --cold)"
  done
done
