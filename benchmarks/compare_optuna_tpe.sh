#!/usr/bin/env bash
# Cost per suggestion of Parzen's tpe-optuna against Optuna 5.1.0's TPESampler on the same
# history (N prior draws of the function, evaluated; written by `parzen bench suggest
# --write-history` and loaded into an Optuna study by benchmarks/optuna_tpe_bench.py), side by
# side in one run.
#
#   pip install -r adapters/requirements.txt
#   benchmarks/compare_optuna_tpe.sh                        # branin and hartmann6, N = 1000
#   FUNCTIONS=branin HISTORY="100 1000" REPEATS=100 benchmarks/compare_optuna_tpe.sh
#
# Prints one line per (function, N): both medians and 90th percentiles in microseconds per
# suggestion, and Optuna's median divided by Parzen's. Parzen's calls are timed as in a search
# (the suggester has suggested on the first N - 1 trials); Optuna's as study.ask() plus one
# suggest_float per parameter, each timed trial then told FAIL (invisible to TPE).
set -euo pipefail
cd "$(dirname "$0")/.."

FUNCTIONS=${FUNCTIONS:-"branin hartmann6"}
HISTORY=${HISTORY:-1000}
REPEATS=${REPEATS:-200}
PY_REPEATS=${PY_REPEATS:-30}   # Optuna takes milliseconds per call
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

printf "%-10s %7s %14s %14s %14s %14s %9s\n" function N parzen_med_us parzen_p90_us optuna_med_us optuna_p90_us speedup
for f in $FUNCTIONS; do
  for n in $HISTORY; do
    ours=$("$PARZEN" bench suggest --algorithm tpe-optuna --function "$f" --history "$n" --repeats "$REPEATS" --write-history "$work/history.csv")
    ours_med=$(number_after median "$ours")
    ours_p90=$(number_after p90 "$ours")
    read -r _ _ op_med op_p90 < <("$PYTHON" benchmarks/optuna_tpe_bench.py --function "$f" --history-csv "$work/history.csv" --repeats "$PY_REPEATS")
    ratio=$(awk -v a="$op_med" -v b="$ours_med" 'BEGIN { printf "%.1fx", a / b }')
    printf "%-10s %7s %14s %14s %14s %14s %9s\n" "$f" "$n" "$ours_med" "$ours_p90" "$op_med" "$op_p90" "$ratio"
  done
done
