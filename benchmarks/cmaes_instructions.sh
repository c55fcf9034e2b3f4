#!/usr/bin/env bash
# Instructions per cmaes suggestion, counted by callgrind (load-independent, unlike wall time):
# the timed calls of `parzen bench suggest --algorithm cmaes --history-from search` (a suggester
# that has followed the first N - 1 trials of its own search), averaged over REPEATS; hartmann6,
# then sphere in 40 and 100 dimensions, full and separable.
#
#   apt-get install valgrind
#   benchmarks/cmaes_instructions.sh
#   HISTORY=1000 REPEATS=20 benchmarks/cmaes_instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."

HISTORY=${HISTORY:-1000}
REPEATS=${REPEATS:-20}

source benchmarks/suggest_instructions.lib.sh
count() {  # further arguments of bench suggest
  instructions_per_call --algorithm cmaes --history "$HISTORY" --history-from search "$@"
}

printf "%-12s %6s %-10s %16s\n" function N variant instr_per_call
printf "%-12s %6s %-10s %16s\n" hartmann6 "$HISTORY" full "$(count --function hartmann6)"
for d in 40 100; do
  for variant in full separable; do
    separable=$([ "$variant" = separable ] && echo true || echo false)
    printf "%-12s %6s %-10s %16s\n" "sphere$d" "$HISTORY" "$variant" "$(count --function sphere --dims "$d" --option use_separable_cma=$separable)"
  done
done
