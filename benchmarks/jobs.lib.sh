# Shared by jobs_speedup.sh and jobs_ceiling.sh: `source` it after `set -euo pipefail` with the
# scripts' arguments [MANIFEST] [PARZEN] and REPEATS' default as DEFAULT_REPEATS. Sets MANIFEST,
# PARZEN, REPEATS and BASE (a scratch folder removed on exit), and defines now, load and median.
MANIFEST=${1:-experiments/classic.yaml}
PARZEN=$(realpath "${2:-./.build/release/parzen}")
REPEATS=${REPEATS:-$DEFAULT_REPEATS}
BASE=$(mktemp -d)
trap 'rm -rf "$BASE"' EXIT

now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' ','; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
