#!/usr/bin/env bash
# What reusing external programs between cells saves (docs/external-suggesters.md and
# docs/external-objectives.md, "Cost per cell"): runs benchmarks/protocol/reuse-short.yaml (48
# short Optuna-adapter cells; MANIFEST=benchmarks/protocol/reuse-worker.yaml for 24 short cells
# of the scikit-learn k-NN worker) three times into a scratch folder —
#   --jobs $JOBS (default 2), programs reused (one adapter process per worker thread);
#   --jobs 1, programs reused;
#   --jobs $JOBS --one-process-per-cell (a new process per cell, whatever the program declares)
# — prints each run's wall time and wall time per cell, the time inside the external programs
# per cell and per trial (suggest time for suggesters, evaluate time for workers; a cell's
# start-up and hello included), and checks that the three leave the same bytes (cell files and
# the collected CSVs).
#
#   benchmarks/protocol_reuse.sh
#   PARZEN=/path/to/parzen JOBS=2 benchmarks/protocol_reuse.sh
#   MANIFEST=benchmarks/protocol/reuse-worker.yaml benchmarks/protocol_reuse.sh
#
# PARZEN: the parzen binary (default: the release build, `swift build -c release`; not built here).
set -euo pipefail
cd "$(dirname "$0")/.."

manifest=${MANIFEST:-benchmarks/protocol/reuse-short.yaml}
results=$(sed -n 's/^name: *//p' "$manifest")
[[ -n "$results" ]] || fail "no name: line in $manifest"
jobs=${JOBS:-2}
fail() { echo "protocol_reuse: $*" >&2; exit 1; }

if [[ -z "${PARZEN:-}" ]]; then
    bin=$(swift build -c release --show-bin-path 2>/dev/null) || fail "cannot ask swift for the release bin path; set PARZEN=/path/to/parzen"
    PARZEN=$bin/parzen
fi
[[ -x "$PARZEN" ]] || fail "no parzen binary at '$PARZEN': build it with 'swift build -c release --product parzen' or set PARZEN"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cells=$("$PARZEN" validate "$manifest" | sed -n 's/.* = \([0-9]*\) cells.*/\1/p')
[[ -n "$cells" ]] || fail "cannot count the cells of $manifest"
echo "reuse: $manifest, $cells cells; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

run() {  # run NAME ARGS...: one fresh run into $scratch/NAME, timed
    local name=$1; shift  # the run's folder
    local started finished
    started=$EPOCHREALTIME
    if ! "$PARZEN" run "$manifest" --fresh --no-plots --base "$scratch/$name" "$@" >"$scratch/$name.log" 2>&1; then
        cat "$scratch/$name.log" >&2
        fail "'parzen run $manifest $*' failed (output above)"
    fi
    finished=$EPOCHREALTIME
    awk -v name="$name" -v args="$*" -v a="$started" -v b="$finished" -v n="$cells" \
        'BEGIN { printf "%-10s %-34s %6.2f s wall, %.3f s per cell\n", name, args, b - a, (b - a) / n }'
    grep '^external programs:' "$scratch/$name.log" | sed 's/^/           /' || true
    # timings.csv: problem,suggester,replicate,evaluations,suggest_seconds,evaluate_seconds
    awk -F, 'NR > 1 { cells++; trials += $4; s += $5; e += $6 }
        END { printf "           per cell: suggest %.4f s, evaluate %.4f s; per trial: suggest %.2f ms, evaluate %.2f ms\n",
                     s / cells, e / cells, 1000 * s / trials, 1000 * e / trials }' "$scratch/$name/results/$results/timings.csv"
}

run reused --jobs "$jobs"
run serial --jobs 1
run fresh --jobs "$jobs" --one-process-per-cell

# A cell file's last line holds its timings ("# end rows=N suggest_seconds=… evaluate_seconds=…"),
# which always differ: compared without them. Everything else, and every collected file but
# timings.csv, cost.csv and report.md's "## Cost" section, byte for byte.
flatten() {  # flatten DIR: each file's path and its bytes (cell timings cut), one stream
    (cd "$1" && find . -type f ! -name timings.csv ! -name cost.csv ! -path './work/*' | LC_ALL=C sort | while read -r file; do
        echo "== $file"
        case "$file" in
            */report.md) sed '/^## Cost$/,/^## Files$/d' "$file" ;;
            *) sed 's/ suggest_seconds=.*//' "$file" ;;
        esac
    done)
}
flatten "$scratch/reused/results/$results" >"$scratch/reused.txt"
same=yes
for other in serial fresh; do
    flatten "$scratch/$other/results/$results" >"$scratch/$other.txt"
    if ! cmp -s "$scratch/reused.txt" "$scratch/$other.txt"; then
        same=no
        echo "protocol_reuse: '$other' differs from 'reused':" >&2
        diff "$scratch/reused.txt" "$scratch/$other.txt" | head -20 >&2
    fi
done
[[ $same == yes ]] || fail "the runs disagree"
echo "bytes: identical across the three runs ($(grep -c '^== ./cells/' "$scratch/reused.txt") cell files, timings cut; every collected file but timings.csv)"
