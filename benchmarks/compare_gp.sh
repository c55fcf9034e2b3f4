#!/usr/bin/env bash
# Cost per suggestion of Parzen's gp against the bayesian-optimization package (the Python GP of
# adapters/bayesopt_adapter.py) and, when PyTorch is installed, Optuna's GPSampler
# (adapters/optuna_adapter.py's `sampler: gp`) on the same history, then gp's cost against the
# history size.
#
#   pip install -r adapters/requirements.txt
#   pip install -r adapters/requirements-torch.txt    # optional: the GPSampler table
#   benchmarks/compare_gp.sh                          # hartmann6, N = 200 side by side; gp at 50 … 1000
#   FUNCTION=branin N=100 SIZES="50 100" benchmarks/compare_gp.sh
#
# Part 1 writes the N-trial history of `parzen bench suggest` (prior draws, evaluated) to a CSV,
# times gp on it (as in a search: the suggester has suggested on the first N - 1 trials) and
# times the package's optimizer.suggest() on the same trials (it refits on every call), and
# prints both medians and their ratio; when `import torch` works, a second table times
# GPSampler's ask on the same trials against the same gp median (benchmarks/optuna_gp_bench.py
# --grow, PY_REPEATS calls, PyTorch on one thread: as in a search, one new trial before each
# call, since GPSampler starts its kernel fit from its previous call's). Part 2 prints gp's median at each size in SIZES and the
# growth exponent between consecutive sizes, log(t2/t1)/log(n2/n1). Run on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

FUNCTION=${FUNCTION:-hartmann6}
N=${N:-200}
SIZES=${SIZES:-"50 100 200 500 1000"}
REPEATS=${REPEATS:-20}
PY_REPEATS=${PY_REPEATS:-15}  # the package's calls vary from 0.1 to 0.5 s: fewer give an unstable median
PYTHON=${PYTHON:-python3}

# PARZEN: a prebuilt parzen binary to time; without it the release build is made here.
if [[ -z "${PARZEN:-}" ]]; then
  swift build -c release --product parzen >/dev/null
  PARZEN=$(swift build -c release --show-bin-path)/parzen
fi
HISTORY_CSV=$(mktemp)
trap 'rm -f "$HISTORY_CSV"' EXIT

# The first number following WORD in TEXT: "median 41.5 us" -> 41.5.
number_after() {
  grep -oiE "$1[^0-9]*[0-9]+(\.[0-9]+)?" <<<"$2" | head -1 | grep -oE "[0-9]+(\.[0-9]+)?$"
}

ours=$("$PARZEN" bench suggest --algorithm gp --function "$FUNCTION" --history "$N" --repeats "$REPEATS" --write-history "$HISTORY_CSV")
ours_med=$(number_after median "$ours")
ours_p90=$(number_after p90 "$ours")
read -r _ py_med py_p90 < <("$PYTHON" benchmarks/bayesopt_gp_bench.py --history "$HISTORY_CSV" --space "$FUNCTION" --repeats "$PY_REPEATS")
printf "%-10s %5s %12s %12s %14s %14s %9s\n" function N gp_med_us gp_p90_us bayesopt_med_us bayesopt_p90_us speedup
printf "%-10s %5s %12s %12s %14s %14s %9s\n" "$FUNCTION" "$N" "$ours_med" "$ours_p90" "$py_med" "$py_p90" \
  "$(awk -v a="$py_med" -v b="$ours_med" 'BEGIN { printf "%.1fx", a / b }')"

if "$PYTHON" -c 'import torch' >/dev/null 2>&1; then
  read -r _ optuna_med optuna_p90 < <("$PYTHON" benchmarks/optuna_gp_bench.py --history "$HISTORY_CSV" --space "$FUNCTION" --repeats "$PY_REPEATS" --grow)
  echo
  printf "%-10s %5s %12s %12s %16s %16s %9s\n" function N gp_med_us gp_p90_us optuna_gp_med_us optuna_gp_p90_us speedup
  printf "%-10s %5s %12s %12s %16s %16s %9s\n" "$FUNCTION" "$N" "$ours_med" "$ours_p90" "$optuna_med" "$optuna_p90" \
    "$(awk -v a="$optuna_med" -v b="$ours_med" 'BEGIN { printf "%.1fx", a / b }')"
fi

echo
printf "%-10s %5s %12s %12s %8s\n" function N gp_med_us gp_p90_us growth
previous_n="" previous_t=""
for n in $SIZES; do
  line=$("$PARZEN" bench suggest --algorithm gp --function "$FUNCTION" --history "$n" --repeats "$REPEATS")
  med=$(number_after median "$line")
  p90=$(number_after p90 "$line")
  growth=$([ -n "$previous_n" ] && awk -v t2="$med" -v t1="$previous_t" -v n2="$n" -v n1="$previous_n" 'BEGIN { printf "%.2f", log(t2 / t1) / log(n2 / n1) }' || echo "-")
  printf "%-10s %5s %12s %12s %8s\n" "$FUNCTION" "$n" "$med" "$p90" "$growth"
  previous_n=$n previous_t=$med
done
