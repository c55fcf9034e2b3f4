# Shared by the *_instructions.sh scripts: `source` it, then call `instructions_per_call ARGS...`
# with the arguments of `parzen bench suggest`. It counts, with callgrind, only the timed calls
# (the never-inlined timedSuggestion, through --toggle-collect) and prints their instructions
# divided by REPEATS. PARZEN: a prebuilt parzen binary; without it the release build is made.

if [[ -z "${PARZEN:-}" ]]; then
  swift build -c release --product parzen >/dev/null
  PARZEN=$(swift build -c release --show-bin-path)/parzen
fi
instructions_work=$(mktemp -d)
trap 'rm -rf "$instructions_work"' EXIT
# valgrind 3.19 cannot read the DWARF 5 that Swift writes: count a copy without debug info.
cp "$PARZEN" "$instructions_work/parzen"
objcopy --strip-debug "$instructions_work/parzen"

instructions_per_call() {  # arguments of bench suggest; REPEATS must be set
  SWIFT_DETERMINISTIC_HASHING=1 setarch "$(uname -m)" -R valgrind --tool=callgrind \
    --toggle-collect='*timedSuggestion*' --callgrind-out-file="$instructions_work/callgrind.out" \
    "$instructions_work/parzen" bench suggest --repeats "$REPEATS" "$@" >/dev/null 2>&1
  local total
  total=$(callgrind_annotate "$instructions_work/callgrind.out" | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
  echo $((total / REPEATS))
}
