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

# PARZEN: a prebuilt parzen binary to count; without it the release build is made here.
if [[ -z "${PARZEN:-}" ]]; then
  swift build -c release --product parzen >/dev/null
  PARZEN=$(swift build -c release --show-bin-path)/parzen
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 cannot read the DWARF 5 that Swift writes: count a copy without debug info.
cp "$PARZEN" "$work/parzen"
objcopy --strip-debug "$work/parzen"

count() {  # function N [--cold]
  SWIFT_DETERMINISTIC_HASHING=1 setarch "$(uname -m)" -R valgrind --tool=callgrind \
    --toggle-collect='*timedSuggestion*' --callgrind-out-file="$work/callgrind.out" \
    "$work/parzen" bench suggest --algorithm "$ALGORITHM" --function "$1" --history "$2" --repeats "$REPEATS" \
    --history-from "$HISTORY_FROM" ${3:-} >/dev/null 2>&1
  local total
  total=$(callgrind_annotate "$work/callgrind.out" | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
  echo $((total / REPEATS))
}

printf "%-10s %7s %22s %22s\n" function N search_instr_per_call cold_instr_per_call
for f in $FUNCTIONS; do
  for n in $HISTORY; do
    printf "%-10s %7s %22s %22s\n" "$f" "$n" "$(count "$f" "$n")" "$(count "$f" "$n" --cold)"
  done
done
