#!/usr/bin/env bash
# Cost per suggestion of Parzen's tpe against hyperopt's tpe.suggest on the same kind of
# history (N prior draws, evaluated), for each function and history size.
#
#   pip install hyperopt
#   benchmarks/compare_tpe.sh                       # branin and hartmann6, N = 100 1000 10000
#   FUNCTIONS="branin" HISTORY="1000" REPEATS=100 benchmarks/compare_tpe.sh
#
# Prints one line per (function, N): both medians and 90th percentiles in microseconds per
# suggestion, and hyperopt's median divided by Parzen's. Run on an otherwise idle machine.
# Parzen's calls are timed as in a search (the suggester has suggested on the first N - 1
# trials; it keeps its sorted observations); COLD=1 times new suggesters instead (--cold), the
# cost of a first call. hyperopt's tpe.suggest keeps nothing between calls.
set -euo pipefail
cd "$(dirname "$0")/.."

FUNCTIONS=${FUNCTIONS:-"branin hartmann6"}
HISTORY=${HISTORY:-"100 1000 10000"}
REPEATS=${REPEATS:-200}
PY_REPEATS=${PY_REPEATS:-30}   # hyperopt takes milliseconds per call
PYTHON=${PYTHON:-python3}
COLD_FLAG=$([ "${COLD:-0}" = 1 ] && echo --cold || true)

# PARZEN: a prebuilt parzen binary to time; without it the release build is made here.
if [[ -z "${PARZEN:-}" ]]; then
  swift build -c release --product parzen >/dev/null
  PARZEN=$(swift build -c release --show-bin-path)/parzen
fi

# The first number following WORD (case-insensitive) in TEXT: "median 41.5 us" -> 41.5.
number_after() {
  grep -oiE "$1[^0-9]*[0-9]+(\.[0-9]+)?" <<<"$2" | head -1 | grep -oE "[0-9]+(\.[0-9]+)?$"
}

printf "%-10s %7s %14s %14s %14s %14s %9s\n" function N parzen_med_us parzen_p90_us hyperopt_med_us hyperopt_p90_us speedup
for f in $FUNCTIONS; do
  for n in $HISTORY; do
    ours=$("$PARZEN" bench suggest --algorithm tpe --function "$f" --history "$n" --repeats "$REPEATS" $COLD_FLAG)
    ours_med=$(number_after median "$ours")
    ours_p90=$(number_after p90 "$ours")
    # hyperopt_tpe_bench.py prints: function N median_us p90_us peak_rss_mib
    read -r _ _ hp_med hp_p90 _ < <("$PYTHON" benchmarks/hyperopt_tpe_bench.py --function "$f" --history "$n" --repeats "$PY_REPEATS")
    ratio=$(awk -v a="$hp_med" -v b="$ours_med" 'BEGIN { printf "%.1fx", a / b }')
    printf "%-10s %7s %14s %14s %14s %14s %9s\n" "$f" "$n" "$ours_med" "$ours_p90" "$hp_med" "$hp_p90" "$ratio"
  done
done
