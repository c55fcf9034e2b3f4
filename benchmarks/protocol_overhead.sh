#!/usr/bin/env bash
# The external-suggester protocol's own cost per trial (docs/external-suggesters.md,
# "Cost of the protocol"): races a trivial C suggester (benchmarks/protocol/trivial_suggester.c)
# against the built-in `random` (benchmarks/protocol/overhead.yaml) and prints, per suggester,
# the suggest time and the whole trial time (suggest + evaluate) per trial, then the difference
# external − random in µs per trial: one tell + one ask round trip. Start-up (spawning the
# program, hello: about 1.4 ms) counts as suggest time (the suggester's set-up), spread over the
# budget; bye is not counted.
#
#   benchmarks/protocol_overhead.sh
#   PARZEN=/path/to/parzen JOBS=2 benchmarks/protocol_overhead.sh
#   for b in 100 1000 5000; do BUDGET=$b benchmarks/protocol_overhead.sh; done   # a budget sweep
#
# PARZEN: the parzen binary (default: the release build, `swift build -c release`; not built here).
# JOBS: cells at once (default 1: an external cell keeps two processes busy, ping-ponging).
# BUDGET: evaluations per cell instead of the manifest's 5000 (a copy of the manifest is run).
# CC: the C compiler (default cc). Results go to results/protocol-overhead/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

manifest=benchmarks/protocol/overhead.yaml
source=benchmarks/protocol/trivial_suggester.c
program=benchmarks/protocol/trivial_suggester
results=results/protocol-overhead
jobs=${JOBS:-1}

fail() { echo "protocol_overhead: $*" >&2; exit 1; }

if [[ -z "${PARZEN:-}" ]]; then
    bin=$(swift build -c release --show-bin-path 2>/dev/null) || fail "cannot ask swift for the release bin path; set PARZEN=/path/to/parzen"
    PARZEN=$bin/parzen
fi
[[ -x "$PARZEN" ]] || fail "no parzen binary at '$PARZEN': build it with 'swift build -c release --product parzen' or set PARZEN"

"${CC:-cc}" -std=c99 -O2 -Wall -o "$program" "$source" || fail "could not compile $source with ${CC:-cc}"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if [[ -n "${BUDGET:-}" ]]; then
    [[ "$BUDGET" =~ ^[1-9][0-9]*$ ]] || fail "BUDGET must be a positive integer, got '$BUDGET'"
    copy=$(mktemp --suffix=.yaml 2>/dev/null || mktemp)
    trap 'rm -f "$log" "$copy"' EXIT
    sed -e "s/^budget: .*/budget: $BUDGET/" -e "s/^checkpoints: .*/checkpoints: [$BUDGET]/" "$manifest" >"$copy"
    manifest=$copy
fi
shown=benchmarks/protocol/overhead.yaml${BUDGET:+ with budget $BUDGET}
started=${EPOCHREALTIME:-$SECONDS}   # bash 5; whole seconds on older bash
if ! "$PARZEN" run "$manifest" --fresh --no-plots --quiet --jobs "$jobs" >"$log" 2>&1; then
    cat "$log" >&2
    fail "'$PARZEN run $manifest' failed (output above); failed cells are listed by '$PARZEN collect $manifest'"
fi
finished=${EPOCHREALTIME:-$SECONDS}
[[ -s "$results/timings.csv" ]] || fail "the run wrote no $results/timings.csv"

echo "protocol overhead: $shown, $("$PARZEN" validate "$manifest" | sed 's/^[^:]*: ok: //'), --jobs $jobs"
echo "run wall time: $(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.1f s", b - a }') (including program start-up, hello and bye)"
# timings.csv: problem,suggester,replicate,evaluations,suggest_seconds,evaluate_seconds (Collector.timingsCSV)
awk -F, -v base=random -v external=trivial-external '
    NR == 1 {
        if ($1 != "problem" || $2 != "suggester" || $4 != "evaluations" || $5 != "suggest_seconds" || $6 != "evaluate_seconds") {
            print "protocol_overhead: unexpected timings.csv header: " $0 > "/dev/stderr"; bad = 1; exit 1
        }
        next
    }
    {
        s = $2; n[s] += $4; sug[s] += $5; cell[s] += $5 + $6; cells[s]++
        per = $5 / $4 * 1e6
        if (!(s in lo) || per < lo[s]) lo[s] = per
        if (!(s in hi) || per > hi[s]) hi[s] = per
    }
    END {
        if (bad) exit 1
        if (!(base in n) || !(external in n)) {
            print "protocol_overhead: timings.csv lacks the suggester " (base in n ? external : base) > "/dev/stderr"; exit 1
        }
        printf "%-18s %6s %8s %22s %28s %16s\n", "suggester", "cells", "trials", "suggest s/trial", "(min..max over cells, us)", "cell s/trial"
        for (i = 0; i < 2; i++) {
            s = i ? external : base
            printf "%-18s %6d %8d %22.3e %13.2f .. %-12.2f %16.3e\n", s, cells[s], n[s], sug[s] / n[s], lo[s], hi[s], cell[s] / n[s]
        }
        printf "external - random: %.1f us per trial (one tell + one ask round trip), suggest time; %.1f us for the whole trial\n",
            (sug[external] / n[external] - sug[base] / n[base]) * 1e6, (cell[external] / n[external] - cell[base] / n[base]) * 1e6
    }
' "$results/timings.csv"
