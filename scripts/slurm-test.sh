#!/usr/bin/env bash
# End-to-end test of scripts/slurm-array.sh on a running Slurm (CI: after scripts/slurm-local.sh start).
#
#   scripts/slurm-test.sh PARZEN [SLICES]
#
# 1. Runs experiments/slurm-ci.yaml locally (`parzen run`), the reference.
# 2. Submits it as an array of SLICES tasks (default 4) plus the collection job, waits, and
#    compares results/slurm-ci and plots/slurm-ci with the reference, byte for byte. The jobs get
#    none of this shell's environment; their python3 must be PARZEN_VENV's (a stand-in here).
# 3. Submits it again into a fresh folder, cancels task 2 with scancel once it has written some but
#    not all of its cells, checks that `parzen collect` refuses, resubmits task 2 alone at once
#    (`--tasks 2 --after ARRAY`, the other tasks may still run), waits, checks that the first
#    collection job was dropped, and compares again.
# 4. Submits it into a third folder, cancels the whole array once it has written a cell, submits
#    the whole array again, waits, and compares again.
#
# The comparison covers every file, except timings.csv, cost.csv, cost-growth.csv and their pictures and
# report.md's "## Cost" section; the cells are compared by content, every cell's record body
# (scripts/parzen_cells.py) without its closing "# end" line and its per-trial time columns, since the pack
# files' names say which process wrote them. Any difference, a job that does not complete, or no running Slurm fails
# the test (exit 1); it is never skipped.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
parzen=${1:?usage: scripts/slurm-test.sh PARZEN [SLICES]}
slices=${2:-4}
manifest=experiments/slurm-ci.yaml # named as in a local run from the repository (the lock file records it)
name=slurm-ci
cancelled_task=2
timeout=${SLURM_TEST_TIMEOUT:-300} # seconds allowed for each wait

fail() { echo "slurm-test: FAILED: $*" >&2; exit 1; }
say() { echo "slurm-test: $*"; }

parzen=$(cd "$(dirname "$parzen")" && echo "$(pwd)/$(basename "$parzen")")
[ -x "$parzen" ] || fail "$parzen is not executable"
cd "$repo" # the manifest's programs are named relative to the repository
command -v sbatch >/dev/null 2>&1 || fail "no sbatch on PATH: Slurm is not installed (scripts/slurm-local.sh start)"
state=$(sinfo -h -o %T 2>/dev/null | sort -u | tr '\n' ' ') || true
[[ "$state" == *idle* || "$state" == *mix* || "$state" == *alloc* ]] \
  || fail "Slurm has no usable node (sinfo: '${state}'); start one with scripts/slurm-local.sh start"

# The work folder must be seen by the nodes; on the single-node Slurm any local folder is.
work=$(mktemp -d "${SLURM_TEST_DIR:-${TMPDIR:-/tmp}}/parzen-slurm-test.XXXXXX")
jobs_to_cancel=()
cleanup() {
  [ ${#jobs_to_cancel[@]} -eq 0 ] || scancel "${jobs_to_cancel[@]}" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] && echo "slurm-test: kept $work" || rm -rf "$work"
}
trap cleanup EXIT

job_state() { scontrol -o show job "$1" 2>/dev/null | grep -oE 'JobState=[A-Z_]+' | head -1 | cut -d= -f2; }
# Waits until none of the given jobs is pending or running any more.
wait_jobs() {
  local start=$SECONDS
  while [ -n "$(squeue -h -j "$(IFS=,; echo "$*")" -o %i 2>/dev/null)" ]; do
    [ $((SECONDS - start)) -lt "$timeout" ] || { squeue; fail "jobs $* still queued after ${timeout} s"; }
    sleep 0.2
  done
}
show_logs() { for log in "$1"/slurm-logs/*; do echo "--- $log"; cat "$log"; done >&2; }

# Every file of results/NAME and plots/NAME under folder $1 but the cells, listed relative to it.
listing() { (cd "$1" && find "results/$name" "plots/$name" -type f -not -path "results/$name/cells/*" | LC_ALL=C sort); }
cells_of() { python3 "$repo/scripts/parzen_cells.py" "$@"; }
# Compares folder $2 with the reference folder $1.
compare() {
  local reference=$1 other=$2 what=$3 differences=0
  if ! diff <(listing "$reference") <(listing "$other") >&2; then
    fail "$what: the files differ from the local run's (above: < local, > Slurm)"
  fi
  while read -r file; do
    case "$file" in
      */timings.csv|*/cost.*|*/cost-growth.*) continue ;;
      # The Cost section is timed: compared without it.
      */report.md)
        cmp -s <(sed '/^## Cost$/,/^## Files$/d' "$reference/$file") <(sed '/^## Cost$/,/^## Files$/d' "$other/$file") \
          || { echo "differs: $file" >&2; differences=$((differences + 1)); } ;;
      *) cmp -s "$reference/$file" "$other/$file" || { echo "differs: $file" >&2; differences=$((differences + 1)); } ;;
    esac
  done < <(listing "$reference")
  cmp -s <(cells_of "$reference/results/$name") <(cells_of "$other/results/$name") \
    || { echo "differs: the cells of results/$name" >&2; differences=$((differences + 1)); }
  [ "$differences" -eq 0 ] || fail "$what: $differences file(s) differ from the local run's"
  say "$what: $(listing "$other" | wc -l) files and $(cells_of --names "$other/results/$name" | wc -l) cells, the same bytes as the local run (timings aside)"
}

total=$("$parzen" validate "$manifest" | grep -oE '= [0-9]+ cells' | grep -oE '[0-9]+')
[ -n "$total" ] || fail "parzen validate did not report the number of cells"
[ "$slices" -ge 2 ] && [ "$total" -ge $((3 * slices)) ] || fail "need at least 2 slices and 3 cells per slice"

# A stand-in for the project's Python environment: a python3 that notes that it was started,
# then runs the real one. The tasks must find it through PARZEN_VENV alone: nothing of this
# shell's environment is passed to the jobs (SBATCH_EXPORT=NONE), as on clusters that start jobs
# in a clean environment.
real_python=$(command -v python3) || fail "no python3 on PATH"
mkdir -p "$work/venv/bin"
printf '#!/bin/sh\n: > %q\nexec %q "$@"\n' "$work/venv/used" "$real_python" > "$work/venv/bin/python3"
chmod +x "$work/venv/bin/python3"
export PARZEN_VENV=$work/venv SBATCH_EXPORT=NONE

# 1. The reference.
start=$SECONDS
"$parzen" run "$manifest" --base "$work/local" --jobs 2 --quiet
say "local run: $total cells in $((SECONDS - start)) s"

# 2. The whole array.
start=$SECONDS
read -r array collection < <("$repo/scripts/slurm-array.sh" --parsable --base "$work/array" "$parzen" "$manifest" "$slices")
jobs_to_cancel=("$array" "$collection")
say "array job $array ($slices tasks), collection job $collection"
wait_jobs "$array" "$collection"
[ "$(job_state "$collection")" = COMPLETED ] || { show_logs "$work/array"; fail "collection job $collection ended $(job_state "$collection")"; }
say "array and collection: $((SECONDS - start)) s"
[ -e "$work/venv/used" ] || fail "the tasks did not start python3 from PARZEN_VENV ($work/venv)"
compare "$work/local" "$work/array" "array"

# 3. A task cancelled mid-run, then resubmitted. The cells of slice I are numbers I, I+N, I+2N, ...
# (round-robin) of the lock file's cell order: problems, then suggesters, then replicates.
mapfile -t slice_cells < <(awk -v n="$slices" -v i="$cancelled_task" '
  /^repeats: / { repeats = $2 }
  /^[a-z_]+:/ { section = $1 }
  /^ *- \{label: / { label = $3; sub(/,$/, "", label); if (section == "problems:") p[np++] = label; else if (section == "suggesters:") s[ns++] = label }
  END { k = 0; for (a = 0; a < np; a++) for (b = 0; b < ns; b++) for (r = 0; r < repeats; r++) if (k++ % n == i - 1) printf "%s/%s/r%03d\n", p[a], s[b], r }
  ' "$work/local/results/$name/manifest.lock.yaml")
[ ${#slice_cells[@]} -ge 3 ] || fail "could not read the cells of slice $cancelled_task from manifest.lock.yaml"
cells_done() {
  cells_of --names "$work/cancel/results/$name" | grep -cxF -f <(printf '%s\n' "${slice_cells[@]}") || true
}
start=$SECONDS
read -r array collection < <("$repo/scripts/slurm-array.sh" --parsable --base "$work/cancel" "$parzen" "$manifest" "$slices")
jobs_to_cancel=("$array" "$collection")
task="${array}_${cancelled_task}"
until [ "$(cells_done)" -ge 1 ]; do
  [ $((SECONDS - start)) -lt "$timeout" ] || fail "task $task wrote no cell within ${timeout} s"
  [ -n "$(squeue -h -j "$array" -o %i 2>/dev/null)" ] || fail "the array ended before task $task wrote a cell"
  sleep 0.1
done
scancel "$task"
wait_jobs "$task"
done_before=$(cells_done)
say "cancelled task $task with $done_before of its ${#slice_cells[@]} cells written"
[ "$done_before" -lt ${#slice_cells[@]} ] || fail "task $task finished before scancel took effect; use longer slices"
[ "$(job_state "$task")" = CANCELLED ] || fail "task $task ended $(job_state "$task"), not CANCELLED"
if "$parzen" collect "$manifest" --base "$work/cancel" --quiet 2>/dev/null; then
  fail "parzen collect accepted the results with task $task cancelled"
fi
# Resubmitted at once, while the array's other tasks may still run: the new collection job waits
# for them too (--after).
first_collection=$collection
read -r again collection < <("$repo/scripts/slurm-array.sh" --parsable --tasks "$cancelled_task" --after "$array" \
  --base "$work/cancel" "$parzen" "$manifest" "$slices")
jobs_to_cancel=("$array" "$first_collection" "$again" "$collection")
say "resubmitted task $cancelled_task as job $again, collection job $collection"
wait_jobs "$array" "$first_collection" "$again" "$collection"
[ "$(job_state "$first_collection")" = CANCELLED ] \
  || fail "collection job $first_collection ended $(job_state "$first_collection"), not dropped (CANCELLED) although task $task was cancelled"
[ "$(job_state "$collection")" = COMPLETED ] || { show_logs "$work/cancel"; fail "collection job $collection ended $(job_state "$collection")"; }
say "cancel, resubmit and collection: $((SECONDS - start)) s"
compare "$work/local" "$work/cancel" "cancelled and resubmitted"

# 4. The whole array cancelled once it has written a cell, then submitted again as a whole: the
# new tasks skip every finished cell.
cells_written() { cells_of --names "$1/results/$name" | wc -l; }
start=$SECONDS
read -r array collection < <("$repo/scripts/slurm-array.sh" --parsable --base "$work/whole" "$parzen" "$manifest" "$slices")
jobs_to_cancel=("$array" "$collection")
until [ "$(cells_written "$work/whole")" -ge 1 ]; do
  [ $((SECONDS - start)) -lt "$timeout" ] || fail "array $array wrote no cell within ${timeout} s"
  sleep 0.1
done
scancel "$array"
wait_jobs "$array" "$collection"
written=$(cells_written "$work/whole")
say "cancelled array $array with $written of $total cells written"
[ "$written" -lt "$total" ] || fail "array $array finished before scancel took effect; use longer slices"
[ "$(job_state "$collection")" = CANCELLED ] || fail "collection job $collection ended $(job_state "$collection"), not dropped (CANCELLED)"
read -r again collection < <("$repo/scripts/slurm-array.sh" --parsable --base "$work/whole" "$parzen" "$manifest" "$slices")
jobs_to_cancel=("$again" "$collection")
say "resubmitted the array as job $again, collection job $collection"
wait_jobs "$again" "$collection"
[ "$(job_state "$collection")" = COMPLETED ] || { show_logs "$work/whole"; fail "collection job $collection ended $(job_state "$collection")"; }
say "array cancel, resubmit and collection: $((SECONDS - start)) s"
compare "$work/local" "$work/whole" "array cancelled and resubmitted"
jobs_to_cancel=()
say "passed"
