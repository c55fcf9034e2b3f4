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

if [[ -z "${PARZEN:-}" ]]; then
  swift build -c release --product parzen >/dev/null
  PARZEN=$(swift build -c release --show-bin-path)/parzen
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# valgrind 3.19 cannot read the DWARF 5 that Swift writes: count a copy without debug info.
cp "$PARZEN" "$work/parzen"
objcopy --strip-debug "$work/parzen"

count() {  # arguments of bench suggest
  SWIFT_DETERMINISTIC_HASHING=1 setarch "$(uname -m)" -R valgrind --tool=callgrind \
    --toggle-collect='*timedSuggestion*' --callgrind-out-file="$work/callgrind.out" \
    "$work/parzen" bench suggest --algorithm cmaes --history "$HISTORY" --repeats "$REPEATS" --history-from search "$@" >/dev/null 2>&1
  local total
  total=$(callgrind_annotate "$work/callgrind.out" | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
  echo $((total / REPEATS))
}

printf "%-12s %6s %-10s %16s\n" function N variant instr_per_call
printf "%-12s %6s %-10s %16s\n" hartmann6 "$HISTORY" full "$(count --function hartmann6)"
for d in 40 100; do
  for variant in full separable; do
    separable=$([ "$variant" = separable ] && echo true || echo false)
    printf "%-12s %6s %-10s %16s\n" "sphere$d" "$HISTORY" "$variant" "$(count --function sphere --dims "$d" --option use_separable_cma=$separable)"
  done
done
