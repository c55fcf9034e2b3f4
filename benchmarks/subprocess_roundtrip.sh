#!/usr/bin/env bash
# The external-program protocol's round trip (one line to `cat`, one line back) through
# ParzenBench's `ChildProcess` and through swift-subprocess, side by side in one run
# (docs/architecture.md, "Why not swift-subprocess"). Builds the package
# benchmarks/subprocess-roundtrip (release; it depends on this package by path and on
# swift-subprocess) and runs it: three launchers, alternating, a fresh `cat` each per round,
#   ChildProcess         synchronous writeLine + readLine
#   subprocess-async     swift-subprocess inside its async `run` body
#   subprocess-thread    swift-subprocess driven from a plain thread through the async body
# Prints the load average, µs per round trip of every launcher in every round, then each
# launcher's median (its range in parentheses) and the median's ratio to ChildProcess's.
#
#   benchmarks/subprocess_roundtrip.sh
#   ROUNDS=15 TRIPS=50000 benchmarks/subprocess_roundtrip.sh
#   CPUS=0 benchmarks/subprocess_roundtrip.sh     # everything on core 0 (taskset)
#
# TRIPS: timed round trips per launcher and round (default 20000), after WARMUP untimed ones
# (default 200). ROUNDS: rounds (default 9). CPUS: a taskset CPU list to run on (default: all).
# The package's build is in benchmarks/subprocess-roundtrip/.build (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

package=benchmarks/subprocess-roundtrip
swift build -c release --package-path "$package" >&2
bin=$(swift build -c release --package-path "$package" --show-bin-path)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
${CPUS:+taskset -c "$CPUS"} "$bin/subprocess-roundtrip" --trips "${TRIPS:-20000}" --warm-up "${WARMUP:-200}" --rounds "${ROUNDS:-9}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
