#!/usr/bin/env bash
# Builds one libFuzzer target and runs it for a set time (Linux; the toolchain's libFuzzer).
#
#   scripts/fuzz.sh TARGET SECONDS [LIBFUZZER_FLAG…]
#   scripts/fuzz.sh list                  # the targets
#   scripts/fuzz.sh TARGET replay FILE…   # run the target once on each FILE (a crash to reproduce)
#
# TARGET is one of FuzzSpaceParser, FuzzManifest, FuzzTemplate, FuzzJSONReader, FuzzCellFile
# (Fuzz/TARGET). The build is debug with AddressSanitizer and libFuzzer, in its own scratch
# folder .build-fuzz (PARZEN_FUZZ=1 makes Package.swift declare the targets). The run reads the
# committed seeds in Fuzz/corpus/TARGET, keeps what it adds in .build-fuzz/corpus/TARGET (the
# committed seeds stay as they are), uses Fuzz/dict/TARGET.dict when present, and writes any
# crash, timeout, leak or out-of-memory input to .build-fuzz/artifacts/TARGET/. Exit status: 0
# when the time ran out with nothing found, libFuzzer's non-zero status otherwise. The last
# lines printed are libFuzzer's final statistics (executions per second, coverage).
#
# Default libFuzzer flags (extra flags come after and override): -max_len (per target, below),
# -timeout=10 (seconds for one input), -rss_limit_mb=2048, -print_final_stats=1.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(FuzzSpaceParser FuzzManifest FuzzTemplate FuzzJSONReader FuzzCellFile)
usage() { echo "usage: scripts/fuzz.sh TARGET SECONDS [LIBFUZZER_FLAG…] | TARGET replay FILE… | list (targets: ${targets[*]})" >&2; exit 2; }
[ $# -ge 1 ] || usage
if [ "$1" = list ]; then printf '%s\n' "${targets[@]}"; exit 0; fi
[ $# -ge 2 ] || usage
target=$1; shift
case " ${targets[*]} " in *" $target "*) ;; *) echo "fuzz.sh: unknown target '$target'" >&2; usage ;; esac
[ "$(uname)" = Linux ] || { echo "fuzz.sh: libFuzzer targets are built on Linux only" >&2; exit 2; }

# Longest input: room for every construct of the target while keeping the fuzzer off inputs
# whose only news is size (deep nesting, long alias chains, many cells).
case "$target" in
  FuzzSpaceParser) max_len=512 ;;
  FuzzManifest) max_len=1024 ;;
  FuzzTemplate) max_len=512 ;;
  FuzzJSONReader) max_len=512 ;;
  FuzzCellFile) max_len=2048 ;;
esac

scratch=.build-fuzz
# SwiftPM's --sanitize=fuzzer links libFuzzer's main in place of the target's; the sanitizers
# themselves come as one -sanitize list (given as two --sanitize options, SwiftPM passes them in
# no fixed order, and swiftc can then leave the Swift code without coverage instrumentation).
PARZEN_FUZZ=1 swift build -c debug --scratch-path "$scratch" --product "$target" --sanitize=fuzzer \
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address 2>&1 \
  | grep -vE "ld.gold: warning: Cannot export local symbol" >&2
binary=$scratch/debug/$target
# Fuzz/lsan.supp: objects held by a target's global that LeakSanitizer cannot see as referenced.
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# A crash is reported by libFuzzer; the Swift runtime's own backtracer would run under ASan.
export SWIFT_BACKTRACE=enable=no

if [ "$1" = replay ]; then
  shift
  [ $# -ge 1 ] || usage
  exec "$binary" -runs=1 "$@"
fi

seconds=$1; shift
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: SECONDS must be a whole number, got '$seconds'" >&2; usage; }
corpus=$scratch/corpus/$target
artifacts=$scratch/artifacts/$target
mkdir -p "$corpus" "$artifacts"
dict=()
[ -f "Fuzz/dict/$target.dict" ] && dict=(-dict="Fuzz/dict/$target.dict")
exec "$binary" "$corpus" "Fuzz/corpus/$target" "${dict[@]}" \
  -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$artifacts/" "$@"
