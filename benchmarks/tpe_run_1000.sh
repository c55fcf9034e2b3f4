#!/usr/bin/env bash
# A whole 1000-trial TPE run on branin: Parzen (through the harness, one cell, one job) against
# hyperopt's fmin with tpe.suggest; wall time and peak memory of each process.
#   pip install hyperopt; benchmarks/tpe_run_1000.sh
# (OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE, set on some machines here, slow NumPy; they are unset for hyperopt.)
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
cat > "$work/tpe-1000.yaml" <<YAML
name: tpe-1000
seed: 1
repeats: 1
budget: 1000
problems: [branin]
suggesters: [tpe]
YAML
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
read -r p_wall p_kib < <(measure "$parzen" run "$work/tpe-1000.yaml" --base "$work" --jobs 1 --quiet --no-plots)
read -r h_wall h_kib < <(measure env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 -c '
import math, numpy as np
from hyperopt import fmin, tpe, hp, Trials
def branin(p):
    x1, x2 = p["x1"], p["x2"]
    return (x2 - 5.1/(4*math.pi**2)*x1**2 + 5/math.pi*x1 - 6)**2 + 10*(1 - 1/(8*math.pi))*math.cos(x1) + 10
fmin(branin, {"x1": hp.uniform("x1", -5, 10), "x2": hp.uniform("x2", 0, 15)}, algo=tpe.suggest,
     max_evals=1000, trials=Trials(), rstate=np.random.default_rng(1), show_progressbar=False)
')
awk -v pw="$p_wall" -v pk="$p_kib" -v hw="$h_wall" -v hk="$h_kib" 'BEGIN {
  printf "parzen  : %6.2f s wall, %6.1f MiB peak\nhyperopt: %6.2f s wall, %6.1f MiB peak\nratio   : %6.1fx faster\n", pw, pk/1024, hw, hk/1024, hw/pw }'
