#!/usr/bin/env bash
# A whole 1000-trial tpe-optuna search on hartmann6 through the harness (one cell, one job):
# wall time and peak resident memory of the process (/usr/bin/time).
#   benchmarks/optuna_tpe_run_1000.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# PARZEN: a prebuilt parzen binary to time; without it the release build is made here.
parzen=${PARZEN:-}
if [[ -z "$parzen" ]]; then
  swift build -c release --product parzen >/dev/null
  parzen=$(swift build -c release --show-bin-path)/parzen
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/tpe-optuna-1000.yaml" <<YAML
name: tpe-optuna-1000
seed: 1
repeats: 1
budget: 1000
problems: [hartmann6]
suggesters: [tpe-optuna]
YAML
read -r wall kib < <(/usr/bin/time -f "%e %M" "$parzen" run "$work/tpe-optuna-1000.yaml" --base "$work" --jobs 1 --quiet --no-plots 2>&1 >/dev/null | tail -1)
awk -v w="$wall" -v k="$kib" 'BEGIN { printf "tpe-optuna, hartmann6, 1000 trials: %.2f s wall, %.1f MiB peak\n", w, k / 1024 }'
