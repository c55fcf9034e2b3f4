#!/usr/bin/env bash
# Cost per suggestion of Parzen's cmaes against Optuna's CmaEsSampler (cmaes 0.13.1) on the same
# history, side by side in one run, and Parzen's cost in 40 and 100 dimensions, full and
# separable. The history is a real CMA-ES search: Parzen's cmaes searches N trials
# (`parzen bench suggest --history-from search --write-history`), and
# benchmarks/optuna_cmaes_bench.py replays those trials through Optuna's CmaEsSampler, so both
# hold the state of a CMA-ES that proposed them (at N = 1000 on hartmann6 the timed call also
# tells a generation, in both).
#
#   pip install -r adapters/requirements.txt
#   benchmarks/compare_cmaes.sh                     # hartmann6, N = 1000
#   HISTORY=1000 REPEATS=200 PY_REPEATS=30 benchmarks/compare_cmaes.sh
#
# Parzen's calls are timed as in a search (the suggester has followed the first N - 1 trials);
# Optuna's CmaEsSampler keeps nothing between calls (it restores its pickled optimizer from the
# trials' system attributes).
set -euo pipefail
cd "$(dirname "$0")/.."

HISTORY=${HISTORY:-1000}
REPEATS=${REPEATS:-200}
PY_REPEATS=${PY_REPEATS:-30}
PYTHON=${PYTHON:-python3}

# PARZEN: a prebuilt parzen binary to time; without it the release build is made here.
if [[ -z "${PARZEN:-}" ]]; then
  swift build -c release --product parzen >/dev/null
  PARZEN=$(swift build -c release --show-bin-path)/parzen
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

number_after() {
  grep -oiE "$1[^0-9]*[0-9]+(\.[0-9]+)?" <<<"$2" | head -1 | grep -oE "[0-9]+(\.[0-9]+)?$"
}

printf "%-12s %6s %14s %14s %14s %14s %9s\n" function N parzen_med_us parzen_p90_us optuna_med_us optuna_p90_us speedup
ours=$("$PARZEN" bench suggest --algorithm cmaes --function hartmann6 --history "$HISTORY" --repeats "$REPEATS" \
  --history-from search --write-history "$work/history.csv")
read -r _ _ op_med op_p90 _ < <("$PYTHON" benchmarks/optuna_cmaes_bench.py --function hartmann6 --history-csv "$work/history.csv" --repeats "$PY_REPEATS")
ours_med=$(number_after median "$ours"); ours_p90=$(number_after p90 "$ours")
ratio=$(awk -v a="$op_med" -v b="$ours_med" 'BEGIN { printf "%.1fx", a / b }')
printf "%-12s %6s %14s %14s %14s %14s %9s\n" hartmann6 "$HISTORY" "$ours_med" "$ours_p90" "$op_med" "$op_p90" "$ratio"

echo
printf "%-12s %6s %-10s %14s %14s\n" function N variant parzen_med_us parzen_p90_us
for d in 40 100; do
  for variant in full separable; do
    separable=$([ "$variant" = separable ] && echo true || echo false)
    line=$("$PARZEN" bench suggest --algorithm cmaes --option use_separable_cma=$separable --function sphere --dims "$d" --history "$HISTORY" --repeats "$REPEATS" --history-from search)
    printf "%-12s %6s %-10s %14s %14s\n" "sphere$d" "$HISTORY" "$variant" "$(number_after median "$line")" "$(number_after p90 "$line")"
  done
done
